/**
 * Our own article-container choice: every text block (P, LI, heading, PRE,
 * BLOCKQUOTE, or a DIV with direct text) scores its non-link text length,
 * penalised by link density and rewarded for sentence punctuation; the score
 * flows to its parent (full) and grandparent (half), and the highest-scoring
 * container wins. Text-density scoring in the spirit of Kohlschütter et al.
 * (boilerpipe) and readability, written from those descriptions.
 */
import { flatText, type DomNode } from "./dom-text.js";
import type { TextStats } from "./measure.js";

interface El extends DomNode {
  parentNode: El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}

/** Share of an element's text that sits inside links. */
export function linkDensity(el: DomNode, textLength?: number): number {
  const total = textLength ?? flatText(el).length;
  if (!total) return 0;
  let inLinks = 0;
  const links = (el as El).querySelectorAll("a");
  for (let i = 0; i < links.length; i++) inLinks += flatText(links[i]).length;
  return Math.min(1, inLinks / total);
}

const TEXT_BLOCKS = "p, pre, blockquote, li, h2, h3, h4, td";

export function densityCandidate(root: DomNode, stats: Map<DomNode, TextStats>): DomNode | null {
  const blocks = (root as El).querySelectorAll(TEXT_BLOCKS);
  const score = new Map<El, number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const st = stats.get(b);
    if (!st || st.text < 25) continue;
    const ld = st.link / st.text;
    const s = st.text * (1 - ld) * (ld > 0.5 ? 0.1 : 1) * (b.nodeName === "LI" ? 0.5 : 1);
    const p = b.parentNode;
    if (!p) continue;
    score.set(p, (score.get(p) ?? 0) + s);
    const gp = p.parentNode;
    if (gp) score.set(gp, (score.get(gp) ?? 0) + s / 2);
  }
  let best: El | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}
