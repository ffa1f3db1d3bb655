/**
 * Entities: NER + lexicon mentions + in-document linking + actor coding.
 *
 *   const ents = createEntityComponent(loadActorLexicon());   // once
 *   ents.annotate(doc);   // needs doc.tokens and doc.sentences; fills doc.tokens.ner and doc.entities
 */
import type { Component, Doc, Entity, EntityType } from "../../model/index.js";
import type { ActorLexicon } from "../actors/index.js";
import { codeSpan, findHits } from "../actors/coder.js";
import { matchTokens } from "../actors/normalize.js";
import { chunks } from "./conll.js";
import { linkMentions, type RawMention } from "./linker.js";
import { NerTagger, stripPossessive } from "./ner.js";

export { NerTagger } from "./ner.js";
export type { RawMention } from "./linker.js";

const TITLE_WORDS = new Set(["MR", "MRS", "MS", "DR", "PRESIDENT", "PRIME", "MINISTER", "SECRETARY", "GENERAL", "SPECIAL", "ENVOY", "FOREIGN", "DEFENCE", "DEFENSE", "CHANCELLOR", "KING", "QUEEN", "PRINCE", "SENATOR", "SEN", "GOVERNOR", "AMBASSADOR", "SPOKESMAN", "SPOKESWOMAN", "CHAIRMAN", "VICE", "DEPUTY", "UN", "US", "UK", "EU"]);

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
    const posLayer = this.tagger.posKind === "upos" ? toks.upos : toks.xpos;
    const sentForms = doc.sentences.map((s) => toks.form.slice(s.tokenStart, s.tokenEnd));
    const sentPos = doc.sentences.map((s) => posLayer.slice(s.tokenStart, s.tokenEnd));
    const tagged = this.tagger.tagSentences(sentForms, 40, sentPos);
    for (let si = 0; si < doc.sentences.length; si++) {
      const s = doc.sentences[si];
      const { tags, conf } = tagged[si];
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
      const hits = findHits(this.lex, mt);
      // "the Putin-Tillerson meeting": a hyphenated pair of known people is two people, not an organisation
      for (let k = sentMentions.length - 1; k >= 0; k--) {
        const m = sentMentions[k];
        if (m.type === "PER" || !/^\p{Lu}[^\s-]*(?:-\p{Lu}[^\s-]*)+$/u.test(text.slice(m.start, m.end))) continue;
        const parts = mt.filter((t) => t.start >= m.start && t.end <= m.end);
        const people = parts.map((t) => hits.find((h) => h.j - h.i === 1 && mt[h.i] === t && this.lex.entries[h.entry].kind === "person"));
        if (parts.length < 2 || people.some((h) => !h)) continue;
        sentMentions.splice(k, 1, ...parts.map((t) => ({ ...m, start: t.start, end: t.end, type: "PER" as EntityType })));
      }
      // person names start after leading places, organisations and titles the model swept in
      // ("Syria Staffan de Mistura", "Russian President Vladimir Putin")
      for (const m of sentMentions) {
        if (m.type !== "PER") continue;
        const inside = mt.filter((t) => t.start >= m.start && t.end <= m.end);
        let k = 0;
        while (k < inside.length - 1) {
          const t = inside[k];
          const h = hits.find((x) => mt[x.i].start <= t.start && t.end <= mt[x.j - 1].end);
          const kind = h ? this.lex.entries[h.entry].kind : null;
          if ((kind && kind !== "person") || TITLE_WORDS.has(t.norm) || this.lex.agentWords.has(t.norm)) k++;
          else break;
        }
        if (k > 0) m.start = inside[k].start;
      }
      for (const h of hits) {
        const e = this.lex.entries[h.entry];
        const type = KIND_TYPE[e.kind];
        if (!type) continue;
        let a = h.i;
        while (a < h.j - 1 && /^(THE|A|AN)$/.test(mt[a].norm)) a++;
        // a national office named only by its role ("Secretary of State") is a role, not a named entity
        if (e.kind === "org") {
          if (this.lex.agentNames.has(mt.slice(a, h.j).map((t) => t.norm).join(" "))) continue;
        }
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
