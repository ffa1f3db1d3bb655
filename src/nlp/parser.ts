import { existsSync } from "node:fs";
import type { Component, Doc } from "../model/index.js";
import { modelPath } from "./models.js";
import { ParserModel } from "./_parser_internals/model.js";
import { combineParses } from "./_parser_internals/ensemble.js";

export function loadParserModel(name = "parser"): ParserModel {
  const bin = modelPath(`${name}.bin`);
  const meta = modelPath(`${name}.json`);
  if (!existsSync(bin) || !existsSync(meta)) throw new Error(`${bin}: parser model missing (run npm run train -- parser)`);
  return ParserModel.load(bin, meta);
}

/**
 * Pipeline component: transition-based (arc-eager) dependency parser. Fills
 * doc.tokens.head (document-level token index, -1 for the sentence root) and
 * doc.tokens.deprel (UD relations), reading the forms and the UPOS and XPOS
 * tags. When a right-to-left model (models/parser.rtl.*) is present, both
 * parsers run and their arcs are recombined with Eisner's algorithm.
 */
export class Parser implements Component {
  readonly name = "parser";
  readonly rtl: ParserModel | null;
  private readonly beta: number;
  private readonly tau: number;
  private readonly rtlWeight: number;

  constructor(
    readonly model: ParserModel = loadParserModel(),
    rtl: ParserModel | null | undefined = undefined,
  ) {
    this.rtl = rtl !== undefined ? rtl : existsSync(modelPath("parser.rtl.bin")) ? loadParserModel("parser.rtl") : null;
    const ens = (this.rtl?.meta.settings.ensemble ?? {}) as { beta?: number; tau?: number; rtlWeight?: number };
    this.beta = ens.beta ?? 1;
    this.tau = ens.tau ?? 1;
    this.rtlWeight = ens.rtlWeight ?? 1;
  }

  /** Parses one sentence: 1-based heads (0 = root) and relation names, index 0 unused. */
  parseSentence(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): { head: Int32Array; deprel: string[] } {
    const n = forms.length;
    const labels = this.model.meta.labels;
    const a = this.model.parse(forms, upos, xpos);
    let head = a.head;
    let label = a.label;
    let names: readonly string[] = labels;
    if (this.rtl && n > 1) {
      const b = this.rtl.parse(forms, upos, xpos);
      // the two models may order their labels differently: map rtl labels into ltr indices
      const map = this.rtlLabelMap();
      const bl = new Int32Array(b.label.length);
      for (let i = 0; i < bl.length; i++) bl[i] = b.label[i] < 0 ? -1 : map[b.label[i]];
      const c = combineParses([a, { head: b.head, label: bl, margin: b.margin }], n, this.beta, this.tau, [1, this.rtlWeight]);
      head = c.head;
      label = c.label;
      names = labels;
    }
    const deprel: string[] = new Array(n + 1);
    deprel[0] = "";
    for (let i = 1; i <= n; i++) {
      if (head[i] === 0) deprel[i] = "root";
      else deprel[i] = (label[i] >= 0 ? names[label[i]] : undefined) ?? (upos[i - 1] === "PUNCT" ? "punct" : "dep");
      if (deprel[i] === "root" && head[i] !== 0) deprel[i] = "dep";
    }
    return { head, deprel };
  }

  private labelMap: Int32Array | null = null;
  private rtlLabelMap(): Int32Array {
    if (!this.labelMap) {
      const idx = new Map(this.model.meta.labels.map((l, i) => [l, i]));
      this.labelMap = Int32Array.from(this.rtl!.meta.labels, (l) => idx.get(l) ?? -1);
    }
    return this.labelMap;
  }

  annotate(doc: Doc): void {
    const t = doc.tokens;
    for (const s of doc.sentences) {
      const n = s.tokenEnd - s.tokenStart;
      if (n === 0) continue;
      const forms = t.form.slice(s.tokenStart, s.tokenEnd);
      const upos = t.upos.slice(s.tokenStart, s.tokenEnd);
      const xpos = t.xpos.slice(s.tokenStart, s.tokenEnd);
      const { head, deprel } = this.parseSentence(forms, upos, xpos);
      for (let i = 1; i <= n; i++) {
        t.head[s.tokenStart + i - 1] = head[i] === 0 ? -1 : s.tokenStart + head[i] - 1;
        t.deprel[s.tokenStart + i - 1] = deprel[i];
      }
    }
  }

  /** Parses a list of words with their UPOS and XPOS tags: 1-based heads (0 = root) and relations. */
  parseWords(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): { head: number[]; deprel: string[] } {
    const { head, deprel } = this.parseSentence(forms, upos, xpos);
    return { head: Array.from(head.subarray(1)), deprel: deprel.slice(1) };
  }
}
