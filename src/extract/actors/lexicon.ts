/**
 * The actor lexicon in memory: entries (countries, organisations, people,
 * role nouns) and a word trie over all their names for longest-match lookup.
 * Built once per process; lookups never allocate per word beyond the result.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ActorKind, type LexEntry, LexiconFormatError, nameToString, parseLexiconJson, parseLexiconTsv } from "./format.js";
import { type DatedCode, type LexName, parsePetrarchActors, parsePetrarchAgents } from "./petrarch.js";
import { nameWords } from "./normalize.js";

export interface TrieNode {
  kids: Map<string, TrieNode> | null;
  /** Entry index when a name ends exactly here, else -1. */
  entry: number;
  /** Stems that end a name here: stem -> entry index (last word may be longer). */
  stems: Map<string, number> | null;
}

function node(): TrieNode {
  return { kids: null, entry: -1, stems: null };
}

export interface LexStats {
  entries: number;
  names: number;
  byKind: Record<string, number>;
  files: string[];
}

/** The default lexicon files, in load order (later files override earlier names). */
export const DEFAULT_FILES = ["countries.tsv", "international.tsv", "nonstate.tsv", "agents.tsv", "curated.tsv"];

export function lexiconDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const cand = join(dir, "lexicons", "actors");
    if (existsSync(join(cand, "README.md"))) return cand;
    const up = resolve(dir, "..");
    if (up === dir) break;
    dir = up;
  }
  throw new Error("lexicons/actors: folder not found above " + fileURLToPath(import.meta.url));
}

export class ActorLexiconImpl {
  readonly entries: LexEntry[] = [];
  readonly root: TrieNode = node();
  /** Longest name in words, to bound lookups. */
  maxWords = 1;
  readonly files: string[] = [];
  /** Index of entries by id (last wins), for overrides by id. */
  readonly byId = new Map<string, number>();
  /** Surname (last word of a person's names) -> entry indices, for fuzzy lookups. */
  readonly personNames: { words: string[]; entry: number }[] = [];
  /** Every word of every role-noun (agent) name, for finding premodifiers ("presidential spokesman"). */
  readonly agentWords = new Set<string>(["PRESIDENTIAL", "MINISTERIAL"]);
  /** Every role-noun (agent) name as normalised words joined by spaces ("SECRETARY OF STATE"). */
  readonly agentNames = new Set<string>();
  /** Entries replaced by a later entry with the same kind and id. */
  readonly superseded = new Set<number>();
  /** Names of the states themselves (ids of countries.tsv's countries), normalised words joined by spaces. */
  readonly stateNames = new Set<string>();
  private placeNames: Set<string> | null = null;

  /**
   * Whether the normalised words ("TEL AVIV") name a town or city: a populated place of the gazetteer
   * (lexicons/entities/places.txt) that is not a state's own name ("Lebanon", "Mexico" are towns too).
   * The gazetteer is read on first use.
   */
  isCity(words: string): boolean {
    if (!this.placeNames) {
      this.placeNames = new Set();
      const path = join(lexiconDir(), "..", "entities", "places.txt");
      if (existsSync(path))
        for (const line of readFileSync(path, "utf8").split("\n")) if (line && !line.startsWith("#")) this.placeNames.add(nameWords(line).join(" "));
    }
    return this.placeNames.has(words) && !this.stateNames.has(words);
  }

  /** Adds entries; `override` lets their names replace names already present. */
  add(entries: LexEntry[], override: boolean): void {
    for (const e of entries) {
      const prev = this.byId.get(e.kind + "\u0000" + e.id);
      const idx = this.entries.length;
      this.entries.push(e);
      this.byId.set(e.kind + "\u0000" + e.id, idx);
      if (prev !== undefined && override && e.kind === "person") {
        this.unlinkEntry(prev);
        this.superseded.add(prev);
      }
      for (const n of e.names) this.insert(n, idx, override);
      if (e.kind === "agent") for (const n of e.names) this.agentNames.add(n.words.join(" "));
      if (e.kind === "agent") for (const n of e.names) for (const w of n.words) if (w.length > 3 && !/^(THE|AND|FOR|FROM|WITH|INTO)$/.test(w)) this.agentWords.add(w);
      if (e.kind === "person") for (const n of e.names) if (n.words.length >= 2) this.personNames.push({ words: n.words, entry: idx });
    }
  }

  private unlinkEntry(idx: number): void {
    // only names of this entry can point at it
    for (const name of this.entries[idx].names) {
      let cur: TrieNode | undefined = this.root;
      const w = name.words;
      for (let i = 0; i < w.length - 1 && cur; i++) cur = cur.kids?.get(w[i]);
      if (!cur) continue;
      const last = w[w.length - 1];
      const end = cur.kids?.get(last);
      if (end && end.entry === idx) end.entry = -1;
      if (cur.stems?.get(last) === idx) cur.stems.delete(last);
    }
  }

