/**
 * HTML article extraction: the main text of a web page plus its metadata.
 *
 * Body, in five steps:
 *  1. preclean: drop elements that are never article text (navigation, share
 *     bars, captions, related links, hidden blocks) by tag, class/id words and
 *     visibility, unless they hold most of the page's text;
 *  2. candidate: the container the page marks as its article body (itemprop=
 *     articleBody, or a single "article-body"/"entry-content"-classed block that is
 *     clean: few links, mostly long paragraphs); else @mozilla/readability's choice
 *     on the cleaned DOM; our own text-density choice (the block whose paragraphs
 *     carry the most non-link text) replaces it when readability finds little;
 *  3. inside the container, skip link-dense blocks (link lists, tag clouds);
 *  4. drop furniture paragraphs ("Image 1 of 9", "Related: ...", the title and
 *     byline repeated, a menu-like run before the first sentence);
 *  5. when almost nothing is left, the JSON-LD articleBody the page declares.
 * Metadata is read before cleaning (see metadata.ts). See docs/INGESTION.md.
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { domToParagraphs, type DomNode } from "./dom-text.js";
import { extractMetadata, jsonLdArticleBody, type Metadata, type QueryableDoc, type QueryableEl } from "./metadata.js";
import { ARTICLE_CLASS, DROP_TAGS, classOf, isBoilerClass, isFurniture, isHidden } from "./boilerplate.js";
import { densityCandidate } from "./density.js";
import { detectLanguage, type LanguageGuess } from "../language.js";
import { measure, type TextStats } from "./measure.js";

/** The page's metadata and its article text. */
export interface ExtractedArticle extends Metadata {
  /** plain text, paragraphs separated by "\n\n" */
  body: string;
  /** The body's language as read from its text (null for an empty body), whatever `language` settled on. */
  languageGuess: LanguageGuess | null;
}

export interface ExtractOptions {
  /** The URL the page was fetched from (resolves relative canonical links, dates in paths). */
  url?: string;
}

type El = QueryableEl & { remove(): void; parentNode: El | null; children: ArrayLike<El> };

/** Parses HTML into a linkedom document; a fragment without <html> is wrapped so it still parses. */
export function parseDocument(html: string): QueryableDoc & Document {
  // Scripts (except JSON-LD), styles, inline SVG and comments never hold article text:
  // cutting them from the string first saves the parser (and readability) some work.
  const stripped = html
    .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "")
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const src = /<html[\s>]/i.test(stripped) ? stripped : `<!DOCTYPE html><html><head></head><body>${stripped}</body></html>`;
  return parseHTML(src).document as unknown as QueryableDoc & Document;
}

/** A container with several real paragraphs is the article (or holds it), whatever its class says. */
function holdsArticle(el: El, stats: Map<DomNode, TextStats>): boolean {
  const s = stats.get(el);
  if (!s || s.text < 500) return false;
  const ps = el.querySelectorAll("p");
  if (ps.length < 3) return false;
  let long = 0;
  for (let i = 0; i < ps.length; i++) {
    const p = stats.get(ps[i]);
    if (p && p.text >= 85 && p.link < 0.3 * p.text) long += p.text;
  }
  return long >= 500;
}

/** Embedded posts quoted by the article (tweets, Instagram) are part of its text. */
const EMBEDDED_QUOTE = /tweet|instagram-media/i;

const MAX_READABILITY_DEPTH = 120;
const MAX_READABILITY_ELEMENTS = 40000;

const KEEP_TAGS = new Set(["HTML", "BODY", "MAIN", "ARTICLE"]);

/** Step 1: removes boilerplate elements in place. */
export function preclean(body: El, onRemove?: (el: El, why: string) => void): void {
  const nonText = Array.from(body.querySelectorAll("script, style, noscript, template, svg, iframe, object, embed, canvas, link, meta")) as El[];
  for (const el of nonText) el.remove();
  const stats = measure(body);
  const total = stats.get(body)?.text || 1;
  const all = Array.from(body.querySelectorAll("*")) as El[];
  for (const el of all) {
    if (!el.parentNode) continue; // inside something already removed
    const tag = el.tagName ?? "";
    if (KEEP_TAGS.has(tag)) continue;
    let drop = DROP_TAGS.has(tag) || tag === "HEADER" || isHidden(el);
    if (!drop) {
      const cls = classOf(el);
      drop = cls !== "" && isBoilerClass(cls) && !ARTICLE_CLASS.test(cls) && !EMBEDDED_QUOTE.test(cls);
    }
    if (drop && (stats.get(el)?.text ?? 0) < total * 0.3 && !(tag === "DIV" && holdsArticle(el, stats))) {
      onRemove?.(el, tag);
      el.remove();
    }
  }
}

/** Step 3: blocks inside the chosen container that are link lists or boilerplate. */
const LINK_CHECKED = new Set(["UL", "OL", "LI", "DIV", "P", "SECTION", "TABLE", "DL"]);

function skipper(stats: Map<DomNode, TextStats>): (el: DomNode) => boolean {
  return (el) => {
    const tag = el.tagName ?? "";
    if (tag === "H1") return true;
    if (LINK_CHECKED.has(tag)) {
      const s = stats.get(el);
      if (!s || !s.text) return false;
      const ld = s.link / s.text;
      if (tag === "P" ? ld >= 0.9 || (ld > 0.5 && s.text < 100) : ld > 0.5 && (tag !== "LI" || s.text - s.link < 120)) return true;
    }
    return false;
  };
}

