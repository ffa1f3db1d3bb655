import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { readConllu, type ConlluSentence } from "../nlp/conllu.js";
import { HashedPerceptron } from "../nlp/_ml/perceptron.js";
import { SentenceAtoms, labelFeatures, parserFeatures } from "../nlp/_parser_internals/features.js";
import { ParserModel, fillAtoms, type ParserMeta } from "../nlp/_parser_internals/model.js";
import { LEFT, N_ACTIONS, ParseState, RIGHT } from "../nlp/_parser_internals/state.js";
import { BeamSearch, FEAT_CAP } from "../nlp/_parser_internals/beam.js";
import { loadTaggerModel } from "../nlp/tagger.js";
import { type EnsembleSettings } from "../nlp/parser.js";
import { ensembleParse } from "../nlp/_parser_internals/ensemble.js";
import { MODELS_DIR, modelPath } from "../nlp/models.js";
import { EWT_DEV, EWT_TRAIN, log, requireFile, reverseSentence, rng, sha256, shuffle } from "./common.js";
import { TaggerModel } from "../nlp/_tagger_internals/model.js";

export interface ParserTrainOptions {
  epochs: number;
  bits: number;
  seed: number;
  labelBits?: number;
  /** Tags used for training: "gold" or "jackknife" (k-fold predicted tags). */
  trainTags?: "gold" | "jackknife";
  /** Parsing direction: "ltr" (default) or "rtl" (the sentence is parsed reversed). */
  direction?: "ltr" | "rtl";
  /** Root token at the start of the stack ("start") or at the end of the buffer ("end"). */
  root?: "start" | "end";
  /** Label feature set: 1 (default) or 2 (adds the dependent's attached children labels with the head's tag). */
  labelFeatures?: number;
  /** Beam width: 1 (default) greedy with the dynamic oracle; > 1 beam search with max-violation updates. */
  beam?: number;
  /** Beam training update: "max" (max-violation, default) or "early" (early update). */
  update?: "max" | "early";
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** UAS / LAS (subtypes stripped, punctuation included: CoNLL 2018) of a model on sentences with given tags. */
export interface Tags {
  upos: string[];
  xpos: string[];
}

/** Tags of sentences predicted by the current models/tagger. */
export function predictedTags(sents: ConlluSentence[]): Tags[] {
  const tagger = loadTaggerModel();
  return sents.map((s) => {
    const t = tagger.tag(s.form);
    return { upos: Array.from(t, (c) => tagger.upos[c]), xpos: Array.from(t, (c) => tagger.xpos[c]) };
  });
}

export function evaluateParser(model: ParserModel, sents: ConlluSentence[], tags: Tags[]): { uas: number; las: number } {
  let n = 0;
  let u = 0;
  let l = 0;
  const labels = model.meta.labels;
  sents.forEach((s, si) => {
    const { head, label } = model.parse(s.form, tags[si].upos, tags[si].xpos);
    for (let i = 0; i < s.form.length; i++) {
      n++;
      if (head[i + 1] === s.head[i]) {
        u++;
        if ((labels[label[i + 1]] ?? "").split(":")[0] === s.deprel[i].split(":")[0]) l++;
      }
    }
  });
  return { uas: u / n, las: l / n };
}

export async function trainParser(opts: ParserTrainOptions): Promise<void> {
  const rtl = opts.direction === "rtl";
  // dev chooses the epoch and the ensemble weights and is never trained on (../shared/gold/README-nlp.md)
  let dev = readConllu(requireFile(EWT_DEV));
  let train = readConllu(requireFile(EWT_TRAIN));
  const width = opts.beam ?? 1;
  const name = parserModelName(opts.direction ?? "ltr", opts.root ?? "start") + (width > 1 ? ".beam" : "");
  const tagger = loadTaggerModel();
  const devTags = predictedTags(dev);
  let trainTags: Tags[] = train.map((s) => ({ upos: s.upos, xpos: s.xpos }));
  const mode = opts.trainTags ?? "jackknife";
  if (mode === "jackknife") {
    // optional cache for repeated experiments (same data, same seed)
    const cache = process.env.EVENTWIRE_JACKKNIFE_CACHE;
    if (cache && existsSync(cache)) trainTags = JSON.parse(readFileSync(cache, "utf8")) as Tags[];
    else {
      trainTags = await jackknifeTags(train, opts.seed);
      if (cache) writeFileSync(cache, JSON.stringify(trainTags));
    }
  }
  if (rtl) {
    train = train.map(reverseSentence);
    dev = dev.map(reverseSentence);
    trainTags = trainTags.map((t) => ({ upos: [...t.upos].reverse(), xpos: [...t.xpos].reverse() }));
    for (const t of devTags) {
      t.upos.reverse();
      t.xpos.reverse();
    }
  }
  const labelCount = new Map<string, number>();
  for (const s of train) for (const d of s.deprel) labelCount.set(d, (labelCount.get(d) ?? 0) + 1);
  const labels = [...labelCount].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const labelBits = opts.labelBits ?? 17;
  log(`parser: ${train.length} train / ${dev.length} dev sentences, ${labels.length} labels, train tags: ${mode}`);
  const meta: ParserMeta = {
    format: "eventwire-parser",
    version: 1,
    labels,
    settings: {
      model:
        width > 1
          ? `arc-eager beam search (width ${width}), ${opts.update === "early" ? "early" : "max-violation"} perceptron updates against the best zero-cost (dynamic-oracle) action path, greedy arc labeler trained on that path, averaged, hashed Zhang & Nivre (2011) features`
          : "greedy arc-eager, dynamic oracle with exploration (p=0.9 from epoch 2), averaged perceptron, hashed Zhang & Nivre (2011) features",
      beam: width,
      ...(width > 1 ? { update: opts.update ?? "max" } : {}),
      bits: opts.bits,
      labelBits,
      epochsMax: opts.epochs,
      seed: opts.seed,
      trainTags: mode,
      root: opts.root ?? "start",
      labelFeatures: opts.labelFeatures ?? 1,
      tags: "UPOS/XPOS pair from models/tagger",
    },
    training: { data: basename(EWT_TRAIN), sha256: sha256(EWT_TRAIN), dev: basename(EWT_DEV), devSha256: sha256(EWT_DEV), licence: "CC BY-SA 4.0 (UD English EWT)", taggerDev: tagger.meta.dev },
    dev: {},
  };
  const labelExt = (opts.labelFeatures ?? 1) === 2;
  const actions = new HashedPerceptron(opts.bits, N_ACTIONS, true);
  const labeler = new HashedPerceptron(labelBits, labels.length, true);
  const st = new ParseState();
  const atoms = new SentenceAtoms();
  const feats = new Uint32Array(96);
  const lfeats = new Uint32Array(48);
  const ascores = new Float64Array(N_ACTIONS);
  const lscores = new Float64Array(labels.length);
  const cost = new Int32Array(N_ACTIONS);
  const rootLabel = labelIndex.get("root")!;
  const r = rng(opts.seed);
  const order = train.map((_, i) => i);
  let gh = new Int32Array(256);
  let gl = new Int32Array(256);
  let best = { las: -1, uas: 0, epoch: 0, qa: new Int16Array(0), sa: 1, ql: new Int16Array(0), sl: 1 };
  const beamTrainer = width > 1 ? new BeamTrainer(width, actions, labeler, rootLabel, labelExt, opts.update === "early") : null;
  for (let ep = 1; ep <= opts.epochs; ep++) {
    shuffle(order, r);
    const explore = ep >= 2;
    let steps = 0;
    let wrong = 0;
    for (const si of order) {
      const s = train[si];
      const n = s.form.length;
      if (gh.length < n + 3) {
        gh = new Int32Array(n * 2 + 2);
        gl = new Int32Array(n * 2 + 2);
      }
      const rootEnd = opts.root === "end";
      gh[0] = -1;
      gh[n + 1] = -1;
      for (let i = 0; i < n; i++) {
        gh[i + 1] = rootEnd && s.head[i] === 0 ? n + 1 : s.head[i];
        gl[i + 1] = labelIndex.get(s.deprel[i]) ?? 0;
      }
      fillAtoms(atoms, s.form, trainTags[si].upos, trainTags[si].xpos);
      if (beamTrainer) {
        steps++;
        if (beamTrainer.train(atoms, n, rootEnd, gh, gl)) wrong++;
        continue;
      }
      st.reset(n, rootEnd);
      while (!st.done) {
        const k = parserFeatures(st, atoms, feats);
        actions.scoreTrain(feats, k, ascores);
        let pred = -1;
        let minCost = 1 << 30;
        for (let a = 0; a < N_ACTIONS; a++) {
          if (!st.valid(a)) {
            cost[a] = -1;
            continue;
          }
          cost[a] = st.cost(a, gh);
          if (cost[a] < minCost) minCost = cost[a];
          if (pred < 0 || ascores[a] > ascores[pred]) pred = a;
        }
        let gold = -1;
        for (let a = 0; a < N_ACTIONS; a++) if (cost[a] === minCost && (gold < 0 || ascores[a] > ascores[gold])) gold = a;
        steps++;
        if (cost[pred] !== minCost) {
          wrong++;
          actions.update(feats, k, gold, pred);
        }
        actions.tick();
        const next = cost[pred] === minCost ? pred : explore && r() < 0.9 ? pred : gold;
        let label = -1;
        if (next === LEFT || next === RIGHT) {
          const h = next === LEFT ? st.b0 : st.s0();
          const d = next === LEFT ? st.s0() : st.b0;
          if (h === st.root) label = rootLabel;
          else {
            const lk = labelFeatures(st, atoms, next, lfeats, labelExt);
            labeler.scoreTrain(lfeats, lk, lscores);
            let pl = -1;
            for (let c = 0; c < labels.length; c++) if (c !== rootLabel && (pl < 0 || lscores[c] > lscores[pl])) pl = c;
            label = pl;
            if (gh[d] === h) {
              const truth = gl[d];
              labeler.update(lfeats, lk, truth, pl);
              labeler.tick();
              label = truth;
            }
          }
        }
        st.apply(next, label);
      }
    }
    actions.snapshot();
    labeler.snapshot();
    const model = new ParserModel(meta, actions, labeler);
    const d = evaluateParser(model, dev, devTags);
    log(`parser epoch ${ep}: ${beamTrainer ? "sentences updated" : "action errors"} ${(100 * wrong / steps).toFixed(2)}%  dev UAS ${(100 * d.uas).toFixed(2)} LAS ${(100 * d.las).toFixed(2)}`);
    if (d.las > best.las) best = { las: d.las, uas: d.uas, epoch: ep, qa: actions.q.slice(), sa: actions.scale, ql: labeler.q.slice(), sl: labeler.scale };
    else if (ep - best.epoch >= 3) break;
  }
  actions.q = best.qa;
  actions.scale = best.sa;
  labeler.q = best.ql;
  labeler.scale = best.sl;
  meta.dev = { uas: round(best.uas), las: round(best.las), epochs: best.epoch };
  meta.settings.epochs = best.epoch;
  meta.settings.direction = rtl ? "rtl" : "ltr";
  mkdirSync(MODELS_DIR, { recursive: true });
  const bin = ParserModel.pack(actions, labeler);
  writeFileSync(modelPath(`${name}.bin`), bin);
  writeFileSync(modelPath(`${name}.json`), JSON.stringify(meta, null, 1) + "\n");
  // a new model changes what the ensemble should weigh: re-tune it on dev (a beam model joins it only when named in ENSEMBLE_MEMBERS)
  if (width === 1) tuneEnsembleCommand();
  log(`parser: wrote models/${name}.bin (${(bin.length / 1e6).toFixed(2)} MB), dev UAS ${(100 * best.uas).toFixed(2)} LAS ${(100 * best.las).toFixed(2)} (predicted tags) after ${best.epoch} epochs`);
}

/**
 * Global training of the action model for beam search: the beam runs to the
 * end beside a gold path (at each step the best-scoring action of zero
 * dynamic-oracle cost, gold labels), and the perceptron update is made at
 * the step where the beam's best item, when it can no longer reach the gold
 * tree, outscores the gold prefix the most (max-violation, Huang, Fayong &
 * Guo 2012): + the gold prefix's features, - the beam item's. The labeler is
 * trained on the gold path's arcs; beam items label a correct arc with its
 * gold label and other arcs with the labeler's guess.
 */
export class BeamTrainer {
  private readonly beam: BeamSearch;
  private readonly gold = new ParseState();
  private gFeat = new Uint32Array(0);
  private gK = new Int32Array(0);
  private gAct = new Int32Array(0);
  private readonly as = new Float64Array(N_ACTIONS);
  private readonly lfeats = new Uint32Array(48);
  private readonly lscores: Float64Array;
  private gh: Int32Array = new Int32Array(0);
  private gl: Int32Array = new Int32Array(0);
  /** Feature count of the last guessLabel. */
  private lk = 0;
  private atoms = new SentenceAtoms();

