import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipMember, responseRecord, warcinfoRecord } from "../src/ingest/warc/write.js";
import { readSources } from "../src/ingest/sources.js";
import { Store } from "../src/store/store.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { ingestAll } from "../src/pipeline/ingest-run.js";
import { queryArticles, queryFailures } from "../src/api/queries.js";
import { tempDir } from "./helpers/paths.js";

const page = (title: string, para: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav>` +
  `<article><h1>${title}</h1><p>${para}</p><p>Diplomats said the vote was expected to deepen the rift between the permanent members of the council.</p></article></body></html>`;

function archive(dir: string): string {
  const file = join(dir, "crawl.warc.gz");
  const members = [
    warcinfoRecord({ software: "eventwire-test" }),
    responseRecord({ targetUri: "https://news.example.test/a", date: "2017-04-12T10:00:00Z", body: page("Russia vetoes draft", "Russia vetoed a draft resolution at the U.N. Security Council on Wednesday.") }),
    responseRecord({ targetUri: "https://news.example.test/logo.png", headers: { "Content-Type": "image/png" }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }),
    responseRecord({ targetUri: "https://news.example.test/b", date: "2017-04-13T10:00:00Z", body: page("Ministers meet", "Tillerson met Lavrov in Moscow on Wednesday for talks on Syria.") }),
    responseRecord({ targetUri: "https://news.example.test/c", date: "2017-04-14T10:00:00Z", body: page("Sanctions urged", "Britain urged its partners to impose new sanctions on Syrian officials.") }),
  ].map(gzipMember);
  const truncated = members[members.length - 1].subarray(0, 40);
  writeFileSync(file, Buffer.concat([...members, truncated]));
  return file;
}

test("a WARC archive is ingested page by page; a truncated record is a failure naming its offset", async () => {
  const dir = tempDir();
  const file = archive(dir);
  const store = await Store.open(join(dir, "db"));
  try {
    const s = await ingestAll(readSources([dir], { resumeAt: (i) => store.checkpoint(i), skipDirs: [join(dir, "db")] }), new Pipeline(), store);
    assert.equal(s.inserted, 3, "three HTML pages; the image is passed over");
    assert.equal(s.failures, 1);
    const [f] = await queryFailures(store, {});
    assert.match(String(f.input), /crawl\.warc\.gz@\d+$/);
    assert.match(String(f.reason), /truncated gzip member/);
    const arts = await queryArticles(store, {});
    assert.deepEqual(arts.map((a) => [a.url, a.published]), [
      ["https://news.example.test/a", "2017-04-12"],
      ["https://news.example.test/b", "2017-04-13"],
      ["https://news.example.test/c", "2017-04-14"],
    ]);
  } finally {
    await store.close();
  }
});

test("an interrupted WARC ingest resumes after the last stored record", async () => {
  const dir = tempDir();
  archive(dir);
  const store = await Store.open(join(dir, "db"));
  const pipeline = new Pipeline();
  try {
    let seen = 0;
    const first = await ingestAll(readSources([dir], { resumeAt: (i) => store.checkpoint(i), skipDirs: [join(dir, "db")] }), pipeline, store, { shouldStop: () => ++seen >= 1 });
    assert.equal(first.inserted, 1, "stopped after the first page");
    const second = await ingestAll(readSources([dir], { resumeAt: (i) => store.checkpoint(i), skipDirs: [join(dir, "db")] }), pipeline, store);
    assert.equal(second.unchanged, 0, "the stored page is not read again");
    assert.equal(second.inserted, 2);
    assert.equal((await store.counts()).articles, 3);
  } finally {
    await store.close();
  }
});
