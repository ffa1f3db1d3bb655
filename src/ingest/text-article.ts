import type { Article, LanguageGuess } from "../model/index.js";
import { articleId } from "./article-id.js";

export interface ArticleMeta {
  url?: string | null;
  source?: string | null;
  published?: string | null;
  title?: string | null;
  language?: string | null;
  languageGuess?: LanguageGuess | null;
}

/**
 * Builds an Article from plain text. The first line is the title when a
 * blank line follows it; the text is kept exactly as read, title included,
 * so every span points into what the user gave us.
 */
export function textArticle(text: string, meta: ArticleMeta = {}): Article {
  let title = meta.title ?? null;
  if (title === null) {
    const m = /^[ \t]*([^\n]{1,300}?)[ \t]*\r?\n[ \t]*\r?\n/.exec(text);
    if (m) title = m[1];
  }
  const url = meta.url ?? null;
  return {
    id: articleId(text, url),
    title,
    published: meta.published ?? null,
    url,
    source: meta.source ?? null,
    language: meta.language ?? null,
    ...(meta.languageGuess ? { languageGuess: meta.languageGuess } : {}),
    text,
  };
}

/** Length of the title line plus its blank line, where the body begins. */
export function bodyStart(article: Article): number {
  if (!article.title) return 0;
  const i = article.text.indexOf(article.title);
  if (i < 0 || i > 10) return 0;
  const m = /\r?\n[ \t]*\r?\n/.exec(article.text.slice(i + article.title.length));
  return m ? i + article.title.length + m.index + m[0].length : 0;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Accepts YYYY-MM-DD or anything Date parses; returns YYYY-MM-DD or null. */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const v = value.trim();
  if (DATE.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
