import { register } from "./index.js";

// One line per command, in the order `eventwire --help` lists them.
register("analyze", "analyse one article (or JSONL on stdin) and print events, quotes and entities", () => import("./analyze.js"));
register("ingest", "analyse files and folders and store what they say (idempotent)", () => import("./ingest.js"));
register("watch", "poll news feeds and ingest each new article (polite, resumable)", () => import("./watch.js"));
register("worker", "analyse queued articles; run several to share the work", () => import("./worker.js"));
register("events", "list stored events: who did what to whom, with evidence", () => import("./events.js"));
register("quotes", "list stored quotes with their speakers", () => import("./quotes.js"));
register("articles", "list stored articles with their event and quote counts", () => import("./articles.js"));
register("stories", "group stored articles into stories and list them", () => import("./stories.js"));
register("profile", "what one actor or speaker did and said, events and quotes together", () => import("./profile.js"));
register("serve", "browse the store in a web page (facts with their evidence) and query it as JSON", () => import("./serve.js"));
register("failures", "list inputs that could not be processed, and why", () => import("./failures.js"));
register("export", "export stored events as JSONL, CSV or GDELT 2.0 Events TSV", () => import("./export.js"));
register("tokenize", "tokenize and sentence-split raw text (JSONL in, spans out)", () => import("./tokenize.js"));
register("parse", "tag, lemmatize and dependency-parse CoNLL-U (gold tokenisation kept)", () => import("./parse.js"));
register("extract", "pull the article text and metadata out of web pages (HTML, WARC)", () => import("./extract.js"));
register("ner", "named entities: CoNLL tagging for evaluation, or an article's linked, actor-coded entities", () => import("./ner.js"));
