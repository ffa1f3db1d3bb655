import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readSources, dateInFileName, type Ingested } from "../src/ingest/sources.js";
import { readTextFile } from "../src/ingest/read-file.js";
import { articleId } from "../src/ingest/article-id.js";
import { textArticle, bodyStart } from "../src/ingest/text-article.js";
import { tempDir } from "./helpers/paths.js";

async function collect(paths: string[], opts = {}): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const item of readSources(paths, opts)) out.push(item);
  return out;
}
const failures = (items: Ingested[]) => items.flatMap((i) => (i.kind === "failure" ? [i.failure] : []));
const articles = (items: Ingested[]) => items.flatMap((i) => (i.kind === "article" ? [i] : []));

test("an empty file is refused with its name and reason, the others go on", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "good.txt"), "Title\n\nRussia vetoed the resolution.");
  const items = await collect([dir]);
  assert.deepEqual(failures(items).map((f) => [f.input.endsWith("empty.txt"), f.reason]), [[true, "empty file"]]);
  assert.equal(articles(items).length, 1);
});

test("a folder's files of other kinds are reported as not read, never dropped silently", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "report.pdf"), "%PDF-1.4");
  writeFileSync(join(dir, ".DS_Store"), "x");
  writeFileSync(join(dir, "good.txt"), "Russia vetoed the resolution.");
  const items = await collect([dir]);
  assert.deepEqual(failures(items).map((f) => [f.input.endsWith("report.pdf"), f.reason, f.severity]), [[true, "not read: unsupported file type .pdf", "warning"]]);
  assert.equal(articles(items).length, 1);
});

test("a binary file (NUL bytes) is refused as not text", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
  const [f] = failures(await collect([join(dir, "image.txt")]));
  assert.match(f.reason, /binary content/);
});

test("a file over the size limit is refused from its size, without reading it", async () => {
  const dir = tempDir();
  const big = join(dir, "big.txt");
  writeFileSync(big, "");
  truncateSync(big, 11 * 1024 * 1024); // sparse: 11 MB of NUL bytes that are never read
  const r = await readTextFile(big);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.failure.reason : "", /too large: 11534336 bytes, limit 10485760/);
  // the limit is configurable
  writeFileSync(join(dir, "small.txt"), "x".repeat(2000));
  const [f] = failures(await collect([join(dir, "small.txt")], { maxBytes: 1000 }));
  assert.match(f.reason, /too large/);
});

test("a malformed JSONL line fails with its line number; the other lines are read", async () => {
  const dir = tempDir();
  const file = join(dir, "batch.jsonl");
  writeFileSync(
    file,
    [
      JSON.stringify({ id: "a", text: "Russia vetoed the draft.", date: "2017-04-12" }),
      '{"id": "b", "text": "broken',
      JSON.stringify({ id: "c", text: "" }),
      "[1,2]",
      JSON.stringify({ id: "d", text: "China abstained.", url: "http://example.test/d" }),
    ].join("\n"),
  );
  const items = await collect([file]);
  assert.deepEqual(
    failures(items).map((f) => [f.input, f.reason.split(":")[0]]),
    [
      [`${file}:2`, "malformed JSON"],
      [`${file}:3`, 'missing or empty "text"'],
      [`${file}:4`, "not a JSON object"],
    ],
  );
  const arts = articles(items).map((i) => i.article);
  assert.deepEqual(arts.map((a) => [a.externalId, a.published, a.url]), [["a", "2017-04-12", null], ["d", null, "http://example.test/d"]]);
});

test("JSONL lines are checked one by one: bad UTF-8 warns about its line, NUL bytes and overlong lines fail alone", async () => {
  const dir = tempDir();
  const file = join(dir, "mixed.jsonl");
  const line = (o: object) => Buffer.from(JSON.stringify(o) + "\n");
  writeFileSync(
    file,
    Buffer.concat([
      line({ id: "ok", text: "Russia vetoed the draft." }),
      Buffer.from('{"id": "latin1", "text": "Caf'), Buffer.from([0xe9]), Buffer.from(' talks resumed."}\r\n'),
      Buffer.from('{"id": "nul", "text": "a'), Buffer.from([0]), Buffer.from('b"}\n'),
      line({ id: "long", text: "x".repeat(5000) }),
      Buffer.from("\n   \n"),
      line({ id: "last", text: "China abstained." }),
    ]),
  );
  const items = await collect([file], { maxBytes: 2000 });
  assert.deepEqual(failures(items).map((f) => [f.input.replace(dir, ""), f.reason]), [
    ["/mixed.jsonl:3", "binary content (NUL bytes), not text"],
    ["/mixed.jsonl:4", "too large: over 2000 bytes (--max-bytes)"],
  ]);
  const arts = articles(items);
  assert.deepEqual(arts.map((a) => a.article.externalId), ["ok", "latin1", "last"]);
  assert.equal(arts[1].article.text, "Caf\uFFFD talks resumed.");
  assert.match(arts[1].warnings[0].reason, /invalid UTF-8/);
  assert.equal(arts[1].warnings[0].input, `${file}:2`);
});

