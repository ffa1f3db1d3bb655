/**
 * In-document entity linking: mentions that name the same thing become one
 * Entity. Rules, in order: same lexicon entry; same normalised text; a
 * surname (or title + surname) after a full name; an acronym in parentheses
 * after its expansion, and later uses of that acronym or of an acronym that
 * spells a name's initials; possessives are already cut off the mentions.
 * Each entity is coded as an actor from its best mention (context words to
 * the left of person names count: "Russian Foreign Minister X").
 */
import type { Entity, EntityType } from "../../model/index.js";
import type { ActorMatch } from "../actors/coder.js";
import type { ActorLexicon } from "../actors/index.js";
import { matchTokens } from "../actors/normalize.js";

export interface RawMention {
  start: number;
  end: number;
  type: EntityType;
  sentence: number;
  confidence: number;
  source: "ner" | "lexicon";
}

const TITLES = new Set(["MR", "MRS", "MS", "MISS", "DR", "PROF", "SIR", "DAME", "LORD", "PRESIDENT", "PREMIER", "CHANCELLOR", "MINISTER", "SECRETARY", "GENERAL", "GEN", "SENATOR", "SEN", "REP", "GOVERNOR", "GOV", "MAYOR", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "AYATOLLAH", "POPE", "JUDGE", "JUSTICE", "AMBASSADOR", "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "COLONEL", "COL", "CAPTAIN", "CAPT", "LT", "SGT", "ADMIRAL", "ADM", "MARSHAL", "CHAIRMAN", "CHIEF", "FOREIGN", "DEFENCE", "DEFENSE", "PRIME", "VICE", "DEPUTY"]);
const STOP = new Set(["OF", "THE", "FOR", "AND", "ON", "IN", "DE", "DES", "DU", "LA", "LE", "TO", "AT"]);

class UnionFind {
  p: Int32Array;
  constructor(n: number) {
    this.p = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.p[x] !== x) {
      this.p[x] = this.p[this.p[x]];
      x = this.p[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Start of the premodifiers to the left of a person name: titles, role words, demonyms, capitalised words. */
function extendLeft(text: string, start: number, lex: ActorLexicon): number {
  const lineStart = Math.max(0, start - 80);
  const toks = matchTokens(text, lineStart, start);
  let s = start;
  let used = 0;
  for (let k = toks.length - 1; k >= 0 && used < 6; k--) {
    const t = toks[k];
    const gap = text.slice(t.end, s);
    if (!/^[\s\-]*$/.test(gap)) break;
    const agentWord = lex.agentWords.has(t.norm);
    if (!t.cap && !agentWord) break;
    s = t.start;
    used++;
  }
  return s;
}

export function linkMentions(text: string, mentions: RawMention[], code: (start: number, end: number) => ActorMatch, lex: ActorLexicon): Entity[] {
  const n = mentions.length;
  if (!n) return [];
  const uf = new UnionFind(n);
  const words = mentions.map((m) => matchTokens(text, m.start, m.end).map((t) => t.norm));
  const core = words.map((w) => {
    let a = 0;
    while (a < w.length - 1 && (TITLES.has(w[a]) || w[a] === "THE")) a++;
    return w.slice(a);
  });
  const coded: ActorMatch[] = mentions.map((m) => {
    let r = code(m.start, m.end);
    if (m.type === "PER" && (!r.actor || r.kind !== "person")) {
      const s = extendLeft(text, m.start, lex);
      if (s < m.start) {
        const ctx = code(s, m.end);
        if (ctx.actor && (!r.actor || ctx.confidence >= r.confidence)) r = { ...ctx, start: m.start, end: m.end, name: ctx.kind === "person" ? ctx.name : r.name, kind: ctx.kind === "person" ? "person" : "context" };
      }
    }
    return r;
  });
  // a lexicon key links only when the entry explains the mention itself (not its context)
  const key = coded.map((r, i) => {
    if (!r.name || !r.kind || r.kind === "agent" || r.kind === "context") return null;
    if (mentions[i].type === "PER" && r.kind !== "person") return null;
    if (mentions[i].type !== "PER" && r.kind === "person" && core[i].length > 0) return null;
    return r.kind + ":" + r.name;
  });
  const byKey = new Map<string, number>();
  const byText = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (k) {
      const j = byKey.get(k);
      if (j === undefined) byKey.set(k, i);
      else uf.union(i, j);
    }
    const t = mentions[i].type + ":" + core[i].join(" ");
    const j = byText.get(t);
    if (j === undefined) byText.set(t, i);
    else uf.union(i, j);
  }
  // surnames: "Tillerson" / "Mr Tillerson" -> "Rex Tillerson"
  for (let i = 0; i < n; i++) {
    if (mentions[i].type !== "PER" || core[i].length !== 1) continue;
    const sur = core[i][0];
    const cands = new Set<number>();
    for (let j = 0; j < n; j++) {
      if (j === i || mentions[j].type !== "PER" || core[j].length < 2) continue;
      if (core[j][core[j].length - 1] === sur || core[j][0] === sur) cands.add(uf.find(j));
    }
    if (cands.size === 1) uf.union(i, [...cands][0]);
  }
  // acronyms: "Organisation for the Prohibition of Chemical Weapons (OPCW)", and initials
  const initials = (w: string[]) => w.filter((x) => !STOP.has(x)).map((x) => x[0]).join("");
  for (let i = 0; i < n; i++) {
    if (mentions[i].type === "PER") continue;
    const after = text.slice(mentions[i].end, mentions[i].end + 20);
    const m = /^\s*\(\s*([A-Z][A-Za-z0-9.&\-]{1,10})\s*\)/.exec(after);
    if (m) {
      const acr = m[1].replace(/\./g, "").toUpperCase();
      for (let j = 0; j < n; j++) if (j !== i && core[j].length === 1 && core[j][0] === acr) uf.union(i, j);
    }
    if (core[i].length >= 2) {
      const ini = initials(core[i]);
      if (ini.length >= 2)
        for (let j = 0; j < n; j++) {
          if (j === i || core[j].length !== 1 || mentions[j].type === "PER") continue;
          const w = core[j][0];
          if (w === ini && /^[A-Z]+$/.test(text.slice(mentions[j].start, mentions[j].end).replace(/\./g, ""))) uf.union(i, j);
        }
    }
  }
  // build entities
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const out: Entity[] = [];
  const sorted = [...groups.values()].sort((a, b) => mentions[a[0]].start - mentions[b[0]].start);
  for (const g of sorted) {
    g.sort((a, b) => mentions[a].start - mentions[b].start);
    let bestCode: ActorMatch | null = null;
    let lexName: string | null = null;
    const typeVotes = new Map<EntityType, number>();
    let longest = g[0];
    for (const i of g) {
      const r = coded[i];
      if (r.actor && (!bestCode || r.confidence > bestCode.confidence)) bestCode = r;
      if (key[i] && !lexName) lexName = coded[i].name;
      const t = mentions[i].type;
      typeVotes.set(t, (typeVotes.get(t) ?? 0) + (mentions[i].source === "lexicon" ? 2 : 1));
      if (mentions[i].end - mentions[i].start > mentions[longest].end - mentions[longest].start) longest = i;
    }
    let type: EntityType = g.map((i) => mentions[i].type)[0];
    let votes = -1;
    for (const [t, v] of typeVotes) if (v > votes) (votes = v), (type = t);
    let nerConf = 0;
    for (const i of g) nerConf = Math.max(nerConf, mentions[i].confidence);
    const e: Entity = {
      id: `E${out.length + 1}`,
      name: lexName ?? text.slice(mentions[longest].start, mentions[longest].end),
      type,
      actor: bestCode?.actor ?? null,
      mentions: g.map((i) => ({ start: mentions[i].start, end: mentions[i].end, text: text.slice(mentions[i].start, mentions[i].end), sentence: mentions[i].sentence })),
      confidence: Math.round((bestCode ? bestCode.confidence : nerConf * 0.5) * 100) / 100,
    };
    out.push(e);
  }
  return out;
}
