/**
 * Boilerplate knowledge for article extraction: which elements are never
 * article text (navigation, share bars, captions, related links, bylines),
 * and which paragraph texts are page furniture ("Image 1 of 9", "Related: ...").
 * Patterns were derived by reading extraction errors on the dev pages only.
 */
import type { DomNode } from "./dom-text.js";

/** Tags removed before any scoring. */
export const DROP_TAGS = new Set([
  "FORM", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "NAV", "ASIDE", "FOOTER", "FIGURE", "FIGCAPTION", "PICTURE", "VIDEO", "AUDIO", "MENU", "DIALOG",
]);

/** Tags that never hold text: removed unconditionally. */
export const NON_TEXT_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "EMBED", "CANVAS", "LINK", "META"]);

/**
 * Words that, as the first or last word of a class token or id ("share-bar",
 * "c-related", "page-footer"), mark a non-article block. BEM-style one- and
 * two-letter prefixes and "js" are skipped.
 */
const BOILER_WORDS = new Set([
  "caption", "captions", "credit", "credits", "byline", "bylines", "dateline", "timestamp", "share", "shares", "sharing",
  "sharebar", "social", "related", "newsletter", "newsletters", "promo", "promos", "breadcrumb", "breadcrumbs", "subscribe",
  "subscription", "signup", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "comment", "comments",
  "gallery", "slideshow", "carousel", "toolbar", "widget", "widgets", "recommend", "recommended", "recommendations",
  "readmore", "outbrain", "taboola", "disclaimer", "copyright", "popup", "cookie", "cookies", "masthead", "sidebar",
  "rail", "trending", "tags", "tag", "pagination", "teaser", "teasers", "dfp", "video", "player", "photo", "image",
  "img", "media", "meta", "nav", "navbar", "navigation", "menu", "footer", "header", "author",
  "bio", "print", "tools", "utility", "skip", "sronly", "visuallyhidden", "more", "popular", "mostread", "embed",
  "rollover", "tooltip", "popover", "hovercard",
]);
const PREFIX = /^(?:[a-z]{1,2}|js)$/;
const MODIFIER = new Set(["has", "with", "no", "without", "is", "show", "hide", "and"]);

export function isBoilerClass(cls: string): boolean {
  for (const tok of cls.toLowerCase().split(/\s+/)) {
    if (!tok) continue;
    const segs = tok.split(/[-_]+/).filter(Boolean);
    while (segs.length > 1 && PREFIX.test(segs[0])) segs.shift();
    if (!segs.length) continue;
    // State modifiers ("has-image", "with-sidebar", "no-video") describe the block, not its role.
    if (segs.some((g) => MODIFIER.has(g))) continue;
    if (BOILER_WORDS.has(segs[0]) || BOILER_WORDS.has(segs[segs.length - 1])) return true;
    if (segs.length >= 2 && BOILER_WORDS.has(segs[0] + segs[1])) return true;
  }
  return false;
}

/** class/id words that mark the article text itself; these override BOILER_CLASS. */
export const ARTICLE_CLASS = /(?:^|[\s_-])(?:article-?body|story-?body|post-?body|entry-?content|post-?content|article-?content|articlebody|story-?content|body-?text|article-?text|main-?content|content-?body|text-?body|rich-?text)(?:$|[\s_-])/i;

export function classOf(el: DomNode): string {
  const g = el.getAttribute;
  if (!g) return "";
  const c = el.getAttribute!("class") ?? "";
  const i = el.getAttribute!("id") ?? "";
  return c || i ? `${c} ${i}` : "";
}

export function isHidden(el: DomNode): boolean {
  if (!el.getAttribute) return false;
  if (el.getAttribute("hidden") != null || el.getAttribute("aria-hidden") === "true") return true;
  const st = el.getAttribute("style");
  return st != null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(st);
}

/** Paragraph texts that are page furniture, not article text. */
const FURNITURE: RegExp[] = [
  /^(?:image|photo|picture|foto|video|graphic)s?\s*(?:\d+\s*(?:of|\/)\s*\/?\s*\d+)?\s*[:|]/i,
  /^(?:image|photo|picture)s?\s+\d+\s+of\s+\/?\s*\d+$/i,
  /^\(?(?:image|photo|picture)\s+(?:credit|courtesy|source)\b/i,
  /^\((?:image|photo|picture|credit)[^)]*\)$/i,
  /^\d+\s*of\s*\d+\S/,
  /^(?:related|more|see also|read more|see more|read also|also read|don't miss|recommended|trending|watch|listen|advertisement|advert|sponsored|click here|most read|most popular|latest news|more from|more on this|top stories)\b[^.!?]{0,120}$/i,
  /^(?:published|updated|posted|last updated|first published)\b[\s:]/i,
  /^(?:by|von|par|por)\s+[A-Z][^.!?]{0,80}$/,
  /^(?:sign in|log in|subscribe|caption|close|share|tweet|email|print|comments?|follow us|next|previous|back to top|skip to (?:main )?content|menu|search)$/i,
  /^https?:\/\/\S+$/,
  /^(?:tags?|topics?|categories|filed under)\s*:/i,
  /\b(?:posted|published|written|publicado|publié|veröffentlicht|pubblicato)\s+(?:by|por|par|von|da)\b/i,
  /\[(?:insight|video|reaction|pictures|pics|latest|reveal|analysis|poll|live)\]\s*\|?$/i,
  /^\d+$/,
];

export function isFurniture(p: string): boolean {
  if (p.length > 220) return false;
  for (const re of FURNITURE) if (re.test(p)) return true;
  return false;
}
