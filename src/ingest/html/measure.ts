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

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

export function measure(root: DomNode, info?: { depth: number; elements: number }): Map<DomNode, TextStats> {
  // Iterative post-order walk: pages with thousands of nested elements must not overflow the stack.
  const stats = new Map<DomNode, TextStats>();
  const stack: { n: DomNode; link: boolean; i: number; s: TextStats; kids: ArrayLike<DomNode> }[] = [];
  const push = (n: DomNode, inLink: boolean) => stack.push({ n, link: inLink || n.nodeName === "A", i: 0, s: { text: 0, link: 0 }, kids: n.childNodes });
  push(root, false);
  let depth = 0;
  while (stack.length) {
    if (stack.length > depth) depth = stack.length;
    const f = stack[stack.length - 1];
    if (f.i < f.kids.length) {
      const k = f.kids[f.i++];
      if (k.nodeType === 3) {
        const c = countNonSpace(k.textContent ?? "");
        f.s.text += c;
        if (f.link) f.s.link += c;
      } else if (k.nodeType === 1) push(k, f.link);
      continue;
    }
    stack.pop();
    stats.set(f.n, f.s);
    if (info) {
      info.depth = depth;
      info.elements = stats.size;
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.s.text += f.s.text;
      parent.s.link += f.s.link;
    }
  }
  return stats;
}
