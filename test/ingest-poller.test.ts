import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { FeedPoller, type PollEvent } from "../src/ingest/feeds/poller.js";
import { parseRobots, robotsAllows } from "../src/ingest/feeds/robots.js";

interface Hit {
  path: string;
  ua: string | undefined;
  inm: string | undefined;
  at: number;
}

const para = (s: string) => `<p>${s} The committee met for several hours and agreed to publish its findings next month, officials said on Tuesday.</p>`;
const page = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="2024-03-01T10:00:00Z"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${para("First.")}${para("Second.")}${para("Third.")}</article><footer>Copyright Example</footer></body></html>`;

function rss(base: string, ids: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${ids.map((id) => `<item><guid>${id}</guid><title>Item ${id}</title><link>${base}/${id}</link></item>`).join("")}</channel></rss>`;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

async function serve(handler: (req: IncomingMessage, base: string) => Reply): Promise<{ server: Server; base: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  let base = "";
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? "", ua: req.headers["user-agent"], inm: req.headers["if-none-match"] as string | undefined, at: Date.now() });
    const r = handler(req, base);
    const send = () => {
      res.writeHead(r.status, r.headers ?? {});
      res.end(r.body ?? "");
    };
    if (r.delayMs) setTimeout(send, r.delayMs);
    else send();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, hits };
}

async function all(gen: AsyncGenerator<PollEvent>): Promise<PollEvent[]> {
  const out: PollEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

test("watch: new items are fetched and extracted; 404 and timeout are recorded failures; conditional GET; restart resumes", async () => {
  let ids = ["a", "b", "missing", "slow"];
  const { server, base, hits } = await serve((req, b): Reply => {
    if (req.url === "/feed") {
      const etag = `"v${ids.length}"`;
      if (req.headers["if-none-match"] === etag) return { status: 304 };
      return { status: 200, headers: { "Content-Type": "application/rss+xml", ETag: etag }, body: rss(b, ids) };
    }
    if (req.url === "/missing") return { status: 404, body: "not found" };
    if (req.url === "/slow") return { status: 200, headers: { "Content-Type": "text/html" }, body: page("Slow"), delayMs: 1500 };
    const id = (req.url ?? "").slice(1);
    return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: page(`Story ${id}`) };
  });
  const statePath = join(mkdtempSync(join(tmpdir(), "eventwire-poll-")), "state.json");
  const opts = { statePath, hostIntervalMs: 40, timeoutMs: 400, maxItemAttempts: 2 };
  try {
    const p1 = new FeedPoller([`${base}/feed`], opts);
    const ev1 = await all(p1.pollOnce(true));
    const arts = ev1.filter((e) => e.kind === "article");
    // feeds list newest first; items are delivered oldest first
    assert.deepEqual(arts.map((e) => e.kind === "article" && e.article.title), ["Story b", "Story a"]);
    const a0 = arts[1];
    assert.ok(a0.kind === "article" && a0.article.text.startsWith("Story a\n\nFirst. The committee"), "title + extracted body");
    assert.ok(a0.kind === "article" && a0.article.published === "2024-03-01" && a0.article.language === "en");
    assert.ok(a0.kind === "article" && !a0.article.text.includes("Home") && !a0.article.text.includes("Copyright"));
    const fails = ev1.filter((e) => e.kind === "failure").map((e) => (e.kind === "failure" ? e.failure.reason : ""));
    assert.equal(fails.length, 2);
    assert.ok(fails.some((r) => /HTTP 404/.test(r) && /will retry/.test(r)), fails.join(" | "));
    assert.ok(fails.some((r) => /timeout/.test(r)), fails.join(" | "));
    // every request names eventwire; same-host requests respect the interval
    assert.ok(hits.every((h) => h.ua?.startsWith("eventwire/")));
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i].at - hits[i - 1].at >= 35, `requests ${i - 1} and ${i} too close`);

    // Second poll: 304, but failed items are retried only when the feed changes; nothing new
    const before = hits.length;
    const ev2 = await all(p1.pollOnce(true));
    assert.equal(hits[before].inm, `"v4"`, "conditional GET sends the ETag");
    assert.deepEqual(ev2.map((e) => e.kind === "feed" && e.status), ["not-modified"]);

    // Restart from the state file with one new item: only it (and the retries) are fetched
    ids = ["a", "b", "missing", "slow", "c"];
    const p2 = new FeedPoller([`${base}/feed`], opts);
    const ev3 = await all(p2.pollOnce(true));
    assert.deepEqual(ev3.filter((e) => e.kind === "article").map((e) => e.kind === "article" && e.article.title), ["Story c"]);
    const f3 = ev3.filter((e) => e.kind === "failure").map((e) => (e.kind === "failure" ? e.failure.reason : ""));
    assert.ok(f3.every((r) => /giving up/.test(r)) && f3.length === 2, f3.join(" | "));
    const state = JSON.parse(readFileSync(statePath, "utf8"));
    assert.deepEqual([...state.feeds[`${base}/feed`].seen].sort(), ["a", "b", "c", "missing", "slow"]);
  } finally {
    server.close();
  }
});

