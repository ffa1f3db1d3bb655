/**
 * Fuzzy lookup of known people: transliteration-folded keys (Sergey/Sergei,
 * Moammar/Muammar, Gaddafi/Qaddafi/Kadhafi) and edit distance 1-2 on long
 * surnames (the misspelt "Jens Soltenberg"). Returns the entry and a confidence.
 */
import type { ActorLexiconImpl } from "./lexicon.js";

/** Folds spelling variants of transliterated names onto one key. */
export function translitKey(word: string): string {
  let w = word.toUpperCase().replace(/[^A-Z]/g, "");
  w = w
    .replace(/^(AL|EL)(?=[A-Z]{3})/, "")
    .replace(/KH/g, "K")
    .replace(/GH/g, "G")
    .replace(/DH/g, "D")
    .replace(/TH/g, "T")
    .replace(/PH/g, "F")
    .replace(/SH/g, "S")
    .replace(/CH/g, "C")
    .replace(/QU/g, "K")
    .replace(/[QCG]/g, "K")
    .replace(/OU/g, "U")
    .replace(/EE/g, "I")
    .replace(/IE/g, "I")
    .replace(/Y/g, "I")
    .replace(/J/g, "I")
    .replace(/W/g, "V")
    .replace(/(?<=.)[AEIOU]/g, "") // keep the first letter, drop inner vowels
    .replace(/(.)\1+/g, "$1");
  return w;
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const c = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + c);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

interface FuzzyIndex {
  /** translit key of full name -> entries */
  byKey: Map<string, number[]>;
  /** translit key of first and last word of names of three or more words ("Carlos Saul Menem") -> entries */
  byFirstLast: Map<string, number[]>;
  /** surname length -> [surname, first name key, word count, entry] */
  byLen: Map<number, { surname: string; first: string; words: number; entry: number }[]>;
}

const indexes = new WeakMap<ActorLexiconImpl, FuzzyIndex>();

function index(lex: ActorLexiconImpl): FuzzyIndex {
  let ix = indexes.get(lex);
  if (ix) return ix;
  ix = { byKey: new Map(), byFirstLast: new Map(), byLen: new Map() };
  const put = (map: Map<string, number[]>, key: string, entry: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  for (const { words, entry } of lex.personNames) {
    if (lex.superseded.has(entry)) continue;
    put(ix.byKey, words.map(translitKey).join(" "), entry);
    if (words.length >= 3) put(ix.byFirstLast, translitKey(words[0]) + " " + translitKey(words[words.length - 1]), entry);
    const surname = words[words.length - 1];
    if (surname.length >= 5) {
      const l = ix.byLen.get(surname.length) ?? [];
      l.push({ surname, first: translitKey(words[0]), words: words.length, entry });
      ix.byLen.set(surname.length, l);
    }
  }
  indexes.set(lex, ix);
  return ix;
}

export interface FuzzyHit {
  entry: number;
  confidence: number;
  how: "transliteration" | "edit-distance" | "surname";
}

/**
 * Finds a known person for a name of two or more normalised words
 * (e.g. ["JENS", "SOLTENBERG"]). Exact names are the trie's job; this is the fallback.
 */
const fuzzyCache = new WeakMap<ActorLexiconImpl, Map<string, FuzzyHit | null>>();

export function fuzzyPerson(lex: ActorLexiconImpl, words: string[]): FuzzyHit | null {
  if (words.length < 2) return null;
  let cache = fuzzyCache.get(lex);
  if (!cache) fuzzyCache.set(lex, (cache = new Map()));
  const ck = words.join(" ");
  const hit = cache.get(ck);
  if (hit !== undefined) return hit;
  const r = fuzzyPersonUncached(lex, words);
  if (cache.size > 20_000) cache.clear();
  cache.set(ck, r);
  return r;
}

function fuzzyPersonUncached(lex: ActorLexiconImpl, words: string[]): FuzzyHit | null {
  const ix = index(lex);
  const key = words.map(translitKey).join(" ");
  const byKey = ix.byKey.get(key);
  if (byKey && byKey.length) return { entry: byKey[byKey.length - 1], confidence: 0.85, how: "transliteration" };
  // a name without its middle names ("Carlos Menem" for "Carlos Saul Menem"), when only one known
  // person has that surname (so "John Smith" is nobody in particular)
  const byFirstLast = words.length === 2 ? ix.byFirstLast.get(key) : undefined;
  if (byFirstLast && byFirstLast.length === 1 && words[1].length >= 5) {
    const last = words[1];
    const sameSurname = (ix.byLen.get(last.length) ?? []).filter((c) => c.surname === last);
    if (sameSurname.every((c) => c.entry === byFirstLast[0])) return { entry: byFirstLast[0], confidence: 0.75, how: "transliteration" };
  }
  const surname = words[words.length - 1];
  if (surname.length < 5) return null;
  const first = translitKey(words[0]);
  const maxD = surname.length >= 8 ? 2 : 1;
  let best: FuzzyHit | null = null;
  let bestD = maxD + 1;
  for (let len = surname.length - maxD; len <= surname.length + maxD; len++) {
    for (const c of ix.byLen.get(len) ?? []) {
      if (c.first !== first || c.words !== words.length) continue;
      const d = editDistance(surname, c.surname, maxD);
      if (d <= maxD && (d < bestD || (d === bestD && best && c.entry > best.entry))) {
        bestD = d;
        best = { entry: c.entry, confidence: d <= 1 ? 0.75 : 0.6, how: "edit-distance" };
      }
    }
  }
  return best;
}

/**
 * A known person by surname alone ("President Kagame"): the candidates with that
 * surname (5+ letters) must all belong to one country (or IGO) for an answer.
 */
export function surnamePerson(lex: ActorLexiconImpl, surname: string): FuzzyHit | null {
  if (surname.length < 5) return null;
  const ix = index(lex);
  const cands = (ix.byLen.get(surname.length) ?? []).filter((c) => c.surname === surname);
  if (!cands.length) return null;
  const countries = new Set<string>();
  for (const c of cands) for (const code of lex.entries[c.entry].codes) countries.add(code.code.slice(0, 3));
  if (countries.size !== 1) return null;
  const best = cands.reduce((a, b) => (b.entry > a.entry ? b : a));
  return { entry: best.entry, confidence: cands.length === 1 ? 0.7 : 0.6, how: "surname" };
}
