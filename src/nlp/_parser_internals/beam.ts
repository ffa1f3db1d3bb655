import { SentenceAtoms, parserFeatures } from "./features.js";
import { N_ACTIONS, ParseState } from "./state.js";

/** Feature slots per parser state (parserFeatures writes 78). */
export const FEAT_CAP = 80;

/** Scores the N_ACTIONS actions of a state's features into out. */
export type ActionScorer = (feats: Uint32Array, k: number, out: Float64Array) => void;
/** Label of the arc action a about to be applied to st (-1 for SHIFT/REDUCE is never asked). */
export type ArcLabeler = (st: ParseState, a: number) => number;

/**
 * Beam search over arc-eager actions (Zhang & Clark 2008; Zhang & Nivre
 * 2011): each step expands every item by its valid actions and keeps the
 * `width` best by summed action score. Items are full ParseStates in two
 * pools that swap each step; a finished item is carried over unchanged.
 * Item 0 is the best after every step. With `record`, the step keeps each
 * item's parent, action and the parent's features, so training can replay
 * any item's prefix (max-violation update, Huang, Fayong & Guo 2012); with
 * gold heads, `cons` says whether an item's actions all had zero
 * dynamic-oracle cost (the gold tree is still reachable).
 */
export class BeamSearch {
  private cur: ParseState[];
  private nxt: ParseState[];
  score: Float64Array;
  private nscore: Float64Array;
  cons: Uint8Array;
  private ncons: Uint8Array;
  size = 0;
  /** Expansions done so far. */
  steps = 0;
  /** History (record): per step t and new item j at t * width + j. */
  hParent = new Int32Array(0);
  hAction = new Int32Array(0);
  /** Features of the pre-step item i of step t at (t * width + i) * FEAT_CAP, count in hK. */
  hFeat = new Uint32Array(0);
  hK = new Int32Array(0);
  private readonly feats = new Uint32Array(FEAT_CAP);
  private readonly as = new Float64Array(N_ACTIONS);
  private readonly cItem: Int32Array;
  private readonly cAct: Int32Array;
  private readonly cScore: Float64Array;
  private readonly cCons: Uint8Array;
  private readonly cLabel: Int32Array;
  private readonly lastChild: Int32Array;

  constructor(readonly width: number) {
    this.cur = Array.from({ length: width }, () => new ParseState());
    this.nxt = Array.from({ length: width }, () => new ParseState());
    this.score = new Float64Array(width);
    this.nscore = new Float64Array(width);
    this.cons = new Uint8Array(width);
    this.ncons = new Uint8Array(width);
    this.cItem = new Int32Array(width);
    this.cAct = new Int32Array(width);
    this.cScore = new Float64Array(width);
    this.cCons = new Uint8Array(width);
    this.cLabel = new Int32Array(width);
    this.lastChild = new Int32Array(width);
  }

  /** The i-th item's state (0 = best). */
  item(i: number): ParseState {
    return this.cur[i];
  }

  start(words: number, rootEnd: boolean, record: boolean): void {
    this.cur[0].reset(words, rootEnd);
    this.score[0] = 0;
    this.cons[0] = 1;
    this.size = 1;
    this.steps = 0;
    if (record) {
      const need = (2 * words + 6) * this.width;
      if (this.hParent.length < need) {
        this.hParent = new Int32Array(need * 2);
        this.hAction = new Int32Array(need * 2);
        this.hK = new Int32Array(need * 2);
        this.hFeat = new Uint32Array(need * 2 * FEAT_CAP);
      }
    }
  }

  get done(): boolean {
    for (let i = 0; i < this.size; i++) if (!this.cur[i].done) return false;
    return true;
  }

  private nc = 0;

  /** Inserts a candidate into the sorted top-width list (the width is small). */
  private offer(i: number, a: number, sc: number, cons: number): void {
    const W = this.width;
    const cItem = this.cItem, cAct = this.cAct, cScore = this.cScore, cCons = this.cCons;
    if (this.nc === W && sc <= cScore[W - 1]) return;
    let j = this.nc < W ? this.nc++ : W - 1;
    while (j > 0 && cScore[j - 1] < sc) {
      cItem[j] = cItem[j - 1];
      cAct[j] = cAct[j - 1];
      cScore[j] = cScore[j - 1];
      cCons[j] = cCons[j - 1];
      j--;
    }
    cItem[j] = i;
    cAct[j] = a;
    cScore[j] = sc;
    cCons[j] = cons;
  }

  /** One expansion. gh (gold heads) maintains cons; record keeps the history for training. */
  step(atoms: SentenceAtoms, scoreActions: ActionScorer, label: ArcLabeler, gh: Int32Array | null, record: boolean): void {
    const W = this.width;
    const as = this.as;
    const cItem = this.cItem, cAct = this.cAct, cScore = this.cScore, cCons = this.cCons;
    const t = this.steps;
    this.nc = 0;
    for (let i = 0; i < this.size; i++) {
      const st = this.cur[i];
      const base = this.score[i];
      if (st.done) {
        if (record) this.hK[t * W + i] = 0;
        this.offer(i, -1, base, this.cons[i]);
        continue;
      }
      const feats = this.feats;
      const k = parserFeatures(st, atoms, feats);
      if (record) {
        this.hK[t * W + i] = k;
        this.hFeat.set(feats, (t * W + i) * FEAT_CAP);
      }
      scoreActions(feats, k, as);
      for (let a = 0; a < N_ACTIONS; a++) {
        if (!st.valid(a)) continue;
        const cons = gh && this.cons[i] && st.cost(a, gh) === 0 ? 1 : 0;
        this.offer(i, a, base + as[a], cons);
      }
    }
    const nc = this.nc;
    // each parent's last chosen child takes over the parent's state (no copy); the others copy it
    // first, and every arc is labelled on its parent before any state changes
    const lastChild = this.lastChild.fill(-1, 0, this.size);
    for (let j = 0; j < nc; j++) {
      lastChild[cItem[j]] = j;
      const a = cAct[j];
      this.cLabel[j] = a >= 2 ? label(this.cur[cItem[j]], a) : -1;
    }
    for (let j = 0; j < nc; j++) if (lastChild[cItem[j]] !== j) this.nxt[j].copyFrom(this.cur[cItem[j]]);
    for (let j = 0; j < nc; j++) {
      const i = cItem[j];
      if (lastChild[i] === j) {
        const spare = this.nxt[j];
        this.nxt[j] = this.cur[i];
        this.cur[i] = spare;
      }
      const a = cAct[j];
      if (a >= 0) this.nxt[j].apply(a, this.cLabel[j]);
      this.nscore[j] = cScore[j];
      this.ncons[j] = cCons[j];
      if (record) {
        this.hParent[t * W + j] = cItem[j];
        this.hAction[t * W + j] = a;
      }
    }
    const ps = this.cur;
    this.cur = this.nxt;
    this.nxt = ps;
    const sc = this.score;
    this.score = this.nscore;
    this.nscore = sc;
    const cs = this.cons;
    this.cons = this.ncons;
    this.ncons = cs;
    this.size = nc;
    this.steps++;
  }
}
