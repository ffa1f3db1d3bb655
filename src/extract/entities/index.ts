/**
 * Entities: NER + lexicon mentions + in-document linking + actor coding.
 *
 *   const ents = createEntityComponent(loadActorLexicon());   // once
 *   ents.annotate(doc);   // needs doc.tokens and doc.sentences; fills doc.tokens.ner and doc.entities
 */
import type { Component, Doc, Entity, EntityType } from "../../model/index.js";
import type { ActorLexicon } from "../actors/index.js";
import { codeSpan } from "../actors/coder.js";
import { findHits } from "../actors/coder.js";
import { matchTokens } from "../actors/normalize.js";
import { chunks } from "./conll.js";
import { linkMentions, type RawMention } from "./linker.js";
import { NerTagger, stripPossessive } from "./ner.js";

export { NerTagger } from "./ner.js";
export type { RawMention } from "./linker.js";

const KIND_TYPE: Record<string, EntityType> = { country: "GPE", region: "LOC", igo: "ORG", ngo: "ORG", org: "ORG", group: "ORG", person: "PER" };

export class EntityComponent implements Component {
  readonly name = "entities";
  readonly lex: ActorLexicon;
  readonly tagger: NerTagger;

  constructor(lex: ActorLexicon, modelName?: string) {
    this.lex = lex;
    this.tagger = new NerTagger(lex, modelName);
  }

  annotate(doc: Doc): void {
    const toks = doc.tokens;
    const text = doc.text;
    const mentions: RawMention[] = [];
    for (const s of doc.sentences) {
      const forms: string[] = [];
      const upos: string[] = [];
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        forms.push(toks.form[i]);
        upos.push(toks.upos[i]);
      }
      const { tags, conf } = this.tagger.tag(forms, upos);
      const sentMentions: RawMention[] = [];
      for (const c of chunks(tags)) {
        const [type, a, b] = c.split(":");
        const ta = s.tokenStart + Number(a);
        const tb = s.tokenStart + Number(b) - 1;
        const cut = stripPossessive(toks.form[tb])[1];
        let cf = 0;
        for (let k = Number(a); k < Number(b); k++) cf += conf[k];
        sentMentions.push({ start: toks.start[ta], end: toks.end[tb] - cut, type: type as EntityType, sentence: s.index, confidence: cf / (Number(b) - Number(a)), source: "ner" });
      }
      // lexicon names the model missed or cut short ("the U.N. Security Council", "Kremlin")
      const mt = matchTokens(text, s.start, s.end);
      for (const h of findHits(this.lex, mt)) {
        const e = this.lex.entries[h.entry];
        const type = KIND_TYPE[e.kind];
        if (!type) continue;
        let a = h.i;
        while (a < h.j - 1 && /^(THE|A|AN)$/.test(mt[a].norm)) a++;
        const start = mt[a].start;
        const end = mt[h.j - 1].end;
        const over = sentMentions.filter((m) => m.start < end && start < m.end);
        if (!over.length) sentMentions.push({ start, end, type, sentence: s.index, confidence: 0.8, source: "lexicon" });
        else if (over.length === 1 && type !== "PER" && over[0].type !== "PER" && over[0].start >= start && over[0].end <= end && (over[0].start > start || over[0].end < end)) {
          over[0].start = start;
          over[0].end = end;
          over[0].type = type;
        } else
          for (const m of over) {
            if (m.start !== start || m.end !== end) continue;
            // same span: the lexicon knows what kind of thing it is ("Kremlin" ORG, "Putin" PER, "Moscow" GPE)
            if (type === "GPE" && m.type === "LOC") m.type = "GPE";
            else if ((type === "PER" || type === "ORG") && m.type !== "MISC") m.type = type;
          }
      }
      sentMentions.sort((x, y) => x.start - y.start);
      mentions.push(...sentMentions);
    }
    // token layer: final mention types as IOB2
    for (const m of mentions) {
      const a = doc.tokenAt(m.start);
      const b = doc.tokenAt(m.end - 1);
      if (a < 0 || b < 0) continue;
      for (let k = a; k <= b; k++) toks.ner[k] = (k === a ? "B-" : "I-") + m.type;
    }
    doc.entities = this.link(doc, mentions);
  }

  /** Links mentions into entities and codes each entity as an actor. */
  link(doc: Doc, mentions: RawMention[]): Entity[] {
    const date = doc.article.published && /^\d{4}-\d{2}-\d{2}/.test(doc.article.published) ? doc.article.published.slice(0, 10) : null;
    const code = (start: number, end: number) => codeSpan(this.lex, null, doc.text, start, end, date);
    return linkMentions(doc.text, mentions, code, this.lex);
  }
}

/** NER + linking + actor coding, models loaded once. */
export function createEntityComponent(lex: ActorLexicon): Component {
  return new EntityComponent(lex);
}
