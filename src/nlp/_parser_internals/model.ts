import { readFileSync } from "node:fs";
import { HashedPerceptron } from "../_ml/perceptron.js";
import { strHash } from "../_ml/hash.js";
import { normWord } from "../_tagger_internals/features.js";
import { SentenceAtoms, labelFeatures, parserFeatures } from "./features.js";
import { LEFT, N_ACTIONS, ParseState, RIGHT } from "./state.js";

export interface ParserMeta {
  format: "eventwire-parser";
  version: number;
  labels: string[];
  settings: Record<string, unknown>;
  training: Record<string, unknown>;
  dev: Record<string, number>;
}

/** Root word atoms. */
export const ROOT_W = strHash("<ROOT>");
export const ROOT_P = strHash("<ROOT-POS>");

/** Fills the atoms of a sentence (word = normalised form, tag = UPOS/XPOS pair). */
const wordCache = new Map<string, number>();
const tagCache = new Map<string, Map<string, number>>();

export function fillAtoms(a: SentenceAtoms, forms: readonly string[], upos: readonly string[], xpos: readonly string[]): void {
  const n = forms.length;
  a.ensure(n);
  a.w[0] = a.w[n + 1] = ROOT_W;
  a.p[0] = a.p[n + 1] = ROOT_P;
  if (wordCache.size > 200_000) wordCache.clear();
  for (let i = 0; i < n; i++) {
    const f = forms[i];
    let w = wordCache.get(f);
    if (w === undefined) wordCache.set(f, (w = strHash(normWord(f))));
    a.w[i + 1] = w;
    let byX = tagCache.get(upos[i]);
    if (!byX) tagCache.set(upos[i], (byX = new Map()));
    let p = byX.get(xpos[i]);
    if (p === undefined) byX.set(xpos[i], (p = strHash(upos[i] + "/" + xpos[i])));
    a.p[i + 1] = p;
  }
}

/**
 * Finishes a parse: words left without a head attach to the root word (the
 * first word the parser attached to 0, else the first headless word).
 */
export function finishTree(st: ParseState, upos: readonly string[], labels: readonly string[], rootLabel: number, fallback: (u: string) => number): void {
  const n = st.n;
  let root = -1;
  for (let i = 1; i <= n; i++) if (st.head[i] === 0) {
    root = i;
    break;
  }
  for (let i = 1; i <= n; i++) {
    if (st.head[i] >= 0) continue;
    if (root < 0) {
      root = i;
      st.head[i] = 0;
      st.label[i] = rootLabel;
    } else {
      st.head[i] = root;
      st.label[i] = fallback(upos[i - 1]);
    }
  }
  if (root > 0) st.label[root] = rootLabel;
  void labels;
}

/** Greedy arc-eager parser: an action model (4 classes) and an arc-label model. */
export class ParserModel {
  private readonly st = new ParseState();
  private readonly atoms = new SentenceAtoms();
  private readonly feats = new Uint32Array(96);
  private readonly lfeats = new Uint32Array(48);
  private readonly ascores = new Int32Array(N_ACTIONS);
  private readonly lscores: Int32Array;
  readonly rootLabel: number;
  private readonly punct: number;
  private readonly dep: number;
  /** Label feature set 2 (settings.labelFeatures === 2). */
  private readonly labelExt: boolean;

  constructor(
    readonly meta: ParserMeta,
    readonly actions: HashedPerceptron,
    readonly labeler: HashedPerceptron,
  ) {
    this.lscores = new Int32Array(meta.labels.length);
    this.labelExt = meta.settings.labelFeatures === 2;
    this.rootLabel = meta.labels.indexOf("root");
    this.punct = Math.max(0, meta.labels.indexOf("punct"));
    this.dep = Math.max(0, meta.labels.indexOf("parataxis"));
  }

  static load(binPath: string, metaPath: string): ParserModel {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as ParserMeta;
    if (meta.format !== "eventwire-parser") throw new Error(`${metaPath}: not a parser model`);
    const buf = readFileSync(binPath);
    const len = buf.readUInt32LE(0);
    const actions = HashedPerceptron.deserialize(buf.subarray(4, 4 + len));
    const labeler = HashedPerceptron.deserialize(buf.subarray(4 + len));
    if (labeler.classes !== meta.labels.length) throw new Error(`${binPath}: label count does not match ${metaPath}`);
    return new ParserModel(meta, actions, labeler);
  }

