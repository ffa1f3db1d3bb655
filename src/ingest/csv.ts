/**
 * CSV (and TSV) input with a field mapping, plus the mapping helpers that
 * JSONL input shares.
 *
 * `--map text=body,date=published,id=guid` says: our field `text` is read from
 * the column (or JSON key) `body`, and so on. Our fields: id, text, title,
 * date, url, language, source. Without a mapping, columns named like our
 * fields (case-insensitive; also "body"/"content" for text, "published" for
 * date, "headline" for title, "link" for url) are used.
 *
 * The parser is an RFC 4180 state machine over a stream: quoted fields may hold
 * commas, doubled quotes and newlines; a BOM is dropped; CRLF or LF line ends.
 * A bad row (unterminated quote at end of file, missing text) is one failure
 * naming file:line; the other rows go on.
 */
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import type { Article, InputFailure } from "../model/index.js";
import { textArticle, normaliseDate } from "./text-article.js";

export const OUR_FIELDS = ["id", "text", "title", "date", "url", "language", "source"] as const;
export type OurField = (typeof OUR_FIELDS)[number];
export type FieldMap = Partial<Record<OurField, string>>;

const DEFAULT_NAMES: Record<OurField, string[]> = {
  id: ["id", "guid", "uid", "article_id"],
  text: ["text", "body", "content", "article", "maintext", "story"],
  title: ["title", "headline"],
  date: ["date", "published", "date_publish", "publish_date", "pubdate", "datetime"],
  url: ["url", "link", "uri"],
  language: ["language", "lang"],
  source: ["source", "source_domain", "site", "outlet"],
};

/** Parses "text=body,date=published". Throws on an unknown field of ours (a typo must not pass silently). */
export function parseFieldMap(spec: string | null | undefined): FieldMap {
  const map: FieldMap = {};
  if (!spec) return map;
  for (const part of spec.split(",")) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    if (eq <= 0) throw new Error(`bad --map entry "${part}": expected FIELD=COLUMN`);
    const ours = part.slice(0, eq).trim() as OurField;
    if (!OUR_FIELDS.includes(ours)) throw new Error(`bad --map entry "${part}": unknown field "${ours}" (fields: ${OUR_FIELDS.join(", ")})`);
    map[ours] = part.slice(eq + 1).trim();
  }
  return map;
}

/** For each of our fields, the column index in `header` (or -1). */
export function resolveColumns(header: string[], map: FieldMap): Record<OurField, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out = {} as Record<OurField, number>;
  for (const f of OUR_FIELDS) {
    const explicit = map[f];
    if (explicit !== undefined) out[f] = lower.indexOf(explicit.toLowerCase());
    else out[f] = DEFAULT_NAMES[f].map((n) => lower.indexOf(n)).find((i) => i >= 0) ?? -1;
  }
  return out;
}

/** Applies a mapping to a JSON record (JSONL input): returns the record with our field names. */
export function applyFieldMap(rec: Record<string, unknown>, map: FieldMap): Record<string, unknown> {
  const out: Record<string, unknown> = { ...rec };
  for (const f of OUR_FIELDS) {
    const from = map[f];
    if (from !== undefined) out[f] = rec[from];
  }
  return out;
}

/** Incremental RFC 4180 parser: push text chunks, get complete rows with their starting line numbers. */
export class CsvParser {
  private field = "";
  private row: string[] = [];
  private inQuotes = false;
  private quotePending = false;
  private line = 1;
  private rowLine = 1;
  private started = false;
  constructor(private readonly delimiter = ",") {}

  push(chunk: string, onRow: (row: string[], line: number) => void): void {
    const d = this.delimiter;
    let s = chunk;
    if (!this.started) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // closing quote; fall through to handle c
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (c === "\n") this.line++;
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === "") {
        this.inQuotes = true;
      } else if (c === d) {
        this.row.push(this.field);
        this.field = "";
      } else if (c === "\n") {
        this.row.push(this.field.endsWith("\r") ? this.field.slice(0, -1) : this.field);
        this.field = "";
        onRow(this.row, this.rowLine);
        this.row = [];
        this.line++;
        this.rowLine = this.line;
      } else {
        this.field += c;
      }
    }
  }

  /** Flushes the last row; returns an error message when the input ended inside a quoted field. */
  end(onRow: (row: string[], line: number) => void): string | null {
    if (this.inQuotes && !this.quotePending) return `unterminated quoted field starting on line ${this.rowLine}`;
    if (this.field !== "" || this.row.length) {
      this.row.push(this.field.endsWith("\r") ? this.field.slice(0, -1) : this.field);
      onRow(this.row, this.rowLine);
    }
    this.row = [];
    this.field = "";
    return null;
  }
}

export type CsvItem = { kind: "article"; article: Article; warnings: InputFailure[] } | { kind: "failure"; failure: InputFailure };

export interface CsvOptions {
  map?: FieldMap;
  /** Default: "\t" for .tsv files, else ",". */
  delimiter?: string;
  /** Per-row size limit in bytes (default 10 MB). */
  maxBytes?: number;
  /** Date for rows without one. */
  date?: string | null;
}

/** Streams a CSV file into articles, one failure per bad row. Never throws. */
export async function* readCsv(file: string, opts: CsvOptions = {}): AsyncGenerator<CsvItem> {
  const delimiter = opts.delimiter ?? (/\.tsv$/i.test(file) ? "\t" : ",");
  const parser = new CsvParser(delimiter);
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  let header: string[] | null = null;
  let cols: Record<OurField, number> | null = null;
  const pending: CsvItem[] = [];
  const fail = (input: string, reason: string): CsvItem => ({ kind: "failure", failure: { input, reason, severity: "error" } });
  const onRow = (row: string[], line: number) => {
    if (!header) {
      header = row;
      cols = resolveColumns(header, opts.map ?? {});
      if (cols.text < 0) pending.push(fail(file, `no text column (header: ${header.join(", ")}); use --map text=COLUMN`));
      return;
    }
    if (!cols || cols.text < 0) return;
    if (row.length === 1 && row[0].trim() === "") return; // blank line
    const input = `${file}:${line}`;
    if (row.length !== header.length) {
      pending.push(fail(input, `row has ${row.length} fields, header has ${header.length}`));
      return;
    }
    const get = (f: OurField) => (cols![f] >= 0 ? row[cols![f]] : "");
    const text = get("text");
    if (!text.trim()) {
      pending.push(fail(input, "empty text"));
      return;
    }
    if (Buffer.byteLength(text) > maxBytes) {
      pending.push(fail(input, `too large: over ${maxBytes} bytes`));
      return;
    }
    if (text.includes("\u0000")) {
      pending.push(fail(input, "binary content (NUL characters), not text"));
      return;
    }
    const str = (v: string) => (v.trim() ? v.trim() : null);
    const article = textArticle(text, {
      title: str(get("title")),
      url: str(get("url")),
      published: normaliseDate(get("date")) ?? opts.date ?? null,
      language: str(get("language")),
      source: str(get("source")) ?? `${resolve(file)}:${line}`,
    });
    const id = str(get("id"));
    if (id !== null) article.externalId = id;
    pending.push({ kind: "article", article, warnings: [] });
  };
  try {
    const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.push(chunk, onRow);
      while (pending.length) yield pending.shift()!;
    }
    const err = parser.end(onRow);
    while (pending.length) yield pending.shift()!;
    if (err) yield fail(file, err);
    if (!header) yield fail(file, "empty CSV file");
  } catch (err) {
    while (pending.length) yield pending.shift()!;
    yield fail(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
