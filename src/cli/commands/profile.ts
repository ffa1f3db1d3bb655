import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { queryProfile } from "../../api/queries.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { formatRows } from "../format.js";
import { filtersFrom } from "./query.js";

const usage = `Usage: eventwire profile WHO [options]

Lists together what one actor did and said: the stored events where WHO is the
source or target, and the quotes attributed to WHO. WHO is a CAMEO actor code
prefix in capitals (RUSGOV, IGOUNO) or words of a name (Lavrov, "Rex Tillerson").

Options:
  --db LOCATION       PGlite data directory or postgres:// URL (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --from YYYY-MM-DD   events and quotes on or after this date
  --to YYYY-MM-DD     events and quotes on or before this date
  --format table|json table (default), or json: one {"record":"event"|"quote",...} per line
  --limit N           at most N events and N quotes (default 1000)
`;

const command: Command = {
  name: "profile",
  summary: "what one actor or speaker did and said, events and quotes together",
  usage,
  async run(args) {
    const { flags, positional } = parseFlags(args, { values: ["db", "from", "to", "format", "limit"] });
    if (positional.length !== 1) throw new UsageError("give one WHO (an actor code or a name)");
    const format = (flags.get("format") as string | undefined) ?? "table";
    if (format !== "table" && format !== "json") throw new UsageError("--format must be table or json");
    const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
    try {
      const { events, quotes } = await queryProfile(store, positional[0], filtersFrom(flags));
      if (format === "json") {
        const lines = [...events.map((e) => ({ record: "event", ...e })), ...quotes.map((q) => ({ record: "quote", ...q }))];
        process.stdout.write(lines.map((l) => JSON.stringify(l)).join("\n") + (lines.length ? "\n" : ""));
      } else {
        process.stdout.write(`Events with ${positional[0]} (${events.length}):\n`);
        process.stdout.write(formatRows(events, "table", ["date", "source_text", "source_actor", "code", "name", "target_text", "target_actor", "evidence"]));
        process.stdout.write(`\nQuotes by ${positional[0]} (${quotes.length}):\n`);
        process.stdout.write(formatRows(quotes, "table", ["date", "speaker", "cue", "direct", "text"]));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
