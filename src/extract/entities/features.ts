/**
 * NER features: hashed string features per token (word, shape, affixes,
 * context window, gazetteer matches from the actor lexicons). Hashing keeps
 * the model a flat weight table with no feature dictionary to store.
 */
import { type ActorLexicon } from "../actors/index.js";
import { findHits } from "../actors/coder.js";
import { type MatchToken, nameWords, normWord } from "../actors/normalize.js";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const FEATURE_VERSION = 2;

/** FNV-1a 32-bit. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shape(w: string): string {
  let out = "";
  let last = "";
  for (const ch of w) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = "X";
    else if (/\p{Ll}/u.test(ch)) c = "x";
    else if (/\p{N}/u.test(ch)) c = "d";
    else c = ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 6) break;
  }
  return out;
}

/** Gazetteer resources derived from the actor lexicon, built once. */
export interface Gazetteer {
  lex: ActorLexicon;
  firstNames: Set<string>;
  surnames: Set<string>;
  /** Human first/last names (lexicons/entities/person-names.txt), normalised. */
  humanNames: Set<string>;
  /** Place names (lexicons/entities/places.txt), normalised words joined by spaces. */
  places: Set<string>;
  placeMaxWords: number;
  /** Company/organisation names (organisations.txt). */
  orgs: Set<string>;
  /** Shop and restaurant brands (brands.txt). */
  brands: Set<string>;
}

function phraseSet(lines: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of lines) {
    const w = nameWords(p);
    if (w.length && w.length <= 4) out.add(w.join(" "));
  }
  return out;
}

function readList(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
}

const TITLE_WORDS = new Set(["MR", "MRS", "MS", "DR", "PRESIDENT", "PRIME", "MINISTER", "GENERAL", "GEN", "KING", "QUEEN", "PRINCE", "SHEIKH", "SHEIK", "AYATOLLAH", "FOREIGN", "DEFENSE", "DEFENCE", "SENATOR", "AMBASSADOR", "THE", "SIR", "LORD", "COLONEL", "COL", "CAPTAIN", "SECRETARY", "CHANCELLOR", "US", "RUSSIAN", "AMERICAN", "CHIEF", "DEPUTY", "VICE", "FORMER", "SPEAKER", "MAYOR", "GOVERNOR", "JUDGE", "JUSTICE", "REV", "REVEREND", "BISHOP", "POPE", "SAINT", "ST", "AL", "EL", "BIN", "ABU", "DE", "VAN", "VON", "DA", "DI", "LA", "LE"]);

export function buildGazetteer(lex: ActorLexicon): Gazetteer {
  const dir = resolve(lex.files.length ? lexDirOf(lex) : ".", "..", "entities");
  const humanNames = new Set(readList(join(dir, "person-names.txt")).map(normWord));
  const places = phraseSet(readList(join(dir, "places.txt")));
  const orgs = phraseSet(readList(join(dir, "organisations.txt")));
  const brands = phraseSet(readList(join(dir, "brands.txt")));
  const placeMaxWords = 4;
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  for (const e of lex.entries) {
    if (e.kind !== "person") continue;
    for (const n of e.names) {
      const w = n.words.filter((x) => !TITLE_WORDS.has(x) && x.length >= 2 && !/\d/.test(x));
      if (w.length < 2) continue;
      firstNames.add(w[0]);
      surnames.add(w[w.length - 1]);
    }
  }
  return { lex, firstNames, surnames, humanNames, places, placeMaxWords, orgs, brands };
}

function lexDirOf(lex: ActorLexicon): string {
  const f = lex.files.find((x) => /lexicons[\\/]actors[\\/]/.test(x));
  return f ? resolve(f, "..") : resolve("lexicons/actors");
}

/** Per-token place-list labels ("B", "I" or "") by longest match. */
const firstWordsOf = new WeakMap<Set<string>, Set<string>>();

export function listTags(set: Set<string>, maxWords: number, norms: string[]): string[] {
  const out = new Array<string>(norms.length).fill("");
  let firsts = firstWordsOf.get(set);
  if (!firsts) {
    firsts = new Set<string>();
    for (const p of set) firsts.add(p.split(" ", 1)[0]);
    firstWordsOf.set(set, firsts);
  }
  for (let i = 0; i < norms.length; ) {
    if (!firsts.has(norms[i])) {
      i++;
      continue;
    }
    let len = 0;
    let key = "";
    for (let k = 1; k <= maxWords && i + k <= norms.length; k++) {
      key = k === 1 ? norms[i] : key + " " + norms[i + k - 1];
      if (set.has(key)) len = k;
    }
    if (len) {
      for (let k = 0; k < len; k++) out[i + k] = k === 0 ? "B" : "I";
      i += len;
    } else i++;
  }
  return out;
}

