import { existsSync, readFileSync } from "node:fs";
import type { Component, Doc } from "../model/index.js";
import { modelPath } from "./models.js";

/**
 * Lemmatizer learned from UD EWT train: an exception lexicon (form + XPOS ->
 * lemma, only where the rules get it wrong) and suffix rules per XPOS
 * ("strip k characters, append s", chosen by the longest known suffix), with a
 * per-XPOS casing decision (lower-case the lemma or keep the form's case).
 */
export interface LemmaData {
  format: "eventwire-lemmas";
  version: number;
  /** "form\tXPOS" -> lemma (exact form first, then the lower-cased form). */
  exceptions: Record<string, string>;
  /** XPOS -> suffix -> rule "k:append". */
  rules: Record<string, Record<string, string>>;
  /** XPOS whose lemmas are lower-cased. */
  lower: string[];
  maxSuffix: number;
  training?: Record<string, unknown>;
  dev?: Record<string, number>;
}

export class Lemmatizer {
  private readonly exceptions: Map<string, string>;
  private readonly rules: Map<string, Map<string, string>>;
  private readonly lower: Set<string>;

  constructor(readonly data: LemmaData) {
    this.exceptions = new Map(Object.entries(data.exceptions));
    this.rules = new Map(Object.entries(data.rules).map(([k, v]) => [k, new Map(Object.entries(v))]));
    this.lower = new Set(data.lower);
  }

  static load(path = modelPath("tagger.lemmas.json")): Lemmatizer {
    if (!existsSync(path)) throw new Error(`${path}: lemmatizer model missing (run npm run train -- tagger)`);
    return new Lemmatizer(JSON.parse(readFileSync(path, "utf8")) as LemmaData);
  }

  /** The rule-only lemma (no exception lexicon), used in training to find exceptions. */
  byRule(form: string, xpos: string): string {
    const lf = form.toLowerCase();
    const table = this.rules.get(xpos);
    let rule = "0:";
    if (table) {
      for (let k = Math.min(this.data.maxSuffix, lf.length); k >= 0; k--) {
        const r = table.get(lf.slice(lf.length - k));
        if (r !== undefined) {
          rule = r;
          break;
        }
      }
    }
    const colon = rule.indexOf(":");
    const strip = Number(rule.slice(0, colon));
    const base = strip <= form.length ? form.slice(0, form.length - strip) + rule.slice(colon + 1) : form;
    return this.lower.has(xpos) ? base.toLowerCase() : base;
  }

  lemma(form: string, xpos: string): string {
    return this.exceptions.get(form + "\t" + xpos) ?? this.exceptions.get(form.toLowerCase() + "\t" + xpos) ?? this.byRule(form, xpos);
  }
}

/** Pipeline component: fills doc.tokens.lemma from the form and the XPOS tag. */
export class LemmatizerComponent implements Component {
  readonly name = "lemmatizer";
  constructor(private readonly lemmatizer = Lemmatizer.load()) {}

  annotate(doc: Doc): void {
    const t = doc.tokens;
    for (let i = 0; i < t.count; i++) t.lemma[i] = this.lemmatizer.lemma(t.form[i], t.xpos[i]);
  }
}
