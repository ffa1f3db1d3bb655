import { readdir, stat } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import type { Article, InputFailure } from "../model/index.js";
import { DEFAULT_MAX_BYTES, decodeText, readInputBytes } from "./read-file.js";
import { normaliseDate, textArticle } from "./text-article.js";
import { htmlToArticle } from "./html/article.js";
import { readWarc } from "./warc/read.js";
import { applyFieldMap, readCsv, type FieldMap } from "./csv.js";

/** One thing read from the inputs: an article to analyse, or a recorded failure. */
export type Ingested =
  | { kind: "article"; article: Article; warnings: InputFailure[]; checkpoint?: Checkpoint }
  | { kind: "failure"; failure: InputFailure; checkpoint?: Checkpoint };

/** Where a long input (a WARC file) may resume once this item is stored. */
export interface Checkpoint {
  input: string;
  nextOffset: number;
}

export interface SourceOptions {
  maxBytes?: number;
  /** Publication date for inputs that carry none (YYYY-MM-DD). */
  date?: string | null;
  /** Where to resume a long input (WARC) after an earlier, interrupted run. */
  resumeAt?: (input: string) => Promise<number>;
  /** Which CSV columns or JSONL keys hold our fields (--map text=body,date=published). */
  map?: FieldMap;
  /** Folders never walked into (the store's own data directory, when it sits among the inputs). */
  skipDirs?: string[];
}

/** The file kinds a folder walk reads; anything else inside a folder is reported, not read. */
export const INGESTIBLE = new Set([".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".warc", ".csv", ".tsv"]);

export function isWarc(file: string): boolean {
  return /\.warc(\.gz)?$/i.test(file);
}

const failure = (input: string, reason: string): Ingested => ({ kind: "failure", failure: { input, reason, severity: "error" } });

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);
const unreadable = (input: string, err: unknown, what = "cannot read") => ({ failure: { input, reason: `${what}: ${errorCode(err)}`, severity: "error" as const } });

/** Whether a folder walk picks up this file name (anything else inside a folder is passed over). */
export function isIngestible(name: string): boolean {
  return INGESTIBLE.has(extname(name).toLowerCase()) || isWarc(name);
}

/**
 * Every file under `paths`: a path named explicitly is always read; folders
 * are walked recursively (sorted, hidden entries skipped) for ingestible
 * files, and any other file is reported as a warning, not read.
 */
export async function* walkPaths(paths: string[], skipDirs: ReadonlySet<string> = new Set(), explicit = true): AsyncGenerator<{ file: string } | { failure: InputFailure }> {
  for (const p of paths) {
    if (skipDirs.has(resolve(p))) continue;
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      yield unreadable(p, err);
      continue;
    }
    if (!isDir) {
      if (explicit || isIngestible(p)) yield { file: p };
      // never dropped silently: a file of a kind we cannot read is named in the failures, as a warning
      else yield { failure: { input: p, reason: `not read: unsupported file type ${extname(p) || "(no extension)"}`, severity: "warning" } };
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(p)).filter((n) => !n.startsWith(".")).sort();
    } catch (err) {
      yield unreadable(p, err, "cannot list folder");
      continue;
    }
    yield* walkPaths(names.map((n) => join(p, n)), skipDirs, false);
  }
}

/** Reads every input under `paths` into articles, one failure per bad input, never throwing. */
export async function* readSources(paths: string[], opts: SourceOptions = {}): AsyncGenerator<Ingested> {
  for await (const item of walkPaths(paths, new Set((opts.skipDirs ?? []).map((d) => resolve(d))))) {
    if ("failure" in item) {
      yield { kind: "failure", failure: item.failure };
      continue;
    }
    const ext = extname(item.file).toLowerCase();
    if (ext === ".jsonl" || ext === ".ndjson") yield* readJsonl(item.file, opts);
    else if (isWarc(item.file)) yield* readWarcArticles(item.file, opts);
    else if (ext === ".csv" || ext === ".tsv") yield* readCsv(item.file, { map: opts.map, maxBytes: opts.maxBytes, date: opts.date });
    else yield await readDocumentFile(item.file, opts);
  }
}

/** A .txt (or, by content, HTML) file as one article. */
export async function readDocumentFile(file: string, opts: SourceOptions = {}): Promise<Ingested> {
  const raw = await readInputBytes(file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!raw.ok) return { kind: "failure", failure: raw.failure };
  const source = resolve(file);
  const published = opts.date ?? dateInFileName(file);
  if (looksLikeHtml(file, raw.bytes.subarray(0, 512).toString("latin1"))) return htmlArticle(file, raw.bytes, { source, published });
  const r = decodeText(file, raw.bytes);
  if (!r.ok) return { kind: "failure", failure: r.failure };
  return { kind: "article", article: textArticle(r.text, { source, published }), warnings: r.warnings };
}

const MIN_ARTICLE_WORDS = 8;

/** HTML by its extension, or by how the text begins (saved pages often end in .txt). */
export function looksLikeHtml(file: string, head: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === ".html" || ext === ".htm" || /^\s*(<!doctype html|<html[\s>])/i.test(head.slice(0, 512));
}

/** A menu or a cookie notice is not an article: a page needs at least a sentence's worth of text. */
const MIN_ARTICLE_CHARS = 40;

