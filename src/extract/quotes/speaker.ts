import type { Doc, Entity, Speaker } from "../../model/index.js";
import { PERSONAL, ROLE_NOUNS } from "./words.js";

/** Codes a speaker phrase as a CAMEO actor (the actors stage's codeActorSpan, bound to a lexicon). */
export type ActorCoder = (doc: Doc, start: number, end: number) => { actor: string | null; name: string | null; entity: string | null } | null;

interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
}

/** How far back (characters) a pronoun looks for a speaker named without entities. */
const LOOKBACK = 3000;
const PLURAL_PRONOUNS = new Set(["they", "them", "we", "us"]);
const NEUTER_PRONOUNS = new Set(["it"]);
const FIRST_PERSON = new Set(["i", "me"]);

/**
 * Resolves speaker mentions to what they name: an entity from doc.entities
 * when one covers the mention; for pronouns and descriptions ("He", "the
 * spokesman") the nearest compatible entity mentioned earlier; without
 * entities, the nearest earlier mention of a speaker already named in the
 * article.
 */
export class SpeakerResolver {
  private readonly mentions: MentionRef[] = [];
  /** Names of speakers resolved so far, with where they were named. */
  private readonly named: { name: string; start: number; actor: string | null; entity: string | null }[] = [];

  constructor(private readonly doc: Doc, private readonly coder: ActorCoder | null = null) {
    for (const e of doc.entities) for (const m of e.mentions) this.mentions.push({ entity: e, start: m.start, end: m.end });
    this.mentions.sort((a, b) => a.start - b.start);
  }

