import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { readConllu } from "../nlp/conllu.js";
import { HashedPerceptron } from "../nlp/_ml/perceptron.js";
import { SentenceAtoms } from "../nlp/_parser_internals/features.js";
import { fillAtoms } from "../nlp/_parser_internals/model.js";
import { MAX_RELABEL_FEATURES, Relabeler, TreeIndex, relabelFeatures, type RelabelerMeta } from "../nlp/_parser_internals/relabel.js";
import { Parser } from "../nlp/parser.js";
import { modelPath } from "../nlp/models.js";
import { EWT_DEV, EWT_TRAIN, log, requireFile, rng, sha256, shuffle } from "./common.js";
import { jackknifeTags, predictedTags, type Tags } from "./parser.js";

export interface RelabelerTrainOptions {
  epochs: number;
  bits: number;
  seed: number;
  /** Train the shipped model on train+dev with the epochs and bonus of the train-only run. */
  final?: boolean;
}

const BONUSES = [0, 2, 4, 8, 16, 32];

/**
 * `npm run train -- relabeler`: the second-stage arc labeller
 * (models/parser.labels.*), trained on gold trees with jackknifed tags
 * (children labels: gold), tuned on the ensemble's dev trees (models/parser*,
 * children labels: the parser's): epochs and the bonus for keeping the
 * parser's label.
 */
export async function trainRelabeler(opts: RelabelerTrainOptions): Promise<void> {
  const final = opts.final === true;
  const name = "parser.labels";
  const prevMeta = final && existsSync(modelPath(`${name}.json`)) ? (JSON.parse(readFileSync(modelPath(`${name}.json`), "utf8")) as RelabelerMeta) : null;
  const dev = readConllu(requireFile(EWT_DEV));
  const train = final ? readConllu(requireFile(EWT_TRAIN)).concat(dev) : readConllu(requireFile(EWT_TRAIN));
  const cache = process.env.EVENTWIRE_JACKKNIFE_CACHE;
  let tags: Tags[];
  if (cache && existsSync(cache)) tags = JSON.parse(readFileSync(cache, "utf8")) as Tags[];
  else {
    tags = await jackknifeTags(train, opts.seed);
    if (cache) writeFileSync(cache, JSON.stringify(tags));
  }
  const parser = new Parser(undefined, undefined, undefined, null);
  const labels = parser.model.meta.labels;
  const index = new Map(labels.map((l, i) => [l, i]));
  const root = index.get("root")!;
  // dev trees from the ensemble, labels as indices into the main parser's labels
  const devTags = predictedTags(dev);
  const devTrees = dev.map((s, si) => {
    const r = parser.parseWords(s.form, devTags[si].upos, devTags[si].xpos);
    return { head: Int32Array.from([-1, ...r.head]), label: Int32Array.from([-1, ...r.deprel.map((d) => index.get(d) ?? -1)]) };
  });
  const meta: RelabelerMeta = {
    format: "eventwire-relabeler",
    version: 1,
    labels,
    settings: { model: "averaged perceptron over hashed features of the finished tree (dependent's and head's children, grandparent)", bits: opts.bits, epochs: opts.epochs, bonus: 0, seed: opts.seed, trainTags: "jackknife", final },
    training: { data: basename(EWT_TRAIN), sha256: sha256(EWT_TRAIN), dev: basename(EWT_DEV), devSha256: sha256(EWT_DEV), licence: "CC BY-SA 4.0 (UD English EWT)" },
    dev: {},
  };
  if (final) {
    meta.training.data = `${basename(EWT_TRAIN)} + ${basename(EWT_DEV)}`;
    meta.training.note = "trained on train+dev with the epochs and bonus of the train-only run (on train-only parsers), whose dev scores are kept";
  }
  const model = new HashedPerceptron(opts.bits, labels.length, true);
  const atoms = new SentenceAtoms();
  const tree = new TreeIndex();
  const feats = new Uint32Array(MAX_RELABEL_FEATURES);
  const scores = new Float64Array(labels.length);
  const gold = train.map((s) => ({ head: Int32Array.from([-1, ...s.head]), label: Int32Array.from([-1, ...s.deprel.map((d) => index.get(d) ?? -1)]) }));
  const order = train.map((_, i) => i);
  const r = rng(opts.seed);
  const devLas = (bonus: number): number => {
    const relabeler = new Relabeler(meta, model);
    let n = 0;
    let l = 0;
    dev.forEach((s, si) => {
      const t = devTrees[si];
      const label = t.label.slice();
      relabeler.relabel(s.form, devTags[si].upos, devTags[si].xpos, t.head, label, bonus);
      for (let i = 0; i < s.form.length; i++) {
        n++;
        if (t.head[i + 1] === s.head[i] && (t.head[i + 1] === 0 || (labels[label[i + 1]] ?? "").split(":")[0] === s.deprel[i].split(":")[0])) l++;
      }
    });
    return l / n;
  };
  const baseline = devLas(Infinity);
  let best = { las: -1, epoch: 0, bonus: 0, q: new Int16Array(0), scale: 1 };
  const epochs = final && prevMeta ? prevMeta.settings.epochs : opts.epochs;
  for (let ep = 1; ep <= epochs; ep++) {
    shuffle(order, r);
    for (const si of order) {
      const s = train[si];
      const n = s.form.length;
      const g = gold[si];
      fillAtoms(atoms, s.form, tags[si].upos, tags[si].xpos);
      tree.build(g.head, n);
      for (let d = 1; d <= n; d++) {
        if (g.head[d] <= 0 || g.label[d] < 0) continue;
        const k = relabelFeatures(atoms, g.head, g.label, tree, n, d, feats);
        model.scoreTrain(feats, k, scores);
        let guess = -1;
        for (let c = 0; c < labels.length; c++) if (c !== root && (guess < 0 || scores[c] > scores[guess])) guess = c;
        model.update(feats, k, g.label[d], guess);
        model.tick();
      }
    }
    model.snapshot();
    if (final) {
      log(`relabeler epoch ${ep} (dev seen in training)`);
      if (ep === epochs) best = { las: 0, epoch: ep, bonus: prevMeta?.settings.bonus ?? 8, q: model.q.slice(), scale: model.scale };
      continue;
    }
    const byBonus = BONUSES.map((b) => devLas(b));
    log(`relabeler epoch ${ep}: dev LAS ${BONUSES.map((b, i) => `bonus ${b} ${(100 * byBonus[i]).toFixed(2)}`).join(", ")} (parser alone ${(100 * baseline).toFixed(2)})`);
    const i = byBonus.indexOf(Math.max(...byBonus));
    if (byBonus[i] > best.las) best = { las: byBonus[i], epoch: ep, bonus: BONUSES[i], q: model.q.slice(), scale: model.scale };
    else if (ep - best.epoch >= 2) break;
  }
  model.q = best.q;
  model.scale = best.scale;
  meta.settings.epochs = best.epoch;
  meta.settings.bonus = best.bonus;
  meta.dev = prevMeta ? prevMeta.dev : { las: Math.round(best.las * 1e4) / 1e4, parserLas: Math.round(baseline * 1e4) / 1e4 };
  writeFileSync(modelPath(`${name}.bin`), model.serialize());
  writeFileSync(modelPath(`${name}.json`), JSON.stringify(meta, null, 1) + "\n");
  log(`relabeler: wrote models/${name}.bin, epochs ${best.epoch}, bonus ${best.bonus}${final ? "" : `, dev LAS ${(100 * best.las).toFixed(2)} (parser alone ${(100 * baseline).toFixed(2)})`}`);
}
