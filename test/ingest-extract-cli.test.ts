import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { gzipMember, responseRecord } from "../src/ingest/warc/write.js";

const CLI = join("dist", "src", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "eventwire-extract-"));
const body = "Parliament approved the budget on Wednesday after a debate that lasted late into the night, with a narrow majority of eleven votes.";
const html = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="Example Post"></head><body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav><article><h1>${title}</h1><p>${body}</p><p>${body.replace("Wednesday", "Thursday")}</p></article></body></html>`;

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, "extract", ...args], { input, encoding: "utf8" });
}

test("extract FILE...: one JSONL record per file; bad files get an error record, a stderr line and exit code 1", () => {
  const good = join(dir, "good.html");
  writeFileSync(good, iconv.encode(html("Budget passes — narrowly").replace("<head>", '<head><meta charset="windows-1252">'), "windows-1252"));
  const empty = join(dir, "empty.html");
  writeFileSync(empty, "");
  const nav = join(dir, "nav.html");
  writeFileSync(nav, "<html><body><nav><a href='/'>Home</a></nav></body></html>");
  const r = run([good, empty, nav, join(dir, "missing.html")]);
  assert.equal(r.status, 1);
  const recs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(recs.length, 4);
  assert.equal(recs[0].file, good);
  assert.equal(recs[0].title, "Budget passes — narrowly");
  assert.equal(recs[0].site, "Example Post");
  assert.equal(recs[0].language, "en");
  assert.equal(recs[0].body, `${body}\n\n${body.replace("Wednesday", "Thursday")}`);
  assert.deepEqual(Object.keys(recs[0]), ["file", "url", "title", "byline", "published", "site", "language", "body"]);
  assert.match(recs[1].error, /empty file/);
  assert.match(recs[2].error, /no article text/);
  assert.match(recs[3].error, /ENOENT/);
  assert.equal(r.stderr.trim().split("\n").length, 3);
});

test("extract --jsonl: the benchmark interface keeps ids; malformed lines fail alone", () => {
  const input = [JSON.stringify({ id: "p1", html: html("One"), url: "https://e.example/2024/02/03/one" }), "{not json", JSON.stringify({ id: "p3" }), JSON.stringify({ id: "p4", html: html("Four") })].join("\n");
  const r = run(["--jsonl"], input);
  const recs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(recs.map((x) => x.id ?? `line ${x.line}`), ["p1", "line 2", "p3", "p4"]);
  assert.equal(recs[0].published, "2024-02-03");
  assert.equal(recs[0].url, "https://e.example/2024/02/03/one");
  assert.match(recs[1].error, /malformed JSON/);
  assert.match(recs[2].error, /missing "html"/);
  assert.equal(recs[3].title, "Four");
  assert.equal(r.status, 1);
});

test("extract on a .warc.gz: one record per HTML response with its offset; --format json", () => {
  const w = join(dir, "a.warc.gz");
  const m1 = gzipMember(responseRecord({ targetUri: "https://e.example/a", body: html("Alpha") }));
  const m2 = gzipMember(responseRecord({ targetUri: "https://e.example/img.png", body: Buffer.from([1, 2, 3]), headers: { "Content-Type": "image/png" } }));
  const m3 = gzipMember(responseRecord({ targetUri: "https://e.example/b", body: html("Beta") }));
  writeFileSync(w, Buffer.concat([m1, m2, m3]));
  const r = run([w, "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const recs = JSON.parse(r.stdout);
  assert.deepEqual(recs.map((x: { title: string; offset: number }) => [x.title, x.offset]), [["Alpha", 0], ["Beta", m1.length + m2.length]]);
  assert.equal(run(["--format", "xml", w]).status, 2);
});
