import type { Component, Doc, Event, EventActor, Modality, Span } from "../../model/index.js";
import { articleDate, findTimexes, type Timex } from "../time/index.js";
import type { ActorMatch, CodeActorSpan } from "./actors.js";
import { Codebook } from "./codebook.js";
import { EventLexicon, loadEventLexicon, type Pattern, type Term, type TriggerEntry } from "./lexicon.js";

export type { ActorMatch, CodeActorSpan } from "./actors.js";
export { EventLexicon, loadEventLexicon } from "./lexicon.js";
export { Codebook } from "./codebook.js";

export interface EventComponentOptions<L> {
  /** The actor lexicon handed to `codeActor`. */
  actors: L;
  /** The actor coder (src/extract/actors codeActorSpan). */
  codeActor: CodeActorSpan<L>;
  /** Extra lexicon files (eventwire .tsv or PETRARCH verb .txt), applied after the shipped ones. */
  userLexicons?: string[];
  /** Replace the shipped lexicon files (e.g. a PETRARCH suite's own verb dictionary). */
  lexiconFiles?: string[];
  /** Codes never emitted (default: 010, the "make statement" catch-all). */
  dropCodes?: string[];
  /** Keep events whose source cannot be coded as an actor (default false). */
  keepUncodedSource?: boolean;
}

