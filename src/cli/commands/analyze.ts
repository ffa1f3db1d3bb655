import { createInterface } from "node:readline";
import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { toAnalysis } from "../../model/index.js";
import { DEFAULT_MAX_BYTES, decodeText } from "../../ingest/read-file.js";
import { htmlArticle, looksLikeHtml, parseJsonlRecord, readDocumentFile, type Ingested } from "../../ingest/sources.js";
import { normaliseDate, textArticle } from "../../ingest/text-article.js";
import { parseFieldMap, type FieldMap } from "../../ingest/csv.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { LEXICON_FLAGS, LEXICON_USAGE, lexiconOptions } from "../lexicon-flags.js";
import { renderAnalysisText } from "../../api/render.js";
import { problemLine } from "../run-control.js";

const usage = `Usage: eventwire analyze FILE|- [options]
       eventwire analyze --jsonl < articles.jsonl > analyses.jsonl

Analyses one article and prints its analysis (schema eventwire/analysis@1).
A plain-text file's first line is the title when a blank line follows it; an HTML
page (.html/.htm, or text starting with <html) is reduced to its article first.
Every start/end in the output is an offset into article.text.

Options:
  --date YYYY-MM-DD   publication date of the article (resolves "Wednesday", "last week")
  --format json|text  json (default): the analysis document; text: a readable summary
  --jsonl             read JSONL from stdin, one {"id","text","date"?,"title"?,"url"?} per line,
                      and write one analysis per line carrying the same "id" (models load once).
                      A bad line gives {"id","error"} on stdout and a one-line error on stderr.
  --map FIELDS        with --jsonl: which keys hold our fields, e.g. text=body,date=published,id=guid
${LEXICON_USAGE}
  --max-bytes N       refuse articles larger than N bytes (default ${DEFAULT_MAX_BYTES})
`;

const command: Command = {
  name: "analyze",
  summary: "analyse one article (or JSONL on stdin) and print events, quotes and entities",
  usage,
  async run(args) {
    const { flags, multi, positional } = parseFlags(args, { values: ["date", "format", "max-bytes", "map"], booleans: ["jsonl"], repeatable: LEXICON_FLAGS });
    const format = (flags.get("format") as string | undefined) ?? "json";
    if (format !== "json" && format !== "text") throw new UsageError(`--format must be json or text, not ${format}`);
    const date = flags.has("date") ? normaliseDate(flags.get("date")) : null;
    if (flags.has("date") && !date) throw new UsageError(`--date must be YYYY-MM-DD`);
    const maxBytes = flags.has("max-bytes") ? Number(flags.get("max-bytes")) : DEFAULT_MAX_BYTES;
    if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError("--max-bytes must be a positive number");
    const pipeline = new Pipeline(lexiconOptions(multi));

    let map;
    try {
      map = parseFieldMap(flags.get("map") as string | undefined);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (flags.has("jsonl")) return analyzeJsonl(pipeline, date, maxBytes, format, map);
    if (positional.length !== 1) throw new UsageError("give one FILE, or - for stdin, or --jsonl");
    const input = positional[0];
    let item: Ingested;
    if (input === "-") {
      const bytes = await readAll(maxBytes);
      const r = decodeText("stdin", bytes);
      if (!r.ok) item = { kind: "failure", failure: r.failure };
      else if (looksLikeHtml("stdin", r.text)) item = htmlArticle("stdin", bytes, { source: "stdin", published: date });
      else item = { kind: "article", article: textArticle(r.text, { published: date, source: "stdin" }), warnings: r.warnings };
    } else item = await readDocumentFile(input, { maxBytes, date });
    if (item.kind === "failure") {
      process.stderr.write(problemLine(item.failure));
      return 1;
    }
    for (const w of item.warnings) process.stderr.write(problemLine(w));
    const analysis = toAnalysis(pipeline.analyze(item.article, item.warnings));
    process.stdout.write(format === "text" ? renderAnalysisText(analysis) : JSON.stringify(analysis, null, 2) + "\n");
    return 0;
  },
};

async function analyzeJsonl(pipeline: Pipeline, date: string | null, maxBytes: number, format: string, map: FieldMap): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let failed = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(""));
    out.length = 0;
  };
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    const item = parseJsonlRecord(line, `stdin:${n}`, maxBytes, date, map);
    if (item.kind === "failure") {
      failed++;
      process.stderr.write(problemLine(item.failure));
      out.push(JSON.stringify({ id: idOf(line), error: item.failure.reason, line: n }) + "\n");
      continue;
    }
    try {
      const analysis = toAnalysis(pipeline.analyze(item.article));
      const id = item.article.externalId ?? item.article.id;
      out.push(format === "text" ? `# ${id}\n${renderAnalysisText(analysis)}` : JSON.stringify({ id, ...analysis }) + "\n");
    } catch (err) {
      failed++;
      const reason = `analysis failed: ${(err as Error).message}`;
      process.stderr.write(`eventwire: stdin:${n}: ${reason}\n`);
      out.push(JSON.stringify({ id: item.article.externalId ?? null, error: reason, line: n }) + "\n");
    }
    if (out.length >= 64) flush();
  }
  flush();
  return failed > 0 && failed === n ? 1 : 0;
}

/** The "id" of a malformed line when it can still be read, so outputs stay aligned. */
function idOf(line: string): string | null {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/.exec(line);
  if (!m) return null;
  try {
    return String(JSON.parse(m[1]));
  } catch {
    return null;
  }
}

async function readAll(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new UsageError(`stdin: too large: over ${maxBytes} bytes (--max-bytes)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export default command;