  static pack(actions: HashedPerceptron, labeler: HashedPerceptron): Buffer {
    const a = actions.serialize();
    const l = labeler.serialize();
    const head = Buffer.alloc(4);
    head.writeUInt32LE(a.length, 0);
    return Buffer.concat([head, a, l]);
  }

  /**
   * Parses one sentence. Returns 1-based heads (0 = root) and label indices for words 1..n,
   * in arrays of length n + 1 (index 0 unused).
   */
  parse(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): { head: Int32Array; label: Int32Array; margin: Float32Array } {
    if (this.meta.settings.direction === "rtl") {
      // right-to-left model: parse the reversed sentence, map positions back
      const n = forms.length;
      const r = this.parseForward([...forms].reverse(), [...upos].reverse(), [...xpos].reverse());
      const head = new Int32Array(n + 1);
      const label = new Int32Array(n + 1);
      const margin = new Float32Array(n + 1);
      for (let i = 1; i <= n; i++) {
        const o = n + 1 - i;
        head[o] = r.head[i] === 0 ? 0 : n + 1 - r.head[i];
        label[o] = r.label[i];
        margin[o] = r.margin[i];
      }
      return { head, label, margin };
    }
    return this.parseForward(forms, upos, xpos);
  }

  private parseForward(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): { head: Int32Array; label: Int32Array; margin: Float32Array } {
    const n = forms.length;
    const st = this.st;
    const margin = new Float32Array(n + 1);
    const inv = 1 / this.actions.scale;
    const rootEnd = this.meta.settings.root === "end";
    st.reset(n, rootEnd);
    fillAtoms(this.atoms, forms, upos, xpos);
    const as = this.ascores;
    const L = this.meta.labels.length;
    while (!st.done) {
      const k = parserFeatures(st, this.atoms, this.feats);
      this.actions.score(this.feats, k, as);
      let best = -1;
      let second = -1;
      for (let a = 0; a < N_ACTIONS; a++) {
        if (!st.valid(a)) continue;
        if (best < 0 || as[a] > as[best]) {
          second = best;
          best = a;
        } else if (second < 0 || as[a] > as[second]) second = a;
      }
      if (best === LEFT || best === RIGHT) margin[best === LEFT ? st.s0() : st.b0] = second < 0 ? 1e3 : (as[best] - as[second]) * inv;
      let label = -1;
      if (best === LEFT || best === RIGHT) {
        if ((best === RIGHT && st.s0() === 0 && !rootEnd) || (best === LEFT && rootEnd && st.b0 === st.root)) label = this.rootLabel;
        else {
          const lk = labelFeatures(st, this.atoms, best, this.lfeats, this.labelExt);
          this.labeler.score(this.lfeats, lk, this.lscores);
          let bl = -1;
          for (let c = 0; c < L; c++) if (c !== this.rootLabel && (bl < 0 || this.lscores[c] > this.lscores[bl])) bl = c;
          label = bl;
        }
      }
      st.apply(best, label);
    }
    if (rootEnd) {
      // root token n + 1 -> 0; keep one root word (the first non-punctuation one), attach the others to it
      let root = -1;
      for (let i = 1; i <= n; i++) if (st.head[i] === n + 1 && (root < 0 || (upos[root - 1] === "PUNCT" && upos[i - 1] !== "PUNCT"))) root = i;
      for (let i = 1; i <= n; i++) {
        if (st.head[i] !== n + 1) continue;
        if (i === root) st.head[i] = 0;
        else {
          st.head[i] = root;
          st.label[i] = upos[i - 1] === "PUNCT" ? this.punct : this.dep;
        }
      }
    }
    finishTree(st, upos, this.meta.labels, this.rootLabel, (u) => (u === "PUNCT" ? this.punct : this.dep));
    return { head: st.head.slice(0, n + 1), label: st.label.slice(0, n + 1), margin };
  }
}
