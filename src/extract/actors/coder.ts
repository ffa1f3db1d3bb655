/**
 * codeActorSpan: code a noun phrase as a CAMEO actor from the lexicon, the
 * role nouns (agents) in it and, when present, the document's entities.
 *
 * Precedence inside the phrase (PETRARCH-like, plus dates):
 *  1. a known person whose code is valid on the date ("Russian Foreign Minister Sergey Lavrov");
 *  2. an organisation, institution or metonym with a full code ("the Kremlin", "the U.N. Security Council");
 *  3. a country / IGO / region, plus the first role noun's sector ("USA intelligence agencies" -> USASPY);
 *  4. a role noun alone -> "---" + sector (country unknown), low confidence;
 *  5. the document's entity overlapping the phrase (entity linking: "Lavrov" after "Sergey Lavrov").
 * Words after the first preposition or relative pronoun only count when the
 * head part names nothing ("the president of Russia"). A possessor before a
 * relational noun ("Moscow's ally") is not the actor.
 */
import type { Doc } from "../../model/index.js";
import type { LexEntry } from "./format.js";
import { type ActorLexiconImpl, codeOn } from "./lexicon.js";
import { type MatchToken, matchTokens } from "./normalize.js";
import { fuzzyPerson, surnamePerson } from "./fuzzy.js";

export interface ActorMatch {
  actor: string | null;
  entity: string | null;
  name: string | null;
  confidence: number;
  start: number;
  end: number;
  /** Kind of the lexicon entry that decided the code (person, country, org, agent, ...), when one did. */
  kind?: string;
  /**
   * When the phrase names a town: "city" for a town or a capital named as a place ("Tel Aviv", "in
   * central Baghdad"), "capital" for a capital standing for its government ("Baghdad said"). The
   * PLOVER form codes a city's people as civilians (CVL).
   */
  place?: "city" | "capital";
}

const BREAK = new Set(["OF", "TO", "FOR", "IN", "FROM", "AT", "WITH", "ON", "BY", "AGAINST", "OVER", "AFTER", "BEFORE", "DURING", "WHO", "WHOM", "WHICH", "THAT", "WHOSE", "ABOUT", "BETWEEN", "NEAR", "UNDER", "INTO", "ACROSS", "AMONG", "INSIDE", "OUTSIDE", "AND", "OR"]);
const RELATIONAL = new Set(["ALLY", "ALLIES", "NEIGHBOR", "NEIGHBORS", "NEIGHBOUR", "NEIGHBOURS", "ENEMY", "ENEMIES", "RIVAL", "RIVALS", "PARTNER", "PARTNERS", "FRIEND", "FRIENDS", "FOE", "FOES", "OPPONENT", "OPPONENTS", "CRITIC", "CRITICS", "ADVERSARY", "ADVERSARIES", "PROXY", "PROXIES", "CLIENT", "PATRON", "BACKER", "BACKERS", "SPONSOR", "SPONSORS"]);
const ARTICLES = new Set(["THE", "A", "AN"]);
/** Prepositions that make the phrase a location ("in central Baghdad"), not the government a capital can stand for. */
const LOCATIVE = new Set(["IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "AROUND", "ACROSS", "THROUGHOUT", "WITHIN"]);

export interface SpanHit {
  entry: number;
  /** token index range [i, j) in the token list */
  i: number;
  j: number;
}

/** Whether the text words can be a use of this entry's name (case rules). */
function caseOk(lex: ActorLexiconImpl, toks: MatchToken[], e: number, i: number, len: number): boolean {
  const entry = lex.entries[e];
  for (let k = i + 1; k < i + len; k++) if (toks[k].brk) return false;
  if (entry.kind === "agent") return true;
  let k = i;
  while (k < i + len - 1 && ARTICLES.has(toks[k].norm)) k++;
  const t = toks[k];
  if (!t.cap) return false;
  // short single-word names (US, UN, EU, IS, AU) must be written in capitals
  if (len - (k - i) === 1 && t.norm.length <= 3 && !t.allCaps) return false;
  return true;
}

/** All greedy longest matches in the token list, left to right. */
export function findHits(lex: ActorLexiconImpl, toks: MatchToken[]): SpanHit[] {
  const words = toks.map((t) => t.norm);
  const hits: SpanHit[] = [];
  for (let i = 0; i < words.length; ) {
    let m = lex.longest(words, i, (e, len) => caseOk(lex, toks, e, i, len));
    if (ARTICLES.has(words[i]) && i + 1 < words.length) {
      // "the U.N. Security Council": a longer name after the article wins over "the UN"
      const n = lex.longest(words, i + 1, (e, len) => caseOk(lex, toks, e, i + 1, len));
      if (n && (!m || i + 1 + n[1] > i + m[1])) {
        hits.push({ entry: n[0], i: i + 1, j: i + 1 + n[1] });
        i += 1 + n[1];
        continue;
      }
    }
    if (!m && words[i].length > 4 && words[i].endsWith("S")) {
      // plural demonyms: "Libyans", "Palestinians"
      const w2 = words.slice(i, i + 1);
      w2[0] = w2[0].slice(0, -1);
      const p = lex.longest(w2, 0, (e) => caseOk(lex, toks, e, i, 1) && (lex.entries[e].kind === "country" || lex.entries[e].kind === "region"));
      if (p) m = p;
    }
    if (m) {
      hits.push({ entry: m[0], i, j: i + m[1] });
      i += m[1];
    } else i++;
  }
  return hits;
}

function isBareCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) || /^IGO[A-Z]{3}$/.test(code) || code === "IGO" || /^NGO[A-Z]{0,3}$/.test(code);
}

