import { existsSync } from "node:fs";
import type { Component, Doc } from "../model/index.js";
import { modelPath } from "./models.js";
import { ParserModel } from "./_parser_internals/model.js";

export function loadParserModel(): ParserModel {
  const bin = modelPath("parser.bin");
  const meta = modelPath("parser.json");
  if (!existsSync(bin) || !existsSync(meta)) throw new Error(`${bin}: parser model missing (run npm run train -- parser)`);
  return ParserModel.load(bin, meta);
}

/**
 * Pipeline component: transition-based (arc-eager) dependency parser. Fills
 * doc.tokens.head (document-level token index, -1 for the sentence root) and
 * doc.tokens.deprel (UD relations), reading the forms and XPOS tags.
 */
export class Parser implements Component {
  readonly name = "parser";
  constructor(readonly model: ParserModel = loadParserModel()) {}

  annotate(doc: Doc): void {
    const t = doc.tokens;
    const labels = this.model.meta.labels;
    for (const s of doc.sentences) {
      const n = s.tokenEnd - s.tokenStart;
      if (n === 0) continue;
      const forms = t.form.slice(s.tokenStart, s.tokenEnd);
      const xpos = t.xpos.slice(s.tokenStart, s.tokenEnd);
      const { head, label } = this.model.parse(forms, xpos);
      for (let i = 1; i <= n; i++) {
        t.head[s.tokenStart + i - 1] = head[i] === 0 ? -1 : s.tokenStart + head[i] - 1;
        t.deprel[s.tokenStart + i - 1] = labels[label[i]] ?? "dep";
      }
    }
  }

  /** Parses a list of words with their XPOS tags: 1-based heads (0 = root) and relations. */
  parseWords(forms: readonly string[], xpos: readonly string[]): { head: number[]; deprel: string[] } {
    const { head, label } = this.model.parse(forms, xpos);
    const labels = this.model.meta.labels;
    return { head: Array.from(head.subarray(1)), deprel: Array.from(label.subarray(1), (l) => labels[l] ?? "dep") };
  }
}
