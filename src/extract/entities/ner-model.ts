/**
 * Averaged structured perceptron NER model: hashed emission weights per tag,
 * tag-bigram transition weights, first-order Viterbi decoding under IOB2
 * constraints (I-X only after B-X or I-X). Stored as int16 weights with one
 * scale, gzipped (models/ner-*.bin.gz) plus a metadata JSON.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export interface NerMeta {
  name: string;
  version: number;
  featureVersion: number;
  tags: string[];
  bits: number;
  scale: number;
  transScale: number;
  /** Which POS tags the model was trained with ("xpos", "upos"), or null. */
  pos?: "xpos" | "upos" | null;
  [k: string]: unknown;
}

export class NerModel {
  readonly tags: string[];
  readonly T: number;
  readonly mask: number;
  /**
   * Emission weights, bucket-major: w[bucket * T + tag], each times wScale. A loaded model keeps
   * the stored int16 weights (no 18M-value conversion at load; emissions are scaled once per token).
   */
  readonly w: Float32Array | Int16Array;
  readonly wScale: number;
  /** Transitions: trans[(prev + 1) * T + tag], prev = -1 is the sentence start. */
  readonly trans: Float32Array;
  /** allowed[(prev + 1) * T + tag] */
  readonly allowed: Uint8Array;
  /** Tags a sentence may end with. */
  readonly endOk: Uint8Array;
  /** BILOU tag set (U-, L- tags) rather than IOB2. */
  readonly bilou: boolean;

  constructor(tags: string[], bits: number, w?: Float32Array | Int16Array, trans?: Float32Array, wScale = 1) {
    this.tags = tags;
    this.T = tags.length;
    this.mask = (1 << bits) - 1;
    this.w = w ?? new Float32Array((1 << bits) * this.T);
    this.wScale = wScale;
    this.trans = trans ?? new Float32Array((this.T + 1) * this.T);
    this.allowed = new Uint8Array((this.T + 1) * this.T);
    this.endOk = new Uint8Array(this.T);
    this.bilou = tags.some((t) => t.startsWith("U-"));
    const open = (p: number) => p >= 0 && (tags[p].startsWith("B-") || tags[p].startsWith("I-"));
    for (let t = 0; t < this.T; t++) this.endOk[t] = this.bilou && (tags[t].startsWith("B-") || tags[t].startsWith("I-")) ? 0 : 1;
    for (let p = -1; p < this.T; p++) {
      for (let t = 0; t < this.T; t++) {
        const tag = tags[t];
        let ok = true;
        if (this.bilou) {
          if (tag.startsWith("I-") || tag.startsWith("L-")) {
            const type = tag.slice(2);
            ok = open(p) && tags[p].slice(2) === type;
          } else ok = !open(p);
        } else if (tag.startsWith("I-")) {
          const type = tag.slice(2);
          ok = p >= 0 && (tags[p] === "B-" + type || tags[p] === "I-" + type);
        }
        this.allowed[(p + 1) * this.T + t] = ok ? 1 : 0;
      }
    }
  }

  /** The IOB2 tag for a model tag (BILOU U-/L- map to B-/I-). */
  iob2(t: number): string {
    const tag = this.tags[t];
    if (tag.startsWith("U-")) return "B-" + tag.slice(2);
    if (tag.startsWith("L-")) return "I-" + tag.slice(2);
    return tag;
  }

  /** Emission scores n x T for one sentence. */
  emissions(feats: Int32Array, offsets: Int32Array, n: number, out?: Float32Array): Float32Array {
    const T = this.T;
    const e = out && out.length >= n * T ? out : new Float32Array(n * T);
    e.fill(0, 0, n * T);
    const w = this.w;
    const scale = this.wScale;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const b = feats[k] * T;
        for (let t = 0; t < T; t++) e[base + t] += w[b + t];
      }
      if (scale !== 1) for (let t = 0; t < T; t++) e[base + t] *= scale;
    }
    return e;
  }

  /** Best tag sequence (indices) under the IOB2 constraints. */
  viterbi(e: Float32Array, n: number): Int32Array {
    const T = this.T;
    const score = new Float64Array(n * T);
    const back = new Int32Array(n * T);
    const tr = this.trans;
    const al = this.allowed;
    for (let t = 0; t < T; t++) score[t] = al[t] ? tr[t] + e[t] : -Infinity;
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < T; t++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < T; p++) {
          const idx = (p + 1) * T + t;
          if (!al[idx]) continue;
          const s = score[(i - 1) * T + p] + tr[idx];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[i * T + t] = best + e[i * T + t];
        back[i * T + t] = arg;
      }
    }
    const out = new Int32Array(n);
    if (n === 0) return out;
    let best = -Infinity;
    let arg = 0;
    for (let t = 0; t < T; t++) if (this.endOk[t] && score[(n - 1) * T + t] > best) (best = score[(n - 1) * T + t]), (arg = t);
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
    return out;
  }

  /** Per-token confidence: softmax margin of the chosen tag's emission score. */
  static margin(e: Float32Array, i: number, T: number, t: number): number {
    let max = -Infinity;
    for (let k = 0; k < T; k++) if (e[i * T + k] > max) max = e[i * T + k];
    let z = 0;
    for (let k = 0; k < T; k++) z += Math.exp(e[i * T + k] - max);
    return Math.exp(e[i * T + t] - max) / z;
  }

  /** Serialises to int16 buffer (gzip by the caller) and metadata fields. */
  quantize(): { buf: Buffer; scale: number; transScale: number } {
    if (this.wScale !== 1) throw new Error("quantize: the model is already quantized");
    let max = 0;
    for (const v of this.w) if (Math.abs(v) > max) max = Math.abs(v);
    let tmax = 0;
    for (const v of this.trans) if (Math.abs(v) > tmax) tmax = Math.abs(v);
    const scale = max / 32767 || 1;
    const transScale = tmax / 32767 || 1;
    const q = new Int16Array(this.w.length + this.trans.length);
    for (let i = 0; i < this.w.length; i++) q[i] = Math.round(this.w[i] / scale);
    for (let i = 0; i < this.trans.length; i++) q[this.w.length + i] = Math.round(this.trans[i] / transScale);
    return { buf: Buffer.from(q.buffer, q.byteOffset, q.byteLength), scale, transScale };
  }

  static load(binPath: string, metaPath: string): { model: NerModel; meta: NerMeta } {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as NerMeta;
    const raw = gunzipSync(readFileSync(binPath));
    const q = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
    const T = meta.tags.length;
    const nw = (1 << meta.bits) * T;
    if (q.length !== nw + (T + 1) * T) throw new Error(`${binPath}: weight count ${q.length} does not match metadata (${nw + (T + 1) * T})`);
    const trans = new Float32Array((T + 1) * T);
    for (let i = 0; i < trans.length; i++) trans[i] = q[nw + i] * meta.transScale;
    return { model: new NerModel(meta.tags, meta.bits, q.subarray(0, nw), trans, meta.scale), meta };
  }
}
