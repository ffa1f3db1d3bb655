/**
 * Article metadata from an HTML document: title, byline, published date,
 * canonical URL, site name and declared language. Sources, in order of trust:
 * JSON-LD (schema.org NewsArticle & co), OpenGraph / article:* / Dublin Core /
 * parsely / sailthru meta tags, microdata (itemprop), <time> elements,
 * byline-classed elements, then the URL itself (/2019/11/19/ paths).
 */
import { flatText, type DomNode } from "./dom-text.js";

/**
 * The article text a page declares in JSON-LD (`articleBody`), as paragraphs; null when absent
 * or too short. Used when the visible page has no article (paywalls, script-rendered pages).
 */
export function jsonLdArticleBody(doc: QueryableDoc): string | null {
  const raw = readJsonLd(doc).articleBody;
  if (!raw) return null;
  const paras = decodeEntities(raw)
    .replace(/<[^>]+>/g, " ")
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean);
  const text = paras.join("\n\n");
  return text.length >= 200 ? text : null;
}

export interface Metadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  site: string | null;
  language: string | null;
}

/** The DOM calls we use (linkedom implements them). */
export interface QueryableDoc {
  querySelectorAll(sel: string): ArrayLike<DomNode & QueryableEl>;
  querySelector(sel: string): (DomNode & QueryableEl) | null;
  documentElement: (DomNode & QueryableEl) | null;
  title?: string;
}
export interface QueryableEl extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<DomNode & QueryableEl>;
  querySelector(sel: string): (DomNode & QueryableEl) | null;
}

const NAMED: Record<string, string> = {
  amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " ", rsquo: "\u2019", lsquo: "\u2018", rdquo: "\u201d",
  ldquo: "\u201c", ndash: "\u2013", mdash: "\u2014", hellip: "\u2026",
};

/** Decodes entities left in metadata strings (double-escaped JSON-LD and meta content is common). */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const clean = (s: string | null | undefined): string | null => {
  if (s == null) return null;
  const t = decodeEntities(String(s)).replace(/[\s\u00a0]+/g, " ").trim();
  return t ? t : null;
};

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");
const valid = (y: number, m: number, d: number): string | null => {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
};

/** Normalises a date string in the common web formats to YYYY-MM-DD, or null. */
export function normaliseWebDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = String(raw).trim();
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:T|\b|$)/.exec(s);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = /(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m) return valid(+m[1], +m[2], +m[3]);
  // "19 November 2019", "Nov. 19, 2019", "November 19th, 2019"
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return valid(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return valid(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  // epoch seconds / milliseconds
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const d = new Date(s.length === 10 ? +s * 1000 : +s);
    return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** A date embedded in a URL path: /2019/11/19/, /2019-11-19-, /20191119/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep as is */
  }
  let m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)/.exec(path);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/_\-.]/.exec(path);
  if (m) return valid(+m[1], +m[2], +m[3]);
  return null;
}

interface JsonLdInfo {
  headline?: string;
  author?: string;
  published?: string;
  url?: string;
  publisher?: string;
  language?: string;
  articleBody?: string;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage|LiveBlogPosting|Posting/i;

function names(v: unknown): string[] {
  if (v == null) return [];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.name === "string") return [o.name];
  }
  return [];
}

const ldCache = new WeakMap<QueryableDoc, JsonLdInfo>();

function readJsonLd(doc: QueryableDoc): JsonLdInfo {
  let info = ldCache.get(doc);
  if (!info) {
    info = parseJsonLd(doc);
    ldCache.set(doc, info);
  }
  return info;
}

function parseJsonLd(doc: QueryableDoc): JsonLdInfo {
  const out: JsonLdInfo = {};
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const nodes: Record<string, unknown>[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      nodes.push(o);
      if (o["@graph"]) collect(o["@graph"]);
    }
  };
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i].textContent ?? "";
    try {
      collect(JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, "")));
    } catch {
      /* a broken JSON-LD block is ignored, the other sources remain */
    }
  }
  // Prefer article-typed nodes, then any node with a headline.
  const typeOf = (o: Record<string, unknown>) => ([] as unknown[]).concat(o["@type"] ?? []).join(" ");
  const ranked = [
    ...nodes.filter((o) => /Article|BlogPosting|Report|Posting/i.test(typeOf(o))),
    ...nodes.filter((o) => ARTICLE_TYPES.test(typeOf(o)) && !/Article|BlogPosting|Report|Posting/i.test(typeOf(o))),
  ];
  for (const o of ranked) {
    if (!out.headline && typeof o.headline === "string") out.headline = o.headline;
    if (!out.author) {
      const a = names(o.author ?? o.creator);
      if (a.length) out.author = a.join(", ");
    }
    if (!out.published && typeof (o.datePublished ?? o.dateCreated) === "string") out.published = String(o.datePublished ?? o.dateCreated);
    if (!out.url && typeof o.url === "string" && /Article|Posting|Report/i.test(typeOf(o))) out.url = o.url;
    if (!out.publisher) {
      const p = names(o.publisher);
      if (p.length) out.publisher = p[0];
    }
    if (!out.language && typeof o.inLanguage === "string") out.language = o.inLanguage;
    if (!out.articleBody && typeof o.articleBody === "string") out.articleBody = o.articleBody;
  }
  if (!out.publisher) {
    const org = nodes.find((o) => /Organization|WebSite|NewsMediaOrganization/.test(typeOf(o)) && typeof o.name === "string");
    if (org) out.publisher = String(org.name);
  }
  return out;
}

