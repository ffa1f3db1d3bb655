import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import iconv from "iconv-lite";
import { extractArticle } from "../src/ingest/html/extract.js";
import { decodeHtml } from "../src/ingest/html/charset.js";
import { htmlToArticle } from "../src/ingest/html/article.js";
import { dateFromUrl, normaliseWebDate } from "../src/ingest/html/metadata.js";

const P = (s: string) => `<p>${s}</p>`;
const story = [
  "The foreign ministers of both countries met in Vienna on Monday to discuss the ceasefire, which has held for three weeks despite sporadic shelling near the border.",
  "According to officials familiar with the talks, the two sides agreed to exchange prisoners before the end of the month and to reopen a humanitarian corridor.",
  "Observers from the international monitoring mission said the situation remained fragile, but that the number of violations had fallen sharply since the agreement.",
  "A joint statement is expected later this week, after the delegations have consulted their governments on the remaining points of disagreement.",
];

const PAGE = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Ministers agree prisoner swap | Example Times</title>
<meta property="og:title" content="Ministers agree prisoner swap">
<meta property="og:site_name" content="Example Times">
<link rel="canonical" href="/world/2024/03/05/ministers-agree-swap">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ministers agree prisoner swap","datePublished":"2024-03-05T08:15:00Z","author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"Example Times"}}</script>
<script>window.ads = { slot: "top" };</script><style>.x{color:red}</style></head>
<body><header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Ministers agree prisoner swap</h1><div class="byline">By Jane Doe</div><time datetime="2024-03-05T08:15:00Z">5 March 2024</time>
<figure><img src="a.jpg"><figcaption>The ministers in Vienna. Photo: Agency</figcaption></figure>
<div class="article-body">${P(story[0])}${P(story[1])}
<div class="related-links"><h3>Related</h3><ul><li><a href="/a">Ceasefire holds in the east</a></li><li><a href="/b">Talks to resume in Vienna</a></li></ul></div>
${P(story[2])}<div class="ad-slot">Advertisement</div>${P(story[3])}</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div></article>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/x">Celebrity chef opens restaurant in the capital</a></li><li><a href="/y">Storm warning for the weekend across the north</a></li></ol></aside></main>
<footer class="site-footer"><p>Copyright 2024 Example Times. All rights reserved.</p></footer></body></html>`;

test("extracts the article body without navigation, captions, related links, ads, share bars or footer", () => {
  const a = extractArticle(PAGE, { url: "https://www.example-times.com/world/2024/03/05/ministers-agree-swap?utm=1" });
  assert.equal(a.body, story.join("\n\n"));
  assert.equal(a.title, "Ministers agree prisoner swap");
  assert.equal(a.byline, "Jane Doe");
  assert.equal(a.published, "2024-03-05");
  assert.equal(a.url, "https://www.example-times.com/world/2024/03/05/ministers-agree-swap");
  assert.equal(a.site, "Example Times");
  assert.equal(a.language, "en");
});

test("metadata from meta tags, <time> and the URL when there is no JSON-LD", () => {
  const html = `<html><head><meta name="author" content="By Carlos Ruiz"><meta property="article:published_time" content="2023-11-02T10:00:00+01:00"></head><body><article>${P(story[0])}${P(story[1])}</article></body></html>`;
  const a = extractArticle(html, { url: "https://news.example.es/2023/11/02/story" });
  assert.equal(a.byline, "Carlos Ruiz");
  assert.equal(a.published, "2023-11-02");
  assert.equal(a.site, "news.example.es");
  const b = extractArticle(`<html><body><article><time datetime="2022-01-09">Jan 9</time>${P(story[0])}</article></body></html>`);
  assert.equal(b.published, "2022-01-09");
  assert.equal(dateFromUrl("https://x.example/news/2019/11/19/slug.html"), "2019-11-19");
  assert.equal(dateFromUrl("https://x.example/news/slug-20191119.html"), "2019-11-19");
  assert.equal(dateFromUrl("https://x.example/news/2019/slug"), null);
  assert.equal(normaliseWebDate("Tue, 19 Nov 2019 10:00:00 GMT"), "2019-11-19");
  assert.equal(normaliseWebDate("November 19th, 2019"), "2019-11-19");
  assert.equal(normaliseWebDate("not a date"), null);
  const c = extractArticle(`<html><head><meta property="og:title" content="&amp;#8216;Quoted&amp;#8217; title"><meta property="og:site_name" content="https://www.example.net"><meta name="author" content="JANE ROE NOVEMBER 20, 2019 10:43"></head><body><article>${P(story[0])}</article></body></html>`);
  assert.equal(c.title, "\u2018Quoted\u2019 title");
  assert.equal(c.site, "example.net");
  assert.equal(c.byline, "JANE ROE");
});

test("the language is detected from the text, not only the page's declaration", () => {
  const de = `<html lang="en"><body><article>${P("Der Stadtrat hat am Dienstag über den neuen Haushalt beraten, und die Bürgermeisterin sagte, dass die Regierung den größten Teil des Geldes bereitstellen werde.")}${P("Die Polizei hat am Samstag nach einer Serie von Einbrüchen drei Männer festgenommen.")}</article></body></html>`;
  assert.equal(extractArticle(de).language, "de");
});

test("HTML with no article: empty body, and htmlToArticle records a failure instead of an empty article", () => {
  const nav = `<html><head><title>Home</title></head><body><nav><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav><footer>(c) 2024</footer></body></html>`;
  assert.equal(extractArticle(nav).body, "");
  const r = htmlToArticle(nav, "home.html");
  assert.equal(r.ok, false);
  assert.ok(!r.ok && /no article text/.test(r.failure.reason) && r.failure.input === "home.html");
  for (const junk of ["", "   ", "not html at all", "<<<>>>", "<html><body></body></html>", "\u0000\u0001binary"]) {
    const e = extractArticle(junk);
    assert.equal(typeof e.body, "string");
  }
});

test("deeply nested or unclosed markup neither overflows the stack nor takes long", () => {
  const deep = `<html><body>${"<div>".repeat(5000)}${P(story[0])}${P(story[1])}${"</div>".repeat(5000)}</body></html>`;
  const t0 = Date.now();
  assert.equal(extractArticle(deep).body, `${story[0]}\n\n${story[1]}`);
  const unclosed = `<html><body>${"<div><span>".repeat(3000)}${P(story[2])}</body></html>`;
  assert.ok(extractArticle(unclosed).body.includes("monitoring mission"));
  assert.ok(Date.now() - t0 < 10000, `took ${Date.now() - t0} ms`);
});

test("a page whose visible text is missing (paywall, script-rendered) falls back to JSON-LD articleBody", () => {
  const ld = JSON.stringify({ "@type": "NewsArticle", headline: "Walled", articleBody: `${story[0]}\n${story[1]}` });
  const a = extractArticle(`<html><head><script type="application/ld+json">${ld}</script></head><body><div class="paywall">Subscribe to read</div></body></html>`);
  assert.equal(a.body, `${story[0]}\n\n${story[1]}`);
  assert.equal(a.title, "Walled");
});

test("CJK: short first paragraphs are kept, link boundaries inside Japanese text become spaces", () => {
  const ja = `<html lang="ja"><body><nav><a href="/">ホーム</a></nav><article><p>先日、新しい法律が成立しました。</p><p>報道によると、施行は来年です。</p>` +
    `<p>この法律では、<a href="https://example.jp/">KeePass</a>のようなソフトの利用についても定められており、多くの企業が対応を迫られることになります。関係者は準備を急いでいます。</p></article></body></html>`;
  const a = extractArticle(ja);
  assert.equal(a.body, "先日、新しい法律が成立しました。\n\n報道によると、施行は来年です。\n\nこの法律では、 KeePass のようなソフトの利用についても定められており、多くの企業が対応を迫られることになります。関係者は準備を急いでいます。");
  assert.equal(a.language, "ja");
  // Latin text keeps links glued to punctuation as written
  assert.equal(extractArticle(`<html><body><article><p>${story[0].slice(0, -1)} (<a href="/x">details</a>).</p></article></body></html>`).body, `${story[0].slice(0, -1)} (details).`);
});

test("htmlToArticle: text is title + blank line + body, fields carried over", () => {
  const r = htmlToArticle(Buffer.from(PAGE), "page.html", { url: "https://www.example-times.com/x", source: "feed" });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.article.text, `Ministers agree prisoner swap\n\n${story.join("\n\n")}`);
  assert.equal(r.article.title, "Ministers agree prisoner swap");
  assert.equal(r.article.published, "2024-03-05");
  assert.equal(r.article.language, "en");
  assert.equal(r.article.source, "feed");
});

test("charset: BOM, HTTP header, meta charset, mislabelled UTF-8 and undeclared windows-1252", () => {
  const text = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café – déjà vu</p></body></html>";
  assert.match(decodeHtml(iconv.encode(text, "windows-1252")).text, /Café – déjà vu/);
  const sjis = iconv.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>東京の天気</body></html>", "shift_jis");
  const d1 = decodeHtml(sjis);
  assert.match(d1.text, /東京の天気/);
  assert.equal(d1.source, "meta");
  const d2 = decodeHtml(iconv.encode("<p>Привет мир</p>", "koi8-r"), "text/html; charset=KOI8-R");
  assert.equal(d2.text, "<p>Привет мир</p>");
  assert.equal(d2.source, "http");
  const d3 = decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>naïve</p>")]));
  assert.equal(d3.text, "<p>naïve</p>");
  assert.equal(d3.source, "bom");
  // says latin1, is UTF-8 (a common server misconfiguration)
  const d4 = decodeHtml(Buffer.from("<p>Zürich</p>"), "text/html; charset=ISO-8859-1");
  assert.equal(d4.text, "<p>Zürich</p>");
  assert.ok(d4.warning);
  // says UTF-8, is not: falls back and warns
  const d5 = decodeHtml(iconv.encode("<meta charset=utf-8><p>Señor</p>", "latin1"));
  assert.match(d5.text, /Señor/);
  assert.match(d5.warning ?? "", /not valid UTF-8/);
  // double-encoded UTF-8 ("CafÃ©") is repaired, with a warning
  const dbl = Buffer.from(iconv.decode(Buffer.from("<p>Café, déjà vu, naïve</p>"), "windows-1252"), "utf8");
  const d6 = decodeHtml(dbl);
  assert.equal(d6.text, "<p>Café, déjà vu, naïve</p>");
  assert.match(d6.warning ?? "", /mojibake/);
  // unknown label: warning, still decoded
  assert.match(decodeHtml(Buffer.from("<meta charset=x-klingon><p>ok</p>")).warning ?? "", /unknown charset/);
});

const GOLD = join("..", "shared", "gold", "extraction", "dev.jsonl");
test("real pages: dev benchmark subset extracts with high token overlap", { skip: existsSync(GOLD) ? false : `${GOLD} not found` }, () => {
  const rows = readFileSync(GOLD, "utf8").trim().split("\n").slice(0, 12).map((l) => JSON.parse(l) as { url: string; body: string; html: string });
  let sum = 0;
  for (const r of rows) {
    const html = gunzipSync(readFileSync(join("..", "shared", "gold", "extraction", r.html))).toString("utf8");
    const got = new Set(extractArticle(html, { url: r.url }).body.toLowerCase().match(/\w+/gu) ?? []);
    const want = r.body.toLowerCase().match(/\w+/gu) ?? [];
    sum += want.filter((w) => got.has(w)).length / Math.max(1, want.length);
  }
  assert.ok(sum / rows.length > 0.9, `mean token recall ${sum / rows.length}`);
});
