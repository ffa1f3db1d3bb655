import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { ingestAll } from "../src/pipeline/ingest-run.js";
import { textArticle } from "../src/ingest/text-article.js";
import type { Ingested } from "../src/ingest/sources.js";
import { Store } from "../src/store/store.js";
import { queryArticles, queryFailures } from "../src/api/queries.js";
import { tempDir } from "./helpers/paths.js";

const pipeline = new Pipeline();
const spanish = "Rusia veta la resolución\n\nRusia vetó el miércoles una resolución de las Naciones Unidas que habría condenado el ataque químico en Siria, dijeron los diplomáticos en Nueva York.";
const english = "Russia vetoes resolution\n\nRussia vetoed a United Nations resolution on Wednesday that would have condemned the chemical attack in Syria, diplomats said in New York.";

test("a non-English article is kept with its language and not analysed, with the reason", () => {
  const doc = pipeline.analyze(textArticle(spanish));
  assert.equal(doc.article.language, "es");
  assert.match(doc.skipped ?? "", /^language es/);
  assert.equal(doc.sentences.length, 0);
  const en = pipeline.analyze(textArticle(english));
  assert.equal(en.article.language, "en");
  assert.equal(en.skipped, null);
  assert.ok(en.sentences.length >= 2);
});

test("ingest stores non-English articles as skipped and says so", async () => {
  const store = await Store.open(join(tempDir(), "db"));
  try {
    async function* items(): AsyncGenerator<Ingested> {
      yield { kind: "article", article: textArticle(spanish, { source: "es.txt" }), warnings: [] };
      yield { kind: "article", article: textArticle(english, { source: "en.txt" }), warnings: [] };
    }
    const s = await ingestAll(items(), pipeline, store);
    assert.equal(s.inserted, 1);
    assert.equal(s.skipped, 1);
    const arts = await queryArticles(store, {});
    const es = arts.find((a) => a.language === "es");
    assert.match(String(es?.status), /^skipped: language es/);
    const [w] = await queryFailures(store, {});
    assert.equal(w.input, "es.txt");
    assert.equal(w.severity, "warning");
  } finally {
    await store.close();
  }
});
