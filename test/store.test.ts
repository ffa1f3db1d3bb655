import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Store } from "../src/store/store.js";
import { Doc } from "../src/model/index.js";
import type { Event } from "../src/model/index.js";
import { textArticle } from "../src/ingest/text-article.js";
import { readSources } from "../src/ingest/sources.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { ingestAll } from "../src/pipeline/ingest-run.js";
import { queryArticles, queryEvents, queryFailures } from "../src/api/queries.js";
import { tempDir } from "./helpers/paths.js";
import { freshPgSchema } from "./helpers/postgres.js";
import { ploverCode } from "../src/extract/actors/index.js";

const pipeline = new Pipeline();

function sampleFolder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "2017-04-12-veto.txt"), "Russia vetoes draft\n\nRussia vetoed a draft resolution on Wednesday. China abstained.");
  writeFileSync(join(dir, "meeting.txt"), "Ministers meet\n\nTillerson met Lavrov in Moscow. \"We talked,\" Lavrov said.");
  writeFileSync(join(dir, "empty.txt"), "");
  mkdirSync(join(dir, "more"));
  writeFileSync(
    join(dir, "more", "batch.jsonl"),
    [JSON.stringify({ id: "1", text: "Britain urged new sanctions.", url: "http://a.test/1" }), "{oops", JSON.stringify({ id: "2", text: "Britain urged new sanctions.", url: "http://b.test/2" })].join("\n"),
  );
  return dir;
}

function fakeEvent(id: string, doc: Doc): Event {
  return {
    id, code: "129", name: "Veto", root: "12", quadClass: 3, goldstein: -5, plover: "REJECT",
    source: { text: "Russia", actor: "RUS", entity: null, start: 0, end: 6 }, target: null,
    date: "2017-04-12", sentence: 0, evidence: { start: 0, end: doc.text.length }, modality: "asserted", confidence: 0.9,
  };
}

