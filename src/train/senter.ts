import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Doc } from "../model/index.js";
import { HashedPerceptron } from "../nlp/_ml/perceptron.js";
import { HARD } from "../nlp/_tokenizer_internals/boundaries.js";
import { SentenceBoundaryModel, boundaryAtoms, boundaryFeatures } from "../nlp/_tokenizer_internals/senter.js";
import { NewsTokenizer, ruleBoundaries } from "../nlp/tokenizer.js";
import { MODELS_DIR, modelPath } from "../nlp/models.js";
import { EWT_TRAIN, SHARED, UD, log, requireFile, rng, sha256, shuffle } from "./common.js";

interface SpanDoc {
  doc: string;
  text: string;
  tokens: Array<[number, number]>;
  sentences: Array<[number, number]>;
}

interface Example {
  doc: Doc;
  rules: Uint8Array;
  gold: Uint8Array;
  goldSents: Set<string>;
}

function examples(docs: SpanDoc[]): Example[] {
  const tok = new NewsTokenizer(null);
  return docs.map((d) => {
    const doc = new Doc({ id: d.doc, title: null, published: null, url: null, source: null, language: "en", text: d.text });
    tok.annotate(doc);
    const rules = ruleBoundaries(doc);
    const starts = new Set(d.sentences.map((s) => s[0]));
    const t = doc.tokens;
    const gold = new Uint8Array(t.count);
    for (let i = 0; i + 1 < t.count; i++) if (starts.has(t.start[i + 1])) gold[i] = 1;
    return { doc, rules, gold, goldSents: new Set(d.sentences.map((s) => `${s[0]},${s[1]}`)) };
  });
}

function sentenceF1(model: SentenceBoundaryModel | null, exs: Example[]): number {
  let correct = 0;
  let pred = 0;
  let gold = 0;
  for (const ex of exs) {
    const t = ex.doc.tokens;
    const cuts = model ? model.decide(ex.doc, ex.rules, 0) : ex.rules;
    let start = 0;
    for (let i = 0; i < t.count; i++) {
      if (!cuts[i] && i + 1 < t.count) continue;
      pred++;
      if (ex.goldSents.has(`${t.start[start]},${t.end[i]}`)) correct++;
      start = i + 1;
    }
    gold += ex.goldSents.size;
  }
  return (2 * correct) / (pred + gold);
}

export async function trainSenter(opts: { epochs: number; bits: number; seed: number }): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "eventwire-senter-"));
  const raw = join(tmp, "train.raw.jsonl");
  const spans = join(tmp, "train.spans.jsonl");
  execFileSync(process.execPath, [join(SHARED, "eval", "score-segmentation.mjs"), "--export", requireFile(EWT_TRAIN), "--raw", raw, "--spans", spans]);
  const read = (p: string) => readFileSync(p, "utf8").trim().split("\n").map((l) => JSON.parse(l) as SpanDoc);
  const train = examples(read(spans));
  const dev = examples(read(requireFile(join(UD, "ewt-dev.spans.jsonl"))));
  log(`senter: ${train.length} train / ${dev.length} dev documents; rules alone: dev sentence F1 ${(100 * sentenceF1(null, dev)).toFixed(2)}`);
  const model = new HashedPerceptron(opts.bits, 2, true);
  const feats = new Uint32Array(32);
  const scores = new Float64Array(2);
  const r = rng(opts.seed);
  const order = train.map((_, i) => i);
  let best = { f: -1, epoch: 0, q: new Int16Array(0), scale: 1 };
  for (let ep = 1; ep <= opts.epochs; ep++) {
    shuffle(order, r);
    for (const di of order) {
      const ex = train[di];
      const n = ex.doc.tokens.count;
      const a = boundaryAtoms(ex.doc, ex.rules, 0);
      let since = 0;
      for (let i = 0; i < n; i++) {
        since++;
        if (ex.rules[i] === HARD || i === n - 1) {
          since = 0;
          continue;
        }
        const k = boundaryFeatures(a, ex.rules, i, n, since, feats);
        model.scoreTrain(feats, k, scores);
        const guess = scores[1] > scores[0] ? 1 : 0;
        model.update(feats, k, ex.gold[i], guess);
        model.tick();
        if (ex.gold[i]) since = 0;
      }
    }
    model.snapshot();
    const f = sentenceF1(new SentenceBoundaryModel(model), dev);
    log(`senter epoch ${ep}: dev sentence F1 ${(100 * f).toFixed(2)}`);
    if (f > best.f) best = { f, epoch: ep, q: model.q.slice(), scale: model.scale };
    else if (ep - best.epoch >= 3) break;
  }
  model.q = best.q;
  model.scale = best.scale;
  mkdirSync(MODELS_DIR, { recursive: true });
  writeFileSync(modelPath("tagger.sentences.bin"), model.serialize());
  const meta = {
    format: "eventwire-senter",
    version: 1,
    model: "binary averaged perceptron over hashed features, deciding sentence ends the rules leave soft; line breaks, blank lines and datelines stay hard",
    settings: { bits: opts.bits, epochs: best.epoch, seed: opts.seed },
    training: { data: basename(EWT_TRAIN) + " (raw text and spans rebuilt with score-segmentation.mjs --export)", sha256: sha256(EWT_TRAIN), licence: "CC BY-SA 4.0 (UD English EWT)" },
    dev: { sentenceF1: Math.round(best.f * 1e4) / 1e4, rulesOnlySentenceF1: Math.round(sentenceF1(null, dev) * 1e4) / 1e4 },
  };
  writeFileSync(modelPath("tagger.sentences.json"), JSON.stringify(meta, null, 1) + "\n");
  log(`senter: wrote models/tagger.sentences.bin, dev sentence F1 ${(100 * best.f).toFixed(2)} after ${best.epoch} epochs`);
}
