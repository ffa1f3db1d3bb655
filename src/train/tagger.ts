import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { readConllu, type ConlluSentence } from "../nlp/conllu.js";
import { HashedPerceptron } from "../nlp/_ml/perceptron.js";
import { TaggerModel, ambiguityMap, type TaggerMeta } from "../nlp/_tagger_internals/model.js";
import { TokenAtoms, normWord, taggerFeatures } from "../nlp/_tagger_internals/features.js";
import { Lemmatizer, type LemmaData } from "../nlp/lemmatizer.js";
import { MODELS_DIR, modelPath } from "../nlp/models.js";
import { EWT_DEV, EWT_TRAIN, log, requireFile, reverseSentence, rng, sha256, shuffle } from "./common.js";

/** Right-to-left gates tried on dev, in weight units, widest first. */
const RTL_GATES = [60, 40, 25, 15, 8, 5];

export interface TaggerTrainOptions {
  epochs: number;
  bits: number;
  seed: number;
  /** 1: left-to-right only; 2: also a right-to-left model whose scores are added (models/tagger.rtl.bin). */
  directions?: number;
  /** Feature set: 40 (default) or 48 (extended right context and conjunctions). */
  features?: number;
}

/** Classes (joint UPOS+XPOS pairs seen twice) and ambiguity classes of a training set. */
export function taggerVocabulary(train: ConlluSentence[]): { classes: string[]; ambiguity: Record<string, string> } {
  const pairCount = new Map<string, number>();
  for (const s of train) for (let i = 0; i < s.form.length; i++) {
    const k = s.upos[i] + "\t" + s.xpos[i];
    pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
  }
  const classes = [...pairCount].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const wordTags = new Map<string, Map<string, number>>();
  for (const s of train) for (let i = 0; i < s.form.length; i++) {
    const w = normWord(s.form[i]);
    let m = wordTags.get(w);
    if (!m) wordTags.set(w, (m = new Map()));
    const k = s.upos[i] + "/" + s.xpos[i];
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const ambiguity: Record<string, string> = {};
  for (const [w, m] of wordTags) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < 2) continue;
    const tags = [...m].filter(([, c]) => c / total >= 0.05).map(([t]) => t).sort();
    ambiguity[w] = tags.join("|");
  }
  return { classes, ambiguity };
}

/** Trains tagger weights for `epochs` passes; onEpoch may return false to stop early. */
export function trainTaggerWeights(
  train: ConlluSentence[],
  meta: TaggerMeta,
  bits: number,
  epochs: number,
  seed: number,
  onEpoch?: (ep: number, model: HashedPerceptron, trainAcc: number) => boolean,
): HashedPerceptron {
  const classes = meta.classes;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const byUpos = new Map<string, number>();
  classes.forEach((c, i) => {
    const u = c.split("\t")[0];
    if (!byUpos.has(u)) byUpos.set(u, i);
  });
  const gold = (s: ConlluSentence, i: number) => classIndex.get(s.upos[i] + "\t" + s.xpos[i]) ?? byUpos.get(s.upos[i]) ?? 0;
  const ambIds = ambiguityMap(meta.ambiguity);
  const model = new HashedPerceptron(bits, classes.length, true);
  const atoms = new TokenAtoms();
  const feats = new Uint32Array(64);
  const scores = new Float64Array(classes.length);
  const order = train.map((_, i) => i);
  const r = rng(seed);
  for (let ep = 1; ep <= epochs; ep++) {
    shuffle(order, r);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const s = train[si];
      atoms.prepare(s.form, ambIds);
      let p1 = -1;
      let p2 = -2;
      for (let i = 0; i < s.form.length; i++) {
        const n = taggerFeatures(atoms, i, p1, p2, feats, Number(meta.settings.features ?? 40) >= 48);
        model.scoreTrain(feats, n, scores);
        let guess = 0;
        for (let k = 1; k < classes.length; k++) if (scores[k] > scores[guess]) guess = k;
        const truth = gold(s, i);
        model.update(feats, n, truth, guess);
        model.tick();
        if (guess === truth) correct++;
        total++;
        p2 = p1;
        p1 = guess;
      }
    }
    if (onEpoch && !onEpoch(ep, model, correct / total)) break;
  }
  return model;
}

/** A tagger trained for a fixed number of epochs (used for jackknifing the parser's training tags). */
export function trainTaggerModel(train: ConlluSentence[], epochs: number, bits: number, seed: number): TaggerModel {
  const voc = taggerVocabulary(train);
  const meta: TaggerMeta = { format: "eventwire-tagger", version: 1, ...voc, settings: {}, training: {}, dev: {} };
  const model = trainTaggerWeights(train, meta, bits, epochs, seed);
  model.finalise();
  return new TaggerModel(meta, model);
}