/** A web page (bytes, charset decoded here, or text) as one article or one failure. */
export function htmlArticle(input: string, page: string | Buffer, meta: { source: string | null; published: string | null; url?: string | null; contentType?: string | null }): Ingested {
  const r = htmlToArticle(page, input, { url: meta.url, source: meta.source, fallbackDate: meta.published, contentType: meta.contentType, minBodyChars: MIN_ARTICLE_CHARS });
  return r.ok ? { kind: "article", article: r.article, warnings: r.warnings } : { kind: "failure", failure: r.failure };
}

/**
 * The HTML pages archived in a WARC file (.warc or .warc.gz), streamed, each
 * with the checkpoint to resume after it. Records that are not successful
 * HTML responses (images, scripts, redirects) are passed over; broken
 * records are failures naming the file and byte offset.
 */
export async function* readWarcArticles(file: string, opts: SourceOptions = {}): AsyncGenerator<Ingested> {
  const input = resolve(file);
  const startOffset = (await opts.resumeAt?.(input)) ?? 0;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for await (const rec of readWarc(file, { startOffset })) {
    const checkpoint = { input, nextOffset: rec.nextOffset };
    const where = `${file}@${rec.offset}`;
    if (rec.kind === "failure") {
      yield { kind: "failure", failure: { input: where, reason: rec.reason, severity: "error" }, checkpoint };
      continue;
    }
    if (rec.status !== null && (rec.status < 200 || rec.status >= 300)) continue;
    if (!/html|xhtml/i.test(rec.contentType ?? "")) continue;
    if (rec.body.length > maxBytes) {
      yield { kind: "failure", failure: { input: where, reason: `too large: ${rec.body.length} bytes, limit ${maxBytes} (--max-bytes)`, severity: "error" }, checkpoint };
      continue;
    }
    const published = rec.date ? normaliseDate(rec.date) : null;
    const item = htmlArticle(where, rec.body, { source: where, published: opts.date ?? published, url: rec.targetUri, contentType: rec.contentType });
    yield { ...item, checkpoint };
  }
}

/** A date written into a file name (2017-04-12-un-veto.txt, 20170412_x.html), as saved-news folders often do. */
export function dateInFileName(file: string): string | null {
  const m = /(?:^|[^\d])((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(basename(file));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * JSONL, one {"id","text","date"?,"title"?,"url"?} per line. A bad line is a
 * failure naming the file and line number; the other lines go on. Streams the
 * file, so its size is unbounded while each line obeys the per-article limit.
 */
export async function* readJsonl(file: string, opts: SourceOptions = {}): AsyncGenerator<Ingested> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let stream;
  try {
    stream = createReadStream(file);
    await new Promise<void>((ok, ko) => stream!.once("open", () => ok()).once("error", ko));
  } catch (err) {
    yield failure(file, `cannot read: ${errorCode(err)}`);
    return;
  }
  let n = 0;
  try {
    for await (const raw of byteLines(stream, maxBytes)) {
      n++;
      const input = `${file}:${n}`;
      if (raw === null) {
        yield failure(input, `too large: over ${maxBytes} bytes (--max-bytes)`);
        continue;
      }
      if (raw.toString("latin1").trim() === "") continue;
      const decoded = decodeText(input, raw);
      if (!decoded.ok) {
        yield { kind: "failure", failure: decoded.failure };
        continue;
      }
      const item = parseJsonlRecord(decoded.text, input, maxBytes, opts.date ?? null, opts.map);
      if (item.kind === "article") {
        if (!item.article.source) item.article.source = `${resolve(file)}:${n}`;
        item.warnings.push(...decoded.warnings);
      }
      yield item;
    }
  } catch (err) {
    yield failure(`${file}:${n + 1}`, `read error: ${(err as Error).message}`);
  }
}

/**
 * The lines of a byte stream, as bytes, so each line's UTF-8 is checked on
 * its own (a bad byte warns about that line only). A line longer than
 * `maxBytes` is yielded as null and never held whole in memory.
 */
async function* byteLines(stream: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  for await (const chunk of stream) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl);
      if (!tooLong && size + piece.length <= maxBytes) parts.push(piece);
      yield tooLong || size + piece.length > maxBytes ? null : trimCr(Buffer.concat(parts));
      parts = [];
      size = 0;
      tooLong = false;
      from = nl + 1;
    }
    const rest = chunk.subarray(from);
    size += rest.length;
    if (size > maxBytes) {
      tooLong = true;
      parts = [];
    } else if (rest.length) parts.push(rest);
  }
  if (tooLong) yield null;
  else if (size > 0) yield trimCr(Buffer.concat(parts));
}

const trimCr = (b: Buffer) => (b.length && b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b);

/** One JSONL record to an article; `input` names it in errors (file:line or "stdin:N"). */
export function parseJsonlRecord(line: string, input: string, maxBytes: number, date: string | null, map?: FieldMap): Ingested {
  if (Buffer.byteLength(line) > maxBytes) return failure(input, `too large: over ${maxBytes} bytes (--max-bytes)`);
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return failure(input, `malformed JSON: ${(err as Error).message}`);
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) return failure(input, "not a JSON object");
  const r = map ? applyFieldMap(rec as Record<string, unknown>, map) : (rec as Record<string, unknown>);
  if (typeof r.text !== "string" || r.text.trim() === "") return failure(input, 'missing or empty "text"');
  if (r.text.includes("\u0000")) return failure(input, "binary content (NUL characters), not text");
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  const article = textArticle(r.text, {
    title: str(r.title),
    url: str(r.url),
    published: normaliseDate(r.date ?? r.published) ?? date,
    language: str(r.language),
    source: str(r.source),
  });
  article.externalId = r.id === undefined || r.id === null ? null : String(r.id);
  return { kind: "article", article, warnings: [] };
}
