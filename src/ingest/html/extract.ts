/**
 * HTML article extraction: the main text of a web page plus its metadata.
 *
 * Body: @mozilla/readability's candidate over a linkedom DOM, cleaned of
 * boilerplate, as the first version (see docs/BENCHMARKS.md for F1).
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { domToParagraphs, type DomNode } from "./dom-text.js";
import { extractMetadata, type QueryableDoc } from "./metadata.js";

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  /** canonical URL */
  url: string | null;
  site: string | null;
  language: string | null;
  /** plain text, paragraphs separated by "\n\n" */
  body: string;
}

export interface ExtractOptions {
  /** The URL the page was fetched from (resolves relative canonical links, dates in paths). */
  url?: string;
}

/** Parses HTML into a linkedom document; a fragment without <html> is wrapped so it still parses. */
export function parseDocument(html: string): QueryableDoc & Document {
  const src = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(src).document as unknown as QueryableDoc & Document;
}

export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const doc = parseDocument(html);
  const meta = extractMetadata(doc, opts.url ?? null);
  let body = "";
  try {
    const r = new Readability<DomNode>(doc as unknown as Document, { serializer: (n) => n as unknown as DomNode }).parse();
    if (r?.content) body = domToParagraphs(r.content).join("\n\n");
  } catch {
    body = "";
  }
  return { ...meta, body };
}