test("watch: a feed URL that serves HTML or 500 is a failure with backoff, not a crash; the next feed still runs", async () => {
  const { server, base } = await serve((req, b): Reply => {
    if (req.url === "/html") return { status: 200, headers: { "Content-Type": "text/html" }, body: "<!DOCTYPE html><html><body><p>Our homepage</p></body></html>" };
    if (req.url === "/broken") return { status: 503, headers: { "Retry-After": "120" } };
    if (req.url === "/ok") return { status: 200, headers: { "Content-Type": "application/rss+xml" }, body: rss(b, ["x"]) };
    if (req.url === "/empty") return { status: 200, headers: { "Content-Type": "text/html" }, body: "<html><body><nav><a href='/'>Home</a></nav></body></html>" };
    return { status: 200, headers: { "Content-Type": "text/html" }, body: "<html><body><nav><a href='/'>Home</a></nav></body></html>" };
  });
  const statePath = join(mkdtempSync(join(tmpdir(), "eventwire-poll-")), "state.json");
  let clock = 1_000_000;
  try {
    const p = new FeedPoller([`${base}/html`, `${base}/broken`, `${base}/ok`], { statePath, hostIntervalMs: 0, timeoutMs: 2000, backoffBaseMs: 60_000, now: () => clock });
    const ev = await all(p.pollOnce());
    const fails = ev.filter((e) => e.kind === "failure").map((e) => (e.kind === "failure" ? `${e.failure.input} ${e.failure.reason}` : ""));
    assert.ok(fails.some((r) => r.includes("/html") && /not a feed: the document is an HTML page/.test(r)), fails.join(" | "));
    assert.ok(fails.some((r) => r.includes("/broken") && /HTTP 503/.test(r)), fails.join(" | "));
    // the item of /ok points at a page with no article: a failure for that item
    assert.ok(fails.some((r) => r.includes("/x") && /no article text/.test(r)), fails.join(" | "));
    const state = JSON.parse(readFileSync(statePath, "utf8"));
    assert.equal(state.feeds[`${base}/html`].nextPollAt, clock + 60_000);
    assert.equal(state.feeds[`${base}/broken`].nextPollAt, clock + 120_000, "Retry-After honoured");
    // not due yet: nothing is fetched for the failing feeds
    clock += 10_000;
    const ev2 = await all(p.pollOnce());
    assert.equal(ev2.length, 0);
    // due again and still failing: the backoff doubles
    clock += 60_000;
    await all(p.pollOnce());
    const s2 = JSON.parse(readFileSync(statePath, "utf8"));
    assert.equal(s2.feeds[`${base}/html`].nextPollAt, clock + 120_000);
  } finally {
    server.close();
  }
});

test("robots.txt: our group or *, longest match wins, Allow on ties, * and $ patterns, Crawl-delay", () => {
  const txt = `# comment\nUser-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open$\nDisallow: /*.pdf$\nCrawl-delay: 2\n`;
  const r = parseRobots(txt, "eventwire");
  assert.equal(r.crawlDelay, 2);
  assert.equal(robotsAllows(r, "/news/a.html"), true);
  assert.equal(robotsAllows(r, "/private/x"), false);
  assert.equal(robotsAllows(r, "/private/open"), true);
  assert.equal(robotsAllows(r, "/private/open/more"), false);
  assert.equal(robotsAllows(r, "/files/report.pdf"), false);
  assert.equal(robotsAllows(r, "/files/report.pdf?x=1"), true);
  const ours = parseRobots(`User-agent: *\nDisallow: /\n\nUser-agent: EventWire\nDisallow: /drafts/\n`, "eventwire");
  assert.equal(robotsAllows(ours, "/news"), true, "our own group replaces *");
  assert.equal(robotsAllows(ours, "/drafts/1"), false);
  assert.equal(robotsAllows(parseRobots("", "eventwire"), "/anything"), true);
});

test("watch: item pages disallowed by robots.txt are recorded failures and never fetched", async () => {
  const { server, base, hits } = await serve((req, b): Reply => {
    if (req.url === "/robots.txt") return { status: 200, headers: { "Content-Type": "text/plain" }, body: "User-agent: *\nDisallow: /private/\n" };
    if (req.url === "/feed") return { status: 200, headers: { "Content-Type": "application/rss+xml" }, body: `<rss><channel><item><guid>p</guid><link>${b}/private/secret</link></item><item><guid>o</guid><link>${b}/open</link></item></channel></rss>` };
    return { status: 200, headers: { "Content-Type": "text/html" }, body: page("Open story") };
  });
  const statePath = join(mkdtempSync(join(tmpdir(), "eventwire-poll-")), "state.json");
  try {
    const ev = await all(new FeedPoller([`${base}/feed`], { statePath, hostIntervalMs: 0 }).pollOnce(true));
    assert.deepEqual(ev.filter((e) => e.kind === "article").map((e) => e.kind === "article" && e.article.title), ["Open story"]);
    const f = ev.find((e) => e.kind === "failure");
    assert.ok(f && f.kind === "failure" && /robots\.txt/.test(f.failure.reason) && f.failure.input.endsWith("/private/secret"));
    assert.ok(!hits.some((h) => h.path.startsWith("/private/")), "the disallowed page is never requested");
    assert.equal(hits.filter((h) => h.path === "/robots.txt").length, 1, "robots.txt is read once per origin");
  } finally {
    server.close();
  }
});
