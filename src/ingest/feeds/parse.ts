/**
 * Feed parsing: RSS 0.9x/2.0, Atom 1.0 (and 0.3), RDF/RSS 1.0 and JSON Feed 1.x.
 *
 * Robust by construction: bytes are decoded by BOM / XML declaration / HTTP
 * charset (see html/charset.ts), XML is read with a forgiving parser (linkedom
 * over htmlparser2 in XML mode: unescaped ampersands, unclosed tags and stray
 * bytes do not stop it), elements are matched by local name so namespace
 * prefixes never matter, and each item is read on its own (a broken item is
 * skipped, the others survive). Input that is not a feed at all (an HTML page,
 * an error page, empty bytes) throws FeedError with a one-line reason.
 */
import { DOMParser, parseHTML } from "linkedom";
import { decodeHtml, repairMojibake } from "../html/charset.js";
import { normaliseWebDate } from "../html/metadata.js";

export interface FeedItem {
  /** guid / id / url: stable identity of the item within its feed. */
  id: string;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  /** Plain text (HTML stripped). */
  summary: string | null;
}

export interface Feed {
  title: string | null;
  /** "rss" | "atom" | "rdf" | "json" */
  format: string;
  /** The site's home page, when the feed names it. */
  link: string | null;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** HTTP Content-Type header (its charset wins over the XML declaration). */
  contentType?: string | null;
  /** URL of the feed: resolves relative item links. */
  url?: string | null;
}

export class FeedError extends Error {}

interface XEl {
  tagName: string;
  localName?: string;
  textContent: string | null;
  children: ArrayLike<XEl>;
  getAttribute(n: string): string | null;
  getElementsByTagName(n: string): ArrayLike<XEl>;
}

const local = (el: XEl) => (el.tagName.includes(":") ? el.tagName.slice(el.tagName.indexOf(":") + 1) : el.tagName).toLowerCase();

function kids(el: XEl, name: string): XEl[] {
  const out: XEl[] = [];
  for (let i = 0; i < el.children.length; i++) if (local(el.children[i]) === name) out.push(el.children[i]);
  return out;
}
const kid = (el: XEl, ...names: string[]): XEl | null => {
  for (const n of names) {
    const k = kids(el, n);
    if (k.length) return k[0];
  }
  return null;
};
const text = (el: XEl | null): string | null => {
  const t = el?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : null;
};

