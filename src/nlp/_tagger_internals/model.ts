import { readFileSync } from "node:fs";
import { HashedPerceptron } from "../_ml/perceptron.js";
import { strHash } from "../_ml/hash.js";
import { TokenAtoms, taggerFeatures } from "./features.js";

export interface TaggerMeta {
  format: "eventwire-tagger";
  version: number;
  /** Class labels, "UPOS\tXPOS". */
  classes: string[];
  /** Normalised word -> ambiguity class (sorted UPOS|XPOS set seen in training). */
  ambiguity: Record<string, string>;
  settings: Record<string, unknown>;
  training: Record<string, unknown>;
  dev: Record<string, number>;
}

/** Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS+XPOS class. */
export class TaggerModel {
  readonly upos: string[];
  readonly xpos: string[];
  readonly ambiguity: Map<string, number>;
  private readonly atoms = new TokenAtoms();
  private feats = new Uint32Array(64);
  /** Extended feature set (settings.features >= 48). */
  private readonly ext: boolean;
  private scores: Int32Array;

  private first = new Int32Array(256);

  constructor(
    readonly meta: TaggerMeta,
    readonly model: HashedPerceptron,
    /** Optional second pass that also sees the first pass's tags of the right context. */
    readonly model2: HashedPerceptron | null = null,
  ) {
    this.ext = Number(meta.settings.features ?? 40) >= 48;
    this.upos = meta.classes.map((c) => c.split("\t")[0]);
    this.xpos = meta.classes.map((c) => c.split("\t")[1]);
    this.ambiguity = ambiguityMap(meta.ambiguity);
    this.scores = new Int32Array(meta.classes.length);
  }

  static load(binPath: string, metaPath: string, pass2Path?: string): TaggerModel {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as TaggerMeta;
    if (meta.format !== "eventwire-tagger") throw new Error(`${metaPath}: not a tagger model`);
    const model = HashedPerceptron.deserialize(readFileSync(binPath));
    if (model.classes !== meta.classes.length) throw new Error(`${binPath}: class count ${model.classes} does not match ${metaPath}`);
    const model2 = pass2Path ? HashedPerceptron.deserialize(readFileSync(pass2Path)) : null;
    return new TaggerModel(meta, model, model2);
  }

  /** Tags one sentence; returns class indices. */
  tag(forms: readonly string[], out = new Int32Array(forms.length)): Int32Array {
    this.atoms.prepare(forms, this.ambiguity);
    if (!this.model2) return this.run(this.model, forms.length, out, null);
    if (this.first.length < forms.length) this.first = new Int32Array(forms.length * 2);
    this.run(this.model, forms.length, this.first, null);
    return this.run(this.model2, forms.length, out, this.first);
  }

  /** First-pass tags only (used to train the second pass). */
  tagFirstPass(forms: readonly string[], out = new Int32Array(forms.length)): Int32Array {
    this.atoms.prepare(forms, this.ambiguity);
    return this.run(this.model, forms.length, out, null);
  }

  private run(model: HashedPerceptron, n: number, out: Int32Array, right: Int32Array | null): Int32Array {
    const a = this.atoms;
    const forms = { length: n };
    const C = model.classes;
    const scores = this.scores;
    let p1 = -1;
    let p2 = -2;
    for (let i = 0; i < forms.length; i++) {
      const k = taggerFeatures(a, i, p1, p2, this.feats, right, this.ext);
      model.score(this.feats, k, scores);
      let best = 0;
      for (let k = 1; k < C; k++) if (scores[k] > scores[best]) best = k;
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
    return out;
  }
}

export function ambiguityMap(amb: Record<string, string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [w, c] of Object.entries(amb)) m.set(w, strHash(c));
  return m;
}
