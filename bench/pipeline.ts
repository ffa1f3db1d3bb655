/**
 * `npm run bench -- pipeline`: whole-analysis throughput (sentences and
 * words per second on one core, median of 5 runs) and store write rate on
 * embedded PGlite, on the seed article and the bundled samples.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { textArticle } from "../src/ingest/text-article.js";
import { Store } from "../src/store/store.js";
import { REPO, SHARED, median, recordBenchmark } from "./lib/record.js";

export async function run(): Promise<void> {
  const texts: string[] = [];
  const seed = join(SHARED, "seed", "000_eb4c6554eca64faa.txt");
  if (existsSync(seed)) texts.push(readFileSync(seed, "utf8"));
  const samples = join(REPO, "samples");
  for (const f of readdirSync(samples).sort()) texts.push(readFileSync(join(samples, f), "utf8"));

  const t0 = performance.now();
  const pipeline = new Pipeline();
  const loadMs = performance.now() - t0;
  const articles = texts.map((t) => textArticle(t, { published: "2017-04-12" }));
  for (const a of articles) pipeline.analyze(a); // warm-up

  const ROUNDS = 20;
  const rates: number[] = [];
  const wordRates: number[] = [];
  let sentences = 0;
  let words = 0;
  for (let run = 0; run < 5; run++) {
    sentences = 0;
    words = 0;
    const start = performance.now();
    for (let r = 0; r < ROUNDS; r++) {
      for (const a of articles) {
        const doc = pipeline.analyze(a);
        sentences += doc.sentences.length;
        words += doc.tokens.count;
      }
    }
    const s = (performance.now() - start) / 1000;
    rates.push(sentences / s);
    wordRates.push(words / s);
  }

  const dir = join(REPO, "bench", "out", "pipeline-db");
  rmSync(dir, { recursive: true, force: true });
  const store = await Store.open(dir);
  const N = 200;
  const startStore = performance.now();
  for (let i = 0; i < N; i++) {
    const a = textArticle(`${texts[i % texts.length]}\n\n(copy ${i})`, { published: "2017-04-12" });
    await store.saveDoc(pipeline.analyze(a));
  }
  const storeRate = N / ((performance.now() - startStore) / 1000);
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const components = pipeline.components.map((c) => c.name).join(" → ");
  recordBenchmark("pipeline", [
    `Whole analysis (${components}) on the seed article and ${texts.length - 1} samples, ${ROUNDS} rounds, median of 5 runs, one core.`,
    "",
    "| measure | value |",
    "|---|---|",
    `| sentences / s | ${Math.round(median(rates)).toLocaleString("en")} |`,
    `| tokens / s | ${Math.round(median(wordRates)).toLocaleString("en")} |`,
    `| pipeline start-up (models loaded once) | ${loadMs.toFixed(0)} ms |`,
    `| analyse + store on PGlite, articles / s | ${storeRate.toFixed(1)} |`,
  ]);
}