const ORG_WORDS = new Set("inc incorporated corp corporation company co ltd llc plc group bank university college institute institution association council committee commission party agency department ministry foundation society union federation league club press news times post journal airlines airways energy partners futures services systems technologies technology solutions holdings capital fund trust hospital school academy church team records studios network corps organization organisation authority board bureau centre center coalition alliance front movement brigade army navy police court parliament congress senate assembly administration industries international enterprises motors communications media television radio magazine labs laboratories consulting software pharmaceuticals resources securities insurance".split(" "));
const LOC_WORDS = new Set("street st avenue ave road rd boulevard blvd lane drive river lake mountain mountains mount mt park bay island islands city county state province district region valley beach airport station harbor harbour canyon falls ocean sea gulf desert peninsula square bridge hill hills coast heights village town forest creek springs".split(" "));
const PER_TITLES = new Set("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir madam president senator sen. gov. governor minister mayor judge rev. father sister brother uncle aunt coach captain capt. gen. general lt. col. sgt. officer agent king queen prince princess pope".split(" "));

const KIND_CLASS: Record<string, string> = { country: "GPE", region: "GPE", igo: "ORG", ngo: "ORG", org: "ORG", group: "ORG", person: "PER", agent: "AGT" };

/** Per-token gazetteer labels ("B-GPE", "I-PER", "B-AGT" or ""), from longest lexicon matches. */
export function gazetteerTags(gz: Gazetteer, forms: string[]): string[] {
  const toks: MatchToken[] = forms.map((f) => ({
    norm: f === "'s" || f === "’s" || f === "'S" ? "'S" : normWord(f),
    start: 0,
    end: 0,
    // case-blind: the casing is a separate feature, so "kerala" still looks like a place
    cap: true,
    allCaps: true,
  }));
  const out = new Array<string>(forms.length).fill("");
  for (const h of findHits(gz.lex, toks)) {
    const cls = KIND_CLASS[gz.lex.entries[h.entry].kind] ?? "ORG";
    for (let k = h.i; k < h.j; k++) out[k] = (k === h.i ? "B-" : "I-") + cls;
  }
  return out;
}

/**
 * Feature hashes for every token of a sentence, flattened: token i's features
 * are out[offsets[i]..offsets[i+1]). Buckets are taken modulo `mask + 1`.
 */
