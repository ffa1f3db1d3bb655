import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Store } from "../src/store/store.js";
import { CLI, tempDir } from "./helpers/paths.js";
import { runCli } from "./helpers/cli.js";

test("a run killed with SIGKILL leaves only whole articles, and the next run completes the rest", async () => {
  const dir = tempDir();
  const db = join(dir, "db");
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    // a malformed line early on: its error line on stderr tells us articles are being committed
    if (i === 30) lines.push("{not json");
    lines.push(JSON.stringify({ id: `r${i}`, text: `Report ${i}\n\nRussia vetoed resolution ${i} at the United Nations on Wednesday.`, date: "2017-04-12" }));
  }
  const input = join(dir, "batch.jsonl");
  writeFileSync(input, lines.join("\n") + "\n");

  await new Promise<void>((ok, ko) => {
    const p = spawn(process.execPath, [CLI, "ingest", input, "--db", db]);
    let stderr = "";
    p.stderr.on("data", (d) => {
      stderr += d;
      if (stderr.includes("malformed JSON")) p.kill("SIGKILL");
    });
    p.on("close", (_code, signal) => (signal === "SIGKILL" ? ok() : ko(new Error(`ingest was not killed (${signal}): ${stderr}`))));
  });

  const store = await Store.open(db);
  try {
    const c = await store.counts();
    assert.ok(c.articles >= 30 && c.articles < 400, `${c.articles} articles survived the kill`);
    const partial = await store.sql.query("SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id)");
    assert.deepEqual(partial, [], "every stored article has its events: nothing half-written");
  } finally {
    await store.close();
  }

  const again = runCli(["ingest", input, "--db", db, "--quiet"]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /store: 400 articles/);
});
