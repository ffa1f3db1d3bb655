/**
 * The NER tagger: the trained model plus gazetteers, loaded once. Tags a
 * sentence's token forms with IOB2 tags and per-token confidences.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ActorLexicon } from "../actors/index.js";
import { buildGazetteer, FEATURE_VERSION, type Gazetteer, sentenceFeatures } from "./features.js";
import { type NerMeta, NerModel } from "./ner-model.js";

export const DEFAULT_NER_MODEL = "ner-v1";

export function modelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const cand = join(dir, "models");
    if (existsSync(join(dir, "package.json")) && existsSync(cand)) return cand;
    const up = resolve(dir, "..");
    if (up === dir) break;
    dir = up;
  }
  throw new Error("models/: folder not found above " + fileURLToPath(import.meta.url));
}

/** Strips a possessive "'s" from a token form; returns the form and how many chars were cut. */
export function stripPossessive(form: string): [string, number] {
  const m = /^(.{2,}?)['’][sS]$/.exec(form);
  return m ? [m[1], form.length - m[1].length] : [form, 0];
}

export class NerTagger {
  readonly model: NerModel;
  readonly meta: NerMeta;
  readonly gz: Gazetteer;
  private em = new Float32Array(256 * 9);

  constructor(lex: ActorLexicon, name = DEFAULT_NER_MODEL, dir?: string) {
    const d = dir ?? modelsDir();
    const bin = join(d, `${name}.bin.gz`);
    const meta = join(d, `${name}.json`);
    if (!existsSync(bin) || !existsSync(meta)) throw new Error(`${bin}: NER model not found (train it with: npm run train -- ner)`);
    const loaded = NerModel.load(bin, meta);
    if (loaded.meta.featureVersion !== FEATURE_VERSION) throw new Error(`${meta}: model features v${loaded.meta.featureVersion}, code expects v${FEATURE_VERSION}; retrain`);
    this.model = loaded.model;
    this.meta = loaded.meta;
    this.gz = buildGazetteer(lex);
  }

  /** IOB2 tags and per-token confidences for one sentence of forms. */
  tag(forms: string[], upos?: string[]): { tags: string[]; conf: Float32Array } {
    const n = forms.length;
    if (n === 0) return { tags: [], conf: new Float32Array(0) };
    const clean = forms.map((f) => stripPossessive(f)[0]);
    // upos features only when the model was trained with them (unseen hashed features would add noise)
    const { feats, offsets } = sentenceFeatures(this.gz, clean, this.model.mask, this.meta.upos ? upos : undefined);
    const T = this.model.T;
    if (this.em.length < n * T) this.em = new Float32Array(n * T * 2);
    const e = this.model.emissions(feats, offsets, n, this.em);
    const best = this.model.viterbi(e, n);
    const tags = new Array<string>(n);
    const conf = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      tags[i] = this.model.tags[best[i]];
      conf[i] = NerModel.margin(e, i, T, best[i]);
    }
    return { tags, conf };
  }
}
