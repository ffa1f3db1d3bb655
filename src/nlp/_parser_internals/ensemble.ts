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
  if (n > MAX_REPARSE || parses.every((p) => sameHeads(p, first, n))) return { head: first.head, label: first.label };
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

function minMargin(p: DirectedParse, n: number): number {
  let m = Infinity;
  for (let d = 1; d <= n; d++) if (p.margin[d] < m) m = p.margin[d];
  return m;
}

function sameHeads(a: DirectedParse, b: DirectedParse, n: number): boolean {
  for (let d = 1; d <= n; d++) if (a.head[d] !== b.head[d]) return false;
  return true;
}

/**
 * The ensemble's parse of one sentence, running parsers lazily (parse(k) runs
 * parser k): when the first two agree on every head their tree stands and the
 * others never run (on EWT dev this keeps the accuracy of always running all
 * three and skips the third parser on half of the words); otherwise all are
 * recombined by combineParses. With a gate, the first parse stands alone when
 * none of its arcs has a margin below the gate (a beam parser's margin: how
 * far its best tree outscores the best one with another head for the word).
 */
export function ensembleParse(parse: (k: number) => DirectedParse, count: number, n: number, beta: number, tau: number, weights: number[], gate?: number): { head: Int32Array; label: Int32Array } {
  const first = parse(0);
  if (count === 1 || (gate !== undefined && minMargin(first, n) >= gate)) return first;
  const second = parse(1);
  if (sameHeads(first, second, n)) return first;
  const parses = [first, second];
  for (let k = 2; k < count; k++) parses.push(parse(k));
  return combineParses(parses, n, beta, tau, weights);
}
