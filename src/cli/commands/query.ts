import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { FilterError, parseFilters, rawFilters } from "../../api/filters.js";
import type { QueryFilters } from "../../api/queries.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { formatRows } from "../format.js";


interface QuerySpec {
  name: string;
  summary: string;
  description: string;
  /** The filter flags this command takes (a subset of QueryFilters). */
  filters: { flag: string; help: string }[];
  /** Columns of the table format (json and csv carry every column). */
  tableColumns: string[];
  query: (store: Store, f: QueryFilters) => Promise<Record<string, unknown>[]>;
}

const COMMON = `  --db LOCATION       PGlite data directory or postgres:// URL (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --format table|json|csv   output format (default table; json is one object per line)
  --limit N           at most N rows (default 1000)`;

/** A read-only listing command over the store (events, quotes, articles, failures). */
export function queryCommand(spec: QuerySpec): Command {
  const flagNames = spec.filters.map((f) => f.flag);
  const usage = `Usage: eventwire ${spec.name} [options]\n\n${spec.description}\n\nOptions:\n${spec.filters
    .map((f) => `  --${f.flag.padEnd(18)}${f.help}`)
    .join("\n")}\n${COMMON}\n`;
  return {
    name: spec.name,
    summary: spec.summary,
    usage,
    async run(args) {
      const booleans = ["all-modalities", "include-copies"];
      const { flags, positional } = parseFlags(args, { values: ["db", "format", "limit", ...flagNames.filter((f) => !booleans.includes(f))], booleans });
      if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
      const format = (flags.get("format") as string | undefined) ?? "table";
      if (!["table", "json", "csv"].includes(format)) throw new UsageError("--format must be table, json or csv");
      const f = filtersFrom(flags);
      const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
      try {
        const rows = await spec.query(store, f);
        process.stdout.write(formatRows(rows, format, format === "table" ? spec.tableColumns : undefined));
        return 0;
      } finally {
        await store.close();
      }
    },
  };
}

/** The filter flags of a listing command, checked; a bad value is a usage error naming its flag. */
export function filtersFrom(flags: Map<string, string | true>): QueryFilters {
  const str = (k: string) => (typeof flags.get(k) === "string" ? (flags.get(k) as string) : undefined);
  try {
    return parseFilters(rawFilters((f) => (f === "modality" && flags.has("all-modalities") ? "all" : str(f)), flags.has("include-copies")));
  } catch (err) {
    if (err instanceof FilterError) throw new UsageError(`--${err.message}`);
    throw err;
  }
}