  private insert(n: LexName, idx: number, override: boolean): void {
    let cur = this.root;
    const w = n.words;
    if (w.length > this.maxWords) this.maxWords = w.length;
    for (let i = 0; i < w.length - 1; i++) {
      if (!cur.kids) cur.kids = new Map();
      let nx = cur.kids.get(w[i]);
      if (!nx) cur.kids.set(w[i], (nx = node()));
      cur = nx;
    }
    const last = w[w.length - 1];
    if (n.prefix && last.length >= 4) {
      if (!cur.stems) cur.stems = new Map();
      if (override || !cur.stems.has(last)) cur.stems.set(last, idx);
      // the stem itself also matches exactly
    }
    if (!cur.kids) cur.kids = new Map();
    let end = cur.kids.get(last);
    if (!end) cur.kids.set(last, (end = node()));
    if (override || end.entry < 0) end.entry = idx;
  }

  /**
   * Longest match starting at words[i]: returns [entry, wordCount] or null.
   * `accept(entry, first)` can veto a candidate (e.g. case rules).
   */
  longest(words: string[], i: number, accept?: (entry: number, len: number) => boolean): [number, number] | null {
    let cur: TrieNode | undefined = this.root;
    let best: [number, number] | null = null;
    for (let j = i; j < words.length && cur; j++) {
      const w = words[j];
      if (cur.stems) {
        for (let k = Math.min(w.length - 1, 24); k >= 4; k--) {
          const e = cur.stems.get(w.slice(0, k));
          if (e !== undefined && (!accept || accept(e, j - i + 1))) {
            best = [e, j - i + 1];
            break;
          }
        }
      }
      cur = cur.kids?.get(w);
      if (cur && cur.entry >= 0 && (!accept || accept(cur.entry, j - i + 1))) best = [cur.entry, j - i + 1];
    }
    return best;
  }

  stats(): LexStats {
    const byKind: Record<string, number> = {};
    let names = 0;
    for (const e of this.entries) {
      byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
      names += e.names.length;
    }
    return { entries: this.entries.length, names, byKind, files: this.files };
  }
}

/** Which code of an entry applies on `date` (YYYY-MM-DD) or, with no date, today. */
export function codeOn(codes: DatedCode[], date: string | null): { code: string; dated: boolean } | null {
  let best: DatedCode | null = null;
  let undated: DatedCode | null = null;
  if (date) {
    for (const c of codes) {
      if (!c.from && !c.to) {
        if (!undated) undated = c;
        continue;
      }
      if ((c.from === null || c.from <= date) && (c.to === null || date <= c.to)) {
        if (!best || (c.from ?? "") > (best.from ?? "")) best = c;
      }
    }
  } else {
    // no date: the open-ended office that started last, else the last office held
    // (an "ELI" code means out of office), else the undated default
    let lastOffice: DatedCode | null = null;
    for (const c of codes) {
      if (!c.from && !c.to) {
        if (!undated) undated = c;
      } else if (/ELI$/.test(c.code)) continue;
      else if (c.to === null && (!best || (c.from ?? "") > (best.from ?? ""))) best = c;
      else if (!lastOffice || (c.from ?? "") > (lastOffice.from ?? "")) lastOffice = c;
    }
    if (!best && lastOffice && (!undated || /ELI$/.test(undated.code))) best = lastOffice;
  }
  if (best) return { code: best.code, dated: true };
  if (undated) return { code: undated.code, dated: false };
  return null;
}

