import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { runWorker } from "../../pipeline/worker.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { problemLine, stopOnSignal } from "../run-control.js";
import { LEXICON_FLAGS, LEXICON_USAGE, lexiconOptions } from "../lexicon-flags.js";

const usage = `Usage: eventwire worker [options]

Analyses the articles that 'eventwire ingest --enqueue' put on the store's work
queue. Start as many workers as you like, on as many machines as share the
PostgreSQL store: each article is claimed by one worker (FOR UPDATE SKIP
LOCKED) and leaves the queue in the same transaction that stores its analysis,
so a worker that dies mid-article hands it back to the others. Ctrl-C stops
after the current article.

Options:
  --db LOCATION     postgres:// URL of the shared store (a PGlite directory works for one worker)
                    (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --until-empty     exit when the queue is empty instead of waiting for more work
  --poll SECONDS    how often an idle worker looks at the queue again (default 2)
${LEXICON_USAGE}
`;

const command: Command = {
  name: "worker",
  summary: "analyse queued articles; run several to share the work",
  usage,
  async run(args) {
    const { flags, multi, positional } = parseFlags(args, { values: ["db", "poll"], booleans: ["until-empty"], repeatable: LEXICON_FLAGS });
    if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const poll = Number(flags.get("poll") ?? 2);
    if (!(poll > 0)) throw new UsageError("--poll must be a positive number of seconds");
    const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
    const pipeline = new Pipeline(lexiconOptions(multi));
    const run = stopOnSignal();
    try {
      const s = await runWorker(pipeline, store, {
        untilEmpty: flags.has("until-empty"),
        pollMs: poll * 1000,
        shouldStop: () => run.stopped,
        onProblem: (f) => process.stderr.write(problemLine(f)),
      });
      process.stdout.write(
        `worker ${process.pid}: ${s.inputs} articles taken: ${s.inserted} stored, ${s.unchanged + s.duplicates} already stored, ` +
          `${s.skipped} not English, ${s.failures} failures; ${s.events} events and ${s.quotes} quotes added; ${await store.queueLength()} left in the queue\n`,
      );
      return 0;
    } finally {
      run.dispose();
      await store.close();
    }
  },
};

export default command;
