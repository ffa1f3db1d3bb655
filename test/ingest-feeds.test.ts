import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { parseFeed, FeedError } from "../src/ingest/feeds/parse.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Example News</title><link>https://news.example.org/</link>
<atom:link href="https://news.example.org/feed" rel="self" type="application/rss+xml"/>
<item><title>Talks resume in Geneva</title><link>https://news.example.org/2024/03/01/talks</link>
<guid isPermaLink="false">story-1</guid><pubDate>Fri, 01 Mar 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators &lt;b&gt;met&lt;/b&gt; again.&lt;/p&gt;</description></item>
<item><title><![CDATA[Rates <em>held</em> & steady]]></title><link>/2024/03/02/rates</link><dc:date>2024-03-02T08:00:00Z</dc:date></item>
</channel></rss>`;

test("RSS 2.0: items with guid, link, dates (RFC 822 and dc:date), HTML stripped, relative links resolved", () => {
  const f = parseFeed(RSS, { url: "https://news.example.org/feed" });
  assert.equal(f.format, "rss");
  assert.equal(f.title, "Example News");
  assert.equal(f.items.length, 2);
  assert.deepEqual(f.items[0], { id: "story-1", url: "https://news.example.org/2024/03/01/talks", title: "Talks resume in Geneva", published: "2024-03-01", summary: "Negotiators met again." });
  assert.equal(f.items[1].title, "Rates held & steady");
  assert.equal(f.items[1].url, "https://news.example.org/2024/03/02/rates");
  assert.equal(f.items[1].id, "https://news.example.org/2024/03/02/rates");
  assert.equal(f.items[1].published, "2024-03-02");
});

test("Atom: alternate link preferred over self/replies, id, published, summary", () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Wire</title>
  <link rel="self" href="https://wire.example.com/atom"/><link href="https://wire.example.com/"/>
  <entry><id>tag:wire.example.com,2024:1</id><title>Quake hits coast</title>
  <link rel="replies" href="https://wire.example.com/1#comments"/><link rel="alternate" type="text/html" href="https://wire.example.com/1"/>
  <published>2024-02-10T12:00:00+01:00</published><updated>2024-02-11T00:00:00Z</updated>
  <summary type="html">&lt;p&gt;A strong earthquake.&lt;/p&gt;</summary></entry></feed>`;
  const f = parseFeed(atom);
  assert.equal(f.format, "atom");
  assert.equal(f.title, "Wire");
  assert.deepEqual(f.items, [{ id: "tag:wire.example.com,2024:1", url: "https://wire.example.com/1", title: "Quake hits coast", published: "2024-02-10", summary: "A strong earthquake." }]);
});

test("RDF (RSS 1.0): items beside the channel", () => {
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example.net/"><title>RDF site</title><link>https://r.example.net/</link></channel>
  <item rdf:about="https://r.example.net/a"><title>First</title><link>https://r.example.net/a</link><dc:date>2023-12-31</dc:date></item>
  <item rdf:about="https://r.example.net/b"><title>Second</title><link>https://r.example.net/b</link></item></rdf:RDF>`;
  const f = parseFeed(rdf);
  assert.equal(f.format, "rdf");
  assert.equal(f.title, "RDF site");
  assert.deepEqual(f.items.map((i) => [i.url, i.title, i.published]), [["https://r.example.net/a", "First", "2023-12-31"], ["https://r.example.net/b", "Second", null]]);
});

test("JSON Feed 1.1", () => {
  const json = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JF", home_page_url: "https://j.example/", items: [{ id: 7, url: "https://j.example/7", title: "Seven", date_published: "2024-01-05T10:00:00Z", content_html: "<p>Body <i>here</i></p>" }, { title: "no id no url" }] });
  const f = parseFeed(Buffer.from(json));
  assert.equal(f.format, "json");
  assert.deepEqual(f.items[0], { id: "7", url: "https://j.example/7", title: "Seven", published: "2024-01-05", summary: "Body here" });
  assert.equal(f.items[1].id, "title:no id no url");
});

test("malformed XML: unescaped ampersands, an unclosed element and control bytes do not lose the other items", () => {
  const bad = `<rss version="2.0"><channel><title>Bad & Broken</title>
  <item><title>One & two</title><link>https://b.example/1</link></item>
  <item><title>Unclosed<link>https://b.example/2</link><description>x\u0001y</description></item>
  <item><title>Three</title><link>https://b.example/3</link></item>`;
  const f = parseFeed(bad);
  assert.equal(f.title, "Bad & Broken");
  const urls = f.items.map((i) => i.url);
  assert.ok(urls.includes("https://b.example/1"));
  assert.ok(urls.includes("https://b.example/3"));
  assert.equal(f.items.find((i) => i.url === "https://b.example/1")?.title, "One & two");
});

test("encodings: windows-1252 declared in the XML prolog, and a UTF-8 BOM", () => {
  const xml = `<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Caf\u00e9 news</title><item><title>R\u00e9sum\u00e9 \u2014 d\u00e9j\u00e0 vu</title><link>https://e.example/1</link></item></channel></rss>`;
  const f = parseFeed(iconv.encode(xml, "windows-1252"));
  assert.equal(f.title, "Caf\u00e9 news");
  assert.equal(f.items[0].title, "R\u00e9sum\u00e9 \u2014 d\u00e9j\u00e0 vu");
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<rss><channel><title>\u00dcber</title></channel></rss>`)]);
  assert.equal(parseFeed(bom).title, "\u00dcber");
  // header charset wins over the prolog
  const latin = iconv.encode(`<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Espa\u00f1a</title></channel></rss>`, "latin1");
  assert.equal(parseFeed(latin, { contentType: "application/rss+xml; charset=ISO-8859-1" }).title, "Espa\u00f1a");
  // UTF-8 that went through a windows-1252 decoding upstream (mojibake) is repaired
  const moji = iconv.decode(Buffer.from("<rss><channel><title>Café – déjà vu, naïve “quotes”</title></channel></rss>"), "windows-1252");
  assert.match(moji, /CafÃ©/);
  assert.equal(parseFeed(moji).title, "Café – déjà vu, naïve “quotes”");
  assert.equal(parseFeed("<rss><channel><title>Ã la carte</title></channel></rss>").title, "Ã la carte", "a lone look-alike is left alone");
});

test("a feed URL that serves an HTML page, an empty body or random JSON is a FeedError with a reason", () => {
  assert.throws(() => parseFeed("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"), (e: unknown) => e instanceof FeedError && /HTML page/.test(e.message));
  assert.throws(() => parseFeed("<html><body>404 Not Found</body></html>"), /HTML page/);
  assert.throws(
    () => parseFeed('<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml"></head><body></body></html>', { url: "https://site.example/news/" }),
    /HTML page \(it links to the feed https:\/\/site\.example\/rss\.xml\)/,
  );
  assert.throws(() => parseFeed(""), /empty/);
  assert.throws(() => parseFeed('{"error":"nope"}'), /items/);
  assert.throws(() => parseFeed("<svg xmlns='http://www.w3.org/2000/svg'></svg>"), /root element <svg>/);
});