  resolve(start: number, end: number): Speaker {
    const text = this.doc.text.slice(start, end);
    const lower = text.toLowerCase().replace(/’/g, "'");
    const own = this.entityCovering(start, end);
    if (own) return this.fromEntity(own, start, end);
    if (PERSONAL.has(lower) || FIRST_PERSON.has(lower) || PLURAL_PRONOUNS.has(lower) || NEUTER_PRONOUNS.has(lower)) {
      const want = PERSONAL.has(lower) || FIRST_PERSON.has(lower) ? "person" : NEUTER_PRONOUNS.has(lower) ? "thing" : "any";
      // the speaker of the last sentences is the likeliest antecedent ("Lavrov says ... He says through a translator ...")
      const recent = want === "person" ? this.recentSpeaker(start) : null;
      if (recent) return { name: recent.name, actor: recent.actor, entity: recent.entity, start, end };
      const ent = this.nearestEntityBefore(start, want);
      if (ent) return this.fromEntity(ent, start, end);
      const prev = this.nearestNamedBefore(start, want === "person");
      return prev ? { name: prev.name, actor: prev.actor, entity: prev.entity, start, end } : { name: text, actor: null, entity: null, start, end };
    }
    if (this.isDescription(text)) {
      const ent = this.nearestEntityBefore(start, "person", text);
      if (ent) return this.fromEntity(ent, start, end);
    }
    const coded = this.coder ? this.coder(this.doc, start, end) : null;
    // an entity the coder found inside the phrase but not at its head ("USA" in "USA intelligence agencies")
    // codes the phrase, but is not what the phrase names
    const inner = coded?.entity != null && this.mentions.length > 0;
    // the coder's canonical name when it names the same thing ("Lavrov" -> "Sergey Lavrov"),
    // not when it only names the actor's country ("Charlotte Mayor Jennifer Roberts" -> USAGOV)
    const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
    const sameThing = coded?.name != null && coded.name.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => words.has(w));
    const name = inner || !sameThing ? text : (coded?.name as string);
    const actor = coded?.actor ?? null;
    const entity = inner ? null : coded?.entity ?? null;
    this.named.push({ name, start, actor, entity });
    return { name, actor, entity, start, end };
  }

  private fromEntity(e: Entity, start: number, end: number): Speaker {
    this.named.push({ name: e.name, start, actor: e.actor, entity: e.id });
    return { name: e.name, actor: e.actor, entity: e.id, start, end };
  }

  /**
   * The entity named by the speaker phrase: one whose mention covers the
   * phrase's last word (its head). "USA intelligence agencies" is not the
   * USA; "presidential spokesman Dmitry Peskov" is Peskov.
   */
  private entityCovering(start: number, end: number): Entity | null {
    const text = this.doc.text;
    let headEnd = end;
    while (headEnd > start && /[\s.,'’s]/.test(text[headEnd - 1]) && !/\p{L}{2}/u.test(text.slice(headEnd - 2, headEnd))) headEnd--;
    for (const m of this.mentions) {
      if (m.start >= end) break;
      if (m.end <= start) continue;
      if (m.start < headEnd && m.end >= headEnd - 1) return m.entity;
    }
    return null;
  }

  private nearestEntityBefore(pos: number, want: "person" | "thing" | "any", description?: string): Entity | null {
    const roleActorHint = description ? /spokes|minister|president|secretary|official|ambassador|senator|governor/.test(description.toLowerCase()) : false;
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.start >= pos) continue;
      const t = m.entity.type;
      if (want === "person" && t !== "PER") continue;
      if (want === "thing" && t === "PER") continue;
      if (roleActorHint && m.entity.actor && !/GOV|IGO|MIL|LEG|JUD|ELI/.test(m.entity.actor)) continue;
      return m.entity;
    }
    return null;
  }

  /** A named (non-pronoun) person speaker from this or the previous two sentences. */
  private recentSpeaker(pos: number): { name: string; actor: string | null; entity: string | null } | null {
    const here = this.doc.sentenceAt(pos);
    for (let k = this.named.length - 1; k >= 0; k--) {
      const n = this.named[k];
      if (n.start >= pos) continue;
      const s = this.doc.sentenceAt(n.start);
      if (here < 0 || s < 0 || here - s > 2) return null;
      if (n.entity && this.doc.entities.some((e) => e.id === n.entity && e.type !== "PER")) continue;
      if (n.actor && (/^[A-Z]{3}$/.test(n.actor) || n.actor.startsWith("IGO"))) continue;
      if (!n.entity && !/^\p{Lu}/u.test(n.name)) continue;
      return n;
    }
    return null;
  }

  /** Without entities: the earlier speaker whose name occurs closest before `pos`. */
  private nearestNamedBefore(pos: number, person: boolean): { name: string; actor: string | null; entity: string | null } | null {
    const text = this.doc.text;
    let best: { name: string; actor: string | null; entity: string | null } | null = null;
    let bestAt = -1;
    const seen = new Set<string>();
    for (let k = this.named.length - 1; k >= 0; k--) {
      const n = this.named[k];
      if (n.start < pos - LOOKBACK) break;
      if (seen.has(n.name) || n.start >= pos) continue;
      seen.add(n.name);
      // "he"/"she" do not stand for a country or organisation (a bare country code, an IGO, a known ORG entity)
      if (person && n.actor && (/^[A-Z]{3}$/.test(n.actor) || n.actor.startsWith("IGO") || /^(NGO|MNC|IGO)/.test(n.actor.slice(3)))) continue;
      if (person && n.entity && this.doc.entities.some((e) => e.id === n.entity && e.type !== "PER")) continue;
      const words = n.name.split(/\s+/);
      const key = words[words.length - 1];
      if (!/^\p{Lu}/u.test(key)) continue;
      // look back a few paragraphs only: a pronoun does not reach further, and long texts stay linear
      const from = Math.max(0, pos - LOOKBACK);
      const rel = text.slice(from, pos).lastIndexOf(key);
      const at = rel < 0 ? -1 : from + rel;
      if (at > bestAt) {
        bestAt = at;
        best = n;
      }
    }
    return best;
  }

  private isDescription(text: string): boolean {
    const words = text.toLowerCase().split(/\s+/);
    if (!/^(the|this|that|a|an)$/.test(words[0])) return false;
    if (/\s\p{Lu}/u.test(text)) return false;
    return words.some((w) => ROLE_NOUNS.has(w));
  }
}
