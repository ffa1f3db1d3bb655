import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readWarc, type WarcItem } from "../src/ingest/warc/read.js";
import { gzipMember, responseRecord, warcinfoRecord } from "../src/ingest/warc/write.js";

const dir = mkdtempSync(join(tmpdir(), "eventwire-warc-"));
const page = (i: number) => `<html><head><title>Page ${i}</title></head><body><p>Paragraph number ${i} of a test page.</p></body></html>`;
const rec = (i: number, extra: Parameters<typeof responseRecord>[1] = {}) => responseRecord({ targetUri: `https://example.org/${i}`, date: "2024-01-0" + ((i % 9) + 1) + "T00:00:00Z", body: page(i) }, extra);

async function collect(file: string, startOffset?: number, oneShotBytes?: number): Promise<WarcItem[]> {
  const out: WarcItem[] = [];
  for await (const it of readWarc(file, { startOffset, chunkSize: 64, oneShotBytes })) out.push(it);
  return out;
}

test("reads response records from a plain .warc, skipping warcinfo", async () => {
  const f = join(dir, "a.warc");
  writeFileSync(f, Buffer.concat([warcinfoRecord({ software: "test" }), rec(1), rec(2), rec(3)]));
  const items = await collect(f);
  assert.equal(items.length, 3);
  assert.ok(items.every((i) => i.kind === "response"));
  const first = items[0];
  assert.equal(first.kind, "response");
  if (first.kind !== "response") return;
  assert.equal(first.targetUri, "https://example.org/1");
  assert.equal(first.status, 200);
  assert.equal(first.contentType, "text/html; charset=utf-8");
  assert.equal(first.body.toString("utf8"), page(1));
  assert.equal(first.date, "2024-01-02T00:00:00Z");
});

test("reads a .warc.gz with one member per record and resumes from a record offset", async () => {
  const f = join(dir, "b.warc.gz");
  const members = [gzipMember(warcinfoRecord({ software: "test" })), ...[1, 2, 3, 4].map((i) => gzipMember(rec(i)))];
  writeFileSync(f, Buffer.concat(members));
  const items = await collect(f);
  assert.deepEqual(items.map((i) => (i.kind === "response" ? i.targetUri : i.reason)), [1, 2, 3, 4].map((i) => `https://example.org/${i}`));
  // offsets are member offsets
  const expected = members[0].length + members[1].length;
  assert.equal(items[1].offset, expected);
  assert.equal(items[1].nextOffset, expected + members[2].length);
  const resumed = await collect(f, items[2].offset);
  assert.deepEqual(resumed.map((i) => (i.kind === "response" ? i.targetUri : "")), ["https://example.org/3", "https://example.org/4"]);
});

test("a truncated gzip member at the end is one failure; earlier records survive", async () => {
  const f = join(dir, "c.warc.gz");
  const m3 = gzipMember(rec(3));
  writeFileSync(f, Buffer.concat([gzipMember(rec(1)), gzipMember(rec(2)), m3.subarray(0, m3.length - 30)]));
  const items = await collect(f);
  assert.equal(items.length, 3);
  assert.equal(items[0].kind, "response");
  assert.equal(items[1].kind, "response");
  assert.equal(items[2].kind, "failure");
  assert.match((items[2] as { reason: string }).reason, /truncated gzip/);
});

test("a corrupt gzip member in the middle fails alone and the reader resyncs on the next member", async () => {
  const f = join(dir, "d.warc.gz");
  const bad = Buffer.from(gzipMember(rec(2)));
  for (let i = 20; i < 60; i++) bad[i] ^= 0x5a;
  writeFileSync(f, Buffer.concat([gzipMember(rec(1)), bad, gzipMember(rec(3))]));
  const items = await collect(f);
  const kinds = items.map((i) => i.kind);
  assert.equal(kinds[0], "response");
  assert.ok(kinds.includes("failure"), "the corrupt member is reported");
  const last = items[items.length - 1];
  assert.equal(last.kind === "response" && last.targetUri, "https://example.org/3");
});

