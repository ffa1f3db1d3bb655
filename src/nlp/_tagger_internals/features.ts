import { f1, f2, f3, strHash } from "../_ml/hash.js";

/** Lower-cased form with every digit mapped to 0 (numbers share statistics). */
export function normWord(form: string): string {
  return form.toLowerCase().replace(/\d/g, "0");
}

/** Compressed word shape: "Russia" -> "Xx", "U.N." -> "X.X.", "2017" -> "d", "Western-backed" -> "Xx-x". */
export function wordShape(form: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (let i = 0; i < form.length && out.length < 12; i++) {
    const ch = form[i];
    let c: string;
    if (ch >= "a" && ch <= "z") c = "x";
    else if (ch >= "A" && ch <= "Z") c = "X";
    else if (ch >= "0" && ch <= "9") c = "d";
    else if (/\p{Ll}/u.test(ch)) c = "x";
    else if (/\p{Lu}/u.test(ch)) c = "X";
    else c = ch;
    if (c === last) {
      run++;
      if (run >= 1) continue;
    } else run = 0;
    out += c;
    last = c;
  }
  return out;
}

const ATOM_FIELDS = ["lower", "form", "suf1", "suf2", "suf3", "suf4", "pre1", "pre2", "pre3", "shape", "amb", "last"] as const;

/** Per-token atoms of a sentence, hashed once. */
export class TokenAtoms {
  n = 0;
  lower = new Int32Array(0);
  form = new Int32Array(0);
  suf1 = new Int32Array(0);
  suf2 = new Int32Array(0);
  suf3 = new Int32Array(0);
  suf4 = new Int32Array(0);
  pre1 = new Int32Array(0);
  pre2 = new Int32Array(0);
  pre3 = new Int32Array(0);
  shape = new Int32Array(0);
  amb = new Int32Array(0);
  last = new Int32Array(0);

  prepare(forms: readonly string[], ambiguity: Map<string, number>): void {
    const n = forms.length;
    if (this.lower.length < n + 4) this.alloc(n + 16);
    this.n = n;
    for (let i = 0; i < n; i++) {
      const f = forms[i];
      const w = normWord(f);
      this.lower[i] = strHash(w);
      this.form[i] = strHash(f);
      const L = w.length;
      this.suf1[i] = strHash("s" + w.slice(Math.max(0, L - 1)));
      this.suf2[i] = L >= 2 ? strHash("s" + w.slice(L - 2)) : 1;
      this.suf3[i] = L >= 3 ? strHash("s" + w.slice(L - 3)) : 2;
      this.suf4[i] = L >= 4 ? strHash("s" + w.slice(L - 4)) : 3;
      this.pre1[i] = strHash("p" + w.slice(0, 1));
      this.pre2[i] = L >= 2 ? strHash("p" + w.slice(0, 2)) : 4;
      this.pre3[i] = L >= 3 ? strHash("p" + w.slice(0, 3)) : 5;
      this.shape[i] = strHash(wordShape(f));
      this.amb[i] = ambiguity.get(w) ?? -1;
      const hy = w.lastIndexOf("-");
      this.last[i] = hy > 0 && hy < L - 1 ? strHash(w.slice(hy + 1)) : 6;
    }
  }

  /** This sentence's atoms as `a`'s read backwards (for the right-to-left model), without hashing again. */
  reverseOf(a: TokenAtoms): void {
    const n = a.n;
    if (this.lower.length < n + 4) this.alloc(n + 16);
    this.n = n;
    for (const k of ATOM_FIELDS) {
      const from = a[k];
      const to = this[k];
      for (let i = 0; i < n; i++) to[i] = from[n - 1 - i];
    }
  }

  private alloc(cap: number): void {
    for (const k of ATOM_FIELDS) this[k] = new Int32Array(cap);
  }
}

const BOS = 0x5a5a5a5a | 0;
const EOS = 0x3c3c3c3c | 0;

/**
 * Feature hashes for tagging token i given the two previous predicted tags
 * (-1 / -2 when outside the sentence). Returns the number of features.
 */
export function taggerFeatures(a: TokenAtoms, i: number, p1: number, p2: number, out: Uint32Array, ext = false): number {
  const n = a.n;
  const w = a.lower[i];
  const wm1 = i > 0 ? a.lower[i - 1] : BOS;
  const wm2 = i > 1 ? a.lower[i - 2] : BOS;
  const wp1 = i + 1 < n ? a.lower[i + 1] : EOS;
  const wp2 = i + 2 < n ? a.lower[i + 2] : EOS;
  const ap1 = i + 1 < n ? a.amb[i + 1] : EOS;
  const ap2 = i + 2 < n ? a.amb[i + 2] : EOS;
  const am = a.amb[i];
  let k = 0;
  out[k++] = f1(0, 0);
  out[k++] = f1(1, w);
  out[k++] = f1(2, a.form[i]);
  out[k++] = f1(3, a.suf1[i]);
  out[k++] = f1(4, a.suf2[i]);
  out[k++] = f1(5, a.suf3[i]);
  out[k++] = f1(6, a.suf4[i]);
  out[k++] = f1(7, a.pre1[i]);
  out[k++] = f1(8, a.pre2[i]);
  out[k++] = f1(9, a.pre3[i]);
  out[k++] = f1(10, a.shape[i]);
  out[k++] = f1(11, am);
  out[k++] = f1(12, wm1);
  out[k++] = f1(13, wm2);
  out[k++] = f1(14, wp1);
  out[k++] = f1(15, wp2);
  out[k++] = f1(16, i > 0 ? a.suf3[i - 1] : BOS);
  out[k++] = f1(17, i + 1 < n ? a.suf3[i + 1] : EOS);
  out[k++] = f1(18, i > 0 ? a.shape[i - 1] : BOS);
  out[k++] = f1(19, i + 1 < n ? a.shape[i + 1] : EOS);
  out[k++] = f1(20, ap1);
  out[k++] = f1(21, ap2);
  out[k++] = f1(23, p1);
  out[k++] = f1(24, p2);
  out[k++] = f2(25, p1, p2);
  out[k++] = f2(26, p1, w);
  out[k++] = f2(27, wm1, w);
  out[k++] = f2(28, w, wp1);
  out[k++] = f2(29, p1, am);
  out[k++] = f2(30, am, ap1);
  out[k++] = f2(31, p1, ap1);
  out[k++] = f2(32, i === 0 ? 1 : 0, a.shape[i]);
  out[k++] = f2(33, a.suf3[i], am);
  out[k++] = f2(34, p1, a.suf3[i]);
  out[k++] = f1(35, a.last[i]);
  out[k++] = f3(36, p1, am, ap1);
  out[k++] = f2(37, i === 0 ? 1 : 0, w);
  out[k++] = f2(38, wp1, wp2);
  out[k++] = f2(39, wm1, wm2);
  out[k++] = f2(40, a.suf2[i], p1);
  if (ext) {
    // feature set 48: two-ahead suffix and shape, and the ambiguity classes of the right context
    out[k++] = f1(51, i + 2 < n ? a.suf3[i + 2] : EOS);
    out[k++] = f1(55, i + 2 < n ? a.shape[i + 2] : EOS);
    out[k++] = f2(57, ap1, ap2);
  }
  return k;
}
