import { f1, f2, f3, mix, fmix } from "../_ml/hash.js";
import { LEFT, type ParseState } from "./state.js";

/** Word and tag atoms of one sentence, index 0 = root. */
export class SentenceAtoms {
  n = 0;
  w = new Int32Array(0);
  p = new Int32Array(0);
  ensure(n: number): void {
    if (this.w.length < n + 2) {
      this.w = new Int32Array((n + 2) * 2);
      this.p = new Int32Array((n + 2) * 2);
    }
    this.n = n;
  }
}

const NONE_W = 0x1f2e3d4c;
const NONE_P = 0x5b6a7988;
const NONE_L = 0x11335577;

function at(arr: Int32Array, i: number, none: number): number {
  return i >= 0 ? arr[i] : none;
}

function atn(arr: Int32Array, i: number, n: number, none: number): number {
  return i >= 0 && i <= n ? arr[i] : none;
}

function dist(a: number, b: number): number {
  const d = b - a;
  return d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

/**
 * Zhang & Nivre (2011) rich non-local features for arc-eager parsing, plus
 * a few S1 and N0-left-context extensions. Returns the number of features.
 */
export function parserFeatures(st: ParseState, a: SentenceAtoms, out: Uint32Array): number {
  const W = a.w;
  const P = a.p;
  const n = st.n;
  const s0 = st.s0();
  const s1 = st.s1();
  const b0 = st.b0 <= n ? st.b0 : -1;
  const b1 = st.b0 + 1 <= n ? st.b0 + 1 : -1;
  const b2 = st.b0 + 2 <= n ? st.b0 + 2 : -1;
  const L = st.label;

  const S0w = at(W, s0, NONE_W), S0p = at(P, s0, NONE_P);
  const N0w = at(W, b0, NONE_W), N0p = at(P, b0, NONE_P);
  const N1w = at(W, b1, NONE_W), N1p = at(P, b1, NONE_P);
  const N2w = at(W, b2, NONE_W), N2p = at(P, b2, NONE_P);
  const S1w = at(W, s1, NONE_W), S1p = at(P, s1, NONE_P);
  const s0h = s0 > 0 ? st.head[s0] : -1;
  const s0h2 = s0h > 0 ? st.head[s0h] : -1;
  const s0l = s0 >= 0 ? st.lc1[s0] : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
  const s0r = s0 >= 0 ? st.rc1[s0] : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
  const n0l = b0 >= 0 ? st.lc1[b0] : -1;
  const n0l2 = b0 >= 0 ? st.lc2[b0] : -1;
  const S0hw = at(W, s0h, NONE_W), S0hp = at(P, s0h, NONE_P), S0hl = at(L, s0, NONE_L);
  const S0h2w = at(W, s0h2, NONE_W), S0h2p = at(P, s0h2, NONE_P);
  const S0lw = at(W, s0l, NONE_W), S0lp = at(P, s0l, NONE_P), S0ll = at(L, s0l, NONE_L);
  const S0rw = at(W, s0r, NONE_W), S0rp = at(P, s0r, NONE_P), S0rl = at(L, s0r, NONE_L);
  const S0l2w = at(W, s0l2, NONE_W), S0l2p = at(P, s0l2, NONE_P), S0l2l = at(L, s0l2, NONE_L);
  const S0r2w = at(W, s0r2, NONE_W), S0r2p = at(P, s0r2, NONE_P), S0r2l = at(L, s0r2, NONE_L);
  const N0lw = at(W, n0l, NONE_W), N0lp = at(P, n0l, NONE_P), N0ll = at(L, n0l, NONE_L);
  const N0l2w = at(W, n0l2, NONE_W), N0l2p = at(P, n0l2, NONE_P), N0l2l = at(L, n0l2, NONE_L);
  const d = s0 >= 0 && b0 >= 0 ? dist(s0, b0) : 8;
  const s0vl = s0 >= 0 ? st.nLeft[s0] : -1;
  const s0vr = s0 >= 0 ? st.nRight[s0] : -1;
  const n0vl = b0 >= 0 ? st.nLeft[b0] : -1;
  const s0sl = s0 >= 0 ? fmix(mix(st.lmask0[s0], st.lmask1[s0])) : 0;
  const s0sr = s0 >= 0 ? fmix(mix(st.rmask0[s0], st.rmask1[s0])) : 0;
  const n0sl = b0 >= 0 ? fmix(mix(st.lmask0[b0], st.lmask1[b0])) : 0;
  const S0wp = mix(S0w, S0p);
  const N0wp = mix(N0w, N0p);
  let k = 0;
  // single words
  out[k++] = f1(1, S0wp);
  out[k++] = f1(2, S0w);
  out[k++] = f1(3, S0p);
  out[k++] = f1(4, N0wp);
  out[k++] = f1(5, N0w);
  out[k++] = f1(6, N0p);
  out[k++] = f2(7, N1w, N1p);
  out[k++] = f1(8, N1w);
  out[k++] = f1(9, N1p);
  out[k++] = f2(10, N2w, N2p);
  out[k++] = f1(11, N2w);
  out[k++] = f1(12, N2p);
  // pairs
  out[k++] = f2(13, S0wp, N0wp);
  out[k++] = f2(14, S0wp, N0w);
  out[k++] = f2(15, S0w, N0wp);
  out[k++] = f2(16, S0wp, N0p);
  out[k++] = f2(17, S0p, N0wp);
  out[k++] = f2(18, S0w, N0w);
  out[k++] = f2(19, S0p, N0p);
  out[k++] = f2(20, N0p, N1p);
  // triples
  out[k++] = f3(21, N0p, N1p, N2p);
  out[k++] = f3(22, S0p, N0p, N1p);
  out[k++] = f3(23, S0hp, S0p, N0p);
  out[k++] = f3(24, S0p, S0lp, N0p);
  out[k++] = f3(25, S0p, S0rp, N0p);
  out[k++] = f3(26, S0p, N0p, N0lp);
  // distance
  out[k++] = f2(27, S0w, d);
  out[k++] = f2(28, S0p, d);
  out[k++] = f2(29, N0w, d);
  out[k++] = f2(30, N0p, d);
  out[k++] = f3(31, S0w, N0w, d);
  out[k++] = f3(32, S0p, N0p, d);
  // valency
  out[k++] = f2(33, S0w, s0vr);
  out[k++] = f2(34, S0p, s0vr);
  out[k++] = f2(35, S0w, s0vl);
  out[k++] = f2(36, S0p, s0vl);
  out[k++] = f2(37, N0w, n0vl);
  out[k++] = f2(38, N0p, n0vl);
  // unigrams of structure
  out[k++] = f1(39, S0hw);
  out[k++] = f1(40, S0hp);
  out[k++] = f1(41, S0hl);
  out[k++] = f1(42, S0lw);
  out[k++] = f1(43, S0lp);
  out[k++] = f1(44, S0ll);
  out[k++] = f1(45, S0rw);
  out[k++] = f1(46, S0rp);
  out[k++] = f1(47, S0rl);
  out[k++] = f1(48, N0lw);
  out[k++] = f1(49, N0lp);
  out[k++] = f1(50, N0ll);
  // third order
  out[k++] = f1(51, S0h2w);
  out[k++] = f1(52, S0h2p);
  out[k++] = f1(53, S0l2w);
  out[k++] = f1(54, S0l2p);
  out[k++] = f1(55, S0l2l);
  out[k++] = f1(56, S0r2w);
  out[k++] = f1(57, S0r2p);
  out[k++] = f1(58, S0r2l);
  out[k++] = f1(59, N0l2w);
  out[k++] = f1(60, N0l2p);
  out[k++] = f1(61, N0l2l);
  out[k++] = f3(62, S0p, S0lp, S0l2p);
  out[k++] = f3(63, S0p, S0rp, S0r2p);
  out[k++] = f3(64, S0p, S0hp, S0h2p);
  out[k++] = f3(65, N0p, N0lp, N0l2p);
  // label sets
  out[k++] = f2(66, S0w, s0sr);
  out[k++] = f2(67, S0p, s0sr);
  out[k++] = f2(68, S0w, s0sl);
  out[k++] = f2(69, S0p, s0sl);
  out[k++] = f2(70, N0w, n0sl);
  out[k++] = f2(71, N0p, n0sl);
  // extensions: second stack item, root and head state
  out[k++] = f2(72, S1w, S1p);
  out[k++] = f3(73, S1p, S0p, N0p);
  out[k++] = f3(74, S0p, s0 > 0 && st.head[s0] >= 0 ? 1 : 0, N0p);
  out[k++] = f2(75, st.rootChildren, N0p);
  out[k++] = f3(76, S0p, N0p, b0 >= 0 && b0 > 1 ? P[b0 - 1] : NONE_P);
  out[k++] = f3(77, S0p, N0w, N1p);
  out[k++] = f1(0, 0);
  return k;
}

/** Features for labelling the arc just chosen (action a: LEFT = b0 -> s0, RIGHT = s0 -> b0). */
export function labelFeatures(st: ParseState, a: SentenceAtoms, action: number, out: Uint32Array, ext = false): number {
  const W = a.w;
  const P = a.p;
  const n = st.n;
  const s0 = st.s0();
  const b0 = st.b0;
  const h = action === LEFT ? b0 : s0;
  const dep = action === LEFT ? s0 : b0;
  const hw = atn(W, h, n, NONE_W), hp = atn(P, h, n, NONE_P), dw = atn(W, dep, n, NONE_W), dp = atn(P, dep, n, NONE_P);
  const dir = action;
  const d = dist(Math.min(h, dep), Math.max(h, dep));
  const hh = h > 0 ? st.head[h] : -1;
  const dl = st.lc1[dep];
  const dr = st.rc1[dep];
  const hsl = fmix(mix(st.lmask0[h], st.lmask1[h]));
  const hsr = fmix(mix(st.rmask0[h], st.rmask1[h]));
  const dsl = fmix(mix(st.lmask0[dep], st.lmask1[dep]));
  let k = 0;
  out[k++] = f2(100, dir, 0);
  out[k++] = f2(101, dir, dw);
  out[k++] = f2(102, dir, dp);
  out[k++] = f2(103, dir, hw);
  out[k++] = f2(104, dir, hp);
  out[k++] = f3(105, dir, dw, hp);
  out[k++] = f3(106, dir, dp, hp);
  out[k++] = f3(107, dir, dw, hw);
  out[k++] = f3(108, dir, dp, hw);
  out[k++] = f3(109, dir, dp, d);
  out[k++] = f3(110, dir, hp, d);
  out[k++] = f3(111, dir, dp, atn(P, hh, n, NONE_P));
  out[k++] = f3(112, dir, dp, atn(P, dl, n, NONE_P));
  out[k++] = f3(113, dir, dp, atn(P, dr, n, NONE_P));
  out[k++] = f3(114, dir, dw, atn(W, dl, n, NONE_W));
  out[k++] = f3(115, dir, hp, hsl);
  out[k++] = f3(116, dir, hp, hsr);
  out[k++] = f3(117, dir, dp, dsl);
  out[k++] = f3(118, dir, dp, h === 0 ? 1 : 0);
  out[k++] = f3(119, dir, dp, atn(P, dep + 1, n, NONE_P));
  out[k++] = f3(120, dir, dp, atn(P, dep - 1, n, NONE_P));
  out[k++] = f3(121, dir, mix(dp, hp), atn(W, dl, n, NONE_W));
  out[k++] = f3(122, dir, mix(dp, hp), atn(P, b0 + 1, n, NONE_P));
  out[k++] = f3(123, dir, hw, dp);
  out[k++] = f3(124, dir, st.label[h] + 1, dp);
  out[k++] = f3(125, dir, atn(W, dep - 1, n, NONE_W), dp);
  out[k++] = f3(126, dir, mix(dp, hp), st.nLeft[dep]);
  out[k++] = f3(127, dir, mix(dw, hp), d);
  if (ext) {
    // label feature set 2: the dependent's attached children (labels) with the head's tag
    const dlLab = dl >= 0 ? st.label[dl] + 1 : 0;
    const drLab = dr >= 0 ? st.label[dr] + 1 : 0;
    out[k++] = f3(128, dir, mix(dp, hp), dsl);
    out[k++] = f3(129, dir, mix(dp, hp), dlLab);
    out[k++] = f3(130, dir, mix(dp, hp), drLab);
    out[k++] = f3(131, dir, mix(dp, hp), d);
    out[k++] = f3(132, dir, mix(dw, hw), atn(W, dl, n, NONE_W));
    out[k++] = f3(133, dir, mix(dp, hp), atn(W, dl, n, NONE_W));
    out[k++] = f3(134, dir, mix(dp, hp), st.label[h] + 1);
    out[k++] = f3(135, dir, mix(dp, hp), hsl);
  }
  return k;
}