/** The same behaviour is required of both backends. */
function storeSuite(name: string, open: () => Promise<{ location: string; cleanup?: () => Promise<void> } | { skip: string }>) {
  describe(`store on ${name}`, () => {
    let location = "";
    let cleanup: (() => Promise<void>) | undefined;
    let skip: string | undefined;
    before(async () => {
      const r = await open();
      if ("skip" in r) skip = r.skip;
      else ({ location, cleanup } = r);
    });
    after(async () => cleanup?.());

    test("ingesting the same folder twice leaves the counts unchanged", async (t) => {
      if (skip) return t.skip(skip);
      const dir = sampleFolder();
      const store = await Store.open(location);
      try {
        const first = await ingestAll(readSources([dir]), pipeline, store);
        assert.equal(first.inserted, 3);
        assert.equal(first.duplicates, 1, "the same text under a second URL is an exact duplicate");
        assert.equal(first.failures, 2, "empty file and malformed JSONL line");
        const countsAfterFirst = await store.counts();
        const second = await ingestAll(readSources([dir]), pipeline, store);
        assert.equal(second.inserted, 0);
        assert.deepEqual(await store.counts(), countsAfterFirst);
        assert.equal(countsAfterFirst.articles, 3);
        assert.equal(countsAfterFirst.failures, 2);
        const failures = await queryFailures(store, {});
        assert.deepEqual(failures.map((f) => Number(f.seen)), [2, 2], "each failure recorded once, met twice");
        assert.ok(failures.some((f) => String(f.input).endsWith("batch.jsonl:2") && /malformed JSON/.test(String(f.reason))));
        const arts = await queryArticles(store, {});
        const britain = arts.find((a) => String(a.title ?? "").length === 0 && Number(a.urls) === 2);
        assert.ok(britain, "the duplicated JSONL text is stored once with both URLs");
        assert.ok(arts.some((a) => a.published === "2017-04-12"), "date taken from the file name");
        const evs = await store.sql.query<{ source_actor: string | null; source_plover: string | null }>("SELECT source_actor, source_plover FROM events");
        assert.ok(evs.length > 0);
        for (const e of evs) assert.equal(e.source_plover, ploverCode(e.source_actor), "the PLOVER form is stored beside the CAMEO code");
      } finally {
        await store.close();
      }
    });

    test("an article is written in one transaction: a failure midway leaves nothing", async (t) => {
      if (skip) return t.skip(skip);
      const store = await Store.open(location);
      try {
        const before = await store.counts();
        const doc = new Doc(textArticle("Russia vetoed the resolution. It was the eighth veto.", { url: "http://atomic.test/" }));
        doc.events.push(fakeEvent("e1", doc), fakeEvent("e1", doc)); // duplicate key: the second insert fails
        await assert.rejects(store.saveDoc(doc));
        assert.deepEqual(await store.counts(), before, "no article, no event left behind");
        doc.events.pop();
        doc.events[0].attribution = { text: "Lavrov", actor: "RUSGOV", entity: null };
        doc.quotes.push({ id: "q1", text: doc.text, start: 0, end: doc.text.length, direct: true, speaker: null, cue: null, sentence: 0, fragments: [{ start: 0, end: 6 }] });
        assert.equal(await store.saveDoc(doc), "inserted");
        const after = await store.counts();
        assert.equal(after.articles, before.articles + 1);
        assert.equal(after.events, before.events + 1);
        const [ev] = await store.sql.query<{ evidence_text: string; event_date: string }>("SELECT evidence_text, event_date::text FROM events WHERE id = 'e1' AND article_id = $1", [doc.article.id]);
        assert.equal(ev.evidence_text, doc.text);
        const [stored] = await store.sql.query<{ attribution_actor: string; fragments: unknown }>(
          "SELECT e.attribution_actor, q.fragments FROM events e JOIN quotes q ON q.article_id = e.article_id WHERE e.id = 'e1' AND q.id = 'q1' AND e.article_id = $1", [doc.article.id]);
        assert.equal(stored.attribution_actor, "RUSGOV");
        assert.deepEqual(typeof stored.fragments === "string" ? JSON.parse(stored.fragments) : stored.fragments, [{ start: 0, end: 6 }]);
        assert.equal(await store.saveDoc(doc), "unchanged");
      } finally {
        await store.close();
      }
    });

    test("syndicated copy under another headline is linked to the first copy", async (t) => {
      if (skip) return t.skip(skip);
      const store = await Store.open(location);
      try {
        const body =
          "UNITED NATIONS - Russia vetoed a draft resolution at the U.N. Security Council on Wednesday that would have condemned the suspected chemical attack in Idlib province. " +
          "Ten members voted in favour of the text, which had been drafted by Britain, France and the United States, while China abstained and two members voted against it.";
        const first = new Doc(textArticle(`Russia blocks draft\n\n${body}`, { url: "http://wire.test/1" }));
        const copy = new Doc(textArticle(`Moscow vetoes UN text\n\n${body}\n\nCopyright Example Daily.`, { url: "http://daily.test/2" }));
        const other = new Doc(textArticle("Markets\n\nShares in European banks rose sharply on Thursday after the central bank kept interest rates unchanged and signalled no cut before the summer, traders in Frankfurt and London said.", {}));
        first.events.push(fakeEvent("v1", first));
        copy.events.push(fakeEvent("v1", copy));
        for (const d of [first, copy, other]) assert.equal(await store.saveDoc(d), "inserted");
        const rows = await store.sql.query<{ id: string; duplicate_of: string | null; duplicate_similarity: number | null }>(
          "SELECT id, duplicate_of, duplicate_similarity FROM articles WHERE id = ANY($1)", [[first.article.id, copy.article.id, other.article.id]]);
        const by = new Map(rows.map((r) => [r.id, r]));
        assert.equal(by.get(first.article.id)?.duplicate_of, null);
        assert.equal(by.get(copy.article.id)?.duplicate_of, first.article.id);
        assert.ok(Number(by.get(copy.article.id)?.duplicate_similarity) >= 0.35);
        assert.equal(by.get(other.article.id)?.duplicate_of, null);
        const once = await queryEvents(store, { search: "Idlib" });
        assert.deepEqual(once.map((e) => [e.article_id, Number(e.copies)]), [[first.article.id, 1]], "the copy's veto is counted under the first copy");
        assert.equal((await queryEvents(store, { search: "Idlib", includeCopies: true })).length, 2);
      } finally {
        await store.close();
      }
    });

    test("migrations are applied once and recorded", async (t) => {
      if (skip) return t.skip(skip);
      const store = await Store.open(location);
      try {
        assert.deepEqual(await store.migrate(), []);
        const rows = await store.sql.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
        assert.deepEqual(rows.map((r) => Number(r.version)), [1, 2, 3, 4, 5, 6, 7]);
      } finally {
        await store.close();
      }
    });
  });
}

storeSuite("PGlite (embedded)", async () => ({ location: join(tempDir(), "db") }));
storeSuite("PostgreSQL", async () => {
  const r = await freshPgSchema();
  if ("skip" in r) {
    if (process.env.CI) throw new Error(`CI must test PostgreSQL: ${r.skip}`);
    return r;
  }
  return { location: r.url, cleanup: r.drop };
});
