import type { Article, Component, InputFailure } from "../model/index.js";
import { Doc } from "../model/index.js";
import { bodyStart } from "../ingest/text-article.js";
import { createNlpComponents } from "../nlp/index.js";

export interface PipelineOptions {
  /** User lexicon files that add to or override the bundled ones. */
  lexicons?: string[];
}

/**
 * The analysis pipeline: every component built once (models and lexicons
 * loaded at construction), then run in order over each article's Doc.
 */
export class Pipeline {
  readonly components: Component[];

  constructor(opts: PipelineOptions = {}) {
    void opts;
    this.components = [...createNlpComponents()];
  }

  analyze(article: Article, warnings: InputFailure[] = []): Doc {
    const doc = new Doc(article);
    doc.bodyStart = bodyStart(article);
    doc.warnings.push(...warnings);
    for (const c of this.components) c.annotate(doc);
    return doc;
  }
}
