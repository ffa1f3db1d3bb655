/**
 * Word splitting and normalisation shared by the actor lexicon (names in the
 * dictionaries) and the coder (words in article text), so both sides agree:
 * upper case, diacritics removed, dots inside acronyms dropped ("U.N." -> "UN"),
 * hyphens, underscores and punctuation as separators, possessive "'s" as its
 * own word ("'S").
 */

export interface MatchToken {
  /** Normalised form used for lookups. */
  norm: string;
  start: number;
  end: number;
  /** First character is an upper-case letter or a digit. */
  cap: boolean;
  /** Every letter is upper case (acronyms: "UN", "U.S."). */
  allCaps: boolean;
  /** Punctuation other than hyphens, dots and apostrophes separates this token from the previous one. */
  brk?: boolean;
}

// acronym with dots | possessive | word
const WORD = /(?:\p{L}\.){2,}|['’][sS](?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’](?![sS](?![\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*/gu;

const cache = new Map<string, string>();

export function normWord(w: string): string {
  let plain = true;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    // letters and digits of ASCII: upper-casing is all there is to do
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) {
      plain = false;
      break;
    }
  }
  if (plain) return w.toUpperCase();
  let s = cache.get(w);
  if (s !== undefined) return s;
  s = w.normalize("NFD").replace(/\p{M}+/gu, "").toUpperCase();
  s = s.replace(/[’‘`]/g, "'").replace(/\./g, "");
  if (cache.size > 50_000) cache.clear();
  cache.set(w, s);
  return s;
}

/** Splits text[start,end) into match tokens with offsets into `text`. */
export function matchTokens(text: string, start = 0, end = text.length): MatchToken[] {
  const out: MatchToken[] = [];
  const slice = text.slice(start, end);
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const w = m[0];
    const norm = w[0] === "'" || w[0] === "’" ? "'S" : normWord(w);
    if (!norm) continue;
    const first = w[0];
    const gap = slice.slice(prevEnd, m.index);
    prevEnd = m.index + w.length;
    out.push({
      brk: /[^\s\-.'’_&]/.test(gap),
      norm,
      start: start + m.index,
      end: start + m.index + w.length,
      cap: /[\p{Lu}\p{N}]/u.test(first),
      allCaps: w.toUpperCase() === w && /\p{L}/u.test(w),
    });
  }
  return out;
}

/** Splits a dictionary name ("SERGEY_V._LAVROV", "Sergey Lavrov") into normalised words. */
export function nameWords(name: string): string[] {
  return matchTokens(name.replace(/_/g, " ")).map((t) => t.norm);
}
