import { join } from "node:path";
import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import type { Ingested } from "../../ingest/sources.js";
import { DEFAULT_USER_AGENT, FeedPoller, type PollEvent } from "../../ingest/feeds/poller.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { ingestAll } from "../../pipeline/ingest-run.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { problemLine, stopOnSignal } from "../run-control.js";
import { LEXICON_FLAGS, LEXICON_USAGE, lexiconOptions } from "../lexicon-flags.js";

const usage = `Usage: eventwire watch FEED-URL... [options]

Polls RSS, Atom, RDF and JSON feeds politely and ingests every new item: the
item's page is fetched, its article extracted (see 'eventwire extract'),
analysed and stored like 'eventwire ingest' does. Runs until interrupted
(Ctrl-C stops after the current article), or once with --once.

Politeness: conditional GET (ETag / Last-Modified, so an unchanged feed costs
one 304), at most one request per host per --host-interval (or the site's
robots.txt Crawl-delay, up to 60 s), a User-Agent naming eventwire, item pages
only where the site's robots.txt allows them, and exponential backoff for a
feed that fails (network error, timeout, HTTP error, not a feed), honouring
Retry-After.

Restarts pick up where they left off: validators, seen items and backoff are
kept in a state file. A page that fails (404, timeout, no article text) is
recorded as a failure ('eventwire failures') and retried on the next polls,
up to --attempts times.

Options:
  --db LOCATION          PGlite data directory, or a postgres:// URL
                         (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --state FILE           poller state (default: .eventwire/watch-state.json)
  --once                 poll every feed once, ingest what is new, exit
  --interval SECONDS     time between polls of one feed (default 900)
  --host-interval MS     minimum time between requests to one host (default 1000)
  --timeout MS           per-request timeout (default 20000)
  --attempts N           tries per item page before giving up (default 3)
  --user-agent UA        default: "${DEFAULT_USER_AGENT}"
  --ignore-robots        fetch item pages even where robots.txt disallows them
${LEXICON_USAGE}
  --quiet                no per-item lines (failures are still recorded)
`;

function num(flags: Map<string, string | true>, name: string, def: number): number {
  if (!flags.has(name)) return def;
  const v = Number(flags.get(name));
  if (!Number.isFinite(v) || v < 0) throw new UsageError(`--${name} must be a non-negative number`);
  return v;
}

const command: Command = {
  name: "watch",
  summary: "poll news feeds and ingest every new article (resumable)",
  usage,
  async run(args) {
    const { flags, multi, positional } = parseFlags(args, {
      values: ["db", "state", "interval", "host-interval", "timeout", "attempts", "user-agent"],
      booleans: ["once", "quiet", "ignore-robots"],
      repeatable: LEXICON_FLAGS,
    });
    if (positional.length === 0) throw new UsageError("give at least one FEED-URL");
    for (const u of positional) {
      if (!/^https?:\/\//i.test(u)) throw new UsageError(`not an http(s) URL: ${u}`);
    }
    const quiet = flags.has("quiet");
    const poller = new FeedPoller(positional, {
      statePath: (flags.get("state") as string | undefined) ?? join(".eventwire", "watch-state.json"),
      pollIntervalMs: num(flags, "interval", 900) * 1000,
      hostIntervalMs: num(flags, "host-interval", 1000),
      timeoutMs: num(flags, "timeout", 20000),
      maxItemAttempts: Math.max(1, num(flags, "attempts", 3)),
      userAgent: (flags.get("user-agent") as string | undefined) ?? DEFAULT_USER_AGENT,
      respectRobots: !flags.has("ignore-robots"),
    });
    const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
    const pipeline = new Pipeline(lexiconOptions(multi));
    const run = stopOnSignal();
    const log = (s: string) => {
      if (!quiet) process.stderr.write(s + "\n");
    };
    async function* items(events: AsyncGenerator<PollEvent>): AsyncGenerator<Ingested> {
      for await (const e of events) {
        if (e.kind === "feed") log(`eventwire watch: ${e.feed}: ${e.status === "not-modified" ? "not modified" : `${e.newItems} new items`}`);
        else if (e.kind === "failure") yield { kind: "failure", failure: e.failure };
        else {
          log(`eventwire watch: + ${e.article.url ?? e.item.url} ${e.article.title ?? ""}`);
          yield { kind: "article", article: e.article, warnings: e.warnings };
        }
      }
    }
    try {
      const s = await ingestAll(items(flags.has("once") ? poller.pollOnce(true) : poller.run(run.signal)), pipeline, store, {
        onProblem: (f) => process.stderr.write(problemLine(f)),
        shouldStop: () => run.stopped,
      });
      process.stdout.write(
        `${run.stopped ? "stopped (signal); " : ""}watched ${positional.length} feeds: ${s.inserted} new articles, ${s.unchanged} unchanged, ${s.duplicates} duplicates, ` +
          `${s.failures} failures; ${s.events} events and ${s.quotes} quotes added\n`,
      );
      return 0;
    } finally {
      run.dispose();
      await store.close();
    }
  },
};

export default command;