/**
 * A role noun's code on an actor's: "~SEC" appends the sector (RUS + ~GOV = RUSGOV); a primary code
 * "XXX~" comes first (IGOPKO~ on SEN = IGOPKOSEN, the generic code with the country attached, as the
 * CAMEO manual's NGOUSA), alone when the country is unknown ("peacekeepers" = IGOPKO), and after an
 * actor of the same kind ("U.N. peacekeeping troops" = IGOUNO + PKO = IGOUNOPKO, not IGOIGOUNO).
 */
function combine(base: string, agent: string): string {
  if (agent.startsWith("~")) return base + agent.slice(1);
  if (agent.endsWith("~")) {
    const primary = agent.slice(0, -1);
    if (base === "---") return primary;
    if (base.startsWith(primary.slice(0, 3))) return base + primary.slice(3);
    return primary + base;
  }
  return base + agent;
}

function displayName(e: LexEntry): string {
  return e.id;
}

export function codeSpan(lex: ActorLexiconImpl, doc: Doc | null, text: string, start: number, end: number, date: string | null): ActorMatch {
  const none: ActorMatch = { actor: null, entity: null, name: null, confidence: 0, start, end };
  if (!(start >= 0 && end <= text.length && start < end)) return none;
  const toks = matchTokens(text, start, end);
  const hits = withoutContradictedPersons(lex, findHits(lex, toks), date);

  // entity linking: the document entity overlapping this phrase
  let ent: { id: string; name: string; actor: string | null; confidence?: number } | null = null;
  if (doc && doc.entities.length) {
    let bestLen = 0;
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        const ov = Math.min(m.end, end) - Math.max(m.start, start);
        if (ov > 0 && ov > bestLen) {
          bestLen = ov;
          ent = e;
        }
      }
    }
  }
  const result = (actor: string | null, name: string | null, confidence: number, kind?: string): ActorMatch => {
    const r: ActorMatch = { actor, entity: ent ? ent.id : null, name, confidence, start, end };
    if (kind) r.kind = kind;
    return r;
  };

  // the head part: tokens before the first break word that is outside any hit
  let cut = toks.length;
  {
    let h = 0;
    for (let k = 0; k < toks.length; k++) {
      while (h < hits.length && hits[h].j <= k) h++;
      const inside = h < hits.length && hits[h].i <= k && k < hits[h].j;
      if (!inside && k > 0 && BREAK.has(toks[k].norm)) {
        cut = k;
        break;
      }
    }
  }
  // a possessor before a relational noun is not the actor ("Moscow's ally"); a name after the noun is
  // ("Moscow's ally Syria")
  for (let k = 0; k + 1 < cut; k++) {
    if (toks[k].norm === "'S") {
      for (let q = k + 1; q < cut; q++) {
        if (!RELATIONAL.has(toks[q].norm)) continue;
        const after = toks[q].end;
        const named = doc?.entities.find((e) => e.mentions.some((m) => m.start >= after && m.end <= end)) ?? null;
        return result(named?.actor ?? null, named?.name ?? null, named?.actor ? 0.5 : 0.2);
      }
    }
  }
  const headHits = hits.filter((h) => h.j <= cut);
  const pool = headHits.some((h) => lex.entries[h.entry].kind !== "agent") ? headHits : hits;

  // "former": the CAMEO elites (ELI) are former officials; for a known person only when the
  // article's date cannot say which office they held ("former president Carlos Menem")
  const formerBefore = (k: number) => toks.slice(0, Math.min(k, cut)).some((t) => t.norm === "FORMER" || t.norm === "EX");
  const personCode = (code: string, at: number) => (!date && formerBefore(at) ? asFormer(code) : code);
  // 1. a person valid on the date (rightmost person: titles precede names); a person after the
  // head's role noun only qualifies it ("militants loyal to al-Zarqawi", "a spokesman for Putin")
  let personNoCode: LexEntry | null = null;
  const headRole = headHits.some((h) => lex.entries[h.entry].kind === "agent");
  for (let k = hits.length - 1; k >= 0; k--) {
    const e = lex.entries[hits[k].entry];
    if (e.kind !== "person") continue;
    if (headRole && hits[k].i >= cut) {
      if (!personNoCode) personNoCode = e;
      continue;
    }
    const c = codeOn(e.codes, date);
    if (c && (c.dated || !/ELI$/.test(c.code))) return result(personCode(c.code, hits[k].i), displayName(e), c.dated || !date ? 0.95 : 0.85, "person");
    if (!personNoCode) personNoCode = e;
  }
  // 1b. an unknown capitalised name that is a known person misspelt or transliterated
  {
    const covered = new Uint8Array(toks.length);
    for (const h of hits) for (let k = h.i; k < h.j; k++) covered[k] = 1;
    for (let k = 0; k < toks.length; ) {
      if (covered[k] || !toks[k].cap || toks[k].norm === "'S") {
        k++;
        continue;
      }
      let j = k;
      while (j < toks.length && !covered[j] && toks[j].cap && toks[j].norm !== "'S") j++;
      if (j - k === 1 && (k > 0 && covered[k - 1] && lex.entries[hits.find((h) => h.j === k)?.entry ?? 0]?.kind === "agent")) {
        // "President Kagame": a title and a known surname
        const f = surnamePerson(lex, toks[k].norm);
        if (f) {
          const e = lex.entries[f.entry];
          const c = codeOn(e.codes, date);
          if (c && (c.dated || !/ELI$/.test(c.code))) return result(personCode(c.code, k), displayName(e), f.confidence, "person");
          if (!personNoCode) personNoCode = e;
        }
      }
      for (let a = k; a + 2 <= j; a++) {
        const f = fuzzyPerson(lex, toks.slice(a, j).map((t) => t.norm));
        if (!f) continue;
        const e = lex.entries[f.entry];
        const c = codeOn(e.codes, date);
        if (c && (c.dated || !/ELI$/.test(c.code))) return result(personCode(c.code, a), displayName(e), Math.round(f.confidence * (c.dated || !date ? 0.95 : 0.85) * 100) / 100, "person");
        if (!personNoCode) personNoCode = e;
        break;
      }
      k = j;
    }
  }
  // the head role noun is the last one in the head part ("Moslem forces" -> forces; "workers of
  // the bus company" -> workers), else the last one after it ("the head of the Syrian army")
  const lastAgent = (hs: SpanHit[]) => {
    for (let k = hs.length - 1; k >= 0; k--) if (lex.entries[hs[k].entry].kind === "agent") return hs[k];
    return undefined;
  };
  const agentHit = lastAgent(headHits) ?? lastAgent(hits);
  const roleCode = agentHit ? lex.entries[agentHit.entry].codes[0].code : null;
  // "former security officials", "former prosecutors": elites
  const agentCode = roleCode && agentHit && formerBefore(agentHit.i + 1) ? asFormer(roleCode) : roleCode;
  // 2./3. organisation or country in the head part; a country's own institution wins over the
  // bare country ("US Secretary of State" -> USAGOV, not USA)
  const bareCountries = new Set<string>();
  for (const h of pool) {
    const e = lex.entries[h.entry];
    if (e.kind !== "country") continue;
    const c = codeOn(e.codes, date);
    if (c && /^[A-Z]{3}$/.test(c.code)) bareCountries.add(c.code);
  }
  if (bareCountries.size)
    for (const h of pool) {
      const e = lex.entries[h.entry];
      if (e.kind !== "org" && e.kind !== "group") continue;
      const c = codeOn(e.codes, date);
      if (c && c.code.length > 3 && bareCountries.has(c.code.slice(0, 3))) return result(c.code, displayName(e), 0.9, e.kind);
    }
  for (const h of pool) {
    const e = lex.entries[h.entry];
    if (e.kind === "agent" || e.kind === "person") continue;
    const c = codeOn(e.codes, date);
    if (!c) continue;
    let code = c.code;
    // "ethnic Albanians": an ethnic group is coded with the country it lives in, which the
    // sentence names ("... in Macedonia"); the group's own country only when none is named
    if (e.kind === "country" && h.i > 0 && toks[h.i - 1].norm === "ETHNIC" && /^[A-Z]{3}$/.test(code) && doc) code = majorityCountry(doc, start, end, code) ?? code;
    if (agentCode && isBareCode(code)) return result(combine(code, agentCode), displayName(e), 0.85, "agent");
    // a plural nationality noun with no role ("Algerians", "Israelis") names civilians, of the
    // country they live in when the phrase names it ("the Albanians of southern Serbia")
    // a state's adjective before another people's plural ("Bosnian Serbs"): that people living in the state
    const next = pool[pool.indexOf(h) + 1];
    if (!agentCode && e.kind === "country" && /^[A-Z]{3}$/.test(code) && next && next.i === h.j && next.j - next.i === 1 && lex.entries[next.entry].kind === "country" && isPluralNational(lex, toks[next.i].norm, lex.entries[next.entry]) && codeOn(lex.entries[next.entry].codes, date)?.code !== code)
      return result(code + "CVL", displayName(e), 0.8, "agent");
    if (!agentCode && e.kind === "country" && /^[A-Z]{3}$/.test(code) && h.j - h.i === 1 && isPluralNational(lex, toks[h.i].norm, e)) {
      const home = h.j <= cut ? countryAfter(lex, hits, cut, date) : null;
      return result((home ?? code) + "CVL", displayName(e), 0.8, "agent");
    }
    // a capital or government metonym with a role noun: "Baghdad University", "Moscow police",
    // "workers of the bus company of Tehran"
    if (agentCode && agentHit && (agentHit.i >= h.j || (agentHit.j <= cut && h.i >= cut)) && /^[A-Z]{3}GOV$/.test(code) && agentCode !== "~GOV") return result(combine(code.slice(0, 3), agentCode), displayName(e), 0.8, "agent");
    if (e.kind === "country") {
      // a capital (a country-kind entry coded GOV: see lexicons/actors/README.md) is its government
      // ("Baghdad said") except as a location ("in central Baghdad")
      if (/^[A-Z]{3}GOV$/.test(code)) {
        const located = h.i > 0 && LOCATIVE.has(toks[0].norm);
        return { ...result(located ? code.slice(0, 3) : code, displayName(e), located ? 0.85 : 0.92, e.kind), place: located ? "city" : "capital" };
      }
      if (/^[A-Z]{3}$/.test(code) && lex.isCity(toks.slice(h.i, h.j).map((t) => t.norm).join(" "))) return { ...result(code, displayName(e), 0.9, e.kind), place: "city" };
    }
    return result(code, displayName(e), isBareCode(code) ? 0.9 : 0.92, e.kind);
  }
  // a person not in office on the date, with a role noun: their country + the role
  if (personNoCode && agentCode) {
    const cc = personNoCode.codes.find((c) => /^[A-Z]{3}/.test(c.code) && !/^(IGO|NGO)/.test(c.code));
    if (cc) return result(combine(cc.code.slice(0, 3), agentCode), displayName(personNoCode), 0.6, "context");
  }
  // a person known only with an out-of-office code ("RUSELI") and no other clue
  if (personNoCode) {
    const c = codeOn(personNoCode.codes, date);
    if (c) return result(c.code, displayName(personNoCode), 0.6, "person");
  }
  // 5. the linked entity
  if (ent && ent.actor && !ent.actor.startsWith("---")) {
    if (agentCode && isBareCode(ent.actor)) return result(combine(ent.actor, agentCode), ent.name, 0.7);
    return result(ent.actor, ent.name, Math.min(0.9, ent.confidence ?? 0.8));
  }
  // 4. a role noun alone: the one country named in the same sentence, else unknown ("---")
  if (agentCode) {
    // "the president", "the minister": the nearest person before it (this or the two previous
    // sentences) whose code has the same role
    const onlyRole = hits.length === 1 && toks.every((t, k) => ARTICLES.has(t.norm) || (k >= hits[0].i && k < hits[0].j));
    const ref = doc && onlyRole ? nearestPerson(doc, start, agentCode) : null;
    if (ref) return { ...result(ref.actor, ref.name, 0.5, "context"), entity: ref.id };
    const cc = doc ? sentenceCountry(doc, start, end) : null;
    if (cc) return result(combine(cc, agentCode), null, 0.4, "context");
    return result(combine("---", agentCode), null, 0.3, "agent");
  }
  return ent ? result(null, ent.name, 0.1) : none;
}