test("an unreadable or missing path is a failure naming it", async () => {
  const dir = tempDir();
  const locked = join(dir, "locked");
  mkdirSync(locked);
  writeFileSync(join(locked, "a.txt"), "text");
  chmodSync(locked, 0o000);
  const items = await collect([join(dir, "missing.txt"), locked]);
  chmodSync(locked, 0o755);
  const f = failures(items);
  assert.match(f[0].input, /missing\.txt$/);
  assert.match(f[0].reason, /cannot read: ENOENT/);
  // root may read anything: then the folder's file is read instead of failing
  if (process.getuid?.() !== 0) assert.match(f[1].reason, /EACCES/);
  else assert.equal(articles(items).length, 1);
});

test("invalid UTF-8 inside good text is decoded with U+FFFD and a warning", async () => {
  const dir = tempDir();
  const file = join(dir, "latin1.txt");
  writeFileSync(file, Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" talks resumed in Gen\u00e8ve.", "utf8")]));
  const [item] = articles(await collect([file]));
  assert.equal(item.article.text, "Caf\uFFFD talks resumed in Genève.");
  assert.equal(item.warnings.length, 1);
  assert.match(item.warnings[0].reason, /invalid UTF-8: 1 byte sequence/);
  assert.equal(item.warnings[0].severity, "warning");
});

test("plain text: the first line is the title when a blank line follows; the text is kept as read", () => {
  const text = "Russia vetoes resolution\n\nUNITED NATIONS (AP) - Russia vetoed it.";
  const a = textArticle(text);
  assert.equal(a.title, "Russia vetoes resolution");
  assert.equal(a.text, text);
  assert.equal(text.slice(bodyStart(a)), "UNITED NATIONS (AP) - Russia vetoed it.");
  assert.equal(textArticle("One paragraph only.\nStill the same one.").title, null);
});

test("article ids hash normalised text and URL", () => {
  assert.equal(articleId("A  b\n c", null), articleId("A b c", null));
  assert.notEqual(articleId("A b c", "http://x.test/1"), articleId("A b c", "http://x.test/2"));
  assert.match(articleId("x", null), /^[0-9a-f]{16}$/);
});

test("CSV rows and JSONL keys are read through a field mapping; a bad row fails alone", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "feed.csv"), 'guid,headline,body,published\n1,Veto,"Russia vetoed the draft, diplomats said.",2017-04-12\n2,Empty,,2017-04-12\n');
  writeFileSync(join(dir, "feed.jsonl"), JSON.stringify({ guid: "x", body: "China abstained.", published: "2017-04-13" }) + "\n");
  const items = await collect([dir], { map: { text: "body", date: "published", id: "guid" } });
  assert.deepEqual(failures(items).map((f) => [f.input.replace(dir, ""), f.reason]), [["/feed.csv:3", "empty text"]]);
  assert.deepEqual(
    articles(items).map((i) => [i.article.externalId, i.article.title, i.article.text, i.article.published]),
    [
      ["1", "Veto", "Russia vetoed the draft, diplomats said.", "2017-04-12"],
      ["x", null, "China abstained.", "2017-04-13"],
    ],
  );
});

test("dates in file names are read as publication dates", () => {
  assert.equal(dateInFileName("/news/2017-04-12-un-veto.txt"), "2017-04-12");
  assert.equal(dateInFileName("reuters_20170412_x.html"), "2017-04-12");
  assert.equal(dateInFileName("article-123456789.txt"), null);
});

test("an HTML page becomes its extracted article; a page with no article is a failure", async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, "page.html"),
    `<!DOCTYPE html><html lang="en"><head><title>Russia vetoes draft | Example News</title>
     <meta property="article:published_time" content="2017-04-12T18:00:00Z"><link rel="canonical" href="https://news.example.test/veto"></head>
     <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Russia vetoes draft</h1>
     <p>Russia vetoed a draft resolution at the U.N. Security Council on Wednesday that would have condemned the suspected chemical attack in Idlib.</p>
     <p>Ten members voted in favour of the text, which had been drafted by Britain, France and the United States. China abstained.</p>
     <p>Moscow wanted an impartial inquiry, its deputy ambassador said after the vote in New York on Wednesday evening.</p></article>
     <footer>Copyright Example News</footer></body></html>`,
  );
  writeFileSync(join(dir, "nav.html"), `<html><body><nav><a href="/">Home</a></nav></body></html>`);
  const items = await collect([dir]);
  const [page] = articles(items);
  assert.equal(page.article.url, "https://news.example.test/veto");
  assert.equal(page.article.published, "2017-04-12");
  assert.ok(page.article.text.startsWith(`${page.article.title}\n\n`), "title line, blank line, body");
  assert.match(page.article.text, /China abstained\./);
  assert.doesNotMatch(page.article.text, /Copyright|Home/);
  const [f] = failures(items);
  assert.match(f.input, /nav\.html$/);
  assert.equal(f.reason, "no article text found in the HTML page");
});
