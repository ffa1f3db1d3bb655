import type { Article } from "./article.js";
import type { Doc } from "./doc.js";
import type { Entity } from "./entity.js";
import type { Event } from "./event.js";
import type { Quote } from "./quote.js";

export const ANALYSIS_SCHEMA = "eventwire/analysis@1";

/** The analysis document written by `analyze` (schema eventwire/analysis@1). */
export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  article: Omit<Article, "externalId">;
  sentences: { index: number; start: number; end: number; text: string }[];
  entities: Entity[];
  events: Event[];
  quotes: Quote[];
  warnings?: string[];
  dateNote?: string;
}

export function toAnalysis(doc: Doc): Analysis {
  const a = doc.article;
  const out: Analysis = {
    schema: ANALYSIS_SCHEMA,
    article: {
      id: a.id,
      title: a.title,
      published: a.published,
      url: a.url,
      source: a.source,
      language: a.language,
      text: a.text,
    },
    sentences: doc.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })),
    entities: doc.entities,
    events: doc.events,
    quotes: doc.quotes,
  };
  if (doc.warnings.length) out.warnings = doc.warnings.map((w) => `${w.input}: ${w.reason}`);
  if (doc.dateNote) out.dateNote = doc.dateNote;
  return out;
}
