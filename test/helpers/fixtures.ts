/**
 * Test fixtures written for eventwire's own tests: hand-made dependency
 * parses (compact "form lemma UPOS head deprel" lines) and a TEMPORARY tiny
 * actor coder for the names they use, until src/extract/actors is merged.
 */
import { Doc } from "../../src/model/index.js";
import type { ActorMatch } from "../../src/extract/events/actors.js";
import { fillFromConllu } from "./conllu.js";

/** Builds a Doc from sentences of "form lemma UPOS head deprel" lines (heads 1-based, 0 = root). */
export function fixtureDoc(sentences: string[][], published: string | null = "2017-04-12", id = "fixture"): Doc {
  const texts: string[] = [];
  const conllu: string[] = [];
  for (const lines of sentences) {
    const rows = lines.map((l) => l.trim().split(/\s+/));
    let text = "";
    rows.forEach((r, k) => {
      const noSpace = k === 0 || /^[.,!?;:]$|^'s$|^n't$/.test(r[0]);
      text += (noSpace ? "" : " ") + r[0];
      conllu.push([k + 1, r[0], r[1], r[2], "_", "_", r[3], r[4], "_", "_"].join("\t"));
    });
    conllu.push("");
    texts.push(text);
  }
  const doc = new Doc({ id, title: null, published, url: null, source: null, language: "en", text: texts.join(" ") });
  fillFromConllu(doc, conllu.join("\n"));
  return doc;
}

const NAMES: [RegExp, string][] = [
  [/\bintelligence agencies\b/i, "USASPY"],
  [/\b(Tillerson|Trump)\b/, "USAGOV"],
  [/\b(Putin|Lavrov)\b/, "RUSGOV"],
  [/\b(Russia|Russian Federation|Moscow)\b/, "RUS"],
  [/\b(United States|Washington|USA)\b/, "USA"],
  [/\bSyria\b/, "SYR"],
  [/\bChina\b/, "CHN"],
  [/\bBritain\b/, "GBR"],
  [/\bOPCW\b/, "IGOOPCW"],
];

export interface FixtureActors { names: [RegExp, string][] }
export const fixtureActors: FixtureActors = { names: NAMES };

export function codeFixtureActor(lex: FixtureActors, doc: Doc, start: number, end: number): ActorMatch | null {
  const text = doc.text.slice(start, end);
  for (const [re, code] of lex.names) {
    const m = re.exec(text);
    if (m) return { actor: code, entity: null, name: m[0], confidence: 0.9, start: start + m.index, end: start + m.index + m[0].length };
  }
  return null;
}
