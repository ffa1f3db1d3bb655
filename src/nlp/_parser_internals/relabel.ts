import { readFileSync } from "node:fs";
import { HashedPerceptron } from "../_ml/perceptron.js";
import { f1, f2, f3, f4, mix } from "../_ml/hash.js";
import { SentenceAtoms, dist } from "./features.js";
import { fillAtoms } from "./model.js";

export interface RelabelerMeta {
  format: "eventwire-relabeler";
  version: number;
  labels: string[];
  settings: Record<string, unknown> & { bits: number; epochs: number; bonus: number };
  training: Record<string, unknown>;
  dev: Record<string, number>;
}

const NONE = 0x2468ace0;

/** Children of every word of a finished tree (words 0..n), rebuilt per sentence into reused arrays. */
export class TreeIndex {
  start = new Int32Array(0);
  kids = new Int32Array(0);
  build(head: ArrayLike<number>, n: number): void {
    if (this.start.length < n + 2) {
      this.start = new Int32Array((n + 2) * 2);
      this.kids = new Int32Array((n + 2) * 2);
    }
    this.start.fill(0, 0, n + 2);
    for (let d = 1; d <= n; d++) if (head[d] >= 0) this.start[head[d] + 1]++;
    for (let h = 0; h <= n; h++) this.start[h + 1] += this.start[h];
    const fill = this.start.slice(0, n + 1);
    for (let d = 1; d <= n; d++) if (head[d] >= 0) this.kids[fill[head[d]]++] = d;
  }
}

/**
 * Features for labelling the arc head[d] -> d of a finished tree: what the
 * parser's own labeller sees at arc time plus what it cannot, the dependent's
 * later children and the head's other children (with their current labels),
 * and the grandparent. Returns the number of features.
 */
export function relabelFeatures(a: SentenceAtoms, head: ArrayLike<number>, label: ArrayLike<number>, tree: TreeIndex, n: number, d: number, out: Uint32Array): number {
  const W = a.w;
  const P = a.p;
  const h = head[d];
  const dir = d < h ? 1 : 2;
  const ds = dist(Math.min(d, h), Math.max(d, h));
  const dw = W[d], dp = P[d], hw = W[h], hp = P[h];
  const g = h > 0 ? head[h] : -1;
  const dh = mix(dp, hp);
  let k = 0;
  out[k++] = f1(200, dir);
  out[k++] = f2(201, dir, dw);
  out[k++] = f2(202, dir, dp);
  out[k++] = f2(203, dir, hw);
  out[k++] = f2(204, dir, hp);
  out[k++] = f3(205, dir, dp, hp);
  out[k++] = f3(206, dir, dw, hp);
  out[k++] = f3(207, dir, dp, hw);
  out[k++] = f3(208, dir, dw, hw);
  out[k++] = f4(209, dir, dp, hp, ds);
  out[k++] = f3(210, dir, dh, g >= 0 ? P[g] : NONE);
  out[k++] = f3(211, dir, dh, h > 0 ? label[h] : -5);
  out[k++] = f3(212, dir, hw, h > 0 ? label[h] : -5);
  out[k++] = f3(213, dir, dh, d > 1 ? P[d - 1] : NONE);
  out[k++] = f3(214, dir, dh, d < n ? P[d + 1] : NONE);
  const s = tree.start;
  const kids = tree.kids;
  out[k++] = f3(215, dir, dh, Math.min(s[d + 1] - s[d], 5));
  for (let j = s[d], end = Math.min(s[d + 1], s[d] + 8); j < end; j++) {
    const c = kids[j];
    const side = c < d ? 1 : 2;
    out[k++] = f4(216, dir, dp, P[c], side);
    out[k++] = f4(217, dir, dh, W[c], side);
    out[k++] = f4(218, dir, dp, label[c], side);
    out[k++] = f4(219, dir, dh, label[c], side);
  }
  // nearest other children of the head on either side
  let ls = -1;
  let rs = -1;
  for (let j = s[h]; j < s[h + 1]; j++) {
    const c = kids[j];
    if (c < d) ls = c;
    else if (c > d && rs < 0) rs = c;
  }
  out[k++] = f4(220, dir, dh, ls >= 0 ? P[ls] : NONE, ls >= 0 ? label[ls] : -1);
  out[k++] = f4(221, dir, dh, rs >= 0 ? P[rs] : NONE, rs >= 0 ? label[rs] : -1);
  out[k++] = f3(222, dir, dw, h === 0 ? 0 : ds);
  return k;
}

/** Most features relabelFeatures returns (15 + 4 per child for at most 8 children + 3). */
export const MAX_RELABEL_FEATURES = 64;

/**
 * Second-stage arc labeller over the finished (ensemble) tree. The label it
 * picks maximises its own score plus a bonus for keeping the parser's label,
 * so it only overrides the parser where it is confident (bonus tuned on dev).
 */
export class Relabeler {
  private readonly atoms = new SentenceAtoms();
  private readonly tree = new TreeIndex();
  private readonly feats = new Uint32Array(MAX_RELABEL_FEATURES);
  private readonly scores: Int32Array;
  private readonly root: number;

  constructor(
    readonly meta: RelabelerMeta,
    readonly model: HashedPerceptron,
  ) {
    this.scores = new Int32Array(meta.labels.length);
    this.root = meta.labels.indexOf("root");
  }

  static load(binPath: string, metaPath: string): Relabeler {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as RelabelerMeta;
    if (meta.format !== "eventwire-relabeler") throw new Error(`${metaPath}: not a relabeler model`);
    const model = HashedPerceptron.deserialize(readFileSync(binPath));
    if (model.classes !== meta.labels.length) throw new Error(`${binPath}: label count does not match ${metaPath}`);
    return new Relabeler(meta, model);
  }

  /** Relabels the arcs of a tree in place (1-based heads and label indices into meta.labels, 0 = root). */
  relabel(forms: readonly string[], upos: readonly string[], xpos: readonly string[], head: Int32Array, label: Int32Array, bonus = this.meta.settings.bonus): void {
    const n = forms.length;
    fillAtoms(this.atoms, forms, upos, xpos);
    this.tree.build(head, n);
    const before = label.slice();
    const scale = this.model.scale * bonus;
    for (let d = 1; d <= n; d++) {
      if (head[d] <= 0) continue;
      const k = relabelFeatures(this.atoms, head, before, this.tree, n, d, this.feats);
      this.model.score(this.feats, k, this.scores);
      let best = -1;
      let bestScore = -Infinity;
      for (let c = 0; c < this.scores.length; c++) {
        if (c === this.root) continue;
        const v = this.scores[c] + (c === before[d] ? scale : 0);
        if (v > bestScore) {
          bestScore = v;
          best = c;
        }
      }
      label[d] = best;
    }
  }
}
