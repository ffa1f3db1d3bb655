import { register } from "./index.js";

// One line per command, in the order `eventwire --help` lists them.
register("ner", "named entities: CoNLL tagging for evaluation, or an article's linked, actor-coded entities", () => import("./ner.js"));
