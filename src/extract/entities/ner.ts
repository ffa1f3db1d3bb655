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
import { Tagger } from "../../nlp/tagger.js";

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
  /** POS tagger used when the model wants UPOS and the caller has none (loaded on first need). */
  private pos: Tagger | null | false = null;

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

  /**
   * Tags a run of sentences (a document, or a window of a CoNLL file), then
   * makes the tagging consistent: a capitalised name tagged as an entity in
   * one sentence is tagged the same where it recurs untagged (within `window`
   * sentences), as in "Miramar was founded ... There's a Miramar in Florida".
   */
  tagSentences(sents: string[][], window = 40, pos?: string[][]): { tags: string[]; conf: Float32Array }[] {
    const res = sents.map((f, i) => this.tag(f, pos?.[i]));
    // votes: exact token sequence -> type counts, with the sentence indices that produced them
    const votes = new Map<string, { type: string; sent: number }[]>();
    let maxLen = 1;
    res.forEach((r, si) => {
      const tags = r.tags;
      for (const [i, j] of bioSpans(tags)) {
        const words = sents[si].slice(i, j).map((f) => stripPossessive(f)[0]);
        if (!/^\p{Lu}/u.test(words[0]) || words.join("").length < 3) continue;
        const key = words.join(" ");
        const list = votes.get(key) ?? [];
        list.push({ type: tags[i].slice(2), sent: si });
        votes.set(key, list);
        // parts of a person's name ("Sungjoo Lee" -> "Sungjoo", "Lee") are that person later on
        if (tags[i] === "B-PER" && j - i >= 2)
          for (const part of words)
            if (/^\p{Lu}\p{Ll}{2,}$/u.test(part) && !votes.has(part)) votes.set(part, [{ type: "PER", sent: si }]);
        if (j - i > maxLen) maxLen = Math.min(4, j - i);
      }
    });
    if (!votes.size) return res;
    const majority = (key: string, si: number): string | null => {
      const list = votes.get(key);
      if (!list) return null;
      const count = new Map<string, number>();
      for (const v of list) if (Math.abs(v.sent - si) <= window) count.set(v.type, (count.get(v.type) ?? 0) + 1);
      let type: string | null = null;
      let best = 0;
      let second = 0;
      for (const [t, c] of count) {
        if (c > best) (second = best), (best = c), (type = t);
        else if (c > second) second = c;
      }
      return best > second ? type : null;
    };
    // one name, one type: relabel minority types of the same name nearby
    res.forEach((r, si) => {
      const tags = r.tags;
      for (const [i, j] of bioSpans(tags)) {
        const key = sents[si].slice(i, j).map((f) => stripPossessive(f)[0]).join(" ");
        const type = majority(key, si);
        if (type && type !== tags[i].slice(2)) for (let k = i; k < j; k++) tags[k] = (k === i ? "B-" : "I-") + type;
      }
    });
    res.forEach((r, si) => {
      const forms = sents[si];
      const tags = r.tags;
      for (let i = 0; i < forms.length; i++) {
        if (tags[i] !== "O") continue;
        for (let len = Math.min(maxLen, forms.length - i); len >= 1; len--) {
          let ok = true;
          for (let k = i; k < i + len; k++) if (tags[k] !== "O") ok = false;
          if (!ok) continue;
          const key = forms.slice(i, i + len).map((f) => stripPossessive(f)[0]).join(" ");
          const list = votes.get(key);
          if (!list) continue;
          const near = list.filter((v) => Math.abs(v.sent - si) <= window);
          if (!near.length) continue;
          const count = new Map<string, number>();
          for (const v of near) count.set(v.type, (count.get(v.type) ?? 0) + 1);
          let type = "";
          let best = 0;
          for (const [t, c] of count) if (c > best) (best = c), (type = t);
          for (let k = i; k < i + len; k++) {
            tags[k] = (k === i ? "B-" : "I-") + type;
            r.conf[k] = 0.5;
          }
          i += len - 1;
          break;
        }
      }
    });
    return res;
  }

  /** Which POS layer the model reads ("xpos" or "upos"), or null when it reads none. */
  get posKind(): "xpos" | "upos" | null {
    return this.meta.pos ?? null;
  }

  /**
   * IOB2 tags and per-token confidences for one sentence of forms. `pos` holds the
   * tags of the layer named by posKind (from the pipeline's tagger); when absent or
   * incomplete, the tagger is run here.
   */
  tag(forms: string[], pos?: string[]): { tags: string[]; conf: Float32Array } {
    const n = forms.length;
    if (n === 0) return { tags: [], conf: new Float32Array(0) };
    const clean = forms.map((f) => stripPossessive(f)[0]);
    // upos features only when the model was trained with them (unseen hashed features would add noise);
    // such a model gets UPOS from the caller (the pipeline's tagger) or tags the words itself
    let u: string[] | undefined;
    const kind = this.posKind;
    if (kind) {
      if (pos && pos.length === n && pos.every((x) => x)) u = pos;
      else if (this.pos !== false) {
        try {
          if (!this.pos) this.pos = new Tagger();
          u = this.pos.tagWords(forms)[kind];
        } catch (e) {
          // no tagger model: tag without POS features (less accurate), and say so once
          process.stderr.write(`eventwire ner: POS tagger unavailable (${(e as Error).message}); tagging without POS features\n`);
          this.pos = false;
        }
      }
    }
    const { feats, offsets } = sentenceFeatures(this.gz, clean, this.model.mask, u);
    const T = this.model.T;
    if (this.em.length < n * T) this.em = new Float32Array(n * T * 2);
    const e = this.model.emissions(feats, offsets, n, this.em);
    const best = this.model.viterbi(e, n);
    const tags = new Array<string>(n);
    const conf = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      tags[i] = this.model.iob2(best[i]);
      conf[i] = NerModel.margin(e, i, T, best[i]);
    }
    return { tags, conf };
  }
}

/**
 * The entity spans [start, end) of an IOB2 tag sequence, in order. The
 * caller may relabel the span just yielded: the scan resumes after it.
 */
function* bioSpans(tags: string[]): Generator<[number, number]> {
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i].startsWith("B-")) continue;
    const inside = "I-" + tags[i].slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === inside) j++;
    yield [i, j];
    i = j - 1;
  }
}
