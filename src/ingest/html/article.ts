/**
 * One web page (bytes or text) to an Article, for every HTML source (files,
 * WARC records, fetched feed items): decode the charset, extract, and build
 * the text as "title\n\nbody" so the title line convention of text files holds.
 * A page with no article text is a failure, not an empty article.
 */
import type { Article, InputFailure } from "../../model/index.js";
import { textArticle } from "../text-article.js";
import { decodeHtml } from "./charset.js";
import { extractArticle, type ExtractedArticle } from "./extract.js";

export interface HtmlArticleOptions {
  /** The page's URL (fetch URL or WARC-Target-URI). */
  url?: string | null;
  /** Where it came from, e.g. "file.warc.gz@12345" or a feed URL. */
  source?: string | null;
  /** HTTP Content-Type header, when known (charset). */
  contentType?: string | null;
  /** Used when the page states no date (e.g. the WARC-Date or the feed item's date). */
  fallbackDate?: string | null;
  /** Bodies shorter than this (characters) count as "no article". Default 1. */
  minBodyChars?: number;
}

export type HtmlArticleResult =
  | { ok: true; article: Article; extracted: ExtractedArticle; warnings: InputFailure[] }
  | { ok: false; failure: InputFailure };

export function htmlToArticle(page: string | Buffer, input: string, opts: HtmlArticleOptions = {}): HtmlArticleResult {
  const warnings: InputFailure[] = [];
  let html: string;
  if (typeof page === "string") html = page;
  else {
    const d = decodeHtml(page, opts.contentType);
    html = d.text;
    if (d.warning) warnings.push({ input, reason: d.warning, severity: "warning" });
  }
  let ex: ExtractedArticle;
  try {
    ex = extractArticle(html, { url: opts.url ?? undefined });
  } catch (err) {
    return { ok: false, failure: { input, reason: `HTML extraction failed: ${(err as Error).message}`, severity: "error" } };
  }
  if (ex.body.trim().length < (opts.minBodyChars ?? 1)) return { ok: false, failure: { input, reason: "no article text found in the HTML page", severity: "error" } };
  const text = ex.title && !ex.body.startsWith(ex.title) ? `${ex.title}\n\n${ex.body}` : ex.body;
  const article = textArticle(text, {
    title: ex.title,
    url: ex.url ?? opts.url ?? null,
    source: opts.source ?? input,
    published: ex.published ?? opts.fallbackDate ?? null,
    language: ex.language,
    languageGuess: ex.languageGuess,
  });
  return { ok: true, article, extracted: ex, warnings };
}
