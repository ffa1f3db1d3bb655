import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { createApiServer } from "../../api/server.js";
import { Store, resolveDbLocation } from "../../store/store.js";

const usage = `Usage: eventwire serve [options]

Serves the store read-only over HTTP. GET / is a page to search events and quotes and
read each one highlighted in its article. The JSON API, for notebooks and dashboards:
  GET /events    ?actor= &code= &from= &to= &search= &modality=asserted,alleged|all &include_copies=1 &limit=
  GET /quotes    ?speaker= &actor= &from= &to= &search= &include_copies=1 &limit=
  GET /articles  ?actor= &from= &to= &search= &limit=
  GET /profile   ?who=Lavrov|RUSGOV   (events and quotes together)
  GET /article   ?id=ARTICLE-ID    (text, events, quotes, entities with their offsets)
  GET /failures, /counts, /api

Options:
  --db LOCATION   PGlite data directory or postgres:// URL (default: $EVENTWIRE_DB, else ./.eventwire/db)
  --port N        port to listen on (default 8787; 0 picks a free one)
  --host H        address to bind (default 127.0.0.1: only this machine)
`;

const command: Command = {
  name: "serve",
  summary: "browse the store in a web page (facts with their evidence) and query it as JSON",
  usage,
  async run(args) {
    const { flags, positional } = parseFlags(args, { values: ["db", "port", "host"] });
    if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const port = Number(flags.get("port") ?? 8787);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port must be 0..65535");
    const host = (flags.get("host") as string | undefined) ?? "127.0.0.1";
    const store = await Store.open(resolveDbLocation(flags.get("db") as string | undefined));
    const server = createApiServer(store);
    await new Promise<void>((ok) => server.listen(port, host, ok));
    const addr = server.address();
    process.stdout.write(`eventwire: serving on http://${host}:${typeof addr === "object" && addr ? addr.port : port}/ (Ctrl-C stops)\n`);
    await new Promise<void>((ok) => {
      const stop = () => server.close(() => ok());
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await store.close();
    return 0;
  },
};

export default command;
