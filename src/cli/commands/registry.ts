import { register } from "./index.js";

// One line per command, in the order `eventwire --help` lists them.
register("analyze", "analyse one article (or JSONL on stdin) and print events, quotes and entities", () => import("./analyze.js"));
register("ingest", "analyse files and folders and store what they say (idempotent)", () => import("./ingest.js"));
register("events", "list stored events: who did what to whom, with evidence", () => import("./events.js"));
register("quotes", "list stored quotes with their speakers", () => import("./quotes.js"));
register("articles", "list stored articles with their event and quote counts", () => import("./articles.js"));
register("failures", "list inputs that could not be processed, and why", () => import("./failures.js"));
register("extract", "pull the article text and metadata out of web pages (HTML, WARC)", () => import("./extract.js"));
register("watch", "poll news feeds and ingest every new article (resumable)", () => import("./watch.js"));