const CJK_TEXT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Step 4: drops furniture paragraphs and a leading navigation run. */
function filterParagraphs(paras: string[], title: string | null, byline: string | null): string[] {
  const nt = title ? norm(title) : "";
  const nb = byline ? norm(byline) : "";
  const maxCompare = Math.max(nt.length, nb.length + 3) + 20;
  let out = paras.filter((p) => {
    if (isFurniture(p)) return false;
    if (p.length > maxCompare) return true; // too long to be the title or byline repeated
    const n = norm(p);
    if (!n) return false;
    if (nt && (n === nt || (n.length > 20 && nt.startsWith(n)))) return false;
    if (nb && p.length < 120 && (n === nb || n === `by ${nb}`)) return false;
    return true;
  });
  // Navigation run: a menu's worth (3+) of one-to-four-word items before the first sentence.
  const sentenceLike = (p: string) =>
    p.length >= 80 || (/[.!?:"”。！？」）)]$/.test(p) && (p.split(" ").length >= 6 || (CJK_TEXT.test(p) && p.length >= 12)));
  const first = out.findIndex(sentenceLike);
  if (first >= 3) {
    const lead = out.slice(0, first);
    if (lead.every((p) => p.split(" ").length <= 4 && !CJK_TEXT.test(p))) out = out.slice(first);
  }
  // Drop exact repeats (captions and pull quotes shown twice).
  const seen = new Set<string>();
  out = out.filter((p) => {
    if (p.length < 40) return true;
    if (seen.has(p)) return false;
    seen.add(p);
    return true;
  });
  return out;
}

/** The one element the page itself marks as the article body (itemprop=articleBody), when it holds real paragraphs. */
function markedBody(body: El, stats: Map<DomNode, TextStats>): DomNode | null {
  const els = body.querySelectorAll('[itemprop="articleBody"], [itemprop="articlebody"]');
  if (els.length === 1) {
    const el = els[0] as El;
    if (holdsArticle(el, stats)) return el;
  }
  // A single container classed as the article body ("article-body", "entry-content", ...).
  const found: El[] = [];
  for (const el of Array.from(body.querySelectorAll("div, section, article")) as El[]) {
    const cls = classOf(el);
    if (cls && ARTICLE_CLASS.test(cls) && holdsArticle(el, stats)) {
      if (found.some((f) => (f as unknown as { contains(n: El): boolean }).contains(el))) continue;
      found.push(el);
    }
  }
  if (found.length !== 1) return null;
  // Trust it only when it is clean: few links, and most of its text in long paragraphs.
  const el = found[0];
  const st = stats.get(el)!;
  if (st.link > 0.15 * st.text) return null;
  let para = 0;
  const ps = el.querySelectorAll("p");
  for (let i = 0; i < ps.length; i++) {
    const p = stats.get(ps[i]);
    if (p && p.text >= 80) para += p.text;
  }
  return para >= 0.75 * st.text ? el : null;
}

function readabilityCandidate(doc: Document): DomNode | null {
  try {
    const r = new Readability<DomNode>(doc, { serializer: (n) => n as unknown as DomNode, disableJSONLD: true }).parse();
    return r?.content ?? null;
  } catch {
    return null;
  }
}

export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const doc = parseDocument(html);
  const meta = extractMetadata(doc, opts.url ?? null);
  const body = (doc as unknown as { body: El | null }).body;
  let text = "";
  if (body) {
    preclean(body);
    const len = (ps: string[]) => ps.reduce((a, p) => a + p.length, 0);
    const paragraphsOf = (root: DomNode) => filterParagraphs(domToParagraphs(root, skipper(measure(root))), meta.title, meta.byline);
    // Our own candidate is chosen before readability runs (readability rewrites the DOM).
    const shape = { depth: 0, elements: 0 };
    const stats = measure(body, shape);
    const own = densityCandidate(body, stats);
    const marked = markedBody(body, stats);
    // Readability's cleaning is superlinear in nesting depth: a broken page of thousands of
    // unclosed <div>s would take minutes. Such pages use our own candidate only.
    const tooDeep = shape.depth > MAX_READABILITY_DEPTH || shape.elements > MAX_READABILITY_ELEMENTS;
    const rd = marked ?? (tooDeep ? null : readabilityCandidate(doc as unknown as Document));
    const rdParas = rd ? paragraphsOf(rd) : [];
    let paras = rdParas;
    if (len(rdParas) < 250 && own) {
      // Readability found little: compare with our candidate (its subtree is intact, detached or not).
      const ownParas = paragraphsOf(own);
      if (len(rdParas) < 0.5 * len(ownParas)) paras = ownParas;
    }
    text = paras.join("\n\n");
  }
  if (text.length < 200) {
    // Nothing (or next to nothing) visible: paywalled and script-rendered pages often carry
    // the text in JSON-LD (read with the metadata, before readability dropped the scripts).
    const declared = jsonLdArticleBody(doc);
    if (declared && declared.length > text.length) text = declared;
  }
  // The text's own language beats the page's declaration (often missing or a site-wide default).
  const guess = text ? detectLanguage(text) : null;
  const language = guess && guess.language !== "und" && guess.confidence >= 0.5 ? guess.language : meta.language;
  return { ...meta, language, body: text, languageGuess: guess };
}
