import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { DEFAULT_MAX_BYTES } from "../../ingest/read-file.js";
import { readSources } from "../../ingest/sources.js";
import { parseFieldMap } from "../../ingest/csv.js";
import { normaliseDate } from "../../ingest/text-article.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { LEXICON_FLAGS, LEXICON_USAGE, lexiconOptions } from "../lexicon-flags.js";
import { ingestAll } from "../../pipeline/ingest-run.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { isPostgresUrl } from "../../store/sql.js";
import { Progress } from "../progress.js";
import { problemLine, stopOnSignal } from "../run-control.js";

const usage = `Usage: eventwire ingest PATH... [options]

Reads files and folders (recursively: .txt, .html, .htm, .jsonl, .csv, .tsv,
.warc, .warc.gz), analyses each article and stores it with its entities, events and quotes, one transaction per
article. Idempotent: an article's id is a hash of its normalised text and URL,
so ingesting the same input twice changes nothing; the same text under another
URL is stored once with both URLs. A WARC file is streamed and resumes where
an interrupted run stopped. Bad inputs are reported on one line each,
recorded (see 'eventwire failures') and skipped; the rest goes on.

Options:
  --db LOCATION       PGlite data directory, or a postgres:// URL
                      (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --date YYYY-MM-DD   publication date for inputs that carry none
${LEXICON_USAGE}
  --map FIELDS        where CSV/TSV columns or JSONL keys hold our fields, e.g.
                      text=body,date=published,id=guid (fields: id, text, title, date, url,
                      language, source; CSV columns named like them are found without it)
  --max-bytes N       refuse articles larger than N bytes (default ${DEFAULT_MAX_BYTES})
  --enqueue           do not analyse here: put new articles on the store's work queue for
                      'eventwire worker' processes (on this or other machines) to analyse
  --quiet             no progress bar and no per-input error lines (the summary still prints)
`;

const command: Command = {
  name: "ingest",
  summary: "analyse files and folders and store what they say (idempotent)",
  usage,
  async run(args) {
    const { flags, multi, positional } = parseFlags(args, { values: ["db", "date", "max-bytes", "map"], booleans: ["quiet", "enqueue"], repeatable: LEXICON_FLAGS });
    if (positional.length === 0) throw new UsageError("give at least one PATH");
    const date = flags.has("date") ? normaliseDate(flags.get("date")) : null;
    if (flags.has("date") && !date) throw new UsageError("--date must be YYYY-MM-DD");
    const maxBytes = flags.has("max-bytes") ? Number(flags.get("max-bytes")) : DEFAULT_MAX_BYTES;
    if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError("--max-bytes must be a positive number");
    const quiet = flags.has("quiet");
    let map;
    try {
      map = parseFieldMap(flags.get("map") as string | undefined);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }

    const db = resolveDbLocation(flags.get("db") as string | undefined);
    const store = await Store.open(db);
    const enqueue = flags.has("enqueue");
    // models are loaded only by the process that analyses
    const pipeline = enqueue ? null : new Pipeline(lexiconOptions(multi));
    const progress = new Progress();
    const run = stopOnSignal();
    try {
      const s = await ingestAll(readSources(positional, { maxBytes, date, map, skipDirs: isPostgresUrl(db) ? [] : [db], resumeAt: (input) => store.checkpoint(input) }), pipeline, store, {
        onProgress: quiet ? undefined : (sum, label) => progress.update(sum.inputs, label),
        onProblem: quiet
          ? undefined
          : (f) => {
              progress.clear();
              process.stderr.write(problemLine(f));
            },
        shouldStop: () => run.stopped,
        enqueue,
      });
      progress.clear();
      const c = await store.counts();
      process.stdout.write(
        `${run.stopped ? "stopped early (signal); " : ""}read ${s.inputs} inputs: ${s.inserted} new articles, ${s.unchanged} unchanged, ` +
          `${s.duplicates} duplicates, ${s.skipped} not English (stored, not analysed), ${s.failures} failures, ${s.warnings} warnings; ` +
          `${s.events} events and ${s.quotes} quotes added${enqueue ? `; ${s.queued} queued for workers` : ""}\n` +
          `store: ${c.articles} articles, ${c.events} events, ${c.quotes} quotes, ${c.entities} entities, ${c.failures} failures recorded\n`,
      );
      return s.failures > 0 && s.inserted + s.unchanged + s.duplicates + s.queued === 0 ? 1 : 0;
    } finally {
      run.dispose();
      await store.close();
    }
  },
};

export default command;