/** How often each country (3-letter code) is named by the entities of the sentence around [start,end), outside it. */
function sentenceCountries(doc: Doc, start: number, end: number): Map<string, number> {
  const found = new Map<string, number>();
  const si = doc.sentenceAt(start);
  if (si < 0 || !doc.entities.length) return found;
  const sent = doc.sentences[si];
  for (const e of doc.entities) {
    if (!e.actor || !/^[A-Z]{3}/.test(e.actor) || /^(IGO|NGO|---|IMG|MNC)/.test(e.actor)) continue;
    for (const m of e.mentions) if (m.start >= sent.start && m.end <= sent.end && (m.end <= start || m.start >= end)) found.set(e.actor.slice(0, 3), (found.get(e.actor.slice(0, 3)) ?? 0) + 1);
  }
  return found;
}

/**
 * A state office code as the elite its former holder is ("ARGGOV" -> "ARGELI", the role "~MIL" ->
 * "~ELI"); other codes unchanged.
 */
function asFormer(code: string): string {
  const m = /^(~|[A-Z]{3})(GOV|MIL|COP|JUD|LEG|SPY)/.exec(code);
  return m && !/^(IGO|NGO|IMG|MNC)$/.test(m[1]) ? m[1] + "ELI" : code;
}

/** The single country that the entities of the sentence around [start,end) name, or null. */
function sentenceCountry(doc: Doc, start: number, end: number): string | null {
  const found = sentenceCountries(doc, start, end);
  return found.size === 1 ? [...found.keys()][0] : null;
}

