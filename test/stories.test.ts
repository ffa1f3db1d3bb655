import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { StoryClusterer } from "../src/stories/cluster.js";
import { storyTerms } from "../src/stories/terms.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { rebuildStories } from "../src/pipeline/stories-run.js";
import { textArticle } from "../src/ingest/text-article.js";
import { Store } from "../src/store/store.js";
import { queryArticles, queryStories } from "../src/api/queries.js";
import { tempDir } from "./helpers/paths.js";

const terms = (s: string) => new Map(s.split(" ").map((w) => [w, 1] as [string, number]));

test("articles sharing their terms form one story; unrelated ones and ones outside the window do not", () => {
  const c = new StoryClusterer({ threshold: 0.2, windowDays: 30 });
  // background articles give the IDF something to weigh against
  for (let i = 0; i < 5; i++) c.add(terms(`market${i} shares${i} bank${i} rate${i}`), "2017-01-01", `bg${i}`);
  assert.equal(c.add(terms("russia veto resolution syria chemical council"), "2017-04-12", "a").story, "a");
  assert.equal(c.add(terms("russia veto draft syria chemical attack"), "2017-04-13", "b").story, "a");
  assert.equal(c.add(terms("football cup final goal penalty"), "2017-04-13", "c").story, "c");
  assert.equal(c.add(terms("russia veto resolution syria chemical council"), "2017-09-01", "d").story, "d", "months later: a new story");
});

test("the stored articles are grouped into stories, the same each time they are rebuilt", async () => {
  const store = await Store.open(join(tempDir(), "db"));
  const pipeline = new Pipeline();
  try {
    const texts = [
      ["2017-04-12", "Russia vetoes Syria draft\n\nRussia vetoed a draft resolution at the U.N. Security Council on Wednesday that would have condemned the chemical attack in Syria's Idlib province."],
      ["2017-04-13", "Moscow blocks UN text on Idlib\n\nMoscow blocked the Security Council resolution condemning the chemical attack in Idlib, the eighth Russian veto on Syria."],
      ["2017-04-13", "Bank of England holds rates\n\nThe Bank of England kept interest rates unchanged on Thursday and said inflation would peak later this year."],
    ];
    for (const [date, text] of texts) await store.saveDoc(pipeline.analyze(textArticle(text, { published: date })));
    assert.ok(storyTerms(pipeline.analyze(textArticle(texts[0][1]))).size > 5);
    const first = await rebuildStories(store);
    assert.deepEqual(first, { articles: 3, stories: 2 });
    const arts = await queryArticles(store, {});
    const story = (title: string) => arts.find((a) => String(a.title).startsWith(title))?.story;
    assert.equal(story("Russia vetoes"), story("Moscow blocks"));
    assert.notEqual(story("Russia vetoes"), story("Bank of England"));
    assert.deepEqual(await rebuildStories(store), first);
    const [top] = await queryStories(store, {});
    assert.equal(Number(top.articles), 2);
    assert.equal(top.title, "Russia vetoes Syria draft");
  } finally {
    await store.close();
  }
});