  constructor(
    width: number,
    private readonly actions: HashedPerceptron,
    private readonly labeler: HashedPerceptron,
    private readonly rootLabel: number,
    private readonly labelExt: boolean,
    /** Early update instead of max-violation. */
    private readonly early = false,
  ) {
    this.beam = new BeamSearch(width);
    this.lscores = new Float64Array(labeler.classes);
  }

  private readonly scoreActions = (feats: Uint32Array, k: number, out: Float64Array): void => this.actions.scoreTrain(feats, k, out);

  /** Gold label of a correct arc, else the labeler's guess. */
  private readonly beamLabel = (st: ParseState, a: number): number => {
    const h = a === LEFT ? st.b0 : st.s0();
    const d = a === LEFT ? st.s0() : st.b0;
    if (h === st.root) return this.rootLabel;
    if (this.gh[d] === h) return this.gl[d];
    return this.guessLabel(st, a);
  };

  private guessLabel(st: ParseState, a: number): number {
    const lk = (this.lk = labelFeatures(st, this.atoms, a, this.lfeats, this.labelExt));
    this.labeler.scoreTrain(this.lfeats, lk, this.lscores);
    let pl = -1;
    for (let c = 0; c < this.lscores.length; c++) if (c !== this.rootLabel && (pl < 0 || this.lscores[c] > this.lscores[pl])) pl = c;
    return pl;
  }

