import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { ingestAll } from "../src/pipeline/ingest-run.js";
import { textArticle } from "../src/ingest/text-article.js";
import { htmlToArticle } from "../src/ingest/html/article.js";
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

test("the language ingest read from a page's text is the one the pipeline goes by", () => {
  // The page declares English (a site-wide default); its text is Spanish.
  const page = `<html lang="en"><body><article><h1>Rusia veta la resolución</h1><p>${spanish.split("\n\n")[1]}</p><p>${spanish.split("\n\n")[1]}</p></article></body></html>`;
  const r = htmlToArticle(Buffer.from(page), "page.html");
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.article.languageGuess?.language, "es");
  const doc = pipeline.analyze(r.article);
  assert.equal(doc.article.language, "es");
  assert.match(doc.skipped ?? "", /^language es \(confidence /);
  // A guess carried with the article is not second-guessed: the pipeline does not read the text again.
  const declared = pipeline.analyze({ ...textArticle(english), languageGuess: { language: "fr", confidence: 0.9 } });
  assert.match(declared.skipped ?? "", /^language fr \(confidence 0.90\)/);
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
