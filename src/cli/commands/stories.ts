import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { queryStories } from "../../api/queries.js";
import { rebuildStories } from "../../pipeline/stories-run.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { formatRows } from "../format.js";
import { filtersFrom } from "./query.js";

const usage = `Usage: eventwire stories [options]

Groups the stored articles into stories (articles that tell the same story,
syndicated or written independently) and lists them, largest first. Stories
are rebuilt from all stored articles each time, in date order, so the result
does not depend on the order articles were ingested in; 'eventwire articles'
then shows each article's story.

Options:
  --db LOCATION       PGlite data directory or postgres:// URL (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --from YYYY-MM-DD   stories with articles on or after this date
  --to YYYY-MM-DD     stories with articles on or before this date
  --search WORDS      stories with a headline containing WORDS
  --threshold X       similarity (0..1) at which an article joins a story (default 0.2)
  --window DAYS       days after a story's latest article within which it can grow (default 30)
  --format table|json|csv   output format (default table)
  --limit N           at most N stories (default 1000)
`;

const command: Command = {
  name: "stories",
  summary: "group stored articles into stories and list them",
  usage,
  async run(args) {
    const { flags, positional } = parseFlags(args, { values: ["db", "from", "to", "search", "threshold", "window", "format", "limit"] });
    if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const format = (flags.get("format") as string | undefined) ?? "table";
    if (!["table", "json", "csv"].includes(format)) throw new UsageError("--format must be table, json or csv");
    const threshold = flags.has("threshold") ? Number(flags.get("threshold")) : undefined;
    const windowDays = flags.has("window") ? Number(flags.get("window")) : undefined;
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) throw new UsageError("--threshold must be in (0, 1]");
    if (windowDays !== undefined && !(windowDays >= 0)) throw new UsageError("--window must be a number of days");
    const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
    try {
      const built = await rebuildStories(store, { threshold, windowDays });
      process.stderr.write(`eventwire: ${built.articles} articles in ${built.stories} stories\n`);
      process.stdout.write(formatRows(await queryStories(store, filtersFrom(flags)), format, format === "table" ? ["story", "articles", "first", "last", "events", "top_actors", "title"] : undefined));
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
