import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { tempDir } from "./helpers/paths.js";
import { runCliAsync } from "./helpers/cli.js";

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p>` +
  `<p>Diplomats at the United Nations said the dispute was likely to continue for weeks.</p></article></body></html>`;

test("watch --once ingests a feed's new items from a local server, records failures, and resumes from its state", async () => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.url} ${req.headers["user-agent"]}`);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === "/feed.xml") {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
      return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><guid>1</guid><title>Veto</title><link>${base}/a</link><pubDate>Wed, 12 Apr 2017 10:00:00 GMT</pubDate></item>
        <item><guid>2</guid><title>Talks</title><link>${base}/b</link></item>
        <item><guid>3</guid><title>Gone</title><link>${base}/missing</link></item></channel></rss>`);
    }
    if (req.url === "/a") return res.writeHead(200, { "content-type": "text/html" }).end(page("Russia vetoes draft", "Russia vetoed a draft resolution at the U.N. Security Council on Wednesday."));
    if (req.url === "/b") return res.writeHead(200, { "content-type": "text/html" }).end(page("Ministers meet", "Tillerson met Lavrov in Moscow for talks on Syria on Wednesday."));
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const dir = tempDir();
  const db = join(dir, "db");
  try {
    const first = await runCliAsync(["watch", feed, "--once", "--db", db, "--host-interval", "0"]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /watched 1 feeds: 2 new articles, 0 unchanged, 0 duplicates, 1 failures/);
    assert.match(first.stderr, /\/missing.*HTTP 404/);
    assert.ok(hits.every((h) => /eventwire/.test(h)), "every request names eventwire in its User-Agent");
    const second = await runCliAsync(["watch", feed, "--once", "--db", db, "--host-interval", "0"]);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /watched 1 feeds: 0 new articles/);
    assert.match(second.stderr, /not modified/);
    const failures = await runCliAsync(["failures", "--db", db, "--format", "json"]);
    assert.ok(failures.stdout.split("\n").some((l) => l.includes("/missing")), failures.stdout);
  } finally {
    await new Promise<void>((ok) => server.close(() => ok()));
  }
});