function loadFile(path: string): LexEntry[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new LexiconFormatError(`${path}: cannot read lexicon (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (path.endsWith(".json")) return parseLexiconJson(text, path);
  if (/^\s*#eventwire-actors/.test(text) || path.endsWith(".tsv")) return parseLexiconTsv(text, path);
  // anything else is read as a PETRARCH actor dictionary
  return petrarchActorsToEntries(text, path);
}

const ACRONYMS = new Set(["US", "UN", "UK", "EU", "USA", "UAE", "PLO", "NATO", "IAEA", "OPCW", "OSCE", "OPEC", "ASEAN", "ECOWAS", "UNICEF", "UNHCR", "WHO", "WTO", "IMF", "CIA", "FBI", "NSA", "KGB", "FSB", "ANC", "PKK", "ISIS", "ISIL", "LTTE", "IRA", "ETA", "FARC", "NGO", "DC", "II", "III", "IV"]);
const SMALL = new Set(["of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "al", "el", "bin", "van", "von", "da", "di"]);

/** "THE_US_SECRETARY_OF_STATE" -> "The US Secretary of State". */
export function titleCase(s: string): string {
  return s
    .split(/(\s+)/)
    .map((w, i) => {
      if (/^\s+$/.test(w)) return w;
      const up = w.toUpperCase();
      if (ACRONYMS.has(up.replace(/[^A-Z]/g, "")) || (/^[A-Z]{2,5}$/.test(up) && !/[AEIOUY]/.test(up))) return up;
      const low = w.toLowerCase();
      if (i > 0 && SMALL.has(low)) return low;
      return low.replace(/(^|[\-'(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
    })
    .join("");
}

/** CAMEO sector codes: a name coded with one of these alone ("BBC [MED]") is an organisation, not a country. */
export const SECTOR_CODES: ReadonlySet<string> = new Set("AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI INS JUD LAB LEG MED MIL MOD OPP PPL PTY RAD REB REF SEP SPY UAF".split(" "));

/**
 * CAMEO primary codes of actors that are not states: IGOs, NGOs, multinational companies, militarized
 * and unidentified groups, and the religions Phoenix codes alone ("[MNC]", "[NGO]", "[MOS]").
 */
const NON_STATE_CODES = new Set("IGO NGO NGM IMG MNC UIS MOS BAH BUD CHR HIN JEW".split(" "));

export function inferKind(codes: DatedCode[], comment: string): ActorKind {
  const first = codes[0]?.code ?? "";
  if (codes.length && codes.every((c) => SECTOR_CODES.has(c.code))) return "org";
  const state = !codes.some((c) => NON_STATE_CODES.has(c.code.slice(0, 3)));
  // countries whose code changed over time ("IRQ" until 2003, "IRQOCC", "IRQ" again) are still countries
  if (state && !/CountryInfo|rulers/i.test(comment) && codes.some((c) => /^[A-Z]{3}$/.test(c.code)) && codes.every((c) => /^[A-Z]{3}([A-Z]{3})?$/.test(c.code) && !/(ELI|GOV|MIL|REB|OPP)$/.test(c.code))) return "country";
  if (codes.some((c) => c.from || c.to) || /CountryInfo|rulers/i.test(comment)) return "person";
  if (/^IGO/.test(first)) return "igo";
  if (/^N?GO|^NGO/.test(first)) return "ngo";
  if (state && codes.every((c) => /^[A-Z]{3}$/.test(c.code))) return "country";
  return "org";
}

export function petrarchActorsToEntries(text: string, source: string): LexEntry[] {
  return parsePetrarchActors(text).map((a) => ({
    kind: inferKind(a.codes, a.comment),
    id: titleCase(a.id),
    codes: a.codes.map((c) => ({ ...c, code: c.code.toUpperCase() })),
    rawNames: a.names.map(nameToString),
    names: a.names,
    note: a.comment || source,
  }));
}

export function petrarchAgentsToEntries(text: string): LexEntry[] {
  return parsePetrarchAgents(text).map((a) => ({
    kind: "agent" as const,
    id: a.id.toLowerCase(),
    codes: [{ code: a.code.toUpperCase(), from: null, to: null }],
    rawNames: a.names.map(nameToString),
    names: a.names,
    note: a.comment,
  }));
}

export interface LoadOptions {
  userFiles?: string[];
  petrarch?: { actors: string[]; agents: string[] };
  replaceDefault?: boolean;
}

export function buildLexicon(opts: LoadOptions = {}): ActorLexiconImpl {
  const lex = new ActorLexiconImpl();
  if (!opts.replaceDefault) {
    const dir = lexiconDir();
    for (const f of DEFAULT_FILES) {
      const p = join(dir, f);
      const entries = parseLexiconTsv(readFileSync(p, "utf8"), p);
      lex.add(entries, f === "curated.tsv");
      lex.files.push(p);
      if (f === "countries.tsv") for (const e of entries) if (e.kind === "country") lex.stateNames.add(nameWords(e.id).join(" "));
    }
  }
  for (const p of opts.petrarch?.actors ?? []) {
    let text: string;
    try {
      text = readFileSync(p, "utf8");
    } catch (e) {
      throw new LexiconFormatError(`${p}: cannot read PETRARCH actor dictionary (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    lex.add(petrarchActorsToEntries(text, p), true);
    lex.files.push(p);
  }
  for (const p of opts.petrarch?.agents ?? []) {
    let text: string;
    try {
      text = readFileSync(p, "utf8");
    } catch (e) {
      throw new LexiconFormatError(`${p}: cannot read PETRARCH agent dictionary (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    lex.add(petrarchAgentsToEntries(text), true);
    lex.files.push(p);
  }
  for (const p of opts.userFiles ?? []) {
    lex.add(loadFile(p), true);
    lex.files.push(p);
  }
  return lex;
}
