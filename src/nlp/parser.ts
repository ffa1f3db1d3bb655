import { existsSync } from "node:fs";
import type { Component, Doc } from "../model/index.js";
import { modelPath } from "./models.js";
import { ParserModel } from "./_parser_internals/model.js";
import { ensembleParse, type DirectedParse } from "./_parser_internals/ensemble.js";

/**
 * The main parser's model name: models/parser.* (greedy, with its ensemble),
 * or another trained model chosen with EVENTWIRE_PARSER, e.g. parser.beam
 * (`npm run train -- parser --beam 8`), which runs alone unless its .json
 * lists ensemble settings. Off by default: see docs/BENCHMARKS.md for why.
 */
export const MAIN_PARSER = process.env.EVENTWIRE_PARSER ?? "parser";

export function loadParserModel(name = MAIN_PARSER): ParserModel {
  const bin = modelPath(`${name}.bin`);
  const meta = modelPath(`${name}.json`);
  if (!existsSync(bin) || !existsSync(meta)) throw new Error(`${bin}: parser model missing (run npm run train -- parser)`);
  return ParserModel.load(bin, meta);
}

/** How the main parser's arcs are recombined with other parsers' (models/parser.json settings.ensemble). */
export interface EnsembleSettings {
  /** Model names of the other parsers (e.g. "parser.rtl"), all required when listed. */
  members: string[];
  /** Arc weight of each parser: the main one first, then the members in order. */
  weights: number[];
  beta: number;
  tau: number;
  /** Members run only when an arc of the main parse has a margin below this (absent: always). */
  gate?: number;
}

/**
 * Pipeline component: transition-based (arc-eager) dependency parser. Fills
 * doc.tokens.head (document-level token index, -1 for the sentence root) and
 * doc.tokens.deprel (UD relations), reading the forms and the UPOS and XPOS
 * tags. When models/parser.json lists ensemble members (a parser with the
 * root at the end of the buffer, a right-to-left parser), their arcs are
 * recombined with the main parser's by Eisner's algorithm (ensembleParse).
 */
export class Parser implements Component {
  readonly name = "parser";
  readonly members: readonly ParserModel[];
  private readonly ensemble: EnsembleSettings | null;
  /** Per member: its label indices mapped to the main model's. */
  private readonly labelMaps: Int32Array[];

  constructor(
    readonly model: ParserModel = loadParserModel(),
    members?: readonly ParserModel[],
    ensemble?: EnsembleSettings | null,
  ) {
    this.ensemble = ensemble !== undefined ? ensemble : ((model.meta.settings.ensemble as EnsembleSettings | undefined) ?? null);
    this.members = members ?? (this.ensemble?.members ?? []).map((m) => loadParserModel(m));
    if (this.ensemble && this.ensemble.weights.length !== this.members.length + 1) throw new Error("parser ensemble: one weight per parser expected");
    const idx = new Map(model.meta.labels.map((l, i) => [l, i]));
    this.labelMaps = this.members.map((m) => Int32Array.from(m.meta.labels, (l) => idx.get(l) ?? -1));
  }

  /** Parses one sentence: 1-based heads (0 = root) and relation names, index 0 unused. */
  parseSentence(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): { head: Int32Array; deprel: string[] } {
    const n = forms.length;
    const labels = this.model.meta.labels;
    const ens = this.ensemble;
    const run = (k: number): DirectedParse => {
      if (k === 0) return this.model.parse(forms, upos, xpos);
      const b = this.members[k - 1].parse(forms, upos, xpos);
      const map = this.labelMaps[k - 1];
      for (let i = 0; i < b.label.length; i++) b.label[i] = b.label[i] < 0 ? -1 : map[b.label[i]];
      return b;
    };
    const { head, label } = ens && n > 1 ? ensembleParse(run, this.members.length + 1, n, ens.beta, ens.tau, ens.weights, ens.gate) : run(0);
    const deprel: string[] = new Array(n + 1);
    deprel[0] = "";
    for (let i = 1; i <= n; i++) {
      if (head[i] === 0) deprel[i] = "root";
      else deprel[i] = (label[i] >= 0 ? labels[label[i]] : undefined) ?? (upos[i - 1] === "PUNCT" ? "punct" : "dep");
      if (deprel[i] === "root" && head[i] !== 0) deprel[i] = "dep";
    }
    return { head, deprel };
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
