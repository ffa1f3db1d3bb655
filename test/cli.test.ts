import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Analysis } from "../src/model/index.js";
import { ANALYSIS_SCHEMA } from "../src/model/index.js";
import { runCli } from "./helpers/cli.js";
import { HAS_SEED, NO_SEED, SEED, tempDir } from "./helpers/paths.js";
import { assertSpansSliceText } from "./helpers/spans.js";

test("analyze prints a valid analysis@1 of the seed article whose spans slice its text exactly", (t) => {
  if (!HAS_SEED) return t.skip(NO_SEED);
  const r = runCli(["analyze", SEED, "--date", "2017-04-12"]);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout) as Analysis;
  assert.equal(a.schema, ANALYSIS_SCHEMA);
  assert.equal(a.article.text, readFileSync(SEED, "utf8"), "article.text is the file exactly as read");
  assert.equal(a.article.title, "Russian Federation vetoes United Nations resolution to condemn Syria chemical attack");
  assert.equal(a.article.published, "2017-04-12");
  for (const key of ["sentences", "entities", "events", "quotes"] as const) assert.ok(Array.isArray(a[key]), key);
  assert.ok(a.sentences.length >= 25, `${a.sentences.length} sentences`);
  assert.ok(assertSpansSliceText(a) >= a.sentences.length);
  // the dateline may stand as its own segment, but never splits the sentence after it
  const veto = a.sentences.find((s) => /^(UNITED NATIONS \(AP\) - )?Russia vetoed a Western-backed U\.N\. resolution Wednesday .* almost 90 people\.$/.test(s.text));
  assert.ok(veto, "the veto sentence is whole");
});

test("analyze --format text is a readable summary", (t) => {
  if (!HAS_SEED) return t.skip(NO_SEED);
  const r = runCli(["analyze", SEED, "--format", "text"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Russian Federation vetoes United Nations resolution/);
  assert.match(r.stdout, /\d+ sentences, \d+ entities, \d+ events, \d+ quotes/);
});

test("analyze --jsonl answers 1,000 articles in one process, one line each with the same id, in order", () => {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) lines.push(JSON.stringify({ id: `a${i}`, text: `Report ${i}\n\nRussia vetoed resolution number ${i} on Wednesday. China abstained.`, date: "2017-04-12" }));
  lines.splice(500, 0, "{not json");
  const r = runCli(["analyze", "--jsonl"], lines.join("\n") + "\n");
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(out.length, 1001);
  assert.deepEqual(out[500], { id: null, error: out[500].error, line: 501 });
  assert.match(r.stderr, /^eventwire: stdin:501: malformed JSON/m);
  const good = out.filter((o) => !o.error);
  assert.deepEqual(good.map((o) => o.id), Array.from({ length: 1000 }, (_, i) => `a${i}`));
  for (const o of good.slice(0, 50)) {
    assert.equal(o.schema, ANALYSIS_SCHEMA);
    assertSpansSliceText(o);
  }
});

test("analyze refuses bad input with a one-line error and a non-zero exit", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "empty.txt"), "");
  const r = runCli(["analyze", join(dir, "empty.txt")]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `eventwire: ${join(dir, "empty.txt")}: empty file\n`);
  const bad = runCli(["analyze", "--format", "xml", join(dir, "empty.txt")]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be json or text/);
});

test("--help documents every command, and each command's flags", () => {
  const r = runCli(["--help"]);
  assert.equal(r.status, 0);
  const names = [...r.stdout.matchAll(/^  (\S+)\s{2,}/gm)].map((m) => m[1]);
  for (const n of ["analyze", "ingest", "events", "quotes", "articles", "export", "failures"]) assert.ok(names.includes(n), n);
  for (const n of names) {
    const h = runCli([n, "--help"]);
    assert.equal(h.status, 0, n);
    assert.match(h.stdout, new RegExp(`^(Usage: )?eventwire ${n}\\b`), n);
  }
  assert.match(runCli(["ingest", "--help"]).stdout, /--db LOCATION/);
  assert.equal(runCli(["nonsense"]).status, 2);
});

test("ingest, query and export round trip through the CLI (GDELT rows have 61 columns)", () => {
  const dir = tempDir();
  const db = join(dir, "db");
  writeFileSync(join(dir, "2017-04-12-a.txt"), "Russia vetoes draft\n\nRussia vetoed a draft resolution on Wednesday.");
  writeFileSync(join(dir, "bin.txt"), Buffer.from([1, 0, 2]));
  writeFileSync(join(dir, "2017-04-13-b.txt"), 'Talks in Moscow\n\n"We will insist on inspections," Lavrov told reporters on Thursday.');
  const r = runCli(["ingest", dir, "--db", db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /read 3 inputs: 2 new articles, 0 unchanged, 0 duplicates, 0 not English \(stored, not analysed\), 1 failures/);
  assert.match(r.stderr, /bin\.txt: binary content/);
  const arts = runCli(["articles", "--db", db, "--format", "json"]);
  const rows = arts.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, 2);
  assert.equal(rows[0].published, "2017-04-12");
  assert.equal(rows[0].title, "Russia vetoes draft");
  const profile = runCli(["profile", "Lavrov", "--db", db, "--format", "json"]);
  const quotes = profile.stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((l) => l.record === "quote");
  assert.equal(quotes.length, 1, profile.stdout);
  assert.match(quotes[0].speaker, /Lavrov$/);
  assert.equal(quotes[0].text, '"We will insist on inspections,"');
  const fails = runCli(["failures", "--db", db, "--format", "csv"]);
  assert.match(fails.stdout, /^input,reason,severity,seen,first_at,last_at\n.*bin\.txt,"binary content \(NUL bytes\), not text",error,1,/);
  const gdelt = runCli(["export", "--db", db, "--format", "gdelt", "--all-modalities"]);
  assert.equal(gdelt.status, 0, gdelt.stderr);
  const records = gdelt.stdout.split("\n").filter(Boolean).map((l) => l.split("\t"));
  assert.ok(records.length >= 1, "the veto is exported");
  for (const r of records) assert.equal(r.length, 61);
  assert.ok(records.some((r) => r[26] === "129" && r[5] === "RUS"), "Russia's veto as EventCode 129 with Actor1Code RUS");
  const jsonl = runCli(["export", "--db", db, "--format", "jsonl", "--all-modalities"]);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const evs = jsonl.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { code: string; source_actor: string; source_plover: string });
  assert.ok(evs.some((e) => e.code === "129" && e.source_actor === "RUS" && e.source_plover === "RUS"), "the PLOVER form beside the CAMEO code");
});