test("a WARC record with a wrong Content-Length is a failure; the next record is still read (plain and gzip)", async () => {
  const f = join(dir, "e.warc");
  writeFileSync(f, Buffer.concat([rec(1), rec(2, { contentLengthDelta: -7 }), rec(3)]));
  const items = await collect(f);
  assert.deepEqual(
    items.map((i) => (i.kind === "response" ? i.targetUri : "FAIL")),
    ["https://example.org/1", "FAIL", "https://example.org/3"],
  );
  assert.match((items[1] as { reason: string }).reason, /wrong Content-Length/);

  const g = join(dir, "e.warc.gz");
  writeFileSync(g, Buffer.concat([gzipMember(rec(1)), gzipMember(rec(2, { contentLengthDelta: 50 })), gzipMember(rec(3))]));
  const gi = await collect(g);
  assert.deepEqual(gi.map((i) => (i.kind === "response" ? i.targetUri : "FAIL")), ["https://example.org/1", "FAIL", "https://example.org/3"]);
});

test("a plain WARC truncated inside a record reports it; garbage and missing files never throw", async () => {
  const f = join(dir, "f.warc");
  const r2 = rec(2);
  writeFileSync(f, Buffer.concat([rec(1), r2.subarray(0, r2.length - 40)]));
  const items = await collect(f);
  assert.equal(items[0].kind, "response");
  assert.equal(items[1].kind, "failure");
  assert.match((items[1] as { reason: string }).reason, /truncated/);

  const g = join(dir, "g.warc");
  writeFileSync(g, Buffer.concat([Buffer.from("this is not a warc file\n"), rec(5)]));
  const gi = await collect(g);
  assert.deepEqual(gi.map((i) => i.kind), ["failure", "response"]);

  const missing = await collect(join(dir, "nope.warc.gz"));
  assert.equal(missing.length, 1);
  assert.match((missing[0] as { reason: string }).reason, /cannot open .*ENOENT/);
});

test("chunked transfer encoding and gzip content encoding in the HTTP payload are decoded", async () => {
  const body = page(9);
  const chunked = `${Buffer.byteLength(body.slice(0, 20)).toString(16)}\r\n${body.slice(0, 20)}\r\n${Buffer.byteLength(body.slice(20)).toString(16)}\r\n${body.slice(20)}\r\n0\r\n\r\n`;
  const f = join(dir, "h.warc.gz");
  writeFileSync(
    f,
    Buffer.concat([
      gzipMember(responseRecord({ targetUri: "https://example.org/c", body: chunked, headers: { "Transfer-Encoding": "chunked" } })),
      gzipMember(responseRecord({ targetUri: "https://example.org/z", body: gzipSync(body), headers: { "Content-Encoding": "gzip" } })),
    ]),
  );
  const items = await collect(f);
  assert.equal(items.length, 2);
  for (const it of items) assert.equal(it.kind === "response" && it.body.toString("utf8"), body);
});

test("a whole .warc gzipped as one stream (plain `gzip`) is streamed record by record; members after it are still read", async () => {
  const f = join(dir, "whole.warc.gz");
  const whole = gzipSync(Buffer.concat([warcinfoRecord({ software: "test" }), ...[1, 2, 3, 4, 5, 6].map((i) => rec(i))]));
  writeFileSync(f, Buffer.concat([whole, gzipMember(rec(7))]));
  const items = await collect(f, undefined, 600); // force the streaming path
  assert.deepEqual(items.map((i) => (i.kind === "response" ? i.targetUri : "FAIL")), [1, 2, 3, 4, 5, 6, 7].map((i) => `https://example.org/${i}`));
  assert.equal(items[6].offset, whole.length);
  // truncated inside the stream: the complete records before the cut, then one failure
  const many = gzipSync(Buffer.concat(Array.from({ length: 400 }, (_, i) => rec(i))));
  const g = join(dir, "whole-trunc.warc.gz");
  writeFileSync(g, many.subarray(0, many.length - 200));
  const gi = await collect(g, undefined, 600);
  assert.equal(gi[gi.length - 1].kind, "failure");
  assert.match((gi[gi.length - 1] as { reason: string }).reason, /truncated gzip member/);
  const salvaged = gi.filter((i) => i.kind === "response").length;
  assert.ok(salvaged >= 300 && salvaged < 400, `salvaged ${salvaged} of 400 records`);
});
