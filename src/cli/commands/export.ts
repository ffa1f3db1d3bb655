import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { eventsForExport } from "../../api/queries.js";
import { gdeltEventRecord } from "../../api/gdelt.js";
import { Store, resolveDbLocation } from "../../store/store.js";
import { csvCell } from "../format.js";
import { MODALITIES } from "../../model/index.js";
import { filtersFrom } from "./query.js";

const usage = `Usage: eventwire export --format jsonl|csv|gdelt [options]

Writes every stored event to stdout.
  jsonl   one event per line with all its fields and its evidence text; source_plover and
          target_plover are the actors in PLOVER's form (code + sector, e.g. IGOREF)
  csv     the same as CSV with a header row
  gdelt   GDELT 2.0 Events layout: 61 tab-separated columns, no header, so existing
          GDELT tooling reads it (geography columns are empty; AvgTone is empty)

Options:
  --format F          jsonl, csv or gdelt (required)
  --db LOCATION       PGlite data directory or postgres:// URL (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --code PREFIX       only events whose CAMEO code starts with PREFIX
  --from YYYY-MM-DD   only events on or after this date
  --to YYYY-MM-DD     only events on or before this date
  --modality LIST     comma-separated modalities (${MODALITIES.join(", ")}; default asserted; all)
  --all-modalities    events of every modality
  --include-copies    also export events of near-duplicate copies (by default a copy counts in
                      NumArticles of the first copy's events instead)
  --limit N           at most N events (default: all)
`;

const command: Command = {
  name: "export",
  summary: "export stored events as JSONL, CSV or GDELT 2.0 Events TSV",
  usage,
  async run(args) {
    const { flags, positional } = parseFlags(args, { values: ["db", "format", "code", "from", "to", "modality", "limit"], booleans: ["all-modalities", "include-copies"] });
    if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const format = flags.get("format");
    if (format !== "jsonl" && format !== "csv" && format !== "gdelt") throw new UsageError("--format must be jsonl, csv or gdelt");
    const filters = filtersFrom(flags);
    filters.limit ??= 10_000_000;
    const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
    try {
      const rows = await eventsForExport(store, filters);
      const out: string[] = [];
      if (format === "gdelt") for (const r of rows) out.push(gdeltEventRecord(r).map((v) => v.replace(/[\t\n\r]+/g, " ")).join("\t"));
      else {
        const cols = ["article_id", "id", "event_date", "source_actor", "source_plover", "source_text", "code", "name", "root", "quad_class", "goldstein", "plover", "target_actor", "target_plover", "target_text", "modality", "confidence", "evidence_start", "evidence_end", "evidence_text", "url"];
        if (format === "csv") out.push(cols.join(","));
        for (const r of rows) {
          if (format === "csv") out.push(cols.map((c) => csvCell(r[c])).join(","));
          else out.push(JSON.stringify(Object.fromEntries(cols.map((c) => [c, r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c]]))));
        }
      }
      if (out.length) process.stdout.write(out.join("\n") + "\n");
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
