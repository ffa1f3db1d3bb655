/**
 * `npm run demo`: ingests the bundled sample articles into a fresh embedded
 * store, prints what eventwire found, and shows how to query it.
 */
import "./quiet-pipe.js";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../model/paths.js";
import { readSources } from "../ingest/sources.js";
import { Pipeline } from "../pipeline/pipeline.js";
import { ingestAll } from "../pipeline/ingest-run.js";
import { Store } from "../store/store.js";
import { queryEvents, queryQuotes, queryStories } from "../api/queries.js";
import { rebuildStories } from "../pipeline/stories-run.js";
import { formatRows } from "./format.js";
import { problemLine } from "./run-control.js";

const db = join(ROOT, ".eventwire", "demo");
const samples = join(ROOT, "samples");

rmSync(db, { recursive: true, force: true });
const started = Date.now();
const pipeline = new Pipeline();
const store = await Store.open(db);
try {
  const s = await ingestAll(readSources([samples]), pipeline, store, {
    onProblem: (f) => process.stderr.write(problemLine(f)),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const [near] = await store.sql.query<{ n: string }>("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL");
  process.stdout.write(
    `\neventwire demo: read ${s.inputs} sample articles from samples/ in ${seconds} s\n` +
      `  ${s.inserted} stored (${near.n} linked as near-duplicate wire copy), ${s.duplicates} exact duplicates, ${s.events} events, ${s.quotes} quotes, ${s.failures} failures\n` +
      `  store: ${db} (embedded PGlite)\n\nEvents (who did what to whom):\n`,
  );
  process.stdout.write(formatRows(await queryEvents(store, { limit: 25 }), "table", ["date", "source_actor", "source_text", "code", "name", "target_actor", "target_text", "copies"]));
  const built = await rebuildStories(store);
  process.stdout.write(`\nStories (${built.articles} articles in ${built.stories} stories):\n`);
  process.stdout.write(formatRows(await queryStories(store, {}), "table", ["articles", "first", "last", "events", "top_actors", "title"]));
  process.stdout.write("\nQuotes (who said what):\n");
  process.stdout.write(formatRows(await queryQuotes(store, { limit: 25 }), "table", ["speaker", "speaker_actor", "cue", "text"]));
  process.stdout.write(`
Try next:
  node dist/src/cli/main.js events --db ${db} --actor RUS
  node dist/src/cli/main.js quotes --db ${db} --speaker Tillerson
  node dist/src/cli/main.js articles --db ${db}            (duplicate_of: syndicated copies)
  node dist/src/cli/main.js profile Lavrov --db ${db}      (events and quotes together)
  node dist/src/cli/main.js stories --db ${db}             (articles that tell the same story)
  node dist/src/cli/main.js export --db ${db} --format gdelt
  node dist/src/cli/main.js serve --db ${db}               (JSON API on http://127.0.0.1:8787/)
  node dist/src/cli/main.js analyze samples/2017-04-12-un-veto.txt --format text
  (after 'npm link' the command is simply 'eventwire')
`);
} finally {
  await store.close();
}