export async function trainTagger(opts: TaggerTrainOptions): Promise<void> {
  // dev chooses the epoch and is never trained on (../shared/gold/README-nlp.md)
  const dev = readConllu(requireFile(EWT_DEV));
  const train = readConllu(requireFile(EWT_TRAIN));
  log(`tagger: ${train.length} train / ${dev.length} dev sentences`);
  const { classes, ambiguity } = taggerVocabulary(train);
  log(`tagger: ${classes.length} classes, ${Object.keys(ambiguity).length} ambiguity entries`);
  const meta: TaggerMeta = {
    format: "eventwire-tagger",
    version: 1,
    classes,
    ambiguity,
    settings: { model: "greedy averaged perceptron, hashed features", bits: opts.bits, epochsMax: opts.epochs, seed: opts.seed, features: opts.features ?? 40 },
    training: { data: basename(EWT_TRAIN), sha256: sha256(EWT_TRAIN), dev: basename(EWT_DEV), devSha256: sha256(EWT_DEV), licence: "CC BY-SA 4.0 (UD English EWT)" },
    dev: {},
  };
  const evalDev = (model: HashedPerceptron, rtl: HashedPerceptron | null = null): { upos: number; xpos: number } => {
    const tagger = new TaggerModel(meta, model, rtl);
    let n = 0;
    let u = 0;
    let x = 0;
    for (const s of dev) {
      const tags = tagger.tag(s.form);
      for (let i = 0; i < s.form.length; i++) {
        n++;
        if (tagger.upos[tags[i]] === s.upos[i]) u++;
        if (tagger.xpos[tags[i]] === s.xpos[i]) x++;
      }
    }
    return { upos: u / n, xpos: x / n };
  };
  let best = { acc: -1, epoch: 0, q: new Int16Array(0), scale: 1 };
  const model = trainTaggerWeights(train, meta, opts.bits, opts.epochs, opts.seed, (ep, m, acc) => {
    m.snapshot();
    const d = evalDev(m);
    log(`tagger epoch ${ep}: train acc ${(100 * acc).toFixed(2)}  dev UPOS ${(100 * d.upos).toFixed(2)} XPOS ${(100 * d.xpos).toFixed(2)}`);
    if (d.upos > best.acc) best = { acc: d.upos, epoch: ep, q: m.q.slice(), scale: m.scale };
    else if (ep - best.epoch >= 3) return false;
    return true;
  });
  model.q = best.q;
  model.scale = best.scale;
  const d1 = evalDev(model);
  meta.dev = { upos: round(d1.upos), xpos: round(d1.xpos), epochs: best.epoch };
  meta.settings.epochs = best.epoch;

  // optional right-to-left model, trained on the reversed sentences; its epoch is chosen by
  // the dev accuracy of the two directions combined
  let rtl: HashedPerceptron | null = null;
  if ((opts.directions ?? 1) >= 2) {
    const reversed = train.map(reverseSentence);
    let bestRtl = { acc: -1, epoch: 0, q: new Int16Array(0), scale: 1 };
    rtl = trainTaggerWeights(reversed, meta, opts.bits, opts.epochs, opts.seed + 1, (ep, m, acc) => {
      m.snapshot();
      const d = evalDev(model, m);
      log(`tagger right-to-left epoch ${ep}: train acc ${(100 * acc).toFixed(2)}  dev UPOS (both directions) ${(100 * d.upos).toFixed(2)} XPOS ${(100 * d.xpos).toFixed(2)}`);
      if (d.upos > bestRtl.acc) bestRtl = { acc: d.upos, epoch: ep, q: m.q.slice(), scale: m.scale };
      else if (ep - bestRtl.epoch >= 3) return false;
      return true;
    });
    rtl.q = bestRtl.q;
    rtl.scale = bestRtl.scale;
    meta.settings.rtlEpochs = bestRtl.epoch;
    // the gate (see TaggerModel.rightToLeft): the smallest tried that keeps dev UPOS within 0.01 point
    // of asking the right-to-left model about every word
    const everyWord = evalDev(model, rtl).upos;
    for (const gate of RTL_GATES) {
      meta.settings.rtlGate = gate;
      const u = evalDev(model, rtl).upos;
      log(`tagger right-to-left gate ${gate}: dev UPOS ${(100 * u).toFixed(2)} (every word ${(100 * everyWord).toFixed(2)})`);
      if (u < everyWord - 1e-4) {
        const i = RTL_GATES.indexOf(gate);
        if (i === 0) delete meta.settings.rtlGate;
        else meta.settings.rtlGate = RTL_GATES[i - 1];
        break;
      }
    }
    const d = evalDev(model, rtl);
    meta.dev = { upos: round(d.upos), xpos: round(d.xpos), epochs: best.epoch, ltrUpos: round(d1.upos), rtlEpochs: bestRtl.epoch, rtlEveryWordUpos: round(everyWord) };
  }
  meta.settings.directions = rtl ? 2 : 1;

  // lemmatizer
  const lem = trainLemmatizer(train);
  const lemmatizer = new Lemmatizer(lem);
  const tagger = new TaggerModel(meta, model, rtl);
  let n = 0;
  let okGold = 0;
  let okPred = 0;
  for (const s of dev) {
    const tags = tagger.tag(s.form);
    for (let i = 0; i < s.form.length; i++) {
      n++;
      if (lemmatizer.lemma(s.form[i], s.xpos[i]) === s.lemma[i]) okGold++;
      if (lemmatizer.lemma(s.form[i], tagger.xpos[tags[i]]) === s.lemma[i]) okPred++;
    }
  }
  lem.dev = { lemmaGoldXpos: round(okGold / n), lemmaPredictedXpos: round(okPred / n) };
  meta.dev.lemma = lem.dev.lemmaPredictedXpos;
  lem.training = meta.training;
  log(`lemmatizer dev: ${(100 * okGold / n).toFixed(2)} (gold XPOS), ${(100 * okPred / n).toFixed(2)} (predicted XPOS); ${Object.keys(lem.exceptions).length} exceptions`);

  mkdirSync(MODELS_DIR, { recursive: true });
  const bin = model.serialize();
  writeFileSync(modelPath("tagger.bin"), bin);
  if (rtl) writeFileSync(modelPath("tagger.rtl.bin"), rtl.serialize());
  else rmSync(modelPath("tagger.rtl.bin"), { force: true });
  writeFileSync(modelPath("tagger.json"), JSON.stringify(meta) + "\n");
  writeFileSync(modelPath("tagger.lemmas.json"), JSON.stringify(lem) + "\n");
  log(`tagger: wrote models/tagger.bin (${(bin.length / 1e6).toFixed(2)} MB, ${model.nonZero()} non-zero weights), dev UPOS ${(100 * meta.dev.upos).toFixed(2)}`);
}


