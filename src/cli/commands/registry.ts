import { register } from "./index.js";

// One line per command, in the order `eventwire --help` lists them.
