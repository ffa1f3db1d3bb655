/**
 * `npm run bench -- nlp [--dev]`: the NLP core on UD English EWT test (dev with --dev) and,
 * out of domain, GUM test (evaluation only, never trained on), with the shared scorers:
 *  - tagging + parsing on gold tokens (score-conllu: UPOS, XPOS, Lemmas, UAS, LAS),
 *  - tokenisation + sentence splitting from raw text (score-segmentation),
 *  - speed: words/s on one core, median of 5 runs, tagger+lemmatizer+parser and tokenizer separately,
 *    and CPU per layer (the tagger also without its right-to-left model, to show what that costs),
 *  - model load time and peak memory (max RSS of this process).
 * Outputs go to bench/out/; the numbers are appended to docs/BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, SHARED, median, recordBenchmark, runScorer } from "./lib/record.js";
import { readConllu } from "../src/nlp/conllu.js";
import { Doc } from "../src/model/index.js";
import { NewsTokenizer } from "../src/nlp/tokenizer.js";
import { Tagger } from "../src/nlp/tagger.js";
import { TaggerModel } from "../src/nlp/_tagger_internals/model.js";
import { Lemmatizer } from "../src/nlp/lemmatizer.js";
import { Parser } from "../src/nlp/parser.js";

const OUT = join(REPO, "bench", "out");
const CLI = join(REPO, "dist", "src", "cli", "main.js");
const UD = join(SHARED, "gold", "ud");

function pct(x: unknown): string {
  return typeof x === "number" ? (100 * x).toFixed(2) : "n/a";
}

function runCli(args: string[], input: string, output: string): number {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [CLI, ...args], { input: readFileSync(input), maxBuffer: 1 << 30 });
  writeFileSync(output, out);
  return (performance.now() - t0) / 1000;
}

export async function run(args: string[]): Promise<void> {
  const split = args.includes("--dev") ? "dev" : "test";
  if (!existsSync(UD)) {
    process.stderr.write(`bench nlp: ${UD} not found; nothing to score\n`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const lines: string[] = [];
  lines.push(`Split: ${split === "test" ? "EWT **test** (headline), GUM test (out of domain, evaluation only)" : "EWT dev, GUM dev"}. Gold tokens for tagging/parsing; raw text for segmentation. Scorers: ../shared/eval/score-conllu.mjs, score-segmentation.mjs.`);
  lines.push("");
  lines.push("| data | UPOS | XPOS | Lemmas | UAS | LAS | tokens F1 | sentences F1 |");
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const corpus of ["ewt", "gum"] as const) {
    const gold = join(UD, `en_${corpus}-ud-${split}.conllu.gz`);
    if (!existsSync(gold)) {
      lines.push(`| ${corpus} ${split} | missing ${gold} | | | | | | |`);
      continue;
    }
    const goldPlain = join(OUT, `${corpus}-${split}.gold.conllu`);
    writeFileSync(goldPlain, execFileSync("gzip", ["-dc", gold], { maxBuffer: 1 << 30 }));
    const pred = join(OUT, `${corpus}-${split}.pred.conllu`);
    runCli(["parse", "--conllu"], goldPlain, pred);
    const c = runScorer("score-conllu.mjs", [gold, pred]);
    // segmentation from raw text
    let raw = join(UD, `${corpus}-${split}.raw.jsonl`);
    let spans = join(UD, `${corpus}-${split}.spans.jsonl`);
    if (!existsSync(raw)) {
      raw = join(OUT, `${corpus}-${split}.raw.jsonl`);
      spans = join(OUT, `${corpus}-${split}.spans.jsonl`);
      execFileSync(process.execPath, [join(SHARED, "eval", "score-segmentation.mjs"), "--export", gold, "--raw", raw, "--spans", spans]);
    }
    const segPred = join(OUT, `${corpus}-${split}.seg.jsonl`);
    runCli(["tokenize", "--jsonl"], raw, segPred);
    const s = runScorer("score-segmentation.mjs", [spans, segPred]);
    lines.push(`| ${corpus.toUpperCase()} ${split} | ${pct(c.UPOS)} | ${pct(c.XPOS)} | ${pct(c.Lemmas)} | ${pct(c.UAS)} | ${pct(c.LAS)} | ${pct(s.token_F1)} | ${pct(s.sentence_F1)} |`);
  }

  // speed, one core, in-process, models loaded once
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const tagger = new Tagger();
  const lemmatizer = Lemmatizer.load();
  const parser = new Parser();
  const loadMs = performance.now() - t0;
  const lc = process.cpuUsage(c0);
  const loadCpuMs = (lc.user + lc.system) / 1000;
  const sents = readConllu(join(UD, `en_ewt-ud-${split}.conllu.gz`));
  let words = 0;
  for (const s of sents) words += s.form.length;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const parseRates: number[] = [];
  const parseWall: number[] = [];
  for (let r = 0; r < 6; r++) {
    const a = cpu();
    const w = performance.now();
    for (const s of sents) {
      const { upos, xpos } = tagger.tagWords(s.form);
      for (let i = 0; i < s.form.length; i++) lemmatizer.lemma(s.form[i], xpos[i]);
      parser.parseWords(s.form, upos, xpos);
    }
    if (r > 0) {
      parseRates.push(words / (cpu() - a));
      parseWall.push(words / ((performance.now() - w) / 1000));
    }
  }
  // CPU per layer, one layer at a time over the split, and the tagger without its right-to-left
  // second opinion (what that costs)
  const layer = { tagger: [] as number[], lemmatizer: [] as number[], parser: [] as number[], ltrTagger: [] as number[] };
  const ltrOnly = new TaggerModel(tagger.model.meta, tagger.model.model);
  for (let r = 0; r < 6; r++) {
    let a = cpu();
    const tags = sents.map((s) => tagger.tagWords(s.form));
    const tTag = cpu() - a;
    a = cpu();
    sents.forEach((s, k) => {
      for (let i = 0; i < s.form.length; i++) lemmatizer.lemma(s.form[i], tags[k].xpos[i]);
    });
    const tLem = cpu() - a;
    a = cpu();
    sents.forEach((s, k) => parser.parseWords(s.form, tags[k].upos, tags[k].xpos));
    const tParse = cpu() - a;
    a = cpu();
    for (const s of sents) ltrOnly.tag(s.form);
    const tLtr = cpu() - a;
    if (r > 0) {
      layer.tagger.push(tTag);
      layer.lemmatizer.push(tLem);
      layer.parser.push(tParse);
      layer.ltrTagger.push(tLtr);
    }
  }
  const rawDocs = readFileSync(join(UD, `ewt-${split}.raw.jsonl`), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { doc: string; text: string });
  const tok = new NewsTokenizer();
  const tokRates: number[] = [];
  for (let r = 0; r < 6; r++) {
    const a = cpu();
    let n = 0;
    for (const d of rawDocs) {
      const doc = new Doc({ id: d.doc, title: null, published: null, url: null, source: null, language: "en", text: d.text });
      tok.annotate(doc);
      n += doc.tokens.count;
    }
    if (r > 0) tokRates.push(n / (cpu() - a));
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const load = execFileSync("uptime", { encoding: "utf8" }).trim().replace(/.*load average/, "load average");
  const fmt = (x: number) => Math.round(x).toLocaleString("en");
  lines.push("");
  lines.push(`Speed (one core, EWT ${split}, median of 5 runs after a warm-up, words per CPU-second of this single-threaded process): tagger+lemmatizer+parser **${fmt(median(parseRates))} words/s** (wall clock ${fmt(median(parseWall))} words/s on the shared machine, ${load}); tokenizer+sentence splitter **${fmt(median(tokRates))} words/s**. Model load ${loadMs.toFixed(0)} ms wall / ${loadCpuMs.toFixed(0)} ms CPU. Peak memory (max RSS of the bench process, all models loaded) ${rssMb.toFixed(0)} MB.`);
  const ms = (xs: number[]) => (1000 * median(xs)).toFixed(0);
  const total = median(layer.tagger) + median(layer.lemmatizer) + median(layer.parser);
  lines.push(`CPU per layer, one layer at a time over EWT ${split} (median of 5): tagger ${ms(layer.tagger)} ms (its left-to-right model alone ${ms(layer.ltrTagger)} ms), lemmatizer ${ms(layer.lemmatizer)} ms, parser ${ms(layer.parser)} ms (${((100 * median(layer.parser)) / total).toFixed(0)}% of the three).`);
  recordBenchmark("nlp", lines);
}
