/**
 * The PLOVER form of a CAMEO actor code.
 *
 * PLOVER's actor object (PLOVER manual, chapter "Actor and Sector Codes" and table "Information object
 * for actors") has a 3-character top-level `code` (an ISO 3166 alpha-3 state, or IGO, NGO, ISM, IMG,
 * MNC) and a `sector` of a primary code with at most one secondary code (GOV, MIL, GOVMOS, ...); an
 * organisation's own identity goes to the identifier fields, not into the code. CAMEO instead appends
 * the organisation's identifier to the code (IGOUNO, IGOEUREEC, IGOWSTNAT, NGOHRIAMN), and a few
 * CAMEO sector codes mean something else in PLOVER (CAMEO MED media = PLOVER JRN, CAMEO HLH health =
 * PLOVER MED). So the PLOVER form of IGOUNO is IGO with no sector, that of IGOUNOREF (the UN refugee
 * agency) IGO + REF, that of CHEHLH (Swiss doctors) CHE + MED. The crosswalk is data:
 * lexicons/actors/plover-sectors.tsv. The PLOVER gold standard records write actors this way, and their
 * documentation (PLOVER_GSR_CAMEO_readme) adds: cities go to sector CVL; capitals go to GOV as subject
 * or direct object, otherwise CVL (the actor coder's `place`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PloverActor } from "../../model/index.js";
import { lexiconDir } from "./lexicon.js";

export type { PloverActor };

interface Crosswalk {
  top: Map<string, string>;
  /** CAMEO sector or religion element -> PLOVER element, "" = dropped. */
  element: Map<string, string>;
}

let crosswalk: Crosswalk | null = null;

function loadCrosswalk(): Crosswalk {
  const path = join(lexiconDir(), "plover-sectors.tsv");
  const cw: Crosswalk = { top: new Map(), element: new Map() };
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [kind, cameo, plover] = line.split("\t");
    if (!/^[A-Z]{3}$/.test(cameo ?? "") || !/^([A-Z]{3}|-)$/.test(plover ?? "") || !/^(top|sector|religion)$/.test(kind)) throw new Error(`${path}:${i + 1}: expected kind <TAB> CAMEO code <TAB> PLOVER code or -`);
    (kind === "top" ? cw.top : cw.element).set(cameo, plover === "-" ? "" : plover);
  });
  return cw;
}

/**
 * The PLOVER actor of a CAMEO code, or null for no code; `place` "city" (a town named as a place, see
 * ActorMatch.place) makes an actor without a sector civilians (CVL). Elements after the top-level code that are
 * neither sectors nor religions (an organisation's identifier, a region) are dropped; a code that is not
 * made of 3-letter groups (the new-actor text of some test dictionaries) is returned whole.
 */
export function ploverActor(cameo: string | null, place?: "city" | "capital"): PloverActor | null {
  if (!cameo) return null;
  const code = cameo.toUpperCase();
  if (!/^([A-Z]{3}|---)([A-Z]{3})*$/.test(code)) return { code, sector: "" };
  const cw = (crosswalk ??= loadCrosswalk());
  const top = code.slice(0, 3);
  let sector = "";
  for (let k = 3; k < code.length && sector.length < 6; k += 3) sector += cw.element.get(code.slice(k, k + 3)) ?? "";
  // a town's people: civilians
  if (place === "city" && !sector && top !== "---") sector = "CVL";
  return { code: cw.top.get(top) ?? top, sector };
}

/** The PLOVER actor written as one string, code + sector ("IGOREF"), as the PLOVER gold records do. */
export function ploverCode(cameo: string | null, place?: "city" | "capital"): string | null {
  const p = ploverActor(cameo, place);
  return p ? p.code + p.sector : null;
}
