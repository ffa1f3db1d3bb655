import { test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Store } from "../src/store/store.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { textArticle } from "../src/ingest/text-article.js";
import { createApiServer } from "../src/api/server.js";
import { tempDir } from "./helpers/paths.js";

test("the JSON API answers queries over loopback and refuses bad parameters", async () => {
  const store = await Store.open(join(tempDir(), "db"));
  const pipeline = new Pipeline();
  await store.saveDoc(pipeline.analyze(textArticle('Talks\n\n"We will insist on inspections," Lavrov told reporters.', { published: "2017-04-13" })));
  await store.recordFailure({ input: "bad.txt", reason: "empty file", severity: "error" });
  const server = createApiServer(store);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const get = async (path: string) => {
      const r = await fetch(base + path);
      return { status: r.status, body: await r.json() };
    };
    const quotes = await get("/quotes?speaker=lavrov");
    assert.equal(quotes.status, 200);
    assert.equal(quotes.body.length, 1);
    assert.equal(quotes.body[0].cue, "told");
    assert.deepEqual((await get("/quotes?speaker=Putin")).body, []);
    assert.equal((await get("/counts")).body.articles, 1);
    assert.equal((await get("/failures")).body[0].reason, "empty file");
    assert.equal((await get("/profile?who=Lavrov")).body.quotes.length, 1);
    assert.deepEqual(await get("/events?from=yesterday"), { status: 400, body: { error: "from must be YYYY-MM-DD" } });
    assert.equal((await get("/profile")).status, 400);
    assert.equal((await get("/nothing")).status, 404);
    const page = await fetch(base + "/");
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    assert.match(await page.text(), /<title>eventwire<\/title>/);
    const article = await get(`/article?id=${quotes.body[0].article_id}`);
    assert.equal(article.status, 200);
    assert.equal(article.body.text.slice(article.body.quotes[0].start, article.body.quotes[0].end), quotes.body[0].text, "offsets slice the article text");
    assert.equal((await get("/article?id=nope")).status, 404);
    assert.equal((await fetch(base + "/events", { method: "POST" })).status, 405);
  } finally {
    await new Promise<void>((ok) => server.close(() => ok()));
    await store.close();
  }
});
