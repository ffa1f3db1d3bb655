/**
 * WARC file → articles, for `eventwire ingest x.warc.gz`: HTTP 200 responses
 * with an HTML (or XHTML) payload are decoded (HTTP charset, meta, BOM),
 * extracted and turned into articles; redirects, errors and non-HTML payloads
 * are reported as skipped (counted, not stored); bad records are failures.
 * Every item carries the record's offset and the offset to resume from, so the
 * caller can commit `nextOffset` with the article and restart there after a crash.
 */
import type { Article, InputFailure } from "../../model/index.js";
import { htmlToArticle } from "../html/article.js";
import { readWarc, type WarcReadOptions } from "./read.js";

export type WarcArticleItem =
  | { kind: "article"; article: Article; warnings: InputFailure[]; offset: number; nextOffset: number }
  | { kind: "failure"; failure: InputFailure; offset: number; nextOffset: number }
  | { kind: "skipped"; input: string; reason: string; offset: number; nextOffset: number };

export async function* readWarcArticles(file: string, opts: WarcReadOptions = {}): AsyncGenerator<WarcArticleItem> {
  for await (const rec of readWarc(file, opts)) {
    if (rec.kind === "failure") {
      yield { kind: "failure", failure: { input: `${file}@${rec.offset}`, reason: rec.reason, severity: "error" }, offset: rec.offset, nextOffset: rec.nextOffset };
      continue;
    }
    const input = `${file}@${rec.offset} ${rec.targetUri ?? ""}`.trim();
    const at = { offset: rec.offset, nextOffset: rec.nextOffset };
    if (rec.status !== null && (rec.status < 200 || rec.status >= 300)) {
      yield { kind: "skipped", input, reason: `HTTP ${rec.status}`, ...at };
      continue;
    }
    const ct = (rec.contentType ?? "").toLowerCase();
    if (ct && !/html|xml/.test(ct)) {
      yield { kind: "skipped", input, reason: `not HTML (${rec.contentType})`, ...at };
      continue;
    }
    const r = htmlToArticle(rec.body, input, { url: rec.targetUri, source: `${file}@${rec.offset}`, contentType: rec.contentType, fallbackDate: rec.date ? rec.date.slice(0, 10) : null });
    if (!r.ok) yield { kind: "failure", failure: r.failure, ...at };
    else yield { kind: "article", article: r.article, warnings: r.warnings, ...at };
  }
}
