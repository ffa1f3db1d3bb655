import { eisner } from "./eisner.js";

export interface DirectedParse {
  head: Int32Array;
  label: Int32Array;
  margin: Float32Array;
}

/** Longest sentence reparsed with Eisner; longer ones keep the first parse (O(n^3) guard). */
export const MAX_REPARSE = 160;

/**
 * Combines parses of one sentence (Sagae & Lavie 2006 style reparsing): every
 * proposed arc scores weight * (1 + beta * tanh(margin / tau)) summed over the
 * parsers that propose it; Eisner's algorithm picks the best projective tree
 * with one root. A chosen arc takes its label from the first parser that
 * proposed it. When all parsers agree the first parse is returned unchanged.
 */
export function combineParses(parses: DirectedParse[], n: number, beta: number, tau: number, weights?: number[]): { head: Int32Array; label: Int32Array } {
  const first = parses[0];
  let agree = true;
  for (let p = 1; p < parses.length && agree; p++) for (let d = 1; d <= n; d++) if (parses[p].head[d] !== first.head[d]) {
    agree = false;
    break;
  }
  if (agree || n > MAX_REPARSE) return { head: first.head, label: first.label };
  const N = n + 1;
  const score = new Float64Array(N * N);
  parses.forEach((ps, p) => {
    const w = weights ? weights[p] : 1;
    for (let d = 1; d <= n; d++) {
      const h = ps.head[d];
      if (h < 0) continue;
      score[h * N + d] += w * (1 + beta * Math.tanh(ps.margin[d] / tau));
    }
  });
  const head = eisner(score, n);
  const label = new Int32Array(N).fill(-1);
  for (let d = 1; d <= n; d++) {
    for (const ps of parses) if (ps.head[d] === head[d]) {
      label[d] = ps.label[d];
      break;
    }
  }
  return { head, label };
}
