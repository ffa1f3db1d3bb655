import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Store } from "../src/store/store.js";
import { textArticle } from "../src/ingest/text-article.js";
import { tempDir } from "./helpers/paths.js";
import { runCli, runCliAsync } from "./helpers/cli.js";
import { freshPgSchema } from "./helpers/postgres.js";

test("two workers share one PostgreSQL queue: every article analysed exactly once", async (t) => {
  const pg = await freshPgSchema();
  if ("skip" in pg) {
    if (process.env.CI) throw new Error(`CI must test PostgreSQL: ${pg.skip}`);
    return t.skip(pg.skip);
  }
  try {
    const dir = tempDir();
    const lines = Array.from({ length: 150 }, (_, i) =>
      JSON.stringify({ id: `w${i}`, text: `Report ${i}\n\nRussia vetoed resolution ${i} at the United Nations on Wednesday.`, date: "2017-04-12" }),
    );
    writeFileSync(join(dir, "batch.jsonl"), lines.join("\n") + "\n");
    const enq = runCli(["ingest", join(dir, "batch.jsonl"), "--db", pg.url, "--enqueue"]);
    assert.equal(enq.status, 0, enq.stderr);
    assert.match(enq.stdout, /150 queued for workers/);
    assert.match(enq.stdout, /store: 0 articles/);

    const workers = await Promise.all([runCliAsync(["worker", "--db", pg.url, "--until-empty"]), runCliAsync(["worker", "--db", pg.url, "--until-empty"])]);
    const taken = workers.map((w) => {
      assert.equal(w.status, 0, w.stderr);
      return Number(/(\d+) articles taken: (\d+) stored/.exec(w.stdout)?.[2]);
    });
    assert.equal(taken[0] + taken[1], 150, `stored by each worker: ${taken}`);
    assert.ok(taken.every((n) => n > 0), `both workers took work: ${taken}`);

    const store = await Store.open(pg.url);
    try {
      const c = await store.counts();
      assert.equal(c.articles, 150);
      assert.equal(c.events >= 150, true, `${c.events} events`);
      assert.equal(await store.queueLength(), 0);
    } finally {
      await store.close();
    }
    // enqueueing the same input again queues nothing: it is all stored
    assert.match(runCli(["ingest", join(dir, "batch.jsonl"), "--db", pg.url, "--enqueue"]).stdout, /150 unchanged.*; 0 queued for workers/s);
  } finally {
    await pg.drop();
  }
});

test("an article whose worker fails mid-way stays on the queue", async () => {
  const store = await Store.open(join(tempDir(), "db"));
  try {
    assert.equal(await store.enqueue(textArticle("Russia vetoed the draft resolution on Wednesday.")), true);
    assert.equal(await store.enqueue(textArticle("Russia vetoed the draft resolution on Wednesday.")), false, "queued once");
    await assert.rejects(store.claimQueued(async () => {
      throw new Error("worker died");
    }));
    assert.equal(await store.queueLength(), 1);
    let seen = "";
    assert.equal(await store.claimQueued(async (a) => void (seen = a.text)), true);
    assert.equal(seen, "Russia vetoed the draft resolution on Wednesday.");
    assert.equal(await store.queueLength(), 0);
    assert.equal(await store.claimQueued(async () => undefined), false);
  } finally {
    await store.close();
  }
});
