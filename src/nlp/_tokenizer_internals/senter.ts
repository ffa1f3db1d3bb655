import { existsSync, readFileSync } from "node:fs";
import type { Doc } from "../../model/index.js";
import { HashedPerceptron } from "../_ml/perceptron.js";
import { f1, f2, f3, strHash } from "../_ml/hash.js";
import { normWord, wordShape } from "../_tagger_internals/features.js";
import type { BoundaryModel } from "../tokenizer.js";
import { HARD, SOFT } from "./boundaries.js";

function bucket(d: number): number {
  return d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : d <= 40 ? 7 : 8;
}

/** Per-token atoms for boundary features. */
export interface BoundaryAtoms {
  w: Int32Array;
  shape: Int32Array;
  gap: Int32Array;
  toHard: Int32Array;
}

export function boundaryAtoms(doc: Doc, rules: Uint8Array, first: number): BoundaryAtoms {
  const t = doc.tokens;
  const n = t.count;
  const w = new Int32Array(n);
  const shape = new Int32Array(n);
  const gap = new Int32Array(n);
  const toHard = new Int32Array(n);
  for (let i = first; i < n; i++) {
    w[i] = strHash(normWord(t.form[i]));
    shape[i] = strHash(wordShape(t.form[i]));
    gap[i] = i + 1 < n ? Math.min(2, t.start[i + 1] - t.end[i]) : 3;
  }
  let next = n;
  for (let i = n - 1; i >= first; i--) {
    if (rules[i] === HARD) next = i;
    toHard[i] = next - i;
  }
  return { w, shape, gap, toHard };
}

/** Features for "a sentence ends after token i" (since = tokens since the last boundary). */
export function boundaryFeatures(a: BoundaryAtoms, rules: Uint8Array, i: number, n: number, since: number, out: Uint32Array): number {
  const r = rules[i];
  const W = a.w;
  const S = a.shape;
  const wi = W[i];
  const wj = i + 1 < n ? W[i + 1] : -7;
  const wh = i > 0 ? W[i - 1] : -7;
  const wk = i + 2 < n ? W[i + 2] : -7;
  const si = S[i];
  const sj = i + 1 < n ? S[i + 1] : -7;
  const g = a.gap[i];
  const ds = bucket(since);
  const dh = bucket(a.toHard[i]);
  let k = 0;
  out[k++] = f1(0, r);
  out[k++] = f2(1, r, wi);
  out[k++] = f2(2, r, wj);
  out[k++] = f2(3, r, si);
  out[k++] = f2(4, r, sj);
  out[k++] = f3(5, r, si, sj);
  out[k++] = f3(6, wi, sj, g);
  out[k++] = f3(7, si, wj, g);
  out[k++] = f2(8, wi, wj);
  out[k++] = f2(9, wh, wi);
  out[k++] = f2(10, wj, wk);
  out[k++] = f3(11, r, ds, g);
  out[k++] = f3(12, r, dh, sj);
  out[k++] = f3(13, si, sj, g);
  out[k++] = f3(14, r, ds, dh);
  out[k++] = f2(15, wi, g);
  out[k++] = f2(16, wj, g);
  out[k++] = f3(17, wh, wi, wj);
  return k;
}

/**
 * Learned sentence-boundary classifier (binary averaged perceptron, trained on
 * UD EWT train): decides every position that is not a hard boundary, with
 * the rule decision as one of its features.
 */
export class SentenceBoundaryModel implements BoundaryModel {
  private readonly feats = new Uint32Array(32);
  private readonly scores = new Int32Array(2);
  constructor(readonly model: HashedPerceptron) {}

  static loadIfPresent(path: string): SentenceBoundaryModel | null {
    if (!existsSync(path)) return null;
    return new SentenceBoundaryModel(HashedPerceptron.deserialize(readFileSync(path)));
  }

  decide(doc: Doc, rules: Uint8Array, first: number): Uint8Array {
    const n = doc.tokens.count;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    const a = boundaryAtoms(doc, rules, first);
    let since = 0;
    for (let i = first; i < n; i++) {
      since++;
      if (rules[i] === HARD || i === n - 1) {
        out[i] = HARD;
        since = 0;
        continue;
      }
      const k = boundaryFeatures(a, rules, i, n, since, this.feats);
      this.model.score(this.feats, k, this.scores);
      if (this.scores[1] > this.scores[0]) {
        out[i] = SOFT;
        since = 0;
      }
    }
    return out;
  }
}