  /** Trains on one sentence; true when the action model was updated. */
  train(atoms: SentenceAtoms, n: number, rootEnd: boolean, gh: Int32Array, gl: Int32Array): boolean {
    this.atoms = atoms;
    this.gh = gh;
    this.gl = gl;
    const beam = this.beam;
    const gold = this.gold;
    const maxSteps = 2 * n + 6;
    if (this.gAct.length < maxSteps) {
      this.gAct = new Int32Array(maxSteps * 2);
      this.gK = new Int32Array(maxSteps * 2);
      this.gFeat = new Uint32Array(maxSteps * 2 * FEAT_CAP);
    }
    beam.start(n, rootEnd, true);
    gold.reset(n, rootEnd);
    let goldScore = 0;
    let maxV = -1;
    let maxT = -1;
    const as = this.as;
    const feats = this.gFeat;
    for (let t = 0; !beam.done; t++) {
      if (gold.done) this.gAct[t] = -1;
      else {
        const fs = feats.subarray(t * FEAT_CAP, (t + 1) * FEAT_CAP);
        const k = parserFeatures(gold, atoms, fs);
        this.gK[t] = k;
        this.actions.scoreTrain(fs, k, as);
        let g = -1;
        for (let a = 0; a < N_ACTIONS; a++) if (gold.valid(a) && gold.cost(a, gh) === 0 && (g < 0 || as[a] > as[g])) g = a;
        this.gAct[t] = g;
        goldScore += as[g];
        let label = -1;
        if (g === LEFT || g === RIGHT) {
          const h = g === LEFT ? gold.b0 : gold.s0();
          const d = g === LEFT ? gold.s0() : gold.b0;
          if (h === gold.root) label = this.rootLabel;
          else {
            const pl = this.guessLabel(gold, g);
            this.labeler.update(this.lfeats, this.lk, gl[d], pl);
            this.labeler.tick();
            label = gl[d];
          }
        }
        gold.apply(g, label);
      }
      beam.step(atoms, this.scoreActions, this.beamLabel, gh, true);
      if (this.early && !beam.cons.subarray(0, beam.size).includes(1)) {
        // early update (Collins & Roark 2004): stop where the gold tree falls out of the beam
        if (beam.score[0] >= goldScore) maxT = t;
        break;
      }
      if (!this.early && !beam.cons[0]) {
        const v = beam.score[0] - goldScore;
        if (v >= 0 && v > maxV) {
          maxV = v;
          maxT = t;
        }
      }
    }
    // a beam that still ends on the gold tree needs no update; early update on a wrong final best: the whole sequences
    if (beam.done && beam.cons[0]) maxT = -1;
    else if (this.early && beam.done && beam.score[0] >= goldScore) maxT = beam.steps - 1;
    if (maxT >= 0) {
      const W = beam.width;
      for (let t = 0; t <= maxT; t++) if (this.gAct[t] >= 0) this.actions.add(feats.subarray(t * FEAT_CAP, (t + 1) * FEAT_CAP), this.gK[t], this.gAct[t], 1);
      for (let t = maxT, j = 0; t >= 0; t--) {
        const a = beam.hAction[t * W + j];
        const p = beam.hParent[t * W + j];
        if (a >= 0) this.actions.add(beam.hFeat.subarray((t * W + p) * FEAT_CAP, (t * W + p + 1) * FEAT_CAP), beam.hK[t * W + p], a, -1);
        j = p;
      }
    }
    this.actions.tick();
    return maxT >= 0;
  }
}

/**
 * k-fold predicted tags for a training set: each fold is tagged by a tagger
 * trained on the other folds, so the parser (and the NER) learn from realistic tag errors.
 */
export async function jackknifeTags(train: ConlluSentence[], seed: number, folds = 4): Promise<Tags[]> {
  const { trainTaggerModel } = await import("./tagger.js");
  const out: Tags[] = new Array(train.length);
  for (let f = 0; f < folds; f++) {
    const rest = train.filter((_, i) => i % folds !== f);
    const model: TaggerModel = trainTaggerModel(rest, 5, 18, seed);
    for (let i = f; i < train.length; i += folds) {
      const tags = model.tag(train[i].form);
      out[i] = { upos: Array.from(tags, (c) => model.upos[c]), xpos: Array.from(tags, (c) => model.xpos[c]) };
    }
    log(`jackknife fold ${f + 1}/${folds} tagged`);
  }
  return out;
}

/**
 * Parsers that join the main one (models/parser.*) when present, in the order
 * ensembleParse runs them: chosen on dev within the speed budget.
 */
export const ENSEMBLE_MEMBERS = ["parser.end", "parser.rtl"];

/** Model file name of a parser: parser[.rtl][.end] by direction and root placement. */
export function parserModelName(direction: "ltr" | "rtl", root: "start" | "end"): string {
  return `parser${direction === "rtl" ? ".rtl" : ""}${root === "end" ? ".end" : ""}`;
}

/**
 * Grid search on dev of how the members' arcs are weighed against the main
 * parser's (weights, beta, tau): every parser runs once, the grid only
 * recombines. Returns the settings with the best LAS and their scores.
 */
export function tuneEnsemble(main: ParserModel, members: { name: string; model: ParserModel }[], dev: ConlluSentence[], tags: Tags[], gate?: number): EnsembleSettings & { uas: number; las: number } {
  const labels = main.meta.labels;
  const parses = dev.map((s, si) => [main, ...members.map((m) => m.model)].map((m) => m.parse(s.form, tags[si].upos, tags[si].xpos)));
  const maps = members.map((m) => {
    const idx = new Map(labels.map((l, i) => [l, i]));
    return Int32Array.from(m.model.meta.labels, (l) => idx.get(l) ?? -1);
  });
  for (const ps of parses) ps.forEach((p, k) => {
    if (k > 0) for (let i = 0; i < p.label.length; i++) p.label[i] = p.label[i] < 0 ? -1 : maps[k - 1][p.label[i]];
  });
  const grid: number[][] = [[1]];
  for (let k = 0; k < members.length; k++) {
    const next: number[][] = [];
    for (const g of grid) for (const w of [0.8, 1, 1.2]) next.push([...g, w]);
    grid.splice(0, grid.length, ...next);
  }
  let best: EnsembleSettings & { uas: number; las: number } = { members: [], weights: [1], beta: 0, tau: 1, uas: -1, las: -1 };
  for (const weights of grid) for (const beta of [4, 8, 16]) for (const tau of [8, 16]) {
    let n = 0;
    let u = 0;
    let l = 0;
    dev.forEach((s, si) => {
      const c = ensembleParse((k) => parses[si][k], parses[si].length, s.form.length, beta, tau, weights, gate);
      for (let i = 0; i < s.form.length; i++) {
        n++;
        if (c.head[i + 1] === s.head[i]) {
          u++;
          if ((labels[c.label[i + 1]] ?? "").split(":")[0] === s.deprel[i].split(":")[0]) l++;
        }
      }
    });
    if (l / n > best.las) best = { members: members.map((m) => m.name), weights, beta, tau, ...(gate !== undefined ? { gate } : {}), uas: round(u / n), las: round(l / n) };
  }
  log(`parser ensemble ${best.members.join(" + ")}: weights ${best.weights.join("/")} beta ${best.beta} tau ${best.tau}${gate !== undefined ? ` gate ${gate}` : ""}: dev UAS ${(100 * best.uas).toFixed(2)} LAS ${(100 * best.las).toFixed(2)}`);
  return best;
}

/**
 * `npm run train -- ensemble`: tunes on EWT dev how models/parser.bin is
 * recombined with the ENSEMBLE_MEMBERS present; settings go to models/parser.json.
 */
export function tuneEnsembleCommand(gate?: number): void {
  if (!existsSync(modelPath("parser.bin"))) return;
  const main = ParserModel.load(modelPath("parser.bin"), modelPath("parser.json"));
  const members = ENSEMBLE_MEMBERS.filter((n) => existsSync(modelPath(`${n}.bin`))).map((name) => ({ name, model: ParserModel.load(modelPath(`${name}.bin`), modelPath(`${name}.json`)) }));
  const meta = main.meta;
  delete meta.settings.ensemble;
  delete meta.dev.ensembleUas;
  delete meta.dev.ensembleLas;
  if (members.length > 0) {
    const dev = readConllu(requireFile(EWT_DEV));
    const { uas, las, ...ens } = tuneEnsemble(main, members, dev, predictedTags(dev), gate);
    meta.settings.ensemble = ens;
    meta.dev.ensembleUas = uas;
    meta.dev.ensembleLas = las;
  }
  writeFileSync(modelPath("parser.json"), JSON.stringify(meta, null, 1) + "\n");
}
