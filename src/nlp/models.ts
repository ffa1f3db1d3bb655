import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root: this file is compiled to dist/src/nlp/models.js. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** Folder of the trained models (override with EVENTWIRE_MODELS). */
export const MODELS_DIR = process.env.EVENTWIRE_MODELS ?? join(REPO_ROOT, "models");

export function modelPath(name: string): string {
  return join(MODELS_DIR, name);
}
