/**
 * Trains the NER (averaged structured perceptron, see src/extract/entities/ner-model.ts)
 * and writes models/NAME.bin.gz + models/NAME.json (training data with sha256,
 * settings, dev scores per epoch). The epoch with the best dev F1 is kept.
 *
 *   npm run train -- ner [--train FILE]... [--dev FILE] [--epochs N] [--bits B] [--name NAME] [--seed S]
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadActorLexicon } from "../extract/actors/index.js";
import { entityF1, parseConll, readText, type TaggedSentence } from "../extract/entities/conll.js";
import { buildGazetteer, FEATURE_VERSION, sentenceFeatures } from "../extract/entities/features.js";
import { NerModel } from "../extract/entities/ner-model.js";
import { parseFlags } from "../cli/command.js";

export const NER_TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

const G = "../shared/gold/ner";
const DEFAULT_TRAIN = [`${G}/uner_ewt-train.PRERELEASE-0c7ce0d.OTH-as-O.conll.gz`, `${G}/wnut17-train.conll`];
const DEFAULT_DEV = `${G}/uner_ewt-dev.conll`;

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

interface Prepared {
  feats: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
  n: number;
}

export async function trainNer(args: string[]): Promise<void> {
  const { flags, multi } = parseFlags(args, { values: ["dev", "epochs", "bits", "name", "seed", "out"], repeatable: ["train"] });
  const trainFiles = multi.get("train") ?? DEFAULT_TRAIN;
  const devFile = (flags.get("dev") as string) ?? DEFAULT_DEV;
  const epochs = Number(flags.get("epochs") ?? 12);
  const bits = Number(flags.get("bits") ?? 20);
  const name = (flags.get("name") as string) ?? "ner-v1";
  const outDir = (flags.get("out") as string) ?? "models";
  const seed = Number(flags.get("seed") ?? 1);

  const t0 = Date.now();
  const lex = loadActorLexicon();
  const gz = buildGazetteer(lex);
  const mask = (1 << bits) - 1;
  const tagIndex = new Map(NER_TAGS.map((t, i) => [t, i]));
  const prep = (s: TaggedSentence): Prepared => {
    const { feats, offsets } = sentenceFeatures(gz, s.forms, mask);
    const gold = Int32Array.from(s.tags.map((t) => tagIndex.get(t) ?? 0));
    return { feats, offsets, gold, n: s.forms.length };
  };
  const data: Prepared[] = [];
  const sources: { file: string; sha256: string; sentences: number }[] = [];
  for (const f of trainFiles) {
    const sents = parseConll(readText(f));
    sources.push({ file: f, sha256: createHash("sha256").update(readFileSync(f)).digest("hex"), sentences: sents.length });
    for (const s of sents) data.push(prep(s));
  }
  const devSents = parseConll(readText(devFile));
  const dev = devSents.map(prep);
  process.stderr.write(`features ready: ${data.length} train / ${dev.length} dev sentences in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);

  const T = NER_TAGS.length;
  const model = new NerModel(NER_TAGS, bits);
  const accW = new Float32Array(model.w.length);
  const accT = new Float32Array(model.trans.length);
  let c = 1;
  const rand = rng(seed);
  const order = data.map((_, i) => i);
  let best = { f1: -1, epoch: 0, w: new Float32Array(0), trans: new Float32Array(0) };
  const history: { epoch: number; devF1: number; devP: number; devR: number }[] = [];
  const e = new Float32Array(512 * T);
  const averaged = () => {
    const w = new Float32Array(model.w.length);
    for (let i = 0; i < w.length; i++) w[i] = model.w[i] - accW[i] / c;
    const tr = new Float32Array(model.trans.length);
    for (let i = 0; i < tr.length; i++) tr[i] = model.trans[i] - accT[i] / c;
    return { w, tr };
  };
  for (let ep = 1; ep <= epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const idx of order) {
      const s = data[idx];
      const em = model.emissions(s.feats, s.offsets, s.n, s.n * T <= e.length ? e : undefined);
      const pred = model.viterbi(em, s.n);
      let diff = false;
      for (let i = 0; i < s.n; i++) if (pred[i] !== s.gold[i]) diff = true;
      if (diff) {
        errors++;
        for (let i = 0; i < s.n; i++) {
          const g = s.gold[i];
          const p = pred[i];
          if (g !== p) {
            for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
              const b = s.feats[k] * T;
              model.w[b + g] += 1;
              accW[b + g] += c;
              model.w[b + p] -= 1;
              accW[b + p] -= c;
            }
          }
          const gp = i === 0 ? 0 : (s.gold[i - 1] + 1) * T;
          const pp = i === 0 ? 0 : (pred[i - 1] + 1) * T;
          if (gp + g !== pp + p) {
            model.trans[gp + g] += 1;
            accT[gp + g] += c;
            model.trans[pp + p] -= 1;
            accT[pp + p] -= c;
          }
        }
      }
      c++;
    }
    const { w, tr } = averaged();
    const evalModel = new NerModel(NER_TAGS, bits, w, tr);
    const preds = dev.map((s) => Array.from(evalModel.viterbi(evalModel.emissions(s.feats, s.offsets, s.n), s.n), (t) => NER_TAGS[t]));
    const types = new Set(["PER", "ORG", "LOC"]);
    const sc = entityF1(devSents.map((s) => s.tags), preds, types);
    history.push({ epoch: ep, devF1: sc.f1, devP: sc.p, devR: sc.r });
    process.stderr.write(`epoch ${ep}: ${errors} sentences wrong; dev P ${(sc.p * 100).toFixed(2)} R ${(sc.r * 100).toFixed(2)} F1 ${(sc.f1 * 100).toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)}s)\n`);
    if (sc.f1 > best.f1) best = { f1: sc.f1, epoch: ep, w, trans: tr };
  }
  const final = new NerModel(NER_TAGS, bits, best.w, best.trans);
  const q = final.quantize();
  mkdirSync(outDir, { recursive: true });
  const bin = gzipSync(q.buf, { level: 9 });
  writeFileSync(join(outDir, `${name}.bin.gz`), bin);
  const meta = {
    name,
    version: 1,
    featureVersion: FEATURE_VERSION,
    kind: "averaged structured perceptron, first-order Viterbi over IOB2, hashed features",
    tags: NER_TAGS,
    bits,
    scale: q.scale,
    transScale: q.transScale,
    training: { files: sources, licence: "UNER English-EWT: CC BY-SA 4.0 (Mayhew et al. 2024); WNUT17: CC BY 4.0 (Derczynski et al. 2017)", caveat: "UNER train is the pre-release file 0c7ce0d with OTH mapped to O (see ../shared/gold/README-nlp.md)" },
    settings: { epochs, bestEpoch: best.epoch, seed, gazetteer: "lexicons/actors (default set)" },
    dev: { file: devFile, sha256: createHash("sha256").update(readFileSync(devFile)).digest("hex"), types: "PER,ORG,LOC", f1: best.f1, history },
    sizeBytes: bin.length,
    trainedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - t0) / 1000),
  };
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify(meta, null, 2) + "\n");
  process.stderr.write(`wrote ${join(outDir, name)}.bin.gz (${(bin.length / 1e6).toFixed(2)} MB), best epoch ${best.epoch}, dev F1 ${(best.f1 * 100).toFixed(2)}\n`);
}
