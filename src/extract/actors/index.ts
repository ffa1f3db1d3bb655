/**
 * Actor coding API (used by the event and quote coders).
 *
 *   const lex = loadActorLexicon();            // once per process
 *   codeActorSpan(lex, doc, start, end, "2017-04-12")  // -> { actor: "RUSGOV", ... }
 */
import type { Doc } from "../../model/index.js";
import { type ActorMatch, codeSpan } from "./coder.js";
import { type ActorLexiconImpl, buildLexicon, type LoadOptions } from "./lexicon.js";

export type { ActorMatch } from "./coder.js";
export type { LexEntry, ActorKind } from "./format.js";
export { LexiconFormatError } from "./format.js";
export { codeOn } from "./lexicon.js";

/** The loaded actor lexicon (entries + name trie). Build it once with loadActorLexicon. */
export type ActorLexicon = ActorLexiconImpl;

const cache = new Map<string, ActorLexicon>();

/**
 * Loads the default lexicons (lexicons/actors/*.tsv), then PETRARCH actor and
 * agent dictionaries, then user files (TSV/JSON in eventwire format, or
 * PETRARCH actor files), each overriding names already present. With
 * `replaceDefault` the default lexicons are not loaded. Cached per option set.
 * Throws LexiconFormatError (message names the file and line) on bad input.
 */
export function loadActorLexicon(opts: { userFiles?: string[]; petrarch?: { actors: string[]; agents: string[] }; replaceDefault?: boolean } = {}): ActorLexicon {
  const key = JSON.stringify([opts.userFiles ?? [], opts.petrarch ?? null, !!opts.replaceDefault]);
  let lex = cache.get(key);
  if (!lex) {
    lex = buildLexicon(opts as LoadOptions);
    cache.set(key, lex);
  }
  return lex;
}

/**
 * Codes the noun phrase doc.text[start,end) on `date` (YYYY-MM-DD, or null =
 * today's office holders). Works with an empty doc.entities (lexicon and role
 * words only); uses doc.entities for linked mentions when present.
 */
export function codeActorSpan(lex: ActorLexicon, doc: Doc, start: number, end: number, date: string | null): ActorMatch {
  return codeSpan(lex, doc, doc.text, start, end, isoDay(date));
}

function isoDay(date: string | null): string | null {
  return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
}

/** Codes a free-standing phrase (no document), e.g. a gold source_text. */
export function codeActorText(lex: ActorLexicon, text: string, date: string | null): ActorMatch {
  return codeSpan(lex, null, text, 0, text.length, isoDay(date));
}
export { ploverActor, ploverCode, type PloverActor } from "./plover.js";