function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function trainLemmatizer(train: ConlluSentence[]): LemmaData {
  const maxSuffix = 6;
  const ruleCount = new Map<string, Map<string, Map<string, number>>>();
  const lowerVotes = new Map<string, [number, number]>();
  const lex = new Map<string, Map<string, number>>();
  for (const s of train) for (let i = 0; i < s.form.length; i++) {
    const form = s.form[i];
    const xpos = s.xpos[i];
    const lemma = s.lemma[i];
    if (lemma === "_") continue;
    const lf = form.toLowerCase();
    const ll = lemma.toLowerCase();
    let p = 0;
    while (p < lf.length && p < ll.length && lf[p] === ll[p]) p++;
    const rule = `${lf.length - p}:${ll.slice(p)}`;
    let byX = ruleCount.get(xpos);
    if (!byX) ruleCount.set(xpos, (byX = new Map()));
    for (let k = 0; k <= Math.min(maxSuffix, lf.length); k++) {
      const suf = lf.slice(lf.length - k);
      let m = byX.get(suf);
      if (!m) byX.set(suf, (m = new Map()));
      m.set(rule, (m.get(rule) ?? 0) + 1);
    }
    const v = lowerVotes.get(xpos) ?? [0, 0];
    if (lemma === ll && form !== lf) v[0]++;
    else if (lemma !== ll) v[1]++;
    lowerVotes.set(xpos, v);
    const key = form + "\t" + xpos;
    let lm = lex.get(key);
    if (!lm) lex.set(key, (lm = new Map()));
    lm.set(lemma, (lm.get(lemma) ?? 0) + 1);
  }
  const rules: Record<string, Record<string, string>> = {};
  for (const [xpos, bySuf] of ruleCount) {
    const table: Record<string, string> = {};
    const parentRule = (suf: string): string | undefined => {
      for (let k = suf.length - 1; k >= 0; k--) {
        const r = table[suf.slice(suf.length - k)];
        if (r !== undefined) return r;
      }
      return undefined;
    };
    // shortest suffixes first so a longer suffix is kept only when it changes the rule
    const entries = [...bySuf].sort((a, b) => a[0].length - b[0].length);
    for (const [suf, m] of entries) {
      let total = 0;
      let bestRule = "0:";
      let bestC = -1;
      for (const [r, c] of m) {
        total += c;
        if (c > bestC) {
          bestC = c;
          bestRule = r;
        }
      }
      if (suf.length > 0 && total < 3) continue;
      if (suf.length > 0 && parentRule(suf) === bestRule) continue;
      table[suf] = bestRule;
    }
    rules[xpos] = table;
  }
  const lower = [...lowerVotes].filter(([, v]) => v[0] >= v[1]).map(([x]) => x);
  const data: LemmaData = { format: "eventwire-lemmas", version: 1, exceptions: {}, rules, lower, maxSuffix };
  const l = new Lemmatizer(data);
  for (const [key, lm] of lex) {
    let best = "";
    let bc = -1;
    for (const [lemma, c] of lm) if (c > bc) {
      bc = c;
      best = lemma;
    }
    const [form, xpos] = key.split("\t");
    if (l.byRule(form, xpos) !== best) data.exceptions[key] = best;
  }
  return data;
}
