import { existsSync } from "node:fs";
import type { Component, Doc } from "../model/index.js";
import { modelPath } from "./models.js";
import { TaggerModel } from "./_tagger_internals/model.js";

/** Loads the committed tagger model (models/tagger.bin + models/tagger.json, and models/tagger.rtl.bin when trained with both directions). */
export function loadTaggerModel(): TaggerModel {
  const bin = modelPath("tagger.bin");
  const meta = modelPath("tagger.json");
  if (!existsSync(bin) || !existsSync(meta)) throw new Error(`${bin}: tagger model missing (run npm run train -- tagger)`);
  const rtl = modelPath("tagger.rtl.bin");
  return TaggerModel.load(bin, meta, existsSync(rtl) ? rtl : undefined);
}

/** Pipeline component: fills doc.tokens.upos and .xpos, one sentence at a time. */
export class Tagger implements Component {
  readonly name = "tagger";
  private buf = new Int32Array(256);

  constructor(readonly model: TaggerModel = loadTaggerModel()) {}

  annotate(doc: Doc): void {
    const t = doc.tokens;
    for (const s of doc.sentences) {
      const forms = t.form.slice(s.tokenStart, s.tokenEnd);
      if (this.buf.length < forms.length) this.buf = new Int32Array(forms.length * 2);
      const tags = this.model.tag(forms, this.buf);
      for (let i = 0; i < forms.length; i++) {
        t.upos[s.tokenStart + i] = this.model.upos[tags[i]];
        t.xpos[s.tokenStart + i] = this.model.xpos[tags[i]];
      }
    }
  }

  /** Tags a list of words (gold tokenisation, e.g. CoNLL-U), returning UPOS and XPOS. */
  tagWords(forms: readonly string[]): { upos: string[]; xpos: string[] } {
    const tags = this.model.tag(forms);
    return { upos: Array.from(tags, (c) => this.model.upos[c]), xpos: Array.from(tags, (c) => this.model.xpos[c]) };
  }
}
