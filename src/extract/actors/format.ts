/**
 * eventwire actor lexicon format ("eventwire-actors v1"), documented in
 * lexicons/actors/README.md. One entry per line, tab-separated:
 *
 *   kind <TAB> id <TAB> codes <TAB> names <TAB> note
 *
 * kind   country | region | igo | ngo | org | group | person | agent
 * codes  ";"-separated CODE or CODE@FROM..TO (ISO dates, either side may be
 *        empty): "USABUS;USAGOV@2017-01-20..2021-01-19". Agents use "~GOV"
 *        (sector appended to the country) or "NGO~" (a primary code).
 * names  "|"-separated names as written ("Sergey Lavrov|Sergei Lavrov|Lavrov");
 *        a trailing "*" lets the last word match longer words (a stem).
 * Lines starting with "#" are comments; the first line should be
 * "#eventwire-actors v1". JSON files hold an array of
 * {kind, id, codes: string|[...], names: string|[...], note?}.
 */
import type { DatedCode, LexName } from "./petrarch.js";
import { nameWords } from "./normalize.js";

export const KINDS = ["country", "region", "igo", "ngo", "org", "group", "person", "agent"] as const;
export type ActorKind = (typeof KINDS)[number];

export interface LexEntry {
  kind: ActorKind;
  id: string;
  codes: DatedCode[];
  /** Names as written in the file (for display and for writing back). */
  rawNames: string[];
  names: LexName[];
  note: string;
}

export function formatCodes(codes: DatedCode[]): string {
  return codes.map((c) => (c.from || c.to ? `${c.code}@${c.from ?? ""}..${c.to ?? ""}` : c.code)).join(";");
}

export function parseCodes(s: string): DatedCode[] {
  const out: DatedCode[] = [];
  for (const part of s.split(";")) {
    const p = part.trim();
    if (!p) continue;
    const at = p.indexOf("@");
    if (at < 0) {
      out.push({ code: p, from: null, to: null });
      continue;
    }
    const code = p.slice(0, at);
    const [from, to] = p.slice(at + 1).split("..");
    const iso = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d.trim()) ? d.trim() : null);
    out.push({ code, from: iso(from), to: iso(to) });
  }
  return out;
}

export function parseName(raw: string): LexName | null {
  let t = raw.trim();
  const prefix = t.endsWith("*");
  if (prefix) t = t.slice(0, -1);
  const words = nameWords(t);
  return words.length ? { words, prefix } : null;
}

export function nameToString(n: LexName): string {
  return n.words.join(" ") + (n.prefix ? "*" : "");
}

export class LexiconFormatError extends Error {}

/** Parses the TSV format; `source` names the file in error messages. */
export function parseLexiconTsv(text: string, source: string): LexEntry[] {
  const out: LexEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (cols.length < 4) throw new LexiconFormatError(`${source}:${i + 1}: expected kind<TAB>id<TAB>codes<TAB>names[<TAB>note], got ${cols.length} column(s)`);
    out.push(makeEntry(cols[0], cols[1], cols[2], cols[3].split("|"), cols[4] ?? "", `${source}:${i + 1}`));
  }
  return out;
}

export function parseLexiconJson(text: string, source: string): LexEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LexiconFormatError(`${source}: invalid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new LexiconFormatError(`${source}: expected a JSON array of entries`);
  return data.map((d: Record<string, unknown>, i) => {
    const codes = Array.isArray(d.codes) ? d.codes.join(";") : String(d.codes ?? "");
    const names = Array.isArray(d.names) ? d.names.map(String) : String(d.names ?? "").split("|");
    return makeEntry(String(d.kind ?? ""), String(d.id ?? ""), codes, names, String(d.note ?? ""), `${source}[${i}]`);
  });
}

function makeEntry(kind: string, id: string, codes: string, names: string[], note: string, where: string): LexEntry {
  if (!(KINDS as readonly string[]).includes(kind)) throw new LexiconFormatError(`${where}: unknown kind "${kind}" (expected one of ${KINDS.join(", ")})`);
  const parsedCodes = parseCodes(codes);
  if (!parsedCodes.length) throw new LexiconFormatError(`${where}: entry "${id}" has no code`);
  const rawNames = names.map((n) => n.trim()).filter(Boolean);
  const parsed = rawNames.map(parseName).filter((n): n is LexName => n !== null);
  if (!parsed.length) throw new LexiconFormatError(`${where}: entry "${id}" has no usable name`);
  return { kind: kind as ActorKind, id: id.trim() || rawNames[0], codes: parsedCodes, rawNames, names: parsed, note: note.trim() };
}

export function entryToTsv(e: LexEntry): string {
  const clean = (s: string) => s.replace(/[\t\r\n|]/g, " ");
  return [e.kind, clean(e.id), formatCodes(e.codes), e.rawNames.map(clean).join("|"), e.note.replace(/[\t\r\n]/g, " ")].join("\t");
}
