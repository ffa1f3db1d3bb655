/** Chart buffers reused across calls (grown to the longest sentence seen). */
let cap = 0;
let Cl = new Float64Array(0);
let Cr = new Float64Array(0);
let Il = new Float64Array(0);
let Ir = new Float64Array(0);
let bCl = new Int32Array(0);
let bCr = new Int32Array(0);
let bIl = new Int32Array(0);
let bIr = new Int32Array(0);

/**
 * Eisner's (1996) O(n^3) algorithm: the highest-scoring projective tree over
 * words 1..n with root 0, for arc scores score[h * (n + 1) + d]. Arcs from the
 * root carry a large penalty so the tree has exactly one root word.
 */
export function eisner(score: Float64Array, n: number): Int32Array {
  const N = n + 1;
  const ROOT_PENALTY = 1e6;
  // C[dir][i][j]: complete spans, I[dir][i][j]: incomplete; dir 0 = head on the left (i), 1 = head on the right (j).
  // Every cell is written (shorter spans first) before it is read, so the reused charts need no clearing.
  const size = N * N;
  if (size > cap) {
    cap = size;
    Cl = new Float64Array(size);
    Cr = new Float64Array(size);
    Il = new Float64Array(size);
    Ir = new Float64Array(size);
    bCl = new Int32Array(size);
    bCr = new Int32Array(size);
    bIl = new Int32Array(size);
    bIr = new Int32Array(size);
  }
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
      Il[i * N + j] = best + score[i * N + j] - (i === 0 ? ROOT_PENALTY : 0);
      bIl[i * N + j] = arg;
      Ir[i * N + j] = i === 0 ? -Infinity : best + score[j * N + i];
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
