/**
 * Reader for PETRARCH / TABARI format actor and agent dictionaries
 * (format: petrarch2 docs/source/dictionaries.rst), so suites that ship their
 * own dictionaries (fictional countries) can be coded, and so the Phoenix
 * dictionaries can be converted into eventwire's lexicon format.
 *
 * Actors:  ROOT_NAME_ [CODE]          a name with an undated code
 *          +SYNONYM_                  more names for the entry above
 *              [CODE >YYMMDD] [CODE <YYYYMMDD] [CODE D1-D2]   dated codes
 * A trailing "_" means the last word must match exactly; without it, the last
 * word matches any word that starts with it (a stem).
 * Agents:  !SET! = A, B                substitution set
 *          NOUN_PHRASE {PLURALS} [~GOV]   role noun with its agent code
 */
import { nameWords } from "./normalize.js";

export interface DatedCode {
  code: string;
  /** ISO date YYYY-MM-DD (inclusive) or null. */
  from: string | null;
  /** ISO date YYYY-MM-DD (inclusive) or null. */
  to: string | null;
}

export interface LexName {
  /** Normalised words (see normalize.ts). */
  words: string[];
  /** The last word may be a stem (matches longer words). */
  prefix: boolean;
}

export interface RawActor {
  id: string;
  names: LexName[];
  codes: DatedCode[];
  comment: string;
}

export interface RawAgent {
  id: string;
  names: LexName[];
  /** "~GOV" (sector appended to a country code) or "NGO~" (primary code). */
  code: string;
  comment: string;
}

