import { join } from "node:path";
import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { FeedPoller, type PollEvent } from "../../ingest/feeds/poller.js";
import type { Ingested } from "../../ingest/sources.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { ingestAll } from "../../pipeline/ingest-run.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { isPostgresUrl } from "../../store/sql.js";
import { LEXICON_FLAGS, LEXICON_USAGE, lexiconOptions } from "../lexicon-flags.js";

const usage = `Usage: eventwire watch FEED-URL... [options]

Polls RSS, Atom, RDF and JSON feeds politely and ingests every new item: the
item's page is fetched, its article extracted, analysed and stored. Polite:
conditional GET (ETag / Last-Modified), at most one request per host per
--host-interval, exponential backoff on errors (Retry-After honoured), and a
User-Agent naming eventwire. What was seen is kept in a state file, so a
restart picks up where the last run stopped. Failures (a feed that is HTML, a
404, a timeout) are recorded (see 'eventwire failures') and polling goes on.

Options:
  --db LOCATION        PGlite data directory or postgres:// URL (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --state FILE         poller state (default: watch-state.json beside a PGlite store, else ./.eventwire/watch-state.json)
  --once               poll every feed once, ingest what is new, and exit
  --interval MINUTES   time between two polls of one feed (default 15)
  --host-interval SEC  minimum time between two requests to one host (default 1)
${LEXICON_USAGE}
`;

const command: Command = {
  name: "watch",
  summary: "poll news feeds and ingest each new article (polite, resumable)",
  usage,
  async run(args) {
    const { flags, multi, positional } = parseFlags(args, { values: ["db", "state", "interval", "host-interval"], booleans: ["once"], repeatable: LEXICON_FLAGS });
    if (positional.length === 0) throw new UsageError("give at least one FEED-URL");
    for (const url of positional) if (!/^https?:\/\//i.test(url)) throw new UsageError(`not an http(s) URL: ${url}`);
    const minutes = Number(flags.get("interval") ?? 15);
    const hostSeconds = Number(flags.get("host-interval") ?? 1);
    if (!(minutes > 0) || !(hostSeconds >= 0)) throw new UsageError("--interval and --host-interval must be positive numbers");
    const db = resolveDbLocation(flags.get("db") as string | undefined);
    const statePath = (flags.get("state") as string | undefined) ?? (isPostgresUrl(db) ? join(".eventwire", "watch-state.json") : join(db, "..", "watch-state.json"));

    const store = await Store.open(db);
    const pipeline = new Pipeline(lexiconOptions(multi));
    const poller = new FeedPoller(positional, { statePath, pollIntervalMs: minutes * 60_000, hostIntervalMs: hostSeconds * 1000 });
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    try {
      const events = flags.has("once") ? poller.pollOnce(true) : poller.run(abort.signal);
      const s = await ingestAll(toIngested(events), pipeline, store, {
        onProblem: (f) => process.stderr.write(`eventwire: ${f.severity === "warning" ? "warning: " : ""}${f.input}: ${f.reason}\n`),
        shouldStop: () => abort.signal.aborted,
      });
      process.stdout.write(`watch: ${s.inserted} new articles, ${s.unchanged + s.duplicates} already stored, ${s.failures} failures; ${s.events} events and ${s.quotes} quotes added\n`);
      return 0;
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      await store.close();
    }
  },
};

/** Poller events as ingest items; feed status lines go to stderr. */
async function* toIngested(events: AsyncIterable<PollEvent>): AsyncGenerator<Ingested> {
  for await (const e of events) {
    if (e.kind === "article") yield { kind: "article", article: e.article, warnings: e.warnings };
    else if (e.kind === "failure") yield { kind: "failure", failure: e.failure };
    else process.stderr.write(`eventwire: ${e.feed}: ${e.status}, ${e.newItems} new items; next poll ${new Date(e.nextPollAt).toISOString()}\n`);
  }
}

export default command;
