/**
 * `npm run bench -- quotes [--split dev|train] [--limit N] [--no-record]`
 *
 * Runs the analysis (tokenizer/tagger/parser when present, entities when
 * present, then the quote component) over PolNeAR
 * (../shared/gold/quotes/polnear.SPLIT.jsonl.gz), converts the quotes to the
 * prediction format of ../shared/eval/score-quotes.mjs
 * ({"id","quotes":[{"start","end","fragments"?,"speaker":{"start","end","text"}|null}]}),
 * scores them (F1 at 0.3 and 0.8 overlap, speaker accuracy) and appends the
 * result to docs/BENCHMARKS.md. Predictions go to bench/out/ (git-ignored).
 * PolNeAR texts are read at run time only and never written into the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { Doc, type Component } from "../src/model/index.js";
import { SimpleTokenizer } from "../src/nlp/tokenizer.js";
import { createQuoteComponent } from "../src/extract/quotes/index.js";
import { REPO, SHARED, recordBenchmark, runScorer } from "./lib/record.js";

interface GoldArticle {
  id: string;
  text: string;
  date?: string;
}

/** Loads a module that another stage may not have merged yet; null when absent. */
async function optionalImport(rel: string): Promise<Record<string, unknown> | null> {
  const url = new URL(rel, import.meta.url);
  if (!existsSync(url)) return null;
  return (await import(url.href)) as Record<string, unknown>;
}

/** The components that run before quotes: the best NLP and entity stages present in this build. */
export async function upstreamComponents(): Promise<{ components: Component[]; notes: string[] }> {
  const notes: string[] = [];
  const components: Component[] = [];
  const nlp = await optionalImport("../src/nlp/index.js");
  if (nlp && typeof nlp.createNlpComponents === "function") {
    const made = await (nlp.createNlpComponents as () => Component[] | Promise<Component[]>)();
    components.push(...made);
    notes.push(`nlp: ${made.map((c) => c.name).join("+")}`);
  } else {
    components.push(new SimpleTokenizer());
    notes.push("nlp: first tokenizer only (no tagger/parser in this build)");
  }
  const ent = await optionalImport("../src/extract/entities/index.js");
  const act = await optionalImport("../src/extract/actors/index.js");
  if (ent && typeof ent.createEntityComponent === "function") {
    const lex = act && typeof act.loadActorLexicon === "function" ? await (act.loadActorLexicon as () => unknown)() : undefined;
    components.push(await (ent.createEntityComponent as (l: unknown) => Component | Promise<Component>)(lex));
    notes.push("entities: yes");
  } else notes.push("entities: absent");
  return { components, notes };
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
  const { components, notes } = await upstreamComponents();
  const quotes = createQuoteComponent();
  const lines: string[] = [];
  let words = 0;
  let quoteMs = 0;
  const t0 = performance.now();
  for (const g of articles) {
    const doc = new Doc({ id: String(g.id), title: null, published: g.date ?? null, url: null, source: "polnear", language: "en", text: g.text });
    try {
      for (const c of components) c.annotate(doc);
      const q0 = performance.now();
      quotes.annotate(doc);
      quoteMs += performance.now() - q0;
    } catch (e) {
      process.stderr.write(`bench quotes: article ${g.id}: ${(e as Error).message}\n`);
    }
    words += doc.tokens.count;
    lines.push(JSON.stringify({
      id: String(g.id),
      quotes: doc.quotes.map((q) => ({
        start: q.start,
        end: q.end,
        ...(q.fragments ? { fragments: q.fragments } : {}),
        speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: doc.text.slice(q.speaker.start, q.speaker.end) } : null,
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
