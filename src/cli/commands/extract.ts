import { createInterface } from "node:readline";
import { open, stat } from "node:fs/promises";
import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { decodeHtml } from "../../ingest/html/charset.js";
import { extractArticle, type ExtractedArticle } from "../../ingest/html/extract.js";
import { readWarc } from "../../ingest/warc/read.js";

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const usage = `Usage: eventwire extract FILE... [options]
       eventwire extract --jsonl [options] < pages.jsonl

Pulls the article out of web pages: main text (no navigation, ads, related
links, captions), title, byline, published date, canonical URL, site name and
language. Prints one record per input:
  {"file"|"id", "url", "title", "byline", "published", "site", "language", "body"}
"body" is plain text, paragraphs separated by a blank line. Nothing is stored
(use 'eventwire ingest' for that).

Inputs:
  FILE...           .html/.htm files (any charset: BOM, <meta charset> or a
                    valid-UTF-8 guess), and .warc/.warc.gz archives (one record
                    per HTML response, with its "offset" in the archive)
  --jsonl           read JSONL from stdin instead, one {"id", "html", "url"?} per
                    line (the extraction benchmark's interface); output keeps "id"

Options:
  --format F        jsonl (default: one record per line) or json (an array,
                    or a single object for a single HTML file)
  --url URL         page URL for a single FILE (resolves relative links, dates in paths)
  --max-bytes N     refuse HTML files larger than N bytes (default ${DEFAULT_MAX_BYTES})

A bad input (unreadable, too large, not HTML, no article text) prints a record
with "error" and a one-line message on stderr; the others go on. Exit code 1
when any input failed.
`;

type Out = Record<string, unknown>;

function record(key: Out, ex: ExtractedArticle): Out {
  return { ...key, url: ex.url, title: ex.title, byline: ex.byline, published: ex.published, site: ex.site, language: ex.language, body: ex.body };
}

const command: Command = {
  name: "extract",
  summary: "pull the article text and metadata out of web pages (HTML, WARC)",
  usage,
  async run(args) {
    const { flags, positional } = parseFlags(args, { values: ["format", "url", "max-bytes"], booleans: ["jsonl"] });
    const format = (flags.get("format") as string | undefined) ?? "jsonl";
    if (format !== "json" && format !== "jsonl") throw new UsageError("--format must be json or jsonl");
    const maxBytes = flags.has("max-bytes") ? Number(flags.get("max-bytes")) : DEFAULT_MAX_BYTES;
    if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError("--max-bytes must be a positive number");
    const jsonl = flags.has("jsonl");
    if (!jsonl && positional.length === 0) throw new UsageError("give at least one FILE, or --jsonl");
    if (jsonl && positional.length) throw new UsageError("--jsonl reads stdin: give no FILE");
    const url = flags.get("url") as string | undefined;
    if (url && positional.length !== 1) throw new UsageError("--url applies to a single FILE");

    const out: Out[] = [];
    let failed = 0;
    const emit = (o: Out) => {
      if (format === "jsonl") process.stdout.write(JSON.stringify(o) + "\n");
      else out.push(o);
    };
    const fail = (key: Out, input: string, reason: string) => {
      failed++;
      process.stderr.write(`eventwire extract: ${input}: ${reason}\n`);
      emit({ ...key, error: reason });
    };
    const extractOne = (key: Out, input: string, html: string, pageUrl?: string | null) => {
      try {
        const ex = extractArticle(html, { url: pageUrl ?? undefined });
        if (!ex.body) fail(key, input, "no article text found in the HTML page");
        else emit(record(key, ex));
      } catch (err) {
        fail(key, input, `extraction failed: ${(err as Error).message}`);
      }
    };

    if (jsonl) {
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let n = 0;
      for await (const line of rl) {
        n++;
        if (!line.trim()) continue;
        let rec: Record<string, unknown>;
        try {
          rec = JSON.parse(line) as Record<string, unknown>;
          if (!rec || typeof rec !== "object" || Array.isArray(rec)) throw new Error("not a JSON object");
        } catch (err) {
          fail({ line: n }, `stdin:${n}`, `malformed JSON: ${(err as Error).message}`);
          continue;
        }
        const key = { id: rec.id ?? null };
        if (typeof rec.html !== "string") {
          fail(key, `stdin:${n}`, 'missing "html" string');
          continue;
        }
        extractOne(key, `stdin:${n}`, rec.html, typeof rec.url === "string" ? rec.url : null);
      }
    } else {
      for (const file of positional) {
        if (/\.warc(\.gz)?$/i.test(file)) {
          for await (const rec of readWarc(file)) {
            if (rec.kind === "failure") {
              fail({ file, offset: rec.offset }, `${file}@${rec.offset}`, rec.reason);
              continue;
            }
            if (rec.status !== 200 || (rec.contentType && !/html/i.test(rec.contentType))) continue;
            extractOne({ file, offset: rec.offset }, `${file}@${rec.offset}`, decodeHtml(rec.body, rec.contentType).text, rec.targetUri);
          }
          continue;
        }
        let bytes: Buffer;
        try {
          const st = await stat(file);
          if (st.isDirectory()) {
            fail({ file }, file, "is a folder (give HTML files)");
            continue;
          }
          if (st.size > maxBytes) {
            fail({ file }, file, `too large: ${st.size} bytes (limit ${maxBytes}, --max-bytes)`);
            continue;
          }
          const fh = await open(file, "r");
          try {
            bytes = await fh.readFile();
          } finally {
            await fh.close();
          }
        } catch (err) {
          fail({ file }, file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
          continue;
        }
        if (bytes.length === 0) {
          fail({ file }, file, "empty file");
          continue;
        }
        if (bytes.subarray(0, 8192).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
          fail({ file }, file, "binary content (NUL bytes), not HTML");
          continue;
        }
        extractOne({ file }, file, decodeHtml(bytes).text, url ?? null);
      }
    }
    if (format === "json") process.stdout.write(JSON.stringify(out.length === 1 && !jsonl && positional.length === 1 && !/\.warc/i.test(positional[0]) ? out[0] : out, null, 2) + "\n");
    return failed ? 1 : 0;
  },
};

export default command;
