/**
 * One post-order pass over a subtree computing, per element, how many
 * non-space characters of text it holds and how many of them sit inside links.
 * Replaces repeated textContent calls (O(n·depth)) in the extraction hot path.
 */
import type { DomNode } from "./dom-text.js";

export interface TextStats {
  text: number;
  link: number;
}

const NON_SPACE = /\S/g;

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}
void NON_SPACE;

export function measure(root: DomNode): Map<DomNode, TextStats> {
  const stats = new Map<DomNode, TextStats>();
  const walk = (n: DomNode, inLink: boolean): TextStats => {
    const s: TextStats = { text: 0, link: 0 };
    const kids = n.childNodes;
    const link = inLink || n.nodeName === "A";
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.nodeType === 3) {
        const c = countNonSpace(k.textContent ?? "");
        s.text += c;
        if (link) s.link += c;
      } else if (k.nodeType === 1) {
        const ks = walk(k, link);
        s.text += ks.text;
        s.link += ks.link;
      }
    }
    stats.set(n, s);
    return s;
  };
  walk(root, false);
  return stats;
}
