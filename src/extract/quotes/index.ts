import type { Component, Doc, Quote } from "../../model/index.js";
import { AttributionFinder } from "./attribution.js";
import { loadCueLexicon, type CueLexicon } from "./lexicon.js";
import { SpeakerResolver, type ActorCoder } from "./speaker.js";
import { codeActorSpan, loadActorLexicon, type ActorLexicon } from "../actors/index.js";

export { loadCueLexicon, CueLexicon } from "./lexicon.js";
export { findMarkedQuotes } from "./marks.js";

const RELATIVE = new Set(["who", "which", "that"]);

export interface QuoteOptions {
  /** Extra cue lexicons (same TSV format as lexicons/cues/cues.tsv); later entries override. */
  userLexicons?: string[];
  /** A lexicon already loaded (shared between components); wins over userLexicons. */
  lexicon?: CueLexicon;
  /**
   * Actor lexicon used to code speakers that are not linked to an entity
   * (default: the bundled one, loaded once and shared; null: no actor coding).
   */
  actors?: ActorLexicon | null;
}

/**
 * Finds who said what, filling doc.quotes:
 * - direct quotes in every quotation style ("straight", “curly”, ‘single’,
 *   «guillemets», NYT ''doubled'', wire dash paragraphs), over several
 *   sentences and paragraphs, interrupted by their cue ("We will insist,"
 *   Lavrov said, "on ...": one quote whose `fragments` are the quoted parts),
 *   signed ("..." ― Name) or introduced by a colon;
 * - indirect speech ("X said (that) ...", "according to X", "X told reporters
 *   ...", "X says through a translator that ...", "..., the minister said",
 *   "X, Y said, ...") and attributions beyond speech (writing, reports and
 *   polls, beliefs and intentions), each with its cue word and `kind`;
 * - the speaker: the mention at the quote (a pronoun such as "He" included),
 *   resolved to an entity of doc.entities (when the entity stage ran), to a
 *   recent or nearby earlier speaker for pronouns and descriptions, and coded
 *   as a CAMEO actor. A quote without a findable speaker keeps speaker null.
 * Works from tokens and sentences alone; uses POS tags and the parse when the
 * NLP core provides them. Cue words are data: lexicons/cues/cues.tsv.
 */
export class QuoteComponent implements Component {
  readonly name = "quotes";
  private readonly finder: AttributionFinder;

  private readonly coder: ActorCoder | null;

  constructor(readonly lexicon: CueLexicon, actors: ActorLexicon | null = null) {
    this.finder = new AttributionFinder(lexicon);
    this.coder = actors
      ? (doc, start, end) => {
          const m = codeActorSpan(actors, doc, start, end, doc.article.published);
          return m.actor || m.name ? m : null;
        }
      : null;
  }

  annotate(doc: Doc): void {
    doc.quotes = [];
    if (!doc.text || doc.tokens.count === 0) return;
    const cands = this.finder.find(doc);
    const resolver = new SpeakerResolver(doc, this.coder);
    const t = doc.tokens;
    let n = 0;
    for (const c of cands) {
      const src = c.source && c.source[1] > c.source[0] ? c.source : null;
      let speaker = src ? resolver.resolve(t.start[src[0]], t.end[src[1] - 1]) : null;
      if (speaker && src && src[1] - src[0] === 1 && RELATIVE.has(t.form[src[0]].toLowerCase())) {
        // "a resolution that condemned ...": the speaker is what the relative pronoun stands for
        const ref = this.finder.antecedent(doc, src[0]);
        if (ref && ref[1] > ref[0]) {
          const r = resolver.resolve(t.start[ref[0]], t.end[ref[1] - 1]);
          speaker = { ...r, start: speaker.start, end: speaker.end };
        }
      }
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
  const actors = opts.actors === undefined ? loadActorLexicon() : opts.actors;
  return new QuoteComponent(opts.lexicon ?? loadCueLexicon(opts.userLexicons ?? []), actors);
}