// ----------------------------------------------------------------- word lists
const SUBJ = new Set(["nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubjpass", "csubjpass"]);
const CLAUSE_STOP = new Set(["nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "conj", "cc", "punct", "parataxis", "advcl", "acl:relcl", "appos", "discourse", "vocative", "dislocated", "reparandum", "mark", "dep", "list"]);
const NP_KEEP = new Set(["compound", "flat", "flat:name", "name", "amod", "det", "nmod:poss", "nummod", "compound:prt", "case", "nn"]);
const SAY = new Set(["say", "tell", "state", "add", "claim", "insist", "announce", "declare", "report", "note", "stress", "warn", "argue", "assert", "explain", "believe", "think", "allege", "accuse", "told", "said"]);
const ALLEGE = new Set(["claim", "allege", "accuse", "suspect", "charge", "contend"]);
const FUTURE_GOV = new Set(["plan", "intend", "aim", "want", "seek", "prepare", "vow", "pledge", "promise", "hope", "expect", "threaten", "try", "attempt", "decide", "agree", "offer", "propose", "wish", "going", "set", "schedule", "be", "ready", "willing", "about", "likely", "due"]);
const HYPO_AUX = new Set(["would", "could", "might", "may", "should", "must", "can", "'d", "ought"]);
const FUTURE_AUX = new Set(["will", "shall", "'ll", "wo"]);
const NEG = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);
const ALLEGED_MOD = new Set(["suspected", "alleged", "reported", "purported", "apparent", "possible", "presumed", "allegedly", "reportedly", "purportedly", "apparently"]);
const FUTURE_MOD = new Set(["planned", "proposed", "possible", "expected", "upcoming", "forthcoming", "future", "prospective", "potential", "intended", "scheduled"]);
const REL_PRON = new Set(["who", "which", "that", "whom", "whose"]);
const FIRST_PERSON = new Set(["i", "we", "us", "me", "our", "my"]);
const THIRD_PERSON = new Set(["he", "she", "they", "him", "her", "them", "his", "their"]);
/** Compound subjects without an object act on each other for these roots/objects ("X and Y renewed ties"). */
const MUTUAL_ROOTS = new Set(["03", "04", "05", "06"]);
const MUTUAL_OBJ = new Set(["ties", "tie", "relations", "meeting", "talks", "agreement", "accord", "negotiations"]);
const TARGET_PREPS = new Set(["with", "to", "against", "at", "on", "upon", "toward", "towards", "into", "from", "for", "over", "between", "about", "of", "in", "across"]);

interface Arg {
  /** Head token of the actor phrase. */
  head: number;
  start: number;
  end: number;
  match: ActorMatch | null;
}

interface Candidate {
  trigger: number;
  code: string;
  source: Arg;
  target: Arg | null;
  modality: Modality;
  confidence: number;
  date: string | null;
  sentence: number;
  attribution: Arg | null;
}

/**
 * The event coder: finds trigger words of the event lexicon in the
 * dependency parse, codes their source and target actors (active, passive,
 * coordination, apposition, relative clauses, control verbs, nominal events,
 * speech), their modality and date, and merges repeated mentions of the same
 * event inside an article.
 */
export class EventCoder<L> implements Component {
  readonly name = "events";
  readonly lexicon: EventLexicon;
  readonly codebook: Codebook;
  readonly errors: string[];
  private drop: Set<string>;

  constructor(private opts: EventComponentOptions<L>) {
    const { lexicon, errors } = loadEventLexicon({ userLexicons: opts.userLexicons, replaceDefault: opts.lexiconFiles });
    this.lexicon = lexicon;
    this.errors = errors;
    this.codebook = new Codebook();
    this.drop = new Set(opts.dropCodes ?? ["010"]);
  }

  annotate(doc: Doc): void {
    for (const e of this.errors) doc.warnings.push({ input: "event lexicon", reason: e, severity: "warning" });
    const ref = articleDate(doc);
    const ctx = new DocContext(doc, this, ref);
    const cands: Candidate[] = [];
    // the title line is analysed like any sentence: it often states the lead event
    for (const s of doc.sentences) ctx.sentence(s.index, cands);
    doc.events = this.toEvents(doc, cands);
  }

  private toEvents(doc: Doc, cands: Candidate[]): Event[] {
    const out: Event[] = [];
    const byKey = new Map<string, Event>();
    for (const c of cands) {
      if (this.drop.has(c.code)) continue;
      const cb = this.codebook.get(c.code);
      const t = doc.tokens;
      const s = doc.sentences[c.sentence];
      const src = actorOut(doc, c.source);
      const tgt = c.target ? actorOut(doc, c.target) : null;
      if (!this.opts.keepUncodedSource && !src.actor) continue;
      const key = `${src.actor ?? src.text}|${tgt?.actor ?? tgt?.text ?? ""}|${c.code}|${c.date}|${c.modality}`;
      const evidence: Span = { start: s.start, end: s.end };
      const prev = byKey.get(key);
      if (prev) {
        if (prev.evidence.start !== evidence.start) {
          (prev.mentions ??= []).push(evidence);
          prev.confidence = Math.min(0.99, prev.confidence + (1 - prev.confidence) * 0.3);
        }
        continue;
      }
      const ev: Event = {
        id: `${doc.article.id}:e${out.length + 1}`,
        code: c.code,
        name: cb?.name ?? c.code,
        root: c.code.slice(0, 2),
        quadClass: cb?.quadClass ?? 0,
        goldstein: cb?.goldstein ?? null,
        plover: cb?.plover ?? null,
        source: src,
        target: tgt,
        date: c.date,
        sentence: c.sentence,
        evidence,
        trigger: { start: t.start[c.trigger], end: t.end[c.trigger] },
        modality: c.modality,
        confidence: Math.round(c.confidence * 100) / 100,
      };
      if (c.attribution) ev.attribution = actorOut(doc, c.attribution);
      byKey.set(key, ev);
      out.push(ev);
    }
    return out;
  }

  codeActor(doc: Doc, start: number, end: number, date: string | null): ActorMatch | null {
    if (end <= start) return null;
    try {
      return this.opts.codeActor(this.opts.actors, doc, start, end, date);
    } catch {
      return null;
    }
  }
}

function actorOut(doc: Doc, a: Arg): EventActor {
  const m = a.match;
  const start = m && m.actor ? m.start : a.start;
  const end = m && m.actor ? m.end : a.end;
  return { text: doc.text.slice(start, end), actor: m?.actor ?? null, entity: m?.entity ?? null, start, end };
}

/** Per-article working state (children lists, timexes, last actors for pronouns). */
class DocContext<L> {
  private kids: number[][];
  private timexes: Timex[][] = [];
  private lastActor: Arg | null = null;
  private t;

  constructor(private doc: Doc, private coder: EventCoder<L>, private ref: string | null) {
    const t = (this.t = doc.tokens);
    this.kids = Array.from({ length: t.count }, () => [] as number[]);
    for (let i = 0; i < t.count; i++) if (t.head[i] >= 0) this.kids[t.head[i]].push(i);
  }

  private lemma(i: number): string {
    const t = this.t;
    const l = (t.lemma[i] || t.form[i]).toLowerCase();
    if (t.upos[i] !== "VERB" && t.upos[i] !== "AUX" && t.upos[i] !== "") return l;
    return this.coder.lexicon.forms.get(t.form[i].toLowerCase()) ?? l;
  }
  private rel(i: number): string {
    return this.t.deprel[i] || "";
  }
  private base(i: number): string {
    return this.rel(i).split(":")[0];
  }
  private child(i: number, ...rels: string[]): number {
    for (const k of this.kids[i]) if (rels.includes(this.rel(k))) return k;
    return -1;
  }
  private caseOf(i: number): string {
    for (const k of this.kids[i]) if (this.rel(k) === "case") return this.t.form[k].toLowerCase();
    const r = this.rel(i);
    const c = r.indexOf(":");
    return c >= 0 && (r.startsWith("obl") || r.startsWith("nmod")) ? r.slice(c + 1) : "";
  }

  sentence(si: number, out: Candidate[]): void {
    const doc = this.doc;
    const s = doc.sentences[si];
    const t = this.t;
    this.timexes[si] = findTimexes(doc.text, s.start, s.end);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const upos = t.upos[i];
      const rel = this.rel(i);
      if (rel === "aux" || rel === "cop" || rel === "aux:pass") continue;
      if (upos === "VERB" || (upos === "AUX" && rel !== "aux") || (upos === "" && /^VB/.test(t.xpos[i]))) this.verb(i, si, out);
      else if (upos === "NOUN" || upos === "PROPN") this.noun(i, si, out);
    }
    // remember the last subject actor for pronouns in later sentences
  }

  // ------------------------------------------------------------ clause words
  /** Tokens of the verb's clause after (post) and before (pre) the verb, in text order. */
  private region(v: number, passiveSubj: number): { pre: number[]; post: number[] } {
    const acc: number[] = [];
    const stack = [v];
    const speech = SAY.has(this.lemma(v));
    while (stack.length) {
      const x = stack.pop()!;
      for (const k of this.kids[x]) {
        const r = this.rel(k);
        if (x === v && CLAUSE_STOP.has(r) && k !== passiveSubj) continue;
        // a clausal complement with its own subject is another event's clause
        if ((r === "ccomp" || r === "xcomp") && (speech || this.subjectOf(k) >= 0)) continue;
        if (x !== v && (r === "acl:relcl" || r === "parataxis" || r === "punct")) continue;
        acc.push(k);
        stack.push(k);
      }
    }
    acc.sort((a, b) => a - b);
    const pre: number[] = [];
    const post: number[] = [];
    for (const k of acc) (k < v || k === passiveSubj ? (k === passiveSubj ? post : pre) : post).push(k);
    if (passiveSubj >= 0) {
      // the passive subject's words read as the object
      const sub = this.subtree(passiveSubj).filter((k) => k !== passiveSubj);
      post.unshift(...sub);
      post.sort((a, b) => (a < v ? a + 1e6 : a) - (b < v ? b + 1e6 : b));
    }
    return { pre, post };
  }

  private subtree(h: number): number[] {
    const out = [h];
    for (let k = 0; k < out.length; k++) for (const c of this.kids[out[k]]) out.push(c);
    return out.sort((a, b) => a - b);
  }

  private termAt(term: Term, toks: number[], j: number): number {
    // returns number of region tokens consumed, 0 if no match
    const t = this.t;
    const word = (k: number) => t.form[k].toLowerCase();
    const matches = (k: number, w: string) => {
      const f = word(k);
      return f === w || this.lemma(k) === w || (f.endsWith("s") && f.slice(0, -1) === w) || (f.endsWith("es") && f.slice(0, -2) === w);
    };
    if (term.synset) {
      const k = toks[j];
      if (term.synset.has(word(k)) || term.synset.has(this.lemma(k))) return 1;
      // multi-word synset members
      for (const m of term.synset) {
        if (!m.includes(" ")) continue;
        const ws = m.split(" ");
        let ok = true;
        for (let q = 0; q < ws.length && ok; q++) ok = j + q < toks.length && matches(toks[j + q], ws[q]);
        if (ok) return ws.length;
      }
      return 0;
    }
    for (let q = 0; q < term.words.length; q++) {
      if (j + q >= toks.length || !matches(toks[j + q], term.words[q])) return 0;
    }
    return term.words.length;
  }

  private seqMatch(terms: Term[], toks: number[]): boolean {
    let j = 0;
    for (const term of terms) {
      let found = false;
      for (; j < toks.length; j++) {
        const n = this.termAt(term, toks, j);
        if (n) {
          j += n;
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  private condMatch(p: Pattern, v: number, reg: { post: number[] }, passiveSubj: number, negated: boolean): boolean {
    const t = this.t;
    for (const c of p.cond) {
      if (c.kind === "neg") {
        if (!negated) return false;
      } else if (c.kind === "obj") {
        const o = passiveSubj >= 0 ? passiveSubj : this.child(v, "obj", "dobj");
        if (o < 0) return false;
        if (c.words && !c.words.has(this.lemma(o)) && !c.words.has(t.form[o].toLowerCase())) return false;
      } else if (c.kind === "prep") {
        let ok = false;
        for (const k of this.kids[v]) {
          const b = this.base(k);
          if ((b === "obl" || b === "nmod" || b === "advcl" || b === "xcomp" || b === "ccomp" || b === "obj") && (this.caseOf(k) === c.prep || this.markOf(k) === c.prep)) {
            if (!c.words || c.words.has(this.lemma(k))) ok = true;
          }
        }
        if (!ok) {
          // preposition inside the object phrase ("fired missiles at Syria" parsed with nmod)
          const o = this.child(v, "obj", "dobj");
          if (o >= 0) for (const k of this.kids[o]) if (this.base(k) === "nmod" && this.caseOf(k) === c.prep && (!c.words || c.words.has(this.lemma(k)))) ok = true;
        }
        if (!ok) return false;
      } else if (c.kind === "any") {
        if (!reg.post.some((k) => c.words.has(this.lemma(k)) || c.words.has(t.form[k].toLowerCase()))) return false;
      } else if (c.kind === "prt") {
        if (!reg.post.some((k) => t.form[k].toLowerCase() === c.word)) return false;
      }
    }
    return true;
  }

  private markOf(i: number): string {
    for (const k of this.kids[i]) if (this.rel(k) === "mark") return this.t.form[k].toLowerCase();
    return "";
  }

  private choose(entries: TriggerEntry[], v: number, reg: { pre: number[]; post: number[] }, passiveSubj: number, negated: boolean): { code: string | null; reverse: string | null; spec: number } | null {
    let best: Pattern | null = null;
    for (const e of entries) {
      for (const p of e.patterns) {
        if (best && (p.specificity < best.specificity || (p.specificity === best.specificity && p.rank <= best.rank))) continue;
        if (p.cond.length || (p.pre.length === 0 && p.post.length === 0)) {
          if (!this.condMatch(p, v, reg, passiveSubj, negated)) continue;
        } else {
          if (p.pre.length && !this.seqMatch(p.pre, reg.pre)) continue;
          if (p.post.length && !this.seqMatch(p.post, reg.post)) continue;
        }
        best = p;
      }
    }
    if (best) return { code: best.code, reverse: best.reverse ?? null, spec: best.specificity };
    for (const e of entries) if (e.code) return { code: e.code, reverse: e.reverse ?? null, spec: 0 };
    return null;
  }

  // ------------------------------------------------------------------ verbs
  private verb(v: number, si: number, out: Candidate[]): void {
    const entries = this.coder.lexicon.entries("V", this.lemma(v));
    if (!entries) return;
    const passive = this.isPassive(v);
    const psubj = passive ? this.subjectOf(v) : -1;
    const reg = this.region(v, psubj);
    const negated = this.isNegated(v);
    const choice = this.choose(entries, v, reg, psubj, negated);
    if (!choice || !choice.code) return;
    const negPattern = entries.some((e) => e.patterns.some((p) => p.code === choice.code && p.cond.some((c) => c.kind === "neg")));

    // source(s)
    let srcHeads: number[] = [];
    let tgtHeads: number[] = [];
    if (passive) {
      const agent = this.agentOf(v);
      if (agent >= 0) srcHeads = this.conjuncts(agent);
      if (psubj >= 0) tgtHeads = this.conjuncts(psubj);
    } else {
      const s = this.logicalSubject(v);
      if (s >= 0) srcHeads = this.conjuncts(s);
      tgtHeads = this.targetHeads(v);
    }
    if (!srcHeads.length) return;
    const modality = negPattern ? this.modality(v, false) : this.modality(v, negated);
    const date = this.dateOf(v, si, modality === "future");
    const attribution = this.speakerOf(v);
    const sources = srcHeads.map((h) => this.arg(h, v)).filter((a): a is Arg => a != null);
    const targets = tgtHeads.map((h) => this.arg(h, v)).filter((a): a is Arg => a != null && a.match?.actor != null);
    const conf = 0.55 + Math.min(0.25, choice.spec * 0.05) + (targets.length ? 0.1 : 0);
    // a compound subject with no object acts on itself ("Gondor and Osgiliath renewed ties")
    const mutual = !targets.length && sources.filter((a) => a.match?.actor).length > 1 && (MUTUAL_ROOTS.has(choice.code.slice(0, 2)) || reg.post.some((k) => MUTUAL_OBJ.has(this.lemma(k))));
    for (const src of sources) {
      const tl = (mutual ? sources : targets).filter((x) => x !== src && !(x.match?.actor && src.match?.actor && x.start === src.start));
      if (!tl.length) out.push(this.cand(v, choice.code, src, null, modality, conf, date, si, attribution));
      for (const tg of tl) {
        out.push(this.cand(v, choice.code, src, tg, modality, conf + (src.match?.confidence ?? 0.5) * 0.05, date, si, attribution));
        if (choice.reverse && !mutual) out.push(this.cand(v, choice.reverse, tg, src, modality, conf - 0.05, date, si, attribution));
      }
    }
  }

  private cand(v: number, code: string, source: Arg, target: Arg | null, modality: Modality, confidence: number, date: string | null, sentence: number, attribution: Arg | null): Candidate {
    if (source.match?.actor) this.lastActor = source;
    const c = Math.max(0.05, Math.min(0.97, confidence * (source.match?.actor ? 0.6 + 0.4 * (source.match.confidence ?? 1) : 0.5)));
    return { trigger: v, code, source, target, modality, confidence: c, date, sentence, attribution };
  }

  private isPassive(v: number): boolean {
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if (r === "nsubj:pass" || r === "nsubjpass" || r === "aux:pass" || r === "auxpass" || r === "obl:agent") return true;
    }
    // reduced passive relative: "a resolution backed by the West"
    return this.rel(v) === "acl" && this.t.xpos[v] === "VBN";
  }

  private subjectOf(v: number): number {
    for (const k of this.kids[v]) if (SUBJ.has(this.rel(k))) return k;
    if (this.rel(v) === "acl" && this.t.xpos[v] === "VBN") return this.t.head[v];
    return -1;
  }

  private agentOf(v: number): number {
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if (r === "obl:agent" || ((r === "obl" || r === "nmod" || r === "nmod:agent") && this.caseOf(k) === "by")) return k;
    }
    return -1;
  }

  /** Subject through control, coordination and relative clauses. */
  private logicalSubject(v: number, depth = 0): number {
    if (depth > 6) return -1;
    const s = this.subjectOf(v);
    const t = this.t;
    if (s >= 0) {
      const sl = t.form[s].toLowerCase();
      if (REL_PRON.has(sl) && (this.rel(v) === "acl:relcl" || this.rel(v) === "acl")) return t.head[v];
      return s;
    }
    const r = this.rel(v);
    const h = t.head[v];
    if (h < 0) return -1;
    if (r === "xcomp") {
      // object control ("urged Gondor to withdraw") else subject control ("agreed to withdraw")
      const o = this.child(h, "obj", "dobj", "iobj");
      if (o >= 0 && o < v && (t.upos[o] === "PROPN" || t.upos[o] === "NOUN" || t.upos[o] === "PRON")) return o;
      return this.logicalSubject(h, depth + 1);
    }
    if (r === "conj" || r === "advcl") return this.logicalSubject(h, depth + 1);
    if (r === "acl:relcl" || r === "acl") return h;
    return -1;
  }

  private targetHeads(v: number): number[] {
    // [token, may be the target itself]
    const cands: [number, boolean][] = [];
    const o = this.child(v, "obj", "dobj");
    const io = this.child(v, "iobj");
    if (o >= 0) cands.push([o, true]);
    if (io >= 0) cands.push([io, true]);
    for (const k of this.kids[v]) {
      const b = this.base(k);
      if ((b === "obl" || b === "nmod") && !this.isTime(k) && this.rel(k) !== "obl:agent") cands.push([k, TARGET_PREPS.has(this.caseOf(k))]);
    }
    // clausal complement subject/object ("demanded that X withdraw")
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if (r === "ccomp" || r === "xcomp") {
        const s = this.subjectOf(k);
        if (s >= 0) cands.push([s, true]);
        const oo = this.child(k, "obj", "dobj");
        if (oo >= 0) cands.push([oo, true]);
      }
    }
    // the first candidate that codes as an actor, with its conjuncts; else an actor inside it
    // ("ties with X", "an attack by X", "relations between X and Y")
    for (const [c, direct] of cands) {
      if (direct) {
        const a = this.arg(c, v);
        if (a?.match?.actor) return this.conjuncts(c);
      }
      const inner = this.innerActor(c, v, 3);
      if (inner >= 0) return this.conjuncts(inner);
    }
    return [];
  }

  /** An actor in a prepositional modifier of c, breadth first, up to `depth` levels down. */
  private innerActor(c: number, v: number, depth: number): number {
    let level = [c];
    for (let d = 0; d < depth && level.length; d++) {
      const next: number[] = [];
      for (const x of level) {
        for (const k of this.kids[x]) {
          if (this.base(k) !== "nmod" || this.rel(k) === "nmod:poss") continue;
          const p = this.caseOf(k);
          if (TARGET_PREPS.has(p) || p === "by") {
            const b = this.arg(k, v);
            if (b?.match?.actor) return k;
          }
          next.push(k);
        }
      }
      level = next;
    }
    return -1;
  }

  private isTime(k: number): boolean {
    const s = this.t.start[k];
    const si = this.t.sentence[k];
    return (this.timexes[si] ?? []).some((x) => x.start <= s && s < x.end);
  }

  private conjuncts(h: number): number[] {
    const out = [h];
    for (let q = 0; q < out.length; q++) for (const k of this.kids[out[q]]) if (this.rel(k) === "conj" && this.t.upos[k] !== "VERB") out.push(k);
    return out;
  }

  /** The actor phrase headed by h, coded; pronouns resolved; apposition and "of/from/in" nmods tried. */
  private arg(h: number, v: number): Arg | null {
    const t = this.t;
    const doc = this.doc;
    const f = t.form[h].toLowerCase();
    if (t.upos[h] === "PRON" || FIRST_PERSON.has(f) || THIRD_PERSON.has(f)) {
      if (FIRST_PERSON.has(f)) {
        const sp = this.speakerOf(v);
        if (sp) return sp;
      }
      if (THIRD_PERSON.has(f) || FIRST_PERSON.has(f)) {
        const sp = FIRST_PERSON.has(f) ? null : this.lastActor;
        if (sp) return { ...sp, head: sp.head };
      }
      return null;
    }
    const [s, e] = this.npSpan(h);
    let m = this.coder.codeActor(doc, s, e, this.ref);
    if (!m?.actor) {
      // apposition, then "a mission from the OPCW", "lawmakers in Arnor", "the government of Gondor"
      for (const k of this.kids[h]) {
        const r = this.rel(k);
        if (r === "appos" || (r.split(":")[0] === "nmod" && ["from", "of", "in"].includes(this.caseOf(k)))) {
          const [s2, e2] = this.npSpan(k);
          const m2 = this.coder.codeActor(doc, Math.min(s, s2), Math.max(e, e2), this.ref) ?? null;
          const m3 = m2?.actor ? m2 : this.coder.codeActor(doc, s2, e2, this.ref);
          if (m3?.actor) {
            m = m3;
            break;
          }
        }
      }
    }
    if (m?.actor?.startsWith("---")) {
      // a role without a country: take the country of "in/of/from X", or of the first conjunct ("Danish media and government")
      let country: string | null = null;
      for (const k of this.kids[h]) {
        if (this.base(k) === "nmod" && ["in", "of", "from"].includes(this.caseOf(k))) {
          const [s2, e2] = this.npSpan(k);
          const m2 = this.coder.codeActor(doc, s2, e2, this.ref);
          if (m2?.actor && !m2.actor.startsWith("---")) country = m2.actor.slice(0, 3);
          break;
        }
      }
      if (!country && this.rel(h) === "conj") {
        const first = this.arg(t.head[h], v);
        const fa = first?.match?.actor;
        if (fa && !fa.startsWith("---")) country = fa.slice(0, 3);
      }
      if (country) m = { ...m, actor: country + m.actor.slice(3), confidence: (m.confidence ?? 0.5) * 0.9 };
    }
    if (!m?.actor && t.upos[h] !== "PROPN" && t.upos[h] !== "NOUN") return null;
    return { head: h, start: s, end: e, match: m };
  }

  /** Character span of the noun phrase headed by h (modifiers, compounds, names; no clauses). */
  private npSpan(h: number): [number, number] {
    const t = this.t;
    let lo = h;
    let hi = h;
    const stack = [h];
    while (stack.length) {
      const x = stack.pop()!;
      for (const k of this.kids[x]) {
        const r = this.rel(k);
        const keep = NP_KEEP.has(r) || (r.startsWith("nmod") && r !== "nmod:poss" && this.caseOf(k) === "of" && k > x) || r === "nmod:poss";
        if (!keep) continue;
        if (r === "case" && k < x && x === h) continue; // leading preposition of an oblique
        if (r === "case" && x === h) continue;
        if (k < lo) lo = k;
        if (k > hi) hi = k;
        stack.push(k);
      }
    }
    // drop a leading determiner/preposition
    while (lo < hi && (t.upos[lo] === "ADP" || t.upos[lo] === "DET" || t.upos[lo] === "PUNCT")) lo++;
    while (hi > lo && t.upos[hi] === "PUNCT") hi--;
    return [t.start[lo], t.end[hi]];
  }

  // --------------------------------------------------------------- modality
  private isNegated(v: number): boolean {
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if ((r === "advmod" || r === "neg" || r === "det" || r === "cc:preconj") && NEG.has(this.t.form[k].toLowerCase())) return true;
    }
    return false;
  }

  private modality(v: number, negated: boolean): Modality {
    const t = this.t;
    let hasWould = false;
    let hasHave = false;
    let future = false;
    let alleged = false;
    let cond = false;
    const auxOf = (x: number) => {
      for (const k of this.kids[x]) {
        const r = this.rel(k);
        const f = t.form[k].toLowerCase();
        if (r === "aux" || r === "aux:pass") {
          if (f === "would" || f === "'d" || f === "could" || f === "might" || f === "should") hasWould = true;
          if (HYPO_AUX.has(f) && f !== "would") cond = true;
          if (f === "have" && hasWould) hasHave = true;
          if (f === "have") hasHave = hasHave || hasWould;
          if (FUTURE_AUX.has(f)) future = true;
        }
        if (r === "mark" && (f === "if" || f === "unless")) cond = true;
        if (r === "advmod" && ALLEGED_MOD.has(f)) alleged = true;
      }
    };
    auxOf(v);
    // a conjunct shares the auxiliaries of the first conjunct ("would have condemned ... and demanded")
    let x = v;
    for (let q = 0; q < 4 && this.rel(x) === "conj" && t.head[x] >= 0; q++) {
      x = t.head[x];
      if (!this.kids[v].some((k) => this.rel(k) === "aux")) auxOf(x);
      if (!negated && this.isNegated(x) && !this.kids[v].some((k) => SUBJ.has(this.rel(k)))) negated = true;
    }
    // "would have" counts once the have was seen after would
    const haveAfterWould = this.kids[x === v ? v : x].some((k) => this.rel(k).startsWith("aux") && t.form[k].toLowerCase() === "have") && hasWould;
    if (negated) return "negated";
    if (hasWould && (hasHave || haveAfterWould)) return "counterfactual";
    // governors: control/raising verbs of intention, speech of allegation, conditional clauses
    let g = x;
    for (let q = 0; q < 5; q++) {
      const r = this.rel(g);
      const h = t.head[g];
      if (h < 0) break;
      const hl = this.lemma(h);
      if (r === "xcomp" && (FUTURE_GOV.has(hl) || FUTURE_AUX.has(hl))) { future = true; break; }
      if (r === "advcl" && this.markOf(g) === "if") { cond = true; break; }
      if (r === "advcl" && this.markOf(g) === "to") { future = true; break; }
      if ((r === "ccomp" || r === "xcomp") && ALLEGE.has(hl)) { alleged = true; break; }
      if (r === "ccomp" && (hl === "hope" || hl === "want" || hl === "expect" || hl === "plan")) { future = true; break; }
      if (r === "acl:relcl" || r === "advcl" || r === "ccomp" || r === "parataxis" || r === "root") break;
      g = h;
    }
    if (cond || hasWould) return "hypothetical";
    if (alleged) return "alleged";
    if (future) return "future";
    return "asserted";
  }

  // ------------------------------------------------------------------ nouns
  private noun(n: number, si: number, out: Candidate[]): void {
    const entries = this.coder.lexicon.entries("N", this.lemma(n));
    if (!entries) return;
    const t = this.t;
    const choice = this.choose(entries, n, { pre: [], post: this.subtree(n).filter((k) => k > n) }, -1, false);
    if (!choice?.code) return;
    let src: Arg | null = null;
    let tgts: Arg[] = [];
    // possessor: "Russia's veto"; agent: "veto by Russia"; compounds: "the Putin-Tillerson meeting", "U.S. air strikes"
    for (const k of this.kids[n]) {
      const r = this.rel(k);
      if (r === "nmod:poss" || ((this.base(k) === "nmod") && this.caseOf(k) === "by")) {
        const a = this.arg(k, n);
        if (a?.match?.actor) src = a;
      }
    }
    if (!src) {
      for (const k of this.kids[n]) {
        if (k > n) continue;
        const r = this.rel(k);
        if (r !== "compound" && r !== "amod" && r !== "nmod:poss") continue;
        const parts = this.hyphenParts(k);
        if (parts.length >= 2) {
          const ms = parts.map(([a, b]) => ({ head: k, start: a, end: b, match: this.coder.codeActor(this.doc, a, b, this.ref) }));
          if (ms[0].match?.actor) {
            src = ms[0];
            tgts = ms.slice(1).filter((m) => m.match?.actor);
            break;
          }
        }
        const a = { head: k, start: t.start[k], end: t.end[k], match: this.coder.codeActor(this.doc, t.start[k], t.end[k], this.ref) };
        if (a.match?.actor) {
          src = a;
          break;
        }
      }
    }
    if (!src) return;
    if (!tgts.length) {
      for (const k of this.kids[n]) {
        if (this.base(k) !== "nmod" || this.rel(k) === "nmod:poss") continue;
        const c = this.caseOf(k);
        if (c === "by" || !TARGET_PREPS.has(c)) continue;
        const heads = this.conjuncts(k);
        const as = heads.map((h) => this.arg(h, n)).filter((a): a is Arg => !!a?.match?.actor);
        if (as.length) {
          tgts = as;
          break;
        }
      }
    }
    let modality: Modality = "asserted";
    for (const k of this.kids[n]) {
      const f = t.form[k].toLowerCase();
      if ((this.rel(k) === "det" || this.rel(k) === "advmod") && NEG.has(f)) modality = "negated";
      else if (this.rel(k) === "amod" && ALLEGED_MOD.has(f)) modality = "alleged";
      else if (this.rel(k) === "amod" && FUTURE_MOD.has(f)) modality = "future";
    }
    // a nominal event as the object of a verb of intention/negation ("plans a visit", "cancelled the meeting")
    const h = t.head[n];
    if (modality === "asserted" && h >= 0) {
      const hl = this.lemma(h);
      if (["plan", "propose", "seek", "want", "call", "demand", "urge", "hope", "expect", "schedule", "cancel", "postpone", "reject", "refuse", "block"].includes(hl)) modality = ["cancel", "postpone", "reject", "refuse", "block"].includes(hl) ? "negated" : "future";
      else if (this.isNegated(h)) modality = "negated";
    }
    const date = this.dateOf(n, si, modality === "future");
    const conf = 0.5 + Math.min(0.2, choice.spec * 0.04);
    if (!tgts.length) out.push(this.cand(n, choice.code, src, null, modality, conf, date, si, null));
    for (const tg of tgts) out.push(this.cand(n, choice.code, src, tg, modality, conf + 0.05, date, si, null));
  }

  private hyphenParts(k: number): [number, number][] {
    const t = this.t;
    const s = t.start[k];
    const form = this.doc.text.slice(s, t.end[k]);
    if (!form.includes("-")) {
      // "Putin - Tillerson" tokenised apart: compound + punct + compound
      return [];
    }
    const out: [number, number][] = [];
    let p = 0;
    for (const part of form.split("-")) {
      if (part) out.push([s + p, s + p + part.length]);
      p += part.length + 1;
    }
    return out;
  }

  // ----------------------------------------------------------- speech, dates
  /** The speaker whose speech contains token v ("Lavrov said Washington had ..."). */
  private speakerOf(v: number): Arg | null {
    const t = this.t;
    let x = v;
    for (let q = 0; q < 8 && x >= 0; q++) {
      const h = t.head[x];
      const r = this.rel(x);
      if (h >= 0 && (r === "ccomp" || r === "parataxis") && SAY.has(this.lemma(h)) && h !== v) {
        const s = this.subjectOf(h);
        if (s >= 0 && !FIRST_PERSON.has(t.form[s].toLowerCase())) return this.argNoPron(s);
      }
      // `"...", Lavrov said` parsed with "said" as a parataxis/ccomp child of the quoted verb
      for (const k of this.kids[x]) {
        if ((this.rel(k) === "parataxis" || this.rel(k) === "ccomp") && SAY.has(this.lemma(k)) && k > x && k !== v) {
          const s = this.subjectOf(k);
          if (s >= 0 && !FIRST_PERSON.has(t.form[s].toLowerCase())) return this.argNoPron(s);
        }
      }
      if (h < 0) break;
      x = h;
    }
    return null;
  }

  private argNoPron(h: number): Arg | null {
    const t = this.t;
    if (t.upos[h] === "PRON") return this.lastActor;
    const [s, e] = this.npSpan(h);
    const m = this.coder.codeActor(this.doc, s, e, this.ref);
    return m?.actor ? { head: h, start: s, end: e, match: m } : null;
  }

  private dateOf(v: number, si: number, future: boolean): string | null {
    const t = this.t;
    for (const x of this.timexes[si] ?? []) {
      // climb from the time expression's tokens to the first verb/trigger
      let k = this.doc.tokenAt(x.start);
      for (let q = 0; q < 6 && k >= 0; q++) {
        if (k === v) return x.resolve(this.ref, future) ?? this.ref;
        if (t.upos[k] === "VERB" && k !== v && q > 0) break;
        k = t.head[k];
      }
    }
    return this.ref;
  }
}

/** The event-coding pipeline component (construct once; annotate per article). */
export function createEventComponent<L>(opts: EventComponentOptions<L>): Component {
  return new EventCoder(opts);
}
