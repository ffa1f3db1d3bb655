import { readFileSync } from "node:fs";
import { HashedPerceptron } from "../_ml/perceptron.js";
import { fmix, mix, strHash } from "../_ml/hash.js";
import { normWord } from "../_tagger_internals/features.js";
import { SentenceAtoms, labelFeatures, parserFeatures } from "./features.js";
import { LEFT, N_ACTIONS, ParseState, RIGHT } from "./state.js";
import { BeamSearch, type ActionScorer, type ArcLabeler } from "./beam.js";

export interface ParserMeta {
  format: "eventwire-parser";
  version: number;
  labels: string[];
  settings: Record<string, unknown>;
  training: Record<string, unknown>;
  dev: Record<string, number>;
}

const LC_KEY = 16;
const LC_SIZE = 4096;

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
  /** Beam decoder (settings.beam > 1, a model trained with global updates), else null (greedy). */
  private readonly beam: BeamSearch | null;
  private readonly scoreActions: ActionScorer;
  private readonly arcLabel: ArcLabeler;
  /** Label cache of the beam (labelCacheSlot): keys, labels, and the sentence each slot was filled in. */
  private readonly lkey = new Int32Array(LC_KEY);
  private readonly lcKeys = new Int32Array(LC_SIZE * LC_KEY);
  private readonly lcLabel = new Int32Array(LC_SIZE);
  private readonly lcGen = new Int32Array(LC_SIZE);
  private sentenceGen = 0;

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
    const width = typeof meta.settings.beam === "number" ? meta.settings.beam : 1;
    this.beam = width > 1 ? new BeamSearch(width) : null;
    const as = this.ascores;
    this.scoreActions = (feats, k, out) => {
      this.actions.score(feats, k, as);
      for (let a = 0; a < N_ACTIONS; a++) out[a] = as[a];
    };
    this.arcLabel = (st, a) => this.labelArc(st, a);
  }

  /** Label of the arc that action a (LEFT or RIGHT) makes in st: root for an arc from the root, else the labeler's best. */
  private labelArc(st: ParseState, a: number): number {
    const rootEnd = st.rootEnd;
    if ((a === RIGHT && st.s0() === 0 && !rootEnd) || (a === LEFT && rootEnd && st.b0 === st.root)) return this.rootLabel;
    const slot = this.beam ? this.labelCacheSlot(st, a) : -1;
    if (slot >= 0 && this.lcGen[slot] === this.sentenceGen) {
      const base = slot * LC_KEY;
      let same = true;
      for (let j = 0; j < LC_KEY; j++) if (this.lcKeys[base + j] !== this.lkey[j]) {
        same = false;
        break;
      }
      if (same) return this.lcLabel[slot];
    }
    const lk = labelFeatures(st, this.atoms, a, this.lfeats, this.labelExt);
    this.labeler.score(this.lfeats, lk, this.lscores);
    let bl = -1;
    for (let c = 0, L = this.lscores.length; c < L; c++) if (c !== this.rootLabel && (bl < 0 || this.lscores[c] > this.lscores[bl])) bl = c;
    if (slot >= 0) {
      this.lcKeys.set(this.lkey, slot * LC_KEY);
      this.lcGen[slot] = this.sentenceGen;
      this.lcLabel[slot] = bl;
    }
    return bl;
  }

  /**
   * Beam items often make the same arc in the same local context, and the
   * labeler reads only that context (labelFeatures: the two words, the head's
   * head and label, the dependent's outer children and their labels, both
   * words' child-label sets and the dependent's left valency). Fills lkey
   * with it and returns its slot in a per-sentence direct-mapped cache.
   */
  private labelCacheSlot(st: ParseState, a: number): number {
    const h = a === LEFT ? st.b0 : st.s0();
    const d = a === LEFT ? st.s0() : st.b0;
    const k = this.lkey;
    const dl = st.lc1[d];
    const dr = st.rc1[d];
    k[0] = a;
    k[1] = h;
    k[2] = d;
    k[3] = st.head[h];
    k[4] = dl;
    k[5] = dr;
    k[6] = st.label[h];
    k[7] = dl >= 0 ? st.label[dl] : -2;
    k[8] = dr >= 0 ? st.label[dr] : -2;
    k[9] = st.lmask0[h];
    k[10] = st.lmask1[h];
    k[11] = st.rmask0[h];
    k[12] = st.rmask1[h];
    k[13] = st.lmask0[d];
    k[14] = st.lmask1[d];
    k[15] = st.nLeft[d];
    let x = 0;
    for (let j = 0; j < LC_KEY; j++) x = mix(x, k[j]);
    return fmix(x) & (LC_SIZE - 1);
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

  /**
   * Beam decoding into this.st (the best final item). An arc's margin is how
   * far the best final item's score is above the best final item giving the
   * word another head (1e3 when every item agrees), for the ensemble.
   */
  private decodeBeam(n: number, rootEnd: boolean, margin: Float32Array): void {
    const beam = this.beam!;
    this.sentenceGen++;
    beam.start(n, rootEnd, false);
    while (!beam.done) beam.step(this.atoms, this.scoreActions, this.arcLabel, null, false);
    const best = beam.item(0);
    const inv = 1 / this.actions.scale;
    for (let d = 1; d <= n; d++) {
      margin[d] = 1e3;
      for (let j = 1; j < beam.size; j++) if (beam.item(j).head[d] !== best.head[d]) {
        margin[d] = (beam.score[0] - beam.score[j]) * inv;
        break;
      }
    }
    this.st.copyFrom(best);
  }

  private parseForward(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): { head: Int32Array; label: Int32Array; margin: Float32Array } {
    const n = forms.length;
    const st = this.st;
    const margin = new Float32Array(n + 1);
    const inv = 1 / this.actions.scale;
    const rootEnd = this.meta.settings.root === "end";
    st.reset(n, rootEnd);
    fillAtoms(this.atoms, forms, upos, xpos);
    if (this.beam) this.decodeBeam(n, rootEnd, margin);
    else {
      const as = this.ascores;
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
        st.apply(best, best === LEFT || best === RIGHT ? this.labelArc(st, best) : -1);
      }
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
