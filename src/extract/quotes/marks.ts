/**
 * Finds directly quoted passages by their quotation marks, in every common
 * style: "straight", “curly”, ‘single curly’, «guillemets», „low-high“, and
 * wire-style paragraphs opened by a dash. Quotes spanning several
 * paragraphs (each continued paragraph re-opens with a mark and only the last
 * one closes) become one passage.
 */
export interface MarkedQuote {
  /** Span including the quotation marks. */
  start: number;
  end: number;
  /** Span of the words inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** False when the passage ran to the end of a paragraph without a closing mark. */
  closed: boolean;
}

const OPEN_CLOSE: Record<string, string> = { "“": "”", "«": "»", "„": "“", "‘": "’", "‹": "›" };

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Paragraph boundaries: [start, end) ranges separated by line breaks. */
export function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

type Carry = { open: number; closer: string };

/** Scans one paragraph; returns the still-open quote, or "rejected" when `carry` is not continued here. */
function scanParagraph(text: string, ps: number, pe: number, out: MarkedQuote[], carry: Carry | null): Carry | null | "rejected" {
  // top-level quote state only; nested marks of another kind are skipped
  let open = carry ? carry.open : -1;
  let closer = carry ? carry.closer : "";
  let i = ps;
  // a continued multi-paragraph quote re-opens with the same opening mark
  if (carry) {
    while (i < pe && /\s/.test(text[i])) i++;
    const c = text[i];
    const dbl = (c === "'" || c === "`") && text[i + 1] === c;
    const reopens = c === '"' || dbl || OPEN_CLOSE[c] !== undefined;
    if (!reopens) {
      return "rejected";
    }
    i += dbl ? 2 : 1;
  }
  for (; i < pe; i++) {
    let c = text[i];
    let w = 1;
    if ((c === "'" && text[i + 1] === "'") || (c === "`" && text[i + 1] === "`")) {
      c = '"';
      w = 2;
    }
    if (open < 0) {
      if (c === '"') {
        open = i;
        closer = '"';
        i += w - 1;
      } else if (OPEN_CLOSE[c] !== undefined) {
        // ‘ opens only at a word start (it is also a left apostrophe: ‘90s)
        if (c === "‘" && (isWordChar(text[i - 1]) || /\d/.test(text[i + 1] ?? ""))) continue;
        if (c === "„" || c === "“" || c === "«" || c === "‹" || !isWordChar(text[i - 1])) {
          open = i;
          closer = OPEN_CLOSE[c];
        }
      } else if ((c === "—" || c === "–") && i === ps && text[i + 1] === " " && /\b(I|we|We|you|You|our|Our|my|My|me)\b/.test(text.slice(i, pe))) {
        // (first or second person: a spoken line, not a byline or a list item)
        // wire-style dash quote: the whole paragraph
        out.push({ start: i, end: pe, innerStart: i + 2, innerEnd: pe, closed: true });
        return null;
      }
    } else {
      const closes = c === closer || (closer === "”" && c === '"') || (closer === '"' && c === "”");
      if (!closes) continue;
      // ’ inside a word is an apostrophe (don’t, Russia’s)
      if (c === "’" && isWordChar(text[i + 1])) continue;
      const ow = (text[open] === "'" || text[open] === "`") ? 2 : 1;
      out.push({ start: open, end: i + w, innerStart: open + ow, innerEnd: i, closed: true });
      open = -1;
      i += w - 1;
    }
  }
  if (open >= 0) return { open, closer };
  return null;
}

export function findMarkedQuotes(text: string): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let carry: Carry | null = null;
  let lastEnd = 0;
  const flush = (c: Carry) => {
    // an unclosed quote that the next paragraph does not continue ends with its paragraph
    const ow = text[c.open] === "'" || text[c.open] === "`" ? 2 : 1;
    const inner = text.slice(c.open + ow, lastEnd).trimEnd();
    if (inner.length) out.push({ start: c.open, end: c.open + ow + inner.length, innerStart: c.open + ow, innerEnd: c.open + ow + inner.length, closed: false });
  };
  for (const [ps, pe] of paragraphs(text)) {
    let r = scanParagraph(text, ps, pe, out, carry);
    if (r === "rejected") {
      flush(carry as Carry);
      r = scanParagraph(text, ps, pe, out, null);
    }
    carry = r === "rejected" ? null : r;
    lastEnd = pe;
  }
  if (carry) flush(carry);
  out.sort((a, b) => a.start - b.start);
  return out;
}