/** YYMMDD (pivot: 00-30 -> 20xx) or YYYYMMDD -> YYYY-MM-DD. */
export function petrDate(d: string): string | null {
  if (/^\d{8}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    return `${yy <= 30 ? 2000 + yy : 1900 + yy}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
  }
  return null;
}

/** Parses "[RUSGOV >080508]" contents ("RUSGOV >080508") into a DatedCode. */
export function parseCodeSpec(spec: string): DatedCode | null {
  const parts = spec.trim().split(/\s+/);
  const code = parts[0];
  if (!code) return null;
  // the dictionaries also space the restriction out: "[HOB < 950601]", "[HOBGOV 19950601 - 19990815]"
  const when = parts.slice(1).join("");
  if (!when) return { code, from: null, to: null };
  let m: RegExpExecArray | null;
  if ((m = /^>(\d{6,8})$/.exec(when))) return { code, from: petrDate(m[1]), to: null };
  if ((m = /^<(\d{6,8})$/.exec(when))) return { code, from: null, to: petrDate(m[1]) };
  if ((m = /^(\d{6,8})-(\d{6,8})$/.exec(when))) return { code, from: petrDate(m[1]), to: petrDate(m[2]) };
  return { code, from: null, to: null };
}

function stripComment(line: string): [string, string] {
  const i = line.indexOf("#");
  return i < 0 ? [line, ""] : [line.slice(0, i), line.slice(i + 1).trim()];
}

function toName(raw: string): LexName | null {
  const t = raw.trim();
  if (!t) return null;
  const words = nameWords(t);
  if (!words.length) return null;
  return { words, prefix: !t.endsWith("_") && /[\p{L}]$/u.test(t) };
}

/**
 * A name, plus for "LONG_NAME_(ACR)" both "LONG_NAME" and "ACR". A parenthesised word that is not an
 * acronym qualifies the name and stays part of it: "SAMOA_(AMERICAN)_" is "SAMOA AMERICAN", not
 * "SAMOA" and "AMERICAN" (which made "American" American Samoa), "KOREA_(NORTH)_" is "KOREA NORTH".
 */
function toNames(raw: string): LexName[] {
  const out: LexName[] = [];
  const m = /^(.*?)_?\(([^)]+)\)_?(.*)$/.exec(raw.trim());
  const parts = m ? (isAcronym(m[2]) ? [m[1] + (m[3] ? "_" + m[3] : "_"), m[2] + "_"] : [m[1] + "_" + m[2] + (m[3] ? "_" + m[3] : "_")]) : [raw];
  for (const p of parts) {
    const n = toName(p);
    if (n) out.push(n);
  }
  return out;
}

/** "IRA", "LTTE", "PDFLP", "CPN-M": one short word, or one without vowels or with a hyphen; not "NORTH", "AMERICAN", "COLOMBIA". */
function isAcronym(s: string): boolean {
  return /^[\p{L}\p{N}&.-]+$/u.test(s) && (s.length <= 4 || !/[AEIOUaeiou]/.test(s) || s.includes("-"));
}

function displayId(raw: string): string {
  return raw.replace(/_+$/g, "").replace(/_/g, " ").trim();
}

/** Parses a PETRARCH actor dictionary. Never throws on odd lines: it skips them. */
export function parsePetrarchActors(text: string): RawActor[] {
  const out: RawActor[] = [];
  let cur: RawActor | null = null;
  const close = () => {
    if (cur && cur.codes.length && cur.names.length) out.push(cur);
    cur = null;
  };
  let inXmlComment = false;
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine;
    if (inXmlComment) {
      const e = line.indexOf("-->");
      if (e < 0) continue;
      line = line.slice(e + 3);
      inXmlComment = false;
    }
    // <!-- ... --> comments (single or multi-line)
    line = line.replace(/<!--.*?-->/g, "");
    const s = line.indexOf("<!--");
    if (s >= 0) {
      line = line.slice(0, s);
      inXmlComment = true;
    }
    const [body, comment] = stripComment(line);
    if (!body.trim()) continue;
    const codes: DatedCode[] = [];
    const nameText = body.replace(/\[([^\]]*)\]/g, (_m, spec: string) => {
      const c = parseCodeSpec(spec);
      if (c) codes.push(c);
      return " ";
    });
    const trimmed = nameText.trim();
    const indented = /^\s/.test(body);
    if (trimmed.startsWith("+")) {
      if (!cur) continue;
      for (const part of trimmed.split(/\+/)) for (const n of toNames(part)) (cur as RawActor).names.push(n);
      (cur as RawActor).codes.push(...codes);
    } else if (!trimmed) {
      if (cur) (cur as RawActor).codes.push(...codes);
    } else if (indented && cur && !codes.length) {
      continue;
    } else {
      close();
      const ns = toNames(trimmed.split(/\s{2,}|\t/)[0]);
      if (!ns.length) continue;
      cur = { id: displayId(trimmed.split(/\s{2,}|\t/)[0].replace(/_?\([^)]*\)_?/g, "_")), names: ns, codes, comment };
    }
  }
  close();
  return out;
}

function pluralOf(w: string): string {
  if (/(S|X|Z|CH|SH)$/.test(w)) return w + "ES";
  if (/[^AEIOU]Y$/.test(w)) return w.slice(0, -1) + "IES";
  if (/MAN$/.test(w)) return w.slice(0, -3) + "MEN";
  return w + "S";
}

/** Parses a PETRARCH agent dictionary; regular plurals are generated unless `{}` is given. */
export function parsePetrarchAgents(text: string): RawAgent[] {
  const sets = new Map<string, string[]>();
  const out: RawAgent[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/<!--.*?-->/g, "");
    const [body, comment] = stripComment(line);
    if (!body.trim()) continue;
    const set = /^\s*(![A-Z]+!)\s*=\s*(.+)$/.exec(body);
    if (set) {
      sets.set(set[1], set[2].split(",").map((x) => x.trim()).filter(Boolean));
      continue;
    }
    const codeM = /\[\s*([^\]]*)\]/.exec(body);
    if (!codeM) continue;
    const code = codeM[1].trim().split(/\s+/)[0];
    if (!code) continue;
    const before = body.slice(0, codeM.index);
    const pl = /\{([^}]*)\}/.exec(before);
    const phrase = before.replace(/\{[^}]*\}/, "").trim();
    if (!phrase) continue;
    // expand substitution sets
    let phrases = [phrase];
    for (const [k, vals] of sets) {
      if (!phrase.includes(k)) continue;
      phrases = phrases.flatMap((p) => vals.map((v) => p.split(k).join(v)));
    }
    const names: LexName[] = [];
    for (const p of phrases) {
      const n = toName(p.replace(/_+$/, "") + "_");
      if (!n) continue;
      names.push(n);
      if (pl) {
        for (const irr of pl[1].split(",")) {
          const m = toName(irr.trim() ? irr.trim() + "_" : "");
          if (m) names.push(m);
        }
      } else if (!phrase.includes("!")) {
        const w = n.words.slice();
        w[w.length - 1] = pluralOf(w[w.length - 1]);
        names.push({ words: w, prefix: false });
      }
    }
    if (names.length) out.push({ id: displayId(phrase), names, code, comment });
  }
  return out;
}