/** The country the sentence names most often (strictly), other than `except`, or null. */
function majorityCountry(doc: Doc, start: number, end: number, except: string): string | null {
  let best: string | null = null;
  let bestN = 0;
  let tie = false;
  for (const [c, n] of sentenceCountries(doc, start, end)) {
    if (c === except) continue;
    if (n > bestN) (best = c), (bestN = n), (tie = false);
    else if (n === bestN) tie = true;
  }
  return tie ? null : best;
}

/**
 * The country (3-letter code) named last after the head part, for "the Albanians of southern
 * Serbia", "the Palestinians of the Israeli-occupied West Bank" (the place ends the phrase).
 */
function countryAfter(lex: ActorLexiconImpl, hits: SpanHit[], cut: number, date: string | null): string | null {
  for (let k = hits.length - 1; k >= 0 && hits[k].i >= cut; k--) {
    if (lex.entries[hits[k].entry].kind !== "country") continue;
    const c = codeOn(lex.entries[hits[k].entry].codes, date);
    if (c) return c.code.slice(0, 3);
  }
  return null;
}

/**
 * Drops one-word person matches that the phrase's own country contradicts: in "King Hassan of
 * Morocco", "Hassan" is not Jordan's Prince Hassan.
 */
function withoutContradictedPersons(lex: ActorLexiconImpl, hits: SpanHit[], date: string | null): SpanHit[] {
  const countries = new Set<string>();
  for (const h of hits) {
    const e = lex.entries[h.entry];
    if (e.kind !== "country") continue;
    const c = codeOn(e.codes, date);
    if (c) countries.add(c.code.slice(0, 3));
  }
  if (!countries.size) return hits;
  return hits.filter((h) => {
    const e = lex.entries[h.entry];
    return !(e.kind === "person" && h.j - h.i === 1 && !e.codes.some((c) => countries.has(c.code.slice(0, 3))));
  });
}

