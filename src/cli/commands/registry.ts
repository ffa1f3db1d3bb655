import { register } from "./index.js";

// One line per command, in the order `eventwire --help` lists them.
register("tokenize", "tokenize and sentence-split raw text (JSONL in, spans out)", () => import("./tokenize.js"));
