import { gunzipSync } from "node:zlib";

/**
 * A multiclass averaged perceptron over hashed features, stored as one dense
 * weight table `rows x classes` (a feature hash picks the row). Training keeps
 * float weights plus the running sum needed for averaging (w - u/c trick, no
 * per-weight timestamps); a trained model is quantised to Int16 and scored in
 * integer arithmetic, which is exact for argmax up to the quantisation step.
 * A loaded model whose table is mostly zeros (the tagger: ~2 non-zero weights
 * in a row of 93 classes) is kept as compressed sparse rows instead: a few MB
 * instead of tens, so scoring touches one or two cache lines per feature
 * rather than a whole dense row (same integer scores, so the same output).
 *
 * File format 2 (a model kept as sparse rows): magic "EWPC" | u32 version |
 * u32 rows | u32 classes | f32 scale | u32 nnz | u32 index bytes |
 * nnz x (varint index delta) | nnz x i16 weight, uncompressed: gzip saved
 * ~10% of the size and cost more load time than the rest of the decoding.
 * Format 3 (a dense model, e.g. the parser's 4 actions): the same header with
 * index bytes 0, then the rows x classes i16 table as it is in memory, so
 * loading is one copy. Version 1 (gzip of format 2 without the index bytes)
 * still loads.
 */
export class HashedPerceptron {
  readonly rows: number;
  readonly classes: number;
  readonly mask: number;
  /** Dense quantised weights; null while the model is held as sparse rows. */
  private dense: Int16Array | null;
  /** Sparse rows: entries rowStart[r]..rowStart[r + 1] of row r, each (class << 16) | (weight & 0xffff). */
  private rowStart: Int32Array | null = null;
  private entries: Int32Array | null = null;
  /** Training state (null once loaded or finalised). */
  private w: Float32Array | null = null;
  private u: Float64Array | null = null;
  private c = 1;

  /** `weights` (dense, or null for a model about to get sparse rows) skips allocating a zero table. */
  constructor(bits: number, classes: number, training = false, weights?: Int16Array | null) {
    this.rows = 1 << bits;
    this.mask = this.rows - 1;
    this.classes = classes;
    this.dense = weights !== undefined ? weights : new Int16Array(training ? 0 : this.rows * classes);
    if (training) {
      this.w = new Float32Array(this.rows * classes);
      this.u = new Float64Array(this.rows * classes);
    }
  }

  /** Adds the rows of features feats[0..n) to scores (length >= classes), training weights. */
  scoreTrain(feats: Uint32Array, n: number, scores: Float64Array): void {
    const w = this.w!;
    const C = this.classes;
    scores.fill(0, 0, C);
    for (let i = 0; i < n; i++) {
      const base = (feats[i] & this.mask) * C;
      for (let k = 0; k < C; k++) scores[k] += w[base + k];
    }
  }

  /** Quantised weights (inference), rows x classes; a sparse model is expanded on first use. */
  get q(): Int16Array {
    if (!this.dense) {
      const q = new Int16Array(this.rows * this.classes);
      const start = this.rowStart!;
      const e = this.entries!;
      for (let r = 0; r < this.rows; r++) for (let j = start[r]; j < start[r + 1]; j++) q[r * this.classes + (e[j] >>> 16)] = (e[j] << 16) >> 16;
      this.dense = q;
    }
    return this.dense;
  }

  set q(q: Int16Array) {
    this.dense = q;
    this.rowStart = null;
    this.entries = null;
  }

  /** Integer scores from the quantised weights. */
  score(feats: Uint32Array, n: number, scores: Int32Array): void {
    const C = this.classes;
    scores.fill(0, 0, C);
    const start = this.rowStart;
    if (start) {
      const e = this.entries!;
      for (let i = 0; i < n; i++) {
        const r = feats[i] & this.mask;
        for (let j = start[r], end = start[r + 1]; j < end; j++) scores[e[j] >>> 16] += (e[j] << 16) >> 16;
      }
      return;
    }
    const q = this.dense!;
    for (let i = 0; i < n; i++) {
      const base = (feats[i] & this.mask) * C;
      for (let k = 0; k < C; k++) scores[k] += q[base + k];
    }
  }

  /** Perceptron update: +1 to truth, -1 to guess (no-op when equal). Call tick() once per example. */
  update(feats: Uint32Array, n: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    const w = this.w!;
    const u = this.u!;
    const C = this.classes;
    const c = this.c;
    for (let i = 0; i < n; i++) {
      const base = (feats[i] & this.mask) * C;
      w[base + truth] += amount;
      u[base + truth] += c * amount;
      if (guess >= 0) {
        w[base + guess] -= amount;
        u[base + guess] -= c * amount;
      }
    }
  }

  /** Adds amount to class cls of the rows of feats[0..n) (a structured update is a sum of these). */
  add(feats: Uint32Array, n: number, cls: number, amount: number): void {
    const w = this.w!;
    const u = this.u!;
    const C = this.classes;
    const cu = this.c * amount;
    for (let i = 0; i < n; i++) {
      const j = (feats[i] & this.mask) * C + cls;
      w[j] += amount;
      u[j] += cu;
    }
  }

  tick(): void {
    this.c++;
  }