const metaCache = new WeakMap<QueryableDoc, Map<string, string>>();

function meta(doc: QueryableDoc, keys: string[]): string | null {
  // One pass over <meta> per document (cached), then lookups in the priority order of `keys`.
  let found = metaCache.get(doc);
  if (!found) {
    found = readMetas(doc);
    metaCache.set(doc, found);
  }
  for (const k of keys) {
    const v = found.get(k);
    if (v) return v;
  }
  return null;
}

function readMetas(doc: QueryableDoc): Map<string, string> {
  const found = new Map<string, string>();
  const metas = doc.querySelectorAll("meta");
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const k = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? m.getAttribute("http-equiv") ?? "").toLowerCase().trim();
    if (!k || found.has(k)) continue;
    const c = clean(m.getAttribute("content"));
    if (c) found.set(k, c);
  }
  return found;
}

const BAD_AUTHOR = /^(https?:|www\.|\d+$)/i;

function cleanByline(s: string | null | undefined): string | null {
  let t = clean(s);
  if (!t) return null;
  t = t
    .replace(/^(by|von|par|por|di|door)\s*[:\s]\s*/i, "")
    .replace(/\s*\|.*$/, "")
    // a date or time glued to the name ("JANE DOE NOVEMBER 20, 2019 10:43")
    .replace(/[\s,-]*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*$/i, "")
    .replace(/[\s,-]*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.*$/, "")
    .trim();
  if (!t || BAD_AUTHOR.test(t) || t.startsWith("@") || t.length > 120) return null;
  return t;
}

function normaliseLang(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^([a-zA-Z]{2,3})(?:[-_].*)?$/.exec(s.trim());
  return m ? m[1].toLowerCase() : null;
}

function absolutise(u: string | null, base: string | null | undefined): string | null {
  if (!u) return null;
  try {
    return new URL(u, base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(u) ? u : null;
  }
}

/** Reads every piece of metadata the page declares. Never throws. */
export function extractMetadata(doc: QueryableDoc, pageUrl?: string | null): Metadata {
  const ld = readJsonLd(doc);

  const h1 = doc.querySelector("h1");
  const titleEl = doc.querySelector("title");
  const title =
    clean(ld.headline) ??
    meta(doc, ["og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title", "headline"]) ??
    clean(flatText(h1)) ??
    clean(flatText(titleEl));

  let byline = cleanByline(ld.author) ?? cleanByline(meta(doc, ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "byline"]));
  if (!byline) {
    const el = doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author, [class*="byline"], [class*="author-name"]');
    byline = cleanByline(flatText(el));
  }

  let canonical: string | null = null;
  const link = doc.querySelector('link[rel="canonical"]');
  canonical = absolutise(clean(link?.getAttribute("href")), pageUrl) ?? absolutise(meta(doc, ["og:url", "twitter:url"]), pageUrl) ?? absolutise(clean(ld.url), pageUrl) ?? (pageUrl ?? null);

  let published =
    normaliseWebDate(ld.published) ??
    normaliseWebDate(
      meta(doc, [
        "article:published_time", "og:article:published_time", "datepublished", "publishdate", "pubdate", "publish-date", "publish_date",
        "dc.date.issued", "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "article.published", "published_time",
        "og:published_time", "cxenseparse:recs:publishtime", "displaydate", "timestamp",
      ]),
    );
  if (!published) {
    const t = doc.querySelector("time[datetime], [itemprop=datePublished]");
    published = normaliseWebDate(t?.getAttribute("datetime") ?? t?.getAttribute("content") ?? flatText(t));
  }
  if (!published) published = dateFromUrl(canonical) ?? dateFromUrl(pageUrl);

  let site = clean(meta(doc, ["og:site_name", "application-name"])) ?? clean(ld.publisher) ?? clean(meta(doc, ["twitter:site"]));
  if (site && site.startsWith("@")) site = site.slice(1);
  if (site && /^https?:\/\//i.test(site)) {
    try {
      site = new URL(site).hostname.replace(/^www\./, "");
    } catch {
      /* keep as is */
    }
  }
  if (!site && canonical) {
    try {
      site = new URL(canonical).hostname.replace(/^www\./, "");
    } catch {
      /* no site */
    }
  }

  const html = doc.documentElement;
  const language =
    normaliseLang(html?.getAttribute("lang")) ??
    normaliseLang(html?.getAttribute("xml:lang")) ??
    normaliseLang(meta(doc, ["content-language", "og:locale", "language", "dc.language"])) ??
    normaliseLang(ld.language);

  return { title, byline, published, url: canonical, site, language };
}
