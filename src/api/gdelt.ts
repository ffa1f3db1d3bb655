import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { LEXICONS } from "../model/paths.js";

/** The 61 columns of a GDELT 2.0 Events record, in order. */
export const GDELT_EVENT_COLUMNS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  ...actorColumns("Actor1"), ...actorColumns("Actor2"),
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
  "NumMentions", "NumSources", "NumArticles", "AvgTone",
  ...geoColumns("Actor1Geo"), ...geoColumns("Actor2Geo"), ...geoColumns("ActionGeo"),
  "DATEADDED", "SOURCEURL",
];

function actorColumns(p: string): string[] {
  return ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"].map((c) => p + c);
}
function geoColumns(p: string): string[] {
  return ["_Type", "_FullName", "_CountryCode", "_ADM1Code", "_ADM2Code", "_Lat", "_Long", "_FeatureID"].map((c) => p + c);
}

let typeCodes: Set<string> | null = null;
/** CAMEO role/sector codes (GOV, MIL, IGO ...), from lexicons/gdelt/actor-types.tsv. */
function actorTypes(): Set<string> {
  if (!typeCodes) {
    const lines = readFileSync(join(LEXICONS, "gdelt", "actor-types.tsv"), "utf8").split("\n");
    typeCodes = new Set(lines.filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t")[0]).filter((c) => c !== "UNO"));
  }
  return typeCodes;
}

const GROUP_PREFIXES = new Set(["IGO", "NGO", "NGM", "IMG", "MNC"]);

/** Splits a CAMEO actor code (RUSGOV, IGOUNO, USAMILREB) into GDELT's actor columns. */
export function splitActorCode(code: string | null): { country: string; group: string; types: string[] } {
  const out = { country: "", group: "", types: [] as string[] };
  if (!code) return out;
  const chunks = code.toUpperCase().match(/.{1,3}/g) ?? [];
  const types = actorTypes();
  chunks.forEach((c, i) => {
    if (i === 0 && c !== "---" && !types.has(c)) out.country = c;
    else if (types.has(c)) out.types.push(c);
    else if (i > 0 && GROUP_PREFIXES.has(chunks[i - 1]) && !out.group) out.group = c;
  });
  return out;
}

const compact = (d: string) => d.replace(/-/g, "");

/** One stored event (row of eventsForExport) as a GDELT 2.0 Events record. */
export function gdeltEventRecord(r: Record<string, unknown>): string[] {
  const date = String(r.event_date ?? r.published ?? "");
  const [y, m, d] = date ? date.split("-").map(Number) : [0, 0, 0];
  const code = String(r.code);
  const actor = (prefix: "source" | "target") => {
    const a = (r[`${prefix}_actor`] as string | null) ?? "";
    const s = splitActorCode(a);
    const name = String(r[`${prefix}_text`] ?? "").toUpperCase();
    return [a, a || name ? name : "", s.country, s.group, "", "", "", s.types[0] ?? "", s.types[1] ?? "", s.types[2] ?? ""];
  };
  const added = r.ingested_at instanceof Date ? r.ingested_at.toISOString() : String(r.ingested_at ?? "");
  const mentions = Array.isArray(r.mentions) ? r.mentions.length + 1 : 1;
  return [
    String(globalEventId(String(r.article_id), String(r.id))),
    date ? compact(date) : "",
    date ? compact(date).slice(0, 6) : "",
    date ? String(y) : "",
    date ? (y + (m * 30 + d) / 365).toFixed(4) : "",
    ...actor("source"),
    ...(r.target_actor || r.target_text ? actor("target") : Array(10).fill("")),
    Number(r.sentence) <= 2 ? "1" : "0",
    code,
    code.slice(0, 3),
    String(r.root),
    String(r.quad_class),
    r.goldstein === null || r.goldstein === undefined ? "" : String(r.goldstein),
    String(mentions),
    "1",
    String(1 + Number(r.copies ?? 0)),
    "",
    ...Array(24).fill(""),
    added.replace(/[-:T]/g, "").slice(0, 14),
    String(r.url ?? r.article_source ?? ""),
  ];
}

/** A stable positive integer id (53 bits) for an event, as GDELT's GLOBALEVENTID column wants. */
function globalEventId(articleId: string, eventId: string): number {
  const h = createHash("sha256").update(articleId).update("/").update(eventId).digest();
  return h.readUIntBE(0, 6) + 1;
}