/** "ALGERIANS", "ISRAELIS": the plural of one of the country's names, not the country's own name ("PHILIPPINES"). */
function isPluralNational(lex: ActorLexiconImpl, norm: string, e: LexEntry): boolean {
  if (!norm.endsWith("S") || norm.length < 5) return false;
  if (e.id.toUpperCase().replace(/[^A-Z]/g, "") === norm) return false;
  const sing = norm.slice(0, -1);
  if (e.names.some((n) => n.words.length === 1 && n.words[0] === sing)) return true;
  const exact = lex.root.kids?.get(norm);
  return !(exact && exact.entry >= 0) && /(AN|I|ER|OT|EE)S$/.test(norm);
}

/** The closest person entity mentioned before `pos` (same or two previous sentences) whose actor code has the agent's role. */
function nearestPerson(doc: Doc, pos: number, agentCode: string): { id: string; name: string; actor: string } | null {
  const sector = agentCode.replace(/~/g, "");
  if (!/^[A-Z]{3}/.test(sector)) return null;
  const si = doc.sentenceAt(pos);
  if (si < 0) return null;
  const from = doc.sentences[Math.max(0, si - 2)].start;
  let best: { id: string; name: string; actor: string } | null = null;
  let bestEnd = -1;
  for (const e of doc.entities) {
    if (e.type !== "PER" || !e.actor || e.actor.slice(3, 6) !== sector.slice(0, 3)) continue;
    for (const m of e.mentions) if (m.end <= pos && m.start >= from && m.end > bestEnd) (bestEnd = m.end), (best = { id: e.id, name: e.name, actor: e.actor });
  }
  return best;
}
