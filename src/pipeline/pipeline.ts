import type { Article, Component, InputFailure } from "../model/index.js";
import { Doc } from "../model/index.js";
import { bodyStart } from "../ingest/text-article.js";
import { createNlpComponents } from "../nlp/index.js";
import { detectLanguage } from "../ingest/language.js";
import { codeActorSpan, loadActorLexicon } from "../extract/actors/index.js";
import { createEntityComponent } from "../extract/entities/index.js";
import { createEventComponent } from "../extract/events/index.js";
import { createQuoteComponent } from "../extract/quotes/index.js";

export interface PipelineOptions {
  /** User actor dictionaries that add to or override the bundled ones. */
  actorLexicons?: string[];
  /** User event (verb pattern) lexicons. */
  eventLexicons?: string[];
  /** User cue-verb lexicons for quotes. */
  cueLexicons?: string[];
}

/** Characters read to tell the language: enough for a confident guess, cheap for long texts. */
const LANGUAGE_SAMPLE = 4000;

/**
 * The analysis pipeline: every component built once (models and lexicons
 * loaded at construction), then run in order over each article's Doc.
 */
export class Pipeline {
  readonly components: Component[];

  constructor(opts: PipelineOptions = {}) {
    const actors = loadActorLexicon({ userFiles: opts.actorLexicons ?? [] });
    this.components = [
      ...createNlpComponents(),
      createEntityComponent(actors),
      createEventComponent({ actors, codeActor: codeActorSpan, userLexicons: opts.eventLexicons ?? [] }),
      createQuoteComponent({ userLexicons: opts.cueLexicons ?? [], actors }),
    ];
  }

  analyze(article: Article, warnings: InputFailure[] = []): Doc {
    const doc = new Doc(article);
    doc.bodyStart = bodyStart(article);
    doc.warnings.push(...warnings);
    const lang = article.languageGuess ?? detectLanguage(article.text.slice(0, LANGUAGE_SAMPLE));
    if (lang.language !== "und") article.language = lang.language;
    if (lang.language !== "en" && lang.language !== "und") {
      // kept and stored with its language, never silently dropped
      doc.skipped = `language ${lang.language} (confidence ${lang.confidence.toFixed(2)}): the pipeline analyses English`;
      doc.warnings.push({ input: article.source ?? article.id, reason: `not analysed: ${doc.skipped}`, severity: "warning" });
      return doc;
    }
    for (const c of this.components) c.annotate(doc);
    return doc;
  }
}
