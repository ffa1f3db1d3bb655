/**
 * Our own article-container choice: every text block (P, PRE, BLOCKQUOTE, LI,
 * H2-H4, TD) of 25+ characters scores its non-link text (list items count half,
 * link-dense blocks a tenth); the score flows to its parent (full) and
 * grandparent (half), and the highest-scoring container wins. Text-density
 * scoring in the spirit of Kohlschütter et al. (boilerpipe) and readability,
 * written from those descriptions.
 */
import type { DomNode } from "./dom-text.js";
import type { TextStats } from "./measure.js";

interface El extends DomNode {
  parentNode: El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
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
