import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: compiled code lives in dist/src/model/, three levels down. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const LEXICONS = join(ROOT, "lexicons");
export const MODELS = join(ROOT, "models");
