import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./helpers/paths.js";

/** Stages in data-flow order: a stage may import only from itself and earlier ones. */
const ORDER = ["model", "ingest", "nlp", "extract", "stories", "store", "pipeline", "api", "cli", "train"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

test("data flows one way: no stage imports a later one", () => {
  const src = join(ROOT, "src");
  const violations: string[] = [];
  let checked = 0;
  for (const file of files(src)) {
    const stage = relative(src, file).split("/")[0];
    const from = ORDER.indexOf(stage);
    assert.ok(from >= 0, `src/${stage} is not a known stage (add it to ORDER)`);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
      const target = relative(src, join(file, "..", m[1])).split("/")[0];
      const to = ORDER.indexOf(target);
      checked++;
      if (to > from) violations.push(`${relative(ROOT, file)} imports ${m[1]} (${stage} -> ${target})`);
    }
  }
  assert.ok(checked > 20, `only ${checked} imports seen`);
  assert.deepEqual(violations, []);
});
