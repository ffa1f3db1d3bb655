/**
 * `npm run bench -- quotes [--split dev|train] [--limit N] [--no-record]`
 *
 * Runs the analysis exactly as `eventwire analyze --jsonl` does (each
 * PolNeAR article given as one {"id","text","date","title"} JSONL record,
 * read by the same parser, analysed by the same Pipeline, turned into the
 * same analysis@1 document) over ../shared/gold/quotes/polnear.SPLIT.jsonl.gz,
 * converts the analysis quotes to the prediction format of
 * ../shared/eval/score-quotes.mjs
 * ({"id","quotes":[{"start","end","fragments"?,"speaker":{"start","end","text"}|null}]}),
 * scores them (F1 at 0.3 and 0.8 overlap, speaker accuracy) and appends the
 * result to docs/BENCHMARKS.md. Everything runs in this process (models
 * loaded once). Predictions go to bench/out/ (git-ignored). PolNeAR texts are
 * read at run time only and never written into the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { toAnalysis } from "../src/model/index.js";
import { parseJsonlRecord } from "../src/ingest/sources.js";
import { DEFAULT_MAX_BYTES } from "../src/ingest/read-file.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { REPO, SHARED, recordBenchmark, runScorer } from "./lib/record.js";

interface GoldArticle {
  id: string;
  text: string;
  date?: string;
  title?: string;
}

export async function run(args: string[]): Promise<void> {
  let split = "dev";
  let limit = Infinity;
  let record = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--split") split = args[++i] ?? "dev";
    else if (a === "--limit") limit = Number(args[++i]);
    else if (a === "--no-record") record = false;
    else if (a === "--help" || a === "-h") {
      process.stdout.write("usage: npm run bench -- quotes [--split dev|train] [--limit N] [--no-record]\n" +
        "  --split     PolNeAR split to score (dev is the reported number; train is for development)\n" +
        "  --limit     score only the first N articles (development)\n" +
        "  --no-record do not append to docs/BENCHMARKS.md\n");
      return;
    } else {
      process.stderr.write(`bench quotes: unknown argument ${a}\n`);
      process.exitCode = 2;
      return;
    }
  }
  if (split !== "dev" && split !== "train") {
    process.stderr.write(`bench quotes: --split must be dev or train (test is held out), got ${split}\n`);
    process.exitCode = 2;
    return;
  }
  const goldPath = join(SHARED, "gold", "quotes", `polnear.${split}.jsonl.gz`);
  if (!existsSync(goldPath)) {
    process.stderr.write(`bench quotes: ${goldPath}: not found (the shared gold data is needed)\n`);
    process.exitCode = 1;
    return;
  }
  const gold = gunzipSync(readFileSync(goldPath)).toString("utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldArticle);
  const articles = gold.slice(0, Number.isFinite(limit) ? limit : gold.length);
  const pipeline = new Pipeline();
  const quoteStage = pipeline.components.find((c) => c.name === "quotes");
  const notes = [`analysis: ${pipeline.components.map((c) => c.name).join(" → ")} (as analyze --jsonl)`];
  // time the quote component on its own as well
  let quoteMs = 0;
  if (quoteStage) {
    const annotate = quoteStage.annotate.bind(quoteStage);
    quoteStage.annotate = (doc) => {
      const q0 = performance.now();
      annotate(doc);
      quoteMs += performance.now() - q0;
    };
  }
  const lines: string[] = [];
  let words = 0;
  const t0 = performance.now();
  for (const g of articles) {
    // only what analyze --jsonl receives: never the gold attributions
    const record = JSON.stringify({ id: String(g.id), text: g.text, date: g.date, title: g.title });
    const item = parseJsonlRecord(record, `polnear:${g.id}`, DEFAULT_MAX_BYTES, null);
    let quotes: { start: number; end: number; fragments?: { start: number; end: number }[]; speaker: { start: number; end: number } | null }[] = [];
    if (item.kind === "failure") process.stderr.write(`bench quotes: ${item.failure.input}: ${item.failure.reason}\n`);
    else {
      try {
        const doc = pipeline.analyze(item.article);
        words += doc.tokens.count;
        quotes = toAnalysis(doc).quotes;
      } catch (e) {
        process.stderr.write(`bench quotes: article ${g.id}: ${(e as Error).message}\n`);
      }
    }
    lines.push(JSON.stringify({
      id: String(g.id),
      quotes: quotes.map((q) => ({
        start: q.start,
        end: q.end,
        ...(q.fragments ? { fragments: q.fragments } : {}),
        speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: g.text.slice(q.speaker.start, q.speaker.end) } : null,
      })),
    }));
  }
  const totalMs = performance.now() - t0;
  const outDir = join(REPO, "bench", "out");
  mkdirSync(outDir, { recursive: true });
  const predPath = join(outDir, `quotes.${split}.pred.jsonl`);
  writeFileSync(predPath, lines.join("\n") + "\n");
  let goldForScorer = goldPath;
  if (articles.length < gold.length) {
    goldForScorer = join(outDir, `quotes.${split}.gold-subset.jsonl`);
    writeFileSync(goldForScorer, articles.map((a) => JSON.stringify(a)).join("\n") + "\n");
  }
  const res = runScorer("score-quotes.mjs", [goldForScorer, predPath]) as {
    gold_quotes: number;
    pred_quotes: number;
    thresholds: Record<string, { precision: number; recall: number; f1: number; speaker_accuracy: number | null }>;
  };
  const t3 = res.thresholds["0.3"];
  const t8 = res.thresholds["0.8"];
  const pct = (x: number | null) => (x == null ? "-" : (100 * x).toFixed(1));
  const out = [
    `PolNeAR ${split} (${articles.length} articles, ${res.gold_quotes} gold attributions, ${res.pred_quotes} predicted), scored with ../shared/eval/score-quotes.mjs; ${notes.join("; ")}.`,
    "",
    "| overlap | P | R | F1 | speaker acc. |",
    "|---|---|---|---|---|",
    `| 0.3 | ${pct(t3.precision)} | ${pct(t3.recall)} | **${pct(t3.f1)}** | ${pct(t3.speaker_accuracy)} |`,
    `| 0.8 | ${pct(t8.precision)} | ${pct(t8.recall)} | **${pct(t8.f1)}** | ${pct(t8.speaker_accuracy)} |`,
    "",
    `Targets: F1 >= 70.0 @0.3, >= 60.0 @0.8, speaker accuracy >= 85.0. Speed: quote component ${Math.round(words / (quoteMs / 1000))} tokens/s; whole run ${(totalMs / 1000).toFixed(1)} s.`,
  ];
  if (record && split === "dev" && articles.length === gold.length) recordBenchmark("quotes", out);
  else process.stdout.write(out.join("\n") + "\n");
}
