import { register } from "./index.js";

// One line per command, in the order `eventwire --help` lists them.
register("tokenize", "tokenize and sentence-split raw text (JSONL in, spans out)", () => import("./tokenize.js"));
register("parse", "tag, lemmatize and dependency-parse CoNLL-U (gold tokenisation kept)", () => import("./parse.js"));
