/**
 * A wire dateline at the start of a sentence: upper-case place words, optionally ", Place" (up to three
 * words), optionally "(AGENCY)", then a dash ("UNITED NATIONS (AP) - ", "SAN JUAN, Puerto Rico (Reuters) -",
 * "LUCCA, Italy (Eventwire sample) - ").
 */
const DATELINE = /^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*)(?:\s*,\s*[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+){0,2})?\s*(?:\([A-Za-z][\w .&'’-]{0,40}\)\s*)?[-–—]+\s*/;

/** Length in characters of the dateline that opens text[start, end), or 0. */
export function datelineLength(text: string, start: number, end: number): number {
  const m = DATELINE.exec(text.slice(start, Math.min(end, start + 80)));
  return m ? m[0].length : 0;
}
