import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsv, parseFieldMap, CsvParser, applyFieldMap, type CsvItem } from "../src/ingest/csv.js";

const dir = mkdtempSync(join(tmpdir(), "eventwire-csv-"));
async function collect(file: string, map = ""): Promise<CsvItem[]> {
  const out: CsvItem[] = [];
  for await (const it of readCsv(file, { map: parseFieldMap(map) })) out.push(it);
  return out;
}

test("CSV with a field mapping: quoted commas, doubled quotes, newlines inside fields, CRLF, BOM", async () => {
  const f = join(dir, "a.csv");
  writeFileSync(f, '\uFEFFguid,headline,body,published\r\n1,Talks,"Ministers met, and said ""yes"".\nSecond line.",2024-03-05\r\n2,Rates,Bank raised rates.,March 6 2024\r\n');
  const items = await collect(f, "text=body,date=published,id=guid,title=headline");
  assert.equal(items.length, 2);
  const [a, b] = items;
  assert.ok(a.kind === "article" && b.kind === "article");
  if (a.kind !== "article" || b.kind !== "article") return;
  assert.equal(a.article.text, 'Ministers met, and said "yes".\nSecond line.');
  assert.equal(a.article.title, "Talks");
  assert.equal(a.article.published, "2024-03-05");
  assert.equal(a.article.externalId, "1");
  assert.equal(b.article.published, "2024-03-06");
  assert.match(b.article.source ?? "", /a\.csv:4$/, "line numbers count the newline inside the quoted field");
});

test("default column names are recognised without a mapping; TSV by extension", async () => {
  const f = join(dir, "b.tsv");
  writeFileSync(f, "id\ttitle\ttext\turl\nx\tT\tSome text here.\thttps://e.example/x\n");
  const [a] = await collect(f);
  assert.ok(a.kind === "article" && a.article.url === "https://e.example/x" && a.article.text === "Some text here.");
});

test("bad rows fail alone with file:line; a missing text column and an unterminated quote are reported", async () => {
  const f = join(dir, "c.csv");
  writeFileSync(f, "id,text\n1,good one\n2\n3,\n4,also good\n");
  const items = await collect(f);
  assert.deepEqual(items.map((i) => (i.kind === "article" ? i.article.text : i.failure.input.replace(/.*\//, "") + " " + i.failure.reason)), [
    "good one",
    "c.csv:3 row has 1 fields, header has 2",
    "c.csv:4 empty text",
    "also good",
  ]);
  const g = join(dir, "d.csv");
  writeFileSync(g, "name,value\na,b\n");
  const gi = await collect(g);
  assert.equal(gi.length, 1);
  assert.ok(gi[0].kind === "failure" && /no text column .*--map text=COLUMN/.test(gi[0].failure.reason));
  const h = join(dir, "e.csv");
  writeFileSync(h, 'text\nfine\n"never closed\n');
  const hi = await collect(h);
  assert.ok(hi.some((i) => i.kind === "failure" && /unterminated quoted field starting on line 3/.test(i.failure.reason)));
  const missing = await collect(join(dir, "nope.csv"));
  assert.ok(missing.length === 1 && missing[0].kind === "failure" && /ENOENT/.test(missing[0].failure.reason));
});

test("the parser is chunk-safe and --map rejects unknown fields", () => {
  const rows: string[][] = [];
  const p = new CsvParser();
  const src = 'a,"b ""q"" c",d\n1,"x\ny",3\n';
  for (const ch of src) p.push(ch, (r) => rows.push(r));
  p.end((r) => rows.push(r));
  assert.deepEqual(rows, [["a", 'b "q" c', "d"], ["1", "x\ny", "3"]]);
  assert.throws(() => parseFieldMap("txet=body"), /unknown field "txet"/);
  assert.throws(() => parseFieldMap("text"), /expected FIELD=COLUMN/);
  assert.deepEqual(applyFieldMap({ body: "B", t: 1 }, parseFieldMap("text=body")), { body: "B", t: 1, text: "B" });
});
