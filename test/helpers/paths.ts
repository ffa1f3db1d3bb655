import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../src/model/paths.js";

export { ROOT };
export const CLI = join(ROOT, "dist", "src", "cli", "main.js");
export const SHARED = process.env.EVENTWIRE_SHARED ?? join(ROOT, "..", "shared");
export const SEED = join(SHARED, "seed", "000_eb4c6554eca64faa.txt");
export const HAS_SEED = existsSync(SEED);
export const NO_SEED = `../shared/seed is not beside the repository (${SEED})`;

export function tempDir(prefix = "eventwire-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
