/**
 * `npm run bench -- STAGE`: scores a stage against ../shared/gold with the
 * shared scorers and appends the numbers to docs/BENCHMARKS.md.
 * Never run in CI: benchmarks are for people, tests are for CI.
 */
const stages: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  // one line per stage
  pipeline: () => import("./pipeline.js"),
  extract: () => import("./extract.js"),
  events: () => import("./events.js"),
  quotes: () => import("./quotes.js"),
  warc: () => import("./warc.js"),
  neardup: () => import("./neardup.js"),
  ner: () => import("./ner.js"),
  stories: () => import("./stories.js"),
  nlp: () => import("./nlp.js"),
};

const [stage, ...rest] = process.argv.slice(2);
if (!stage || !stages[stage]) {
  process.stderr.write(`usage: npm run bench -- STAGE   (stages: ${Object.keys(stages).join(", ")})\n`);
  process.exitCode = 2;
} else {
  await (await stages[stage]()).run(rest);
}
