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

const OPENERS = "([{";
const CLOSERS = ")]}";

/**
 * The span widened over the bracket its text closes or opens without the other one next to it
 * ("the (US) secretary of state" coded from "US": "(US) secretary of state", not "US) secretary of state"),
 * so an evidence span never shows half a pair. Only an adjacent bracket (spaces aside) is taken in.
 */
export function withBalancedBrackets(text: string, start: number, end: number): Span {
  let depth = 0;
  let unopened = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      if (depth > 0) depth--;
      else unopened++;
    }
  }
  let s = start;
  let e = end;
  if (unopened === 1) {
    let k = s - 1;
    while (k >= 0 && text[k] === " ") k--;
    if (k >= 0 && OPENERS.includes(text[k])) s = k;
  }
  if (depth === 1) {
    let k = e;
    while (k < text.length && text[k] === " ") k++;
    if (k < text.length && CLOSERS.includes(text[k])) e = k + 1;
  }
  return { start: s, end: e };
}
