/**
 * Eisner's (1996) O(n^3) algorithm: the highest-scoring projective tree over
 * words 1..n with root 0, for arc scores score[h * (n + 1) + d]. Arcs from the
 * root carry a large penalty so the tree has exactly one root word.
 */
export function eisner(score: Float64Array, n: number): Int32Array {
  const N = n + 1;
  const ROOT_PENALTY = 1e6;
  const s = (h: number, d: number) => score[h * N + d] - (h === 0 ? ROOT_PENALTY : 0);
  // C[dir][i][j]: complete spans, I[dir][i][j]: incomplete; dir 0 = head on the left (i), 1 = head on the right (j)
  const size = N * N;
  const Cl = new Float64Array(size).fill(-Infinity);
  const Cr = new Float64Array(size).fill(-Infinity);
  const Il = new Float64Array(size).fill(-Infinity);
  const Ir = new Float64Array(size).fill(-Infinity);
  const bCl = new Int32Array(size);
  const bCr = new Int32Array(size);
  const bIl = new Int32Array(size);
  const bIr = new Int32Array(size);
  for (let i = 0; i < N; i++) {
    Cl[i * N + i] = 0;
    Cr[i * N + i] = 0;
  }
  for (let len = 1; len < N; len++) {
    for (let i = 0; i + len < N; i++) {
      const j = i + len;
      // incomplete spans: arc i -> j (Il) or j -> i (Ir)
      let best = -Infinity;
      let arg = i;
      for (let k = i; k < j; k++) {
        const v = Cl[i * N + k] + Cr[(k + 1) * N + j];
        if (v > best) {
          best = v;
          arg = k;
        }
      }
      Il[i * N + j] = best + s(i, j);
      bIl[i * N + j] = arg;
      Ir[i * N + j] = i === 0 ? -Infinity : best + s(j, i);
      bIr[i * N + j] = arg;
      // complete spans
      best = -Infinity;
      arg = i + 1;
      for (let k = i + 1; k <= j; k++) {
        const v = Il[i * N + k] + Cl[k * N + j];
        if (v > best) {
          best = v;
          arg = k;
        }
      }
      Cl[i * N + j] = best;
      bCl[i * N + j] = arg;
      best = -Infinity;
      arg = i;
      for (let k = i; k < j; k++) {
        const v = Cr[i * N + k] + Ir[k * N + j];
        if (v > best) {
          best = v;
          arg = k;
        }
      }
      Cr[i * N + j] = best;
      bCr[i * N + j] = arg;
    }
  }
  const head = new Int32Array(N).fill(-1);
  // iterative backtracking: [type, i, j] with 0 = Cl, 1 = Cr, 2 = Il, 3 = Ir
  const stack: number[] = [0, 0, n];
  while (stack.length) {
    const j = stack.pop()!;
    const i = stack.pop()!;
    const type = stack.pop()!;
    if (i === j) continue;
    const at = i * N + j;
    if (type === 0) {
      const k = bCl[at];
      stack.push(2, i, k, 0, k, j);
    } else if (type === 1) {
      const k = bCr[at];
      stack.push(1, i, k, 3, k, j);
    } else if (type === 2) {
      head[j] = i;
      const k = bIl[at];
      stack.push(0, i, k, 1, k + 1, j);
    } else {
      head[i] = j;
      const k = bIr[at];
      stack.push(0, i, k, 1, k + 1, j);
    }
  }
  return head;
}