  /** Averages and quantises the weights; frees the training state. */
  finalise(): void {
    const w = this.w!;
    const u = this.u!;
    const c = this.c;
    const avg = new Float32Array(w.length);
    let max = 0;
    for (let i = 0; i < w.length; i++) {
      const a = w[i] - u[i] / c;
      avg[i] = a;
      const m = a < 0 ? -a : a;
      if (m > max) max = m;
    }
    const scale = max > 0 ? 32767 / max : 1;
    const q = new Int16Array(w.length);
    for (let i = 0; i < w.length; i++) q[i] = Math.round(avg[i] * scale);
    this.q = q;
    this.scale = scale;
    this.w = null;
    this.u = null;
  }

  scale = 1;

  /** Training-time snapshot of averaged weights into q (for dev evaluation) without freeing state. */
  snapshot(): void {
    const w = this.w!;
    const u = this.u!;
    const c = this.c;
    let max = 0;
    for (let i = 0; i < w.length; i++) {
      const a = w[i] - u[i] / c;
      const m = a < 0 ? -a : a;
      if (m > max) max = m;
    }
    const scale = max > 0 ? 32767 / max : 1;
    const q = this.dense && this.dense.length === w.length ? this.dense : new Int16Array(w.length);
    for (let i = 0; i < w.length; i++) q[i] = Math.round((w[i] - u[i] / c) * scale);
    this.q = q;
    this.scale = scale;
  }

  nonZero(): number {
    let n = 0;
    const q = this.q;
    for (let i = 0; i < q.length; i++) if (q[i] !== 0) n++;
    return n;
  }

  serialize(): Buffer {
    const q = this.q;
    const nnz = this.nonZero();
    const head = Buffer.alloc(28);
    head.write("EWPC", 0, "ascii");
    head.writeUInt32LE(this.rows, 8);
    head.writeUInt32LE(this.classes, 12);
    head.writeFloatLE(this.scale, 16);
    head.writeUInt32LE(nnz, 20);
    if (!sparseWins(this.rows, this.classes, nnz)) {
      head.writeUInt32LE(3, 4);
      return Buffer.concat([head, Buffer.from(q.buffer, q.byteOffset, q.byteLength)]);
    }
    const idx = Buffer.alloc(nnz * 5 + 16);
    let p = 0;
    let prev = 0;
    const vals = new Int16Array(nnz);
    let j = 0;
    for (let i = 0; i < q.length; i++) {
      if (q[i] === 0) continue;
      let d = i - prev;
      prev = i;
      while (d >= 0x80) {
        idx[p++] = (d & 0x7f) | 0x80;
        d >>>= 7;
      }
      idx[p++] = d;
      vals[j++] = q[i];
    }
    head.writeUInt32LE(2, 4);
    head.writeUInt32LE(p, 24);
    return Buffer.concat([head, idx.subarray(0, p), Buffer.from(vals.buffer, vals.byteOffset, vals.byteLength)]);
  }

  static deserialize(data: Buffer): HashedPerceptron {
    const buf = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
    if (buf.toString("ascii", 0, 4) !== "EWPC") throw new Error("not an eventwire perceptron model (bad magic)");
    const version = buf.readUInt32LE(4);
    const rows = buf.readUInt32LE(8);
    const classes = buf.readUInt32LE(12);
    const scale = buf.readFloatLE(16);
    const nnz = buf.readUInt32LE(20);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    if (version === 3) {
      // the table in place when it is 2-byte aligned in the file's buffer (no copy), else a copy
      const at = buf.byteOffset + 28;
      const q = at % 2 === 0 ? new Int16Array(buf.buffer, at, rows * classes) : new Int16Array(bytes.slice(28, 28 + 2 * rows * classes).buffer);
      const m = new HashedPerceptron(Math.round(Math.log2(rows)), classes, false, q);
      m.scale = scale;
      return m;
    }
    let p = version >= 2 ? 28 : 24;
    let idxEnd = version >= 2 ? p + buf.readUInt32LE(24) : -1;
    if (idxEnd < 0) {
      // version 1: the index length is where the nnz-th varint ends
      idxEnd = p;
      for (let j = 0; j < nnz; j++) while (bytes[idxEnd++] & 0x80);
    }
    // values: little-endian int16, copied into an aligned array
    const vals = new Int16Array(bytes.slice(idxEnd, idxEnd + 2 * nnz).buffer);
    const sparse = sparseWins(rows, classes, nnz);
    const start = sparse ? new Int32Array(rows + 1) : null;
    const entries = sparse ? new Int32Array(nnz) : null;
    const q = sparse ? null : new Int16Array(rows * classes);
    let prev = 0;
    for (let j = 0; j < nnz; j++) {
      let b = bytes[p++];
      let d = b & 0x7f;
      let shift = 7;
      while (b & 0x80) {
        b = bytes[p++];
        d |= (b & 0x7f) << shift;
        shift += 7;
      }
      prev += d;
      if (q) q[prev] = vals[j];
      else {
        // positions ascend, so rows come in order
        const r = (prev / classes) | 0;
        start![r + 1]++;
        entries![j] = ((prev - r * classes) << 16) | (vals[j] & 0xffff);
      }
    }
    const m = new HashedPerceptron(Math.round(Math.log2(rows)), classes, false, q);
    m.scale = scale;
    if (start) {
      for (let r = 0; r < rows; r++) start[r + 1] += start[r];
      m.rowStart = start;
      m.entries = entries;
    }
    return m;
  }
}

/** Sparse rows (4 bytes per row and per non-zero weight) when they take at most half the dense table. */
function sparseWins(rows: number, classes: number, nnz: number): boolean {
  return 4 * (rows + 1 + nnz) * 2 <= 2 * rows * classes;
}
