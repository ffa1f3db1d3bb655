import type { Component, Doc, Quote } from "../../model/index.js";
import { AttributionFinder } from "./attribution.js";
import { loadCueLexicon, type CueLexicon } from "./lexicon.js";
import { SpeakerResolver } from "./speaker.js";

export { loadCueLexicon, CueLexicon } from "./lexicon.js";
export { findMarkedQuotes } from "./marks.js";

export interface QuoteOptions {
  /** Extra cue lexicons (same TSV format as lexicons/cues/cues.tsv); later entries override. */
  userLexicons?: string[];
  /** A lexicon already loaded (shared between components); wins over userLexicons. */
  lexicon?: CueLexicon;
}

/**
 * Finds who said what: direct quotes in any quotation style (multi-sentence,
 * interrupted by their cue), indirect speech ("X said (that) ...", "according
 * to X", "X told reporters ..."), and other attributions (writing, reports,
 * beliefs and intentions), each with its cue, kind and speaker. Works from
 * tokens and sentences alone; resolves speakers to doc.entities when the
 * entity component ran before it.
 */
export class QuoteComponent implements Component {
  readonly name = "quotes";
  private readonly finder: AttributionFinder;

  constructor(readonly lexicon: CueLexicon) {
    this.finder = new AttributionFinder(lexicon);
  }

  annotate(doc: Doc): void {
    doc.quotes = [];
    if (!doc.text || doc.tokens.count === 0) return;
    const cands = this.finder.find(doc);
    const resolver = new SpeakerResolver(doc);
    const t = doc.tokens;
    let n = 0;
    for (const c of cands) {
      const speaker = c.source ? resolver.resolve(t.start[c.source[0]], t.end[c.source[1] - 1]) : null;
      const sentence = Math.max(0, doc.sentenceAt(c.start));
      const q: Quote = {
        id: `q${++n}`,
        text: doc.text.slice(c.start, c.end),
        start: c.start,
        end: c.end,
        direct: c.direct,
        speaker,
        cue: c.cue ? doc.text.slice(t.start[c.cue[0]], t.end[c.cue[1] - 1]) : null,
        kind: c.entry ? c.entry.kind : "speech",
        sentence,
      };
      if (c.fragments) q.fragments = c.fragments;
      doc.quotes.push(q);
    }
  }
}

/** Builds the quote component, loading the cue lexicon once. */
export function createQuoteComponent(opts: QuoteOptions = {}): Component {
  return new QuoteComponent(opts.lexicon ?? loadCueLexicon(opts.userLexicons ?? []));
}