/** Plain text from a string that may hold (escaped or not) HTML. */
export function stripHtml(s: string | null | undefined): string | null {
  if (!s) return null;
  let t = s;
  if (/[<&]/.test(t)) {
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${t}</body></html>`);
    t = (document.body?.textContent as string | null) ?? "";
  }
  t = t.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

function feedDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const iso = normaliseWebDate(s);
  if (iso) return iso;
  const ms = Date.parse(s.replace(/\s+(?:UT|Z)$/i, " GMT"));
  if (Number.isFinite(ms)) return new Date(ms).toISOString().slice(0, 10);
  return null;
}

function resolve(u: string | null, base: string | null | undefined): string | null {
  if (!u) return null;
  try {
    return new URL(u.trim(), base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(u) ? u.trim() : null;
  }
}

function atomLink(el: XEl): string | null {
  const links = kids(el, "link");
  let best: string | null = null;
  for (const l of links) {
    const rel = (l.getAttribute("rel") ?? "alternate").toLowerCase();
    const href = l.getAttribute("href") ?? text(l);
    if (!href) continue;
    if (rel === "alternate") return href;
    if (!best && rel !== "self" && rel !== "enclosure" && rel !== "replies" && rel !== "edit") best = href;
  }
  return best;
}

function rssItem(it: XEl, base: string | null | undefined): FeedItem | null {
  const origLink = text(kid(it, "origlink"));
  const linkEl = kid(it, "link");
  const link = origLink ?? (linkEl ? linkEl.getAttribute("href") ?? text(linkEl) : null);
  const guid = kid(it, "guid");
  const guidText = text(guid);
  const url = resolve(link ?? (guid && guid.getAttribute("isPermaLink") !== "false" && guidText && /^https?:/i.test(guidText) ? guidText : null), base);
  const title = stripHtml(text(kid(it, "title")));
  const summary = stripHtml(kid(it, "description", "summary", "encoded", "content")?.textContent ?? null);
  const published = feedDate(text(kid(it, "pubdate", "date", "published", "issued", "updated", "modified")));
  const id = guidText ?? url ?? (title ? `title:${title}` : null);
  if (!id) return null;
  return { id, url, title, published, summary };
}

function atomEntry(e: XEl, base: string | null | undefined): FeedItem | null {
  const url = resolve(text(kid(e, "origlink")) ?? atomLink(e), base);
  const title = stripHtml(kid(e, "title")?.textContent ?? null);
  const summary = stripHtml(kid(e, "summary", "content")?.textContent ?? null);
  const published = feedDate(text(kid(e, "published", "issued", "created", "updated", "modified", "date")));
  const id = text(kid(e, "id")) ?? url ?? (title ? `title:${title}` : null);
  if (!id) return null;
  return { id, url, title, published, summary };
}

function parseJsonFeed(src: string, base: string | null | undefined): Feed {
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (err) {
    throw new FeedError(`not a feed: invalid JSON (${(err as Error).message})`);
  }
  const o = data as Record<string, unknown>;
  if (!o || typeof o !== "object" || !Array.isArray(o.items)) throw new FeedError("not a feed: JSON without an items array");
  const items: FeedItem[] = [];
  for (const raw of o.items as unknown[]) {
    if (!raw || typeof raw !== "object") continue;
    const it = raw as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
    const url = resolve(str(it.url) ?? str(it.external_url), base);
    const title = stripHtml(str(it.title));
    const id = str(it.id) ?? (typeof it.id === "number" ? String(it.id) : null) ?? url ?? (title ? `title:${title}` : null);
    if (!id) continue;
    items.push({ id, url, title, published: feedDate(str(it.date_published) ?? str(it.date_modified)), summary: stripHtml(str(it.summary) ?? str(it.content_text) ?? str(it.content_html)) });
  }
  return { title: typeof o.title === "string" ? o.title : null, format: "json", link: typeof o.home_page_url === "string" ? o.home_page_url : null, items };
}

/** " (it links to feed URL, ...)" when an HTML page advertises its feeds, for the error message. */
function feedLinksHint(html: string, base: string | null | undefined): string {
  const urls: string[] = [];
  const re = /<link\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) && urls.length < 3) {
    const tag = m[0];
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/type\s*=\s*["']?application\/(?:rss|atom|feed)\+(?:xml|json)/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const u = href ? resolve(href.replace(/&amp;/g, "&"), base) : null;
    if (u && !urls.includes(u)) urls.push(u);
  }
  return urls.length ? ` (it links to the feed ${urls.join(", ")})` : "";
}

/** Parses a feed document. Throws FeedError (one-line reason) when the input is not a feed. */
export function parseFeed(input: string | Buffer, opts: ParseFeedOptions = {}): Feed {
  const src = (typeof input === "string" ? repairMojibake(input) : decodeHtml(input, opts.contentType).text).replace(/^\uFEFF/, "");
  const head = src.slice(0, 2048).trimStart();
  if (!head) throw new FeedError("not a feed: empty document");
  if (head.startsWith("{") || head.startsWith("[")) return parseJsonFeed(src, opts.url);
  if (/^(?:<!--[\s\S]*?-->\s*)*<!doctype html|^(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head)) throw new FeedError(`not a feed: the document is an HTML page${feedLinksHint(src, opts.url)}`);
  // Control characters other than tab/CR/LF are illegal in XML and stop some parsers: drop them.
  const clean = src.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  let doc: { documentElement: XEl | null };
  try {
    doc = new DOMParser().parseFromString(clean, "text/xml") as unknown as { documentElement: XEl | null };
  } catch (err) {
    throw new FeedError(`not a feed: unparseable XML (${(err as Error).message})`);
  }
  const root = doc.documentElement;
  if (!root) throw new FeedError("not a feed: no root element");
  const rootName = local(root);
  const base = opts.url ?? null;
  if (rootName === "html") throw new FeedError(`not a feed: the document is an HTML page${feedLinksHint(src, opts.url)}`);
  if (rootName === "feed") {
    const items = kids(root, "entry").map((e) => atomEntry(e, base)).filter((x): x is FeedItem => x !== null);
    return { title: stripHtml(kid(root, "title")?.textContent ?? null), format: "atom", link: resolve(atomLink(root), base), items };
  }
  if (rootName === "rss" || rootName === "rdf") {
    const channel = kid(root, "channel");
    // RSS 2.0: items inside <channel>; RDF (RSS 1.0): items are siblings of <channel>.
    const itemEls = [...(channel ? kids(channel, "item") : []), ...kids(root, "item")];
    const items = itemEls.map((e) => rssItem(e, base)).filter((x): x is FeedItem => x !== null);
    const linkEl = channel ? kids(channel, "link").find((l) => !l.getAttribute("rel") && text(l)) ?? null : null;
    return { title: channel ? text(kid(channel, "title")) : null, format: rootName === "rss" ? "rss" : "rdf", link: resolve(text(linkEl), base), items };
  }
  throw new FeedError(`not a feed: root element <${root.tagName}> is not rss, feed or RDF`);
}
