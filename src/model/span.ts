/**
 * A half-open character range [start, end) over an article's original text.
 * Offsets are JavaScript string indices (UTF-16 code units), so
 * `text.slice(start, end)` is always the annotated evidence.
 */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers, as written into analysis JSON. */
export interface TextSpan extends Span {
  text: string;
}

export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