export function sentenceFeatures(gz: Gazetteer, forms: string[], mask: number, upos?: string[]): { feats: Int32Array; offsets: Int32Array } {
  const n = forms.length;
  const lower = forms.map((f) => f.toLowerCase());
  const shapes = forms.map(shape);
  const gaz = gazetteerTags(gz, forms);
  const norms = forms.map(normWord);
  const pl = listTags(gz.places, gz.placeMaxWords, norms);
  const og = listTags(gz.orgs, 4, norms);
  const br = listTags(gz.brands, 4, norms);
  let lowerCount = 0;
  let alpha = 0;
  for (const f of forms) {
    if (/^\p{L}/u.test(f)) {
      alpha++;
      if (/^\p{Ll}/u.test(f)) lowerCount++;
    }
  }
  // sentence casing style: mostly title/upper case (headline, shouting) or mostly lower (social media)
  const style = alpha === 0 ? "n" : lowerCount / alpha < 0.3 ? "T" : lowerCount / alpha > 0.95 ? "L" : "m";
  // runs of capitalised words (allowing "of", "and", "the", "for", "de", "-", "&", "'s" inside)
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  {
    const capd = (k: number) => /^[\p{Lu}\p{N}]/u.test(forms[k]) && /\p{L}/u.test(forms[k]);
    const glue = (k: number) => /^(of|and|the|for|de|del|la|von|van|-|&|'s|on)$/i.test(forms[k]) && !capd(k);
    for (let i = 0; i < n; ) {
      if (!capd(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j < n && capd(j)) j++;
        else if (j + 1 < n && glue(j) && capd(j + 1)) j += 2;
        else break;
      }
      for (let k = i; k < j; k++) {
        runStart[k] = i;
        runEnd[k] = j;
      }
      i = j;
    }
  }
  const list: number[] = [];
  const offsets = new Int32Array(n + 1);
  const w = (i: number) => (i < 0 ? "<s>" : i >= n ? "</s>" : lower[i]);
  const sh = (i: number) => (i < 0 ? "<s>" : i >= n ? "</s>" : shapes[i]);
  const suf3 = (i: number) => (i < 0 ? "<s>" : i >= n ? "</s>" : lower[i].slice(-3));
  const gt = (i: number) => (i < 0 || i >= n ? "-" : gaz[i] || "o");
  for (let i = 0; i < n; i++) {
    offsets[i] = list.length;
    const f = forms[i];
    const lw = lower[i];
    const s = shapes[i];
    // FNV-1a over the parts in order: the same hash as for their concatenation, without building it
    const add = (a: string, b?: string, c?: string, d?: string, e?: string, f?: string) => {
      let h = 0x811c9dc5;
      for (const x of [a, b, c, d, e, f]) {
        if (x === undefined) break;
        for (let k = 0; k < x.length; k++) {
          h ^= x.charCodeAt(k);
          h = Math.imul(h, 0x01000193);
        }
      }
      list.push((h >>> 0) & mask);
    };
    add("b");
    add("w=", lw);
    add("W=", f);
    add("s=", s);
    add("st=", style, s);
    if (i === 0) add("first", s);
    const L = lw.length;
    for (let k = 1; k <= 4 && k <= L; k++) {
      add("p", String(k), "=", lw.slice(0, k));
      add("x", String(k), "=", lw.slice(L - k));
    }
    add("w-1=", w(i - 1));
    add("w+1=", w(i + 1));
    add("w-2=", w(i - 2));
    add("w+2=", w(i + 2));
    add("w-1w=", w(i - 1), "|", lw);
    add("ww+1=", lw, "|", w(i + 1));
    add("s-1=", sh(i - 1));
    add("s+1=", sh(i + 1));
    add("s-1s=", sh(i - 1), "|", s);
    add("ss+1=", s, "|", sh(i + 1));
    add("s-1ss+1=", sh(i - 1), "|", s, "|", sh(i + 1));
    // gazetteers
    const g = gt(i);
    add("g=", g);
    add("gs=", g, "|", s);
    add("g-1=", gt(i - 1));
    add("g+1=", gt(i + 1));
    add("g-1g+1=", gt(i - 1), "|", gt(i + 1));
    const nw = norms[i];
    if (gz.firstNames.has(nw)) add("fn", s);
    if (gz.surnames.has(nw)) add("sn", s);
    if (i > 0 && gz.firstNames.has(norms[i - 1])) add("fn-1", s);
    if (i + 1 < n && gz.surnames.has(norms[i + 1])) add("sn+1", s);
    if (gz.humanNames.has(nw)) add("hn", s);
    if (i > 0 && gz.humanNames.has(norms[i - 1])) add("hn-1", s, shapes[i - 1]);
    if (i + 1 < n && gz.humanNames.has(norms[i + 1])) add("hn+1", s, shapes[i + 1]);
    if (pl[i]) {
      add("pl", pl[i], s);
      add("plg", pl[i], g);
    }
    if (runStart[i] >= 0) {
      const a = runStart[i];
      const b = runEnd[i];
      const pos = b - a === 1 ? "S" : i === a ? "B" : i === b - 1 ? "E" : "I";
      add("rl=", lower[b - 1], pos);
      add("rf=", lower[a]);
      add("rp=", w(a - 1), pos);
      add("rn=", w(b));
      add("rlen=", String(Math.min(b - a, 5)), pos);
      add("rlg=", gt(b - 1), pos);
      let cls = "";
      for (let k = a; k < b; k++) {
        if (ORG_WORDS.has(lower[k])) cls = cls.includes("O") ? cls : cls + "O";
        if (LOC_WORDS.has(lower[k])) cls = cls.includes("L") ? cls : cls + "L";
      }
      if (ORG_WORDS.has(lower[b - 1])) cls += "o";
      if (LOC_WORDS.has(lower[b - 1])) cls += "l";
      if (a > 0 && PER_TITLES.has(lower[a - 1])) cls += "t";
      if (cls) add("rc=", cls, pos);
    }
    if (og[i]) add("og", og[i], s);
    if (br[i]) add("br", br[i], s);
    if (/[\-.&@#]/.test(f)) add("punct=", f.replace(/[^\-.&@#]/g, ""));
    // (v2) wider context: shapes two tokens out, the neighbours' suffixes, a neighbour word with this shape
    add("s-2=", sh(i - 2));
    add("s+2=", sh(i + 2));
    add("s-2s-1=", sh(i - 2), "|", sh(i - 1), "|", s);
    add("ss+1s+2=", s, "|", sh(i + 1), "|", sh(i + 2));
    add("x3-1=", suf3(i - 1));
    add("x3+1=", suf3(i + 1));
    add("w-1s=", w(i - 1), "|", s);
    add("sw+1=", s, "|", w(i + 1));
    if (upos && upos[i]) {
      const u = (k: number) => (k < 0 ? "<s>" : k >= n ? "</s>" : upos[k] || "?");
      add("u=", upos[i]);
      add("us=", upos[i], "|", s);
      add("u-1=", u(i - 1));
      add("u+1=", u(i + 1));
      add("u-1u=", u(i - 1), "|", upos[i]);
      add("uu+1=", upos[i], "|", u(i + 1));
      add("uw=", upos[i], "|", lw);
    }
  }
  offsets[n] = list.length;
  return { feats: Int32Array.from(list), offsets };
}
