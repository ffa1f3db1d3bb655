import { withBalancedBrackets, type Component, type Doc, type Event, type EventActor, type Modality, type Span, type Tokens } from "../../model/index.js";
import { datelineLength } from "../../nlp/dateline.js";
import { articleDate, findTimexes, type Timex } from "../time/index.js";
import type { ActorMatch, CodeActorSpan } from "./actors.js";
import { ploverActor } from "../actors/plover.js";
import { Codebook } from "./codebook.js";
import { EventLexicon, LEXICON_DIR, loadEventLexicon, type Pattern, type Term, type TriggerEntry } from "./lexicon.js";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
  /**
   * Also code the reciprocal event of `[A:B]` patterns ("A visits B" → B hosts A, 043), as PETRARCH does
   * (default false: one event per statement, as in GDELT).
   */
  reciprocal?: boolean;
  /**
   * A compound subject with no object acts on each other ("Gondor and Osgiliath renewed ties" → both
   * directions), as the PETRARCH suites code it. Default false: each member is a source with no target
   * (the PLOVER/GDELT convention for joint acts).
   */
  mutual?: boolean;
  /**
   * Emit only events with a coded target, as PETRARCH does (its coder drops an event whose source or
   * target is missing). Default false: "Russia vetoed the draft" is Russia's 129 with no target.
   */
  requireTarget?: boolean;
  /** Codes never emitted (default: 010, the "make statement" catch-all). */
  dropCodes?: string[];
  /** Keep events whose source cannot be coded as an actor (default false). */
  keepUncodedSource?: boolean;
  /**
   * Code a stated intention or threat as CAMEO does (default true): "will meet" is also an asserted
   * 036 (express intent to meet), "threatened to halt talks" a 134. Off for PETRARCH-convention suites.
   */
  intentEvents?: boolean;
  /** PETRARCH-format discard lists (default lexicons/events/discards.txt): a sentence naming one has no events; "+" phrases void the article. */
  discardFiles?: string[];
  /**
   * Events in relative, adverbial and other subordinate clauses are background: by default they are
   * kept only when their sentence states no main-clause event (one sentence, its main point first).
   * true keeps them all.
   */
  allClauses?: boolean;
}

/** CAMEO 03x for an announced cooperative act, by the act's code (longest prefix). */
const INTENT: Record<string, string> = { "04": "036", "046": "036", "05": "032", "051": "032", "057": "032", "06": "031", "061": "0311", "062": "0312", "064": "0314", "07": "033", "071": "0331", "073": "0332", "08": "035", "081": "0351", "0841": "0353", "085": "0354", "086": "0355", "087": "0356", "09": "030", "045": "039" };
/** CAMEO 13x for an announced conflictual act. */
const THREAT: Record<string, string> = { "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "17": "137", "172": "132", "18": "138", "19": "138", "191": "1381", "20": "138" };
/** CAMEO 12x for an announced refusal of a cooperative act. */
const REFUSE: Record<string, string> = { "03": "120", "04": "125", "046": "125", "05": "120", "06": "121", "07": "122", "08": "124", "0841": "1243", "085": "1244", "086": "1245", "087": "1246", "09": "120" };
const GENERIC = new Set(["030", "130", "020", "100", "120"]);
const LIGHT = new Set(["hold", "launch", "carry", "conduct", "stage", "make", "pay", "begin", "start", "continue", "complete", "open", "announce", "order", "declare", "impose", "mount", "resume", "renew", "organize", "organise", "undertake", "step", "intensify", "call", "lead", "host", "have", "give"]);

// ----------------------------------------------------------------- word lists
const SUBJ = new Set(["nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubjpass", "csubjpass"]);
const CLAUSE_STOP = new Set(["nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "conj", "cc", "punct", "parataxis", "advcl", "acl:relcl", "appos", "discourse", "vocative", "dislocated", "reparandum", "mark", "dep", "list"]);
const NP_KEEP = new Set(["compound", "flat", "flat:name", "name", "amod", "det", "nmod:poss", "nummod", "compound:prt", "case", "nn", "nmod:desc", "flat:foreign"]);
const SAY = new Set(["say", "tell", "state", "add", "claim", "insist", "announce", "declare", "report", "note", "stress", "warn", "argue", "assert", "explain", "believe", "think", "allege", "accuse", "told", "said"]);
const REPORT = new Set(["indicate", "announce", "confirm", "reveal", "signal", "acknowledge", "admit", "insist", "promise", "pledge", "vow", "decide", "agree", "threaten", "warn", "hint", "suggest", "know", "learn", "deny", "write", "tell", "inform", "reply", "respond", "add"]);
const ALLEGE = new Set(["claim", "allege", "accuse", "suspect", "charge", "contend"]);
const FUTURE_GOV = new Set(["plan", "intend", "aim", "want", "seek", "prepare", "vow", "swear", "pledge", "promise", "hope", "expect", "threaten", "agree", "offer", "propose", "wish", "going", "set", "schedule", "be", "ready", "willing", "prepared", "about", "likely", "due"]);
/** Verbs whose complement is requested, not done. */
const DIRECTIVE = new Set(["demand", "urge", "ask", "call", "request", "press", "appeal", "propose", "suggest", "recommend", "order", "instruct", "tell", "encourage", "invite", "advise", "pressure", "push", "beg", "plead", "require", "want", "wish", "insist"]);
/** Verbs whose complement does not happen: "refused to allow", "failed to reach". */
const NEG_GOV = new Set(["refuse", "decline", "fail", "reject", "avoid", "cease", "stop", "forbid", "prevent"]);
const HYPO_AUX = new Set(["would", "could", "might", "may", "should", "must", "can", "'d", "ought"]);
const FUTURE_AUX = new Set(["will", "shall", "'ll", "wo"]);
const NEG = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);
const ALLEGED_MOD = new Set(["suspected", "alleged", "reported", "purported", "apparent", "possible", "presumed", "allegedly", "reportedly", "purportedly", "apparently"]);
const FUTURE_MOD = new Set(["planned", "proposed", "possible", "expected", "upcoming", "forthcoming", "future", "prospective", "potential", "intended", "scheduled"]);
const REL_PRON = new Set(["who", "which", "that", "whom", "whose"]);
const PREP_PARTICIPLE = new Set(["according", "following", "including", "regarding", "concerning", "considering", "pending", "given", "excluding", "notwithstanding", "barring"]);
/** "X were engaged in ...", "X was involved in ...": adjectival passives whose subject is the actor. */
const STATIVE_PASSIVE = new Set(["engage", "involve"]);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "some", "any", "no", "every", "each", "all", "both", "either", "neither", "another", "such"]);
const SUBJ_PRON = new Set(["i", "we", "you", "he", "she", "it", "they", "who", "which", "that"]);
const FIRST_PERSON = new Set(["i", "we", "us", "me", "our", "my"]);
const THIRD_PERSON = new Set(["he", "she", "they", "him", "her", "them", "his", "their"]);
/** Compound subjects without an object act on each other for these roots/objects ("X and Y renewed ties"). */
const MUTUAL_ROOTS = new Set(["03", "04", "05", "06"]);
const MUTUAL_OBJ = new Set(["ties", "tie", "relations", "meeting", "talks", "agreement", "accord", "negotiations"]);
/** Complements of an appeal that make it a rally of support (053) or of opposition (113). */
const RALLY_SUPPORT = new Set(["support", "back", "help", "defend", "recognize", "recognise"]);
const RALLY_OPPOSE = new Set(["mobilize", "mobilise", "unite", "rise", "oppose", "resist", "fight", "confront", "stand", "rally"]);
/** Prepositions that introduce a target when read by word order. */
const LINEAR_PREPS = new Set(["to", "against", "with", "at", "toward", "towards", "into", "upon"]);
const TARGET_PREPS = new Set(["with", "to", "against", "at", "on", "upon", "toward", "towards", "into", "from", "for", "over", "between", "about", "of", "in", "across"]);

/** Prepositions of place: a region they introduce is where an event happened ("in the Middle East"). */
const LOCATIVE = new Set(["in", "at", "across", "inside", "throughout"]);
/** Prepositions that name what talk is about, and the roots (intent, consultation, diplomacy) whose nouns take them. */
const TOPIC_PREPS = new Set(["on", "about", "over", "regarding", "concerning"]);
const TALK_ROOTS = new Set(["03", "04", "05"]);
const PREP_RANK_ABOUT = ["against", "over", "about", "for", "on", "with", "of", "to", "toward", "towards", "upon", "from", "between", "into", "at", "in", "across"];
const PREP_RANK = ["with", "against", "to", "toward", "towards", "on", "upon", "over", "from", "for", "of", "about", "between", "into", "at", "in", "across"];

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
  /** The event is announced (will / plans to / vows to ...), so a CAMEO intent or threat may be derived. */
  intent?: boolean;
  /** Stated in the sentence's main clause (or reported speech), not in a relative or adverbial clause. */
  main?: boolean;
  /** An intent, threat or refusal derived from an announced act. */
  derived?: boolean;
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
  readonly intentEvents: boolean;
  readonly reciprocal: boolean;
  readonly mutual: boolean;
  private discards: Discards;

  constructor(private opts: EventComponentOptions<L>) {
    const { lexicon, errors } = loadEventLexicon({ userLexicons: opts.userLexicons, replaceDefault: opts.lexiconFiles });
    this.lexicon = lexicon;
    this.errors = errors;
    this.codebook = new Codebook();
    this.drop = new Set(opts.dropCodes ?? ["010"]);
    this.discards = new Discards(opts.discardFiles ?? [join(LEXICON_DIR, "events", "discards.txt")], this.errors);
    this.intentEvents = opts.intentEvents ?? true;
    this.reciprocal = opts.reciprocal ?? false;
    this.mutual = opts.mutual ?? false;
  }

  annotate(doc: Doc): void {
    for (const e of this.errors) doc.warnings.push({ input: "event lexicon", reason: e, severity: "warning" });
    const ref = articleDate(doc);
    const ctx = new DocContext(doc, this, ref);
    const cands: Candidate[] = [];
    const discarded = this.discards.scan(doc);
    if (discarded === "article") {
      doc.events = [];
      return;
    }
    // the title line is analysed like any sentence: it often states the lead event
    for (const s of doc.sentences) {
      if (discarded.has(s.index)) continue;
      try {
        ctx.sentence(s.index, cands);
      } catch (e) {
        // one odd sentence never costs the article its other events
        doc.warnings.push({ input: `${doc.article.id} sentence ${s.index}`, reason: `event coding failed: ${(e as Error).message}`, severity: "warning" });
      }
    }
    let kept = cands;
    if (!this.opts.allClauses) {
      const hasMain = new Set<number>();
      for (const c of cands) if (c.main && c.modality !== "negated" && c.source.match?.actor && !this.drop.has(c.code)) hasMain.add(c.sentence);
      kept = cands.filter((c) => c.main || !hasMain.has(c.sentence));
    }
    doc.events = this.toEvents(doc, kept);
  }

  private toEvents(doc: Doc, cands: Candidate[]): Event[] {
    // one trigger, one source, one code: an event with a coded target makes the targetless one redundant
    const withTarget = new Set<string>();
    for (const c of cands) if (c.target?.match?.actor) withTarget.add(`${c.trigger}|${c.source.match?.actor}|${c.code}`);
    cands = cands.filter((c) => c.target?.match?.actor || !withTarget.has(`${c.trigger}|${c.source.match?.actor}|${c.code}`));
    // likewise within a sentence and root: "established ties with and opened an embassy in Tehran" (050 with
    // no target, 054 -> IRN) states one act toward Iran
    const rootTarget = new Set<string>();
    for (const c of cands) if (c.target?.match?.actor && c.modality === "asserted") rootTarget.add(`${c.sentence}|${c.source.match?.actor}|${c.code.slice(0, 2)}`);
    cands = cands.filter((c) => c.target?.match?.actor || c.modality !== "asserted" || !rootTarget.has(`${c.sentence}|${c.source.match?.actor}|${c.code.slice(0, 2)}`));
    // one trigger, one code, one target: a bare country source beside a more specific actor of that country
    // ("Kyrgyz Prime Minister ..." read as KGZ and KGZGOV) is the same source, coded less precisely
    const specific = new Map<string, string[]>();
    for (const c of cands) {
      const a = c.source.match?.actor;
      if (!a) continue;
      const k = `${c.trigger}|${c.target?.match?.actor ?? ""}|${c.code}`;
      const l = specific.get(k);
      if (l) l.push(a); else specific.set(k, [a]);
    }
    cands = cands.filter((c) => {
      const a = c.source.match?.actor;
      if (!a) return true;
      const l = specific.get(`${c.trigger}|${c.target?.match?.actor ?? ""}|${c.code}`)!;
      return !l.some((b) => b.length > a.length && b.startsWith(a));
    });
    const out: Event[] = [];
    const byKey = new Map<string, Event>();
    for (const c of cands) {
      if (this.drop.has(c.code)) continue;
      const cb = this.codebook.get(c.code);
      const t = doc.tokens;
      const s = doc.sentences[c.sentence];
      const src = actorOut(doc, c.source);
      const tgt = c.target ? actorOut(doc, c.target) : null;
      // a source with a role but no country ("a senior official said") is too vague to count, unless asked for
      if (!this.opts.keepUncodedSource && (!src.actor || src.actor.startsWith("---"))) continue;
      if (this.opts.requireTarget && !tgt?.actor) continue;
      const key = `${src.actor ?? src.text}|${tgt?.actor ?? tgt?.text ?? ""}|${c.code}|${c.date}|${c.modality}`;
      const evidence: Span = { start: s.start, end: s.end };
      const prev = byKey.get(key);
      if (prev) {
        if (prev.evidence.start !== evidence.start) {
          (prev.mentions ??= []).push(evidence);
          prev.confidence = Math.round(Math.min(0.99, prev.confidence + (1 - prev.confidence) * 0.3) * 100) / 100;
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

  /** Codes never emitted (010 by default). */
  drops(code: string): boolean {
    return this.drop.has(code);
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

/** More specific, then later file, then later line. */
function outranks(p: Pattern, best: Pattern): boolean {
  if (p.specificity !== best.specificity) return p.specificity > best.specificity;
  if (p.rank !== best.rank) return p.rank > best.rank;
  return (p.order ?? 0) > (best.order ?? 0);
}

/** Multi-word members of a synset, split once. */
const MULTI = new WeakMap<Set<string>, string[][]>();
function multiWords(set: Set<string>): string[][] {
  let m = MULTI.get(set);
  if (!m) {
    m = [];
    for (const w of set) if (w.includes(" ")) m.push(w.split(" "));
    MULTI.set(set, m);
  }
  return m;
}

/**
 * The negation belongs to the pattern's meaning (the event is then asserted): a `neg` condition, or a
 * PETRARCH pattern word such as "&NEGATVAUXVRB * OVER EFFORTS" (synset "DID N'T", "WILL NOT", ...).
 */
function negates(p: Pattern): boolean {
  if (p.cond.some((c) => c.kind === "neg")) return true;
  for (const term of [...p.pre, ...p.post]) {
    if (term.words.some((w) => NEG.has(w))) return true;
    if (term.synset) for (const m of term.synset) if (m.split(" ").some((w) => NEG.has(w))) return true;
  }
  return false;
}

/** Discard phrases (PETRARCH format): whole-word, case-insensitive. */
class Discards {
  private sentence = new Set<string>();
  private article = new Set<string>();
  private maxLen = 0;

  constructor(files: string[], errors: string[]) {
    for (const f of files) {
      if (!existsSync(f)) {
        errors.push(`${f}: discard list not found`);
        continue;
      }
      for (const raw of readFileSync(f, "utf8").split("\n")) {
        const l = raw.replace(/#.*$/, "").trim();
        if (!l) continue;
        const whole = l.startsWith("+");
        const words = l.replace(/^\+/, "").replace(/_/g, " ").trim().toLowerCase().split(/\s+/);
        if (!words[0]) continue;
        (whole ? this.article : this.sentence).add(words.join(" "));
        this.maxLen = Math.max(this.maxLen, words.length);
      }
    }
  }

  /** Sentence indices to skip, or "article" when the whole article is out of scope. */
  scan(doc: Doc): Set<number> | "article" {
    const out = new Set<number>();
    if (!this.maxLen) return out;
    const t = doc.tokens;
    for (const s of doc.sentences) {
      const words: string[] = [];
      for (let i = s.tokenStart; i < s.tokenEnd; i++) words.push(t.form[i].toLowerCase());
      for (let i = 0; i < words.length; i++) {
        let key = "";
        for (let n = 1; n <= this.maxLen && i + n <= words.length; n++) {
          key = n === 1 ? words[i] : key + " " + words[i + n - 1];
          if (this.article.has(key)) return "article";
          if (this.sentence.has(key)) out.add(s.index);
        }
      }
    }
    return out;
  }
}

/**
 * A CAMEO region ("the Middle East", "the Mediterranean Sea") found by word order is where something
 * happened, not a party to it.
 */
function isPlace(m: ActorMatch | null): boolean {
  return m?.kind === "region";
}

/** A region introduced by a preposition of place ("in the Middle East") says where, not who. */
function placePhrase(prep: string, m: ActorMatch | null): boolean {
  return LOCATIVE.has(prep) && isPlace(m);
}

interface PatternChoice {
  code: string | null;
  reverse: string | null;
  spec: number;
  neg?: boolean;
  targetPrep?: string;
}

/** The code a matched pattern (or else the word's default) gives, with what the pattern says of negation and target. */
function patternChoice(best: Pattern | null, entries: TriggerEntry[]): PatternChoice | null {
  if (best) return { code: best.code, reverse: best.reverse ?? null, spec: best.specificity, neg: negates(best), targetPrep: best.targetPrep };
  for (const e of entries) if (e.code) return { code: e.code, reverse: e.reverse ?? null, spec: 0 };
  return null;
}

/**
 * The span widened over every entity mention it cuts ("a fact-finding mission from the Organisation"
 * ends inside "Organisation for the Prohibition of Chemical Weapons"), so evidence never shows half a name.
 */
function withWholeMentions(doc: Doc, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (const ent of doc.entities) {
    for (const m of ent.mentions) {
      if (m.start < e && s < m.end && (m.start < s || m.end > e)) {
        s = Math.min(s, m.start);
        e = Math.max(e, m.end);
      }
    }
  }
  return [s, e];
}

function actorOut(doc: Doc, a: Arg): EventActor {
  const m = a.match;
  const { start, end } = withBalancedBrackets(doc.text, ...withWholeMentions(doc, m && m.actor ? m.start : a.start, m && m.actor ? m.end : a.end));
  const actor = m?.actor ?? null;
  return { text: doc.text.slice(start, end), actor, plover: ploverActor(actor, m?.place), entity: m?.entity ?? null, start, end };
}

/** Per-article working state (children lists, timexes, last actors for pronouns). */
class DocContext<L> {
  private kids: number[][];
  private timexes: Timex[][] = [];
  private lastActor: Arg | null = null;
  private datelineEnd = -1;
  private lower: (string | undefined)[] = [];
  private actorMemo = new Map<number, ActorMatch | null>();
  private groupMemo = new Map<number, [number, number][]>();

  /** The actor coder, memoised per span within the article. */
  private code(doc: Doc, start: number, end: number, date: string | null): ActorMatch | null {
    const key = start * 65536 + (end - start);
    let m = this.actorMemo.get(key);
    if (m === undefined) {
      m = this.coder.codeActor(doc, start, end, date);
      this.actorMemo.set(key, m);
    }
    return m;
  }
  private lemmaCache: (string | undefined)[] = [];
  /** Coding by word order (no usable parse): clause structure is unknown. */
  private wordOrder = false;
  private t: Tokens;

  constructor(private doc: Doc, private coder: EventCoder<L>, private ref: string | null) {
    // a view of the token layer with our own copy of the heads: heads outside the token's sentence
    // (a broken parse) are read as roots here, without touching the parser's layer
    const t = (this.t = Object.create(doc.tokens) as Tokens);
    t.head = doc.tokens.head.slice(0, doc.tokens.count);
    this.kids = Array.from({ length: t.count }, () => [] as number[]);
    for (let i = 0; i < t.count; i++) {
      const h = t.head[i];
      if (h >= 0 && (h >= t.count || h === i || t.sentence[h] !== t.sentence[i])) t.head[i] = -1;
      else if (h >= 0) this.kids[h].push(i);
    }
  }

  private lemma(i: number): string {
    const c = this.lemmaCache[i];
    if (c !== undefined) return c;
    const t = this.t;
    let l = (t.lemma[i] || t.form[i]).toLowerCase();
    if (t.upos[i] === "VERB" || t.upos[i] === "AUX" || t.upos[i] === "") l = this.coder.lexicon.forms.get(t.form[i].toLowerCase()) ?? l;
    this.lemmaCache[i] = l;
    return l;
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
    // a dateline ("UNITED NATIONS (AP) - Russia vetoed ...") is not an actor of the sentence
    const dl = datelineLength(doc.text, s.start, s.end);
    this.datelineEnd = dl ? Math.max(s.tokenStart, doc.tokenAt(s.start + dl)) : -1;
    let parsed = false;
    for (let i = s.tokenStart; i < s.tokenEnd && !parsed; i++) if (t.deprel[i]) parsed = true;
    if (!parsed) {
      const first = out.length;
      this.shallow(si, out);
      this.deriveIntents(out, first);
      return;
    }
    const first = out.length;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const upos = t.upos[i];
      const rel = this.rel(i);
      if (rel === "aux" || rel === "cop" || rel === "aux:pass" || rel === "amod") continue;
      if (upos === "VERB" || (upos === "AUX" && rel !== "aux") || (upos === "" && /^VB/.test(t.xpos[i]))) this.verb(i, si, out);
      else if (upos === "NOUN" || upos === "PROPN") this.noun(i, si, out);
    }
    // a sentence the tagger got wrong ("guerrillas wounded two soldiers" read as an adjective): rescue by word order
    if (!out.slice(first).some((c) => !this.coder.drops(c.code) && c.modality === "asserted")) this.rescue(si, out);
    this.deriveIntents(out, first);
    this.threatTargets(out, first);
  }

  /**
   * A threat is made against the actor of its condition: "threatened to stop negotiations if the United
   * States goes ahead", "threatened to launch an offensive unless Baghdad accepted" (used when the threat
   * has no target, or only one of its own country).
   */
  private threatTargets(out: Candidate[], first: number): void {
    for (let q = first; q < out.length; q++) {
      const c = out[q];
      if (!c.code.startsWith("13") || c.modality !== "asserted") continue;
      const sc = c.source.match?.actor?.slice(0, 3);
      const tc = c.target?.match?.actor?.slice(0, 3);
      if (c.target && tc !== sc) continue;
      let level = [c.trigger];
      let found: Arg | null = null;
      for (let d = 0; d < 3 && level.length && !found; d++) {
        const next: number[] = [];
        for (const x of level) {
          for (const k of this.kids[x]) {
            const r = this.rel(k);
            if (r === "advcl" && (this.markOf(k) === "if" || this.markOf(k) === "unless")) {
              const sj = this.subjectOf(k);
              const a = sj >= 0 ? this.arg(sj, k) : null;
              const ac = a?.match?.actor;
              if (a && ac && !ac.startsWith("---") && ac.slice(0, 3) !== sc) { found = a; break; }
            } else if (r === "xcomp" || r === "ccomp" || r === "advcl" || r === "conj") next.push(k);
          }
          if (found) break;
        }
        level = next;
      }
      if (found) c.target = found;
    }
  }

  /**
   * CAMEO codes an announced act as an expression of intent (03x) or a threat (13x). For each
   * announced event of the sentence: upgrade a generic 030/130 event of the same source to the
   * specific code, or else add the intent/threat as an asserted event.
   */
  private deriveIntents(out: Candidate[], first: number): void {
    if (this.coder.intentEvents === false) return;
    const n = out.length;
    for (let q = first; q < n; q++) {
      const c = out[q];
      if (!c.intent || (c.modality !== "future" && c.modality !== "negated")) continue;
      const look = (m: Record<string, string>) => { for (let l = c.code.length; l >= 2; l--) { const x = m[c.code.slice(0, l)]; if (x) return x; } return null; };
      // "will not accept", "would not meet the demands": announced refusal of a cooperative act (12x)
      const derived = c.modality === "negated" ? look(REFUSE) : look(INTENT) ?? look(THREAT);
      if (!derived) continue;
      const sa = c.source.match?.actor ?? null;
      let same = out.slice(first).filter((o) => o !== c && !o.derived && (o.source.match?.actor ?? null) === sa && o.code.slice(0, 2) === derived.slice(0, 2));
      // "vowed to retaliate", "swore to fight": a generic commitment (030) to a conflictual act is the threat
      if (!same.length && derived.startsWith("13")) same = out.slice(first).filter((o) => o !== c && !o.derived && (o.source.match?.actor ?? null) === sa && o.code === "030");
      if (same.length) {
        for (const o of same) if (GENERIC.has(o.code)) { o.code = derived; if (!o.target && c.target) o.target = c.target; }
        continue;
      }
      out.push({ ...c, code: derived, modality: "asserted", confidence: c.confidence * 0.85, intent: false, derived: true });
    }
  }

  /**
   * For a sentence where the parse yields no event: past-tense lexicon verbs that the tagger read as
   * adjectives or noun modifiers right after a noun are re-read as verbs, and the sentence is coded by
   * word order (lower confidence).
   */
  private rescue(si: number, out: Candidate[]): void {
    const base = this.t;
    const s = this.doc.sentences[si];
    const fix: number[] = [];
    // a verb the parse already coded (as a subordinate or announced act) is not a tagger error
    const coded = new Set<number>();
    for (const c of out) if (c.sentence === si) coded.add(c.trigger);
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      if (coded.has(i)) continue;
      const f = this.lowerForm(i);
      const adjLike = base.upos[i] === "ADJ" || (base.upos[i] === "VERB" && (base.deprel[i] === "amod" || base.deprel[i] === "acl"));
      if (!adjLike || !(f.endsWith("ed") || this.coder.lexicon.forms.has(f)) || /^[A-Z]/.test(base.form[i])) continue;
      if (base.upos[i - 1] !== "NOUN" && base.upos[i - 1] !== "PROPN") continue;
      // a participle after an event noun modifies the event ("a meeting aimed at ...", "an attack carried out by")
      if (this.coder.lexicon.entries("N", this.lemma(i - 1))) continue;
      if (this.verbEntries(i)) fix.push(i);
    }
    if (!fix.length) return;
    const view = Object.create(base) as Tokens;
    view.upos = base.upos.slice();
    view.xpos = base.xpos.slice();
    view.deprel = base.deprel.slice();
    for (const i of fix) {
      view.upos[i] = "VERB";
      view.xpos[i] = "VBD";
    }
    this.t = view;
    this.groupMemo.delete(si);
    try {
      this.shallow(si, out, new Set(fix));
    } finally {
      this.t = base;
      this.groupMemo.delete(si);
    }
  }

  // ------------------------------------------------------- shallow fallback
  /**
   * Degraded mode for a sentence without a dependency parse (tags and lemmas
   * only): the source is the nearest coded noun group before the verb in its
   * clause, the target the nearest after it; patterns are matched over the
   * words up to the next verb or clause break. Confidence is lower.
   */
  private shallow(si: number, out: Candidate[], only?: Set<number>): void {
    this.wordOrder = true;
    try {
      this.shallowCode(si, out, only);
    } finally {
      this.wordOrder = false;
    }
  }

  private shallowCode(si: number, out: Candidate[], only?: Set<number>): void {
    const t = this.t;
    const s = this.doc.sentences[si];
    const AUXLIKE = new Set(["have", "be", "do", "has", "had", "is", "was", "were", "been", "did"]);
    const isVerb = (i: number) =>
      (t.upos[i] === "VERB" || (t.upos[i] === "" && /^VB/.test(t.xpos[i]))) &&
      !(AUXLIKE.has(t.form[i].toLowerCase()) && i + 1 < s.tokenEnd && (t.upos[i + 1] === "VERB" || t.upos[i + 1] === "ADV" || t.upos[i + 1] === "PART"));
    const isBreak = (i: number) => /^[;:"“”]$/.test(t.form[i]) || (t.upos[i] === "SCONJ");
    const nounish = (i: number) => t.upos[i] === "PROPN" || t.upos[i] === "NOUN" || t.upos[i] === "ADJ" || (t.upos[i] === "" && /^[A-Z]/.test(t.form[i]));
    const groups = this.nounGroups(si);
    const code = (g: [number, number]): Arg | null => {
      const m = this.code(this.doc, t.start[g[0]], t.end[g[1]], this.ref);
      return m?.actor ? { head: g[1], start: t.start[g[0]], end: t.end[g[1]], match: m } : null;
    };
    const shallowDone = new Map<number, { src: Arg; mod: { negated: boolean; would: boolean; have: boolean; future: boolean } }>();
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (!isVerb(v) || (only && !only.has(v))) continue;
      const entries = this.verbEntries(v);
      if (!entries) continue;
      // a bare participle after a noun is a reduced relative or adjective ("detainees held after ..."): no parse, no guess
      if (t.xpos[v] === "VBN") {
        let aux = false;
        for (let k = v - 1; k >= s.tokenStart && k >= v - 3; k--) if (t.upos[k] === "AUX" || AUXLIKE.has(t.form[k].toLowerCase())) aux = true;
        if (!aux) continue;
      }
      const post: number[] = [];
      for (let k = v + 1; k < s.tokenEnd && post.length < 12; k++) {
        const adjectival = /^VB[NG]$/.test(t.xpos[k]) && (t.upos[k - 1] === "DET" || t.upos[k - 1] === "ADJ");
        if (isVerb(k) && !adjectival && !(k === v + 1) && t.form[k - 1].toLowerCase() !== "to") break;
        if (isBreak(k) || t.form[k] === ",") break;
        post.push(k);
      }
      const pre: number[] = [];
      for (let k = v - 1; k >= s.tokenStart && pre.length < 3; k--) pre.unshift(k);
      let negated = false;
      let would = false;
      let have = false;
      let future = false;
      for (let k = v - 1; k >= s.tokenStart && k >= v - 4; k--) {
        const f = t.form[k].toLowerCase();
        if (NEG.has(f)) negated = true;
        if (f === "would" || f === "could" || f === "might" || f === "should") would = true;
        if (f === "have" && would === false) have = true;
        if (FUTURE_AUX.has(f)) future = true;
        if (isVerb(k) && FUTURE_GOV.has(this.lemma(k)) && t.form[k + 1]?.toLowerCase() === "to") future = true;
        if (isVerb(k)) break;
      }
      const announcedShallow = future; // will/shall or an intention verb before "to"
      if (t.form[v - 1]?.toLowerCase() === "to") future = true; // infinitive: intended, not (yet) done
      const choice = this.chooseShallow(entries, pre, post, negated);
      if (!choice?.code) continue;
      if (choice.neg) negated = false; // the negation is part of the meaning ("not getting along")
      let src: Arg | null = null;
      // coordinated verb phrase ("would have condemned ... and demanded"): same subject and modality
      const prevVerb = (() => { for (let k = v - 1; k >= s.tokenStart; k--) if (isVerb(k)) return k; return -1; })();
      const coordinated = prevVerb >= 0 && /^(and|but|or)$/i.test(t.form[v - 1] ?? "");
      if (coordinated) {
        const prev = shallowDone.get(prevVerb);
        if (!prev) continue;
        src = prev.src;
        ({ negated, would, have, future } = prev.mod);
      }
      // first person inside a quote: the quote's speaker ("we will insist ...", Lavrov said)
      // "Japan said on Tuesday it had halted ...": a pronoun subject of reported speech is the speaker
      if (!src) {
        let pk = v - 1;
        while (pk > s.tokenStart && (t.upos[pk] === "AUX" || t.upos[pk] === "PART" || t.upos[pk] === "ADV" || AUXLIKE.has(t.form[pk].toLowerCase()))) pk--;
        const pf = t.form[pk]?.toLowerCase() ?? "";
        if (pk >= s.tokenStart && (pf === "it" || THIRD_PERSON.has(pf))) {
          for (let k = pk - 1; k >= s.tokenStart && !src; k--) {
            if (!SAY.has(this.lemma(k))) continue;
            const g = groups.find((x) => x[1] === k - 1);
            if (g) src = code(g);
          }
          if (!src && THIRD_PERSON.has(pf) && this.lastActor) src = this.lastActor;
          if (!src) continue;
        }
      }
      let fp = v - 1;
      while (fp > s.tokenStart && (t.upos[fp] === "AUX" || t.upos[fp] === "PART" || t.upos[fp] === "ADV")) fp--;
      if (!src && fp >= s.tokenStart && FIRST_PERSON.has(t.form[fp].toLowerCase())) {
        src = this.shallowSpeaker(si, groups, code);
        if (!src) continue;
      }
      for (let q = groups.length - 1; q >= 0 && !src; q--) {
        const g = groups[q];
        if (g[1] >= v) continue;
        let blocked = false;
        for (let k = g[1] + 1; k < v; k++) if ((isVerb(k) && !FUTURE_GOV.has(this.lemma(k))) || isBreak(k)) blocked = true;
        if (blocked) break;
        // "Israeli helicopters and tanks shelled": the coordinated noun phrase as a whole
        const prev = q > 0 ? groups[q - 1] : null;
        if (prev && g[0] - prev[1] === 2 && /^(and|,)$/i.test(t.form[g[0] - 1])) {
          const whole = code([prev[0], g[1]]);
          if (whole) { src = whole; break; }
        }
        src = code(g);
      }
      if (!src) continue;
      shallowDone.set(v, { src, mod: { negated, would, have, future } });
      let tgt: Arg | null = null;
      for (const g of groups) {
        if (g[0] <= v || !post.includes(g[0])) continue;
        tgt = code(g);
        if (tgt) break;
      }
      const modality: Modality = negated ? "negated" : would && have ? "counterfactual" : would ? "hypothetical" : future ? "future" : "asserted";
      const date = this.shallowDate(v, si, modality === "future");
      out.push(this.cand(v, choice.code, src, tgt, modality, 0.4 + Math.min(0.15, choice.spec * 0.03), date, si, null, modality === "future" && announcedShallow));
      if (choice.reverse && tgt && this.coder.reciprocal) out.push(this.cand(v, choice.reverse, tgt, src, modality, 0.35, date, si, null));
    }
  }

  /** Noun groups of a sentence by tags alone: runs of nouns, proper nouns and adjectives ("the new USA leader"). */
  private nounGroups(si: number): [number, number][] {
    const memo = this.groupMemo.get(si);
    if (memo) return memo;
    const t = this.t;
    const s = this.doc.sentences[si];
    const nounish = (i: number) => t.upos[i] === "PROPN" || t.upos[i] === "NOUN" || t.upos[i] === "ADJ" || (t.upos[i] === "" && /^[A-Z]/.test(t.form[i]));
    const groups: [number, number][] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!nounish(i)) continue;
      let j = i;
      while (j + 1 < s.tokenEnd && (nounish(j + 1) || (t.form[j + 1] === "'s" && j + 2 < s.tokenEnd) || (/^[.\-]$/.test(t.form[j + 1]) && j + 2 < s.tokenEnd && t.upos[j + 2] === "PROPN") || (t.form[j + 1].toLowerCase() === "of" && j + 2 < s.tokenEnd && t.upos[j + 2] === "PROPN"))) j++;
      groups.push([i, j]);
      i = j;
    }
    this.groupMemo.set(si, groups);
    return groups;
  }

  /** When the parse gives a verb no subject: the nearest coded noun group before it in its clause. */
  private linearSource(v: number): Arg | null {
    const t = this.t;
    const si = t.sentence[v];
    const s = this.doc.sentences[si];
    const groups = this.nounGroups(si);
    // verbs governing v through control ("will continue to demand") do not end its clause
    const governors = new Set<number>();
    for (let x = v, q = 0; q < 4 && t.head[x] >= 0 && (this.rel(x) === "xcomp" || (this.rel(x) === "advcl" && this.markOf(x) === "to")); q++) {
      x = t.head[x];
      governors.add(x);
    }
    for (let q = groups.length - 1; q >= 0; q--) {
      const g = groups[q];
      if (g[1] >= v || g[0] < Math.max(s.tokenStart, this.datelineEnd)) continue;
      for (let k = g[1] + 1; k < v; k++) {
        if ((t.upos[k] === "VERB" && !/^(have|be|do)$/.test(this.lemma(k)) && !governors.has(k)) || t.upos[k] === "SCONJ" || /^[;:"“”]$/.test(t.form[k]) || SUBJ_PRON.has(this.lowerForm(k))) return null;
      }
      const m = this.code(this.doc, t.start[g[0]], t.end[g[1]], this.ref);
      if (m?.actor && !isPlace(m)) return { head: g[1], start: t.start[g[0]], end: t.end[g[1]], match: m };
      // an uncoded group or a region inside a prepositional or time phrase ("on Tuesday", "in the
      // Mediterranean Sea") does not stop the search
      let pp = g[0] - 1;
      while (pp > s.tokenStart && (t.upos[pp] === "DET" || t.upos[pp] === "PRON" || t.upos[pp] === "NUM")) pp--;
      const inPP = pp >= s.tokenStart && t.upos[pp] === "ADP";
      const isTime = this.isTime(g[0]);
      if (!inPP && !isTime) return null;
    }
    return null;
  }

  /** `"...", Lavrov said` / `Lavrov said: "..."`: the noun group next to a speech verb outside the quotes. */
  private shallowSpeaker(si: number, groups: [number, number][], code: (g: [number, number]) => Arg | null): Arg | null {
    const t = this.t;
    const s = this.doc.sentences[si];
    let inQuote = false;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const f = t.form[k];
      if (f === "\u201c" || f === "\u201d" || f === '"') inQuote = f === "\u201c" ? true : f === "\u201d" ? false : !inQuote;
      if (inQuote || !SAY.has(this.lemma(k))) continue;
      const before = groups.filter((g) => g[1] === k - 1 || g[1] === k - 2);
      const after = groups.filter((g) => g[0] === k + 1);
      for (const g of [...before, ...after]) {
        const a = code(g);
        if (a) return a;
      }
    }
    return null;
  }

  private chooseShallow(entries: TriggerEntry[], pre: number[], post: number[], negated: boolean): PatternChoice | null {
    const t = this.t;
    let best: Pattern | null = null;
    const firstNoun = post.find((k) => t.upos[k] === "NOUN" || t.upos[k] === "PROPN") ?? -1;
    // the object noun phrase: nouns up to the first preposition
    const objNP: number[] = [];
    for (const k of post) {
      if (t.upos[k] === "ADP" || t.upos[k] === "VERB") break;
      if (t.upos[k] === "NOUN" || t.upos[k] === "PROPN") objNP.push(k);
    }
    for (const e of entries) {
      for (const p of e.patterns) {
        if (best && !outranks(p, best)) continue;
        let ok = true;
        for (const c of p.cond) {
          if (c.kind === "neg") ok &&= negated;
          else if (c.kind === "obj") ok &&= firstNoun >= 0 && (!c.words || objNP.some((k) => c.words!.has(this.lemma(k)) || c.words!.has(this.lowerForm(k))));
          else if (c.kind === "prep") {
            const at = post.findIndex((k) => t.form[k].toLowerCase() === c.prep);
            ok &&= at >= 0 && (!c.words || post.slice(at + 1).some((k) => c.words!.has(this.lemma(k))));
          } else if (c.kind === "any") ok &&= post.some((k) => c.words.has(this.lemma(k)) || c.words.has(t.form[k].toLowerCase()));
          else if (c.kind === "prt") ok &&= post.some((k) => t.form[k].toLowerCase() === c.word);
        }
        if (!ok) continue;
        if (!p.cond.length && (p.pre.length || p.post.length)) {
          if (p.pre.length && !this.seqMatch(p.pre, pre)) continue;
          if (p.post.length && !this.seqMatch(p.post, post)) continue;
        }
        best = p;
      }
    }
    return patternChoice(best, entries);
  }

  private shallowDate(v: number, si: number, future: boolean): string | null {
    // the time expression nearest the verb in the same clause
    const t = this.t;
    let best: Timex | null = null;
    let dist = 1e9;
    for (const x of this.timexes[si] ?? []) {
      const d = Math.abs(x.start - t.start[v]);
      if (d < dist && d < 60) { dist = d; best = x; }
    }
    return best ? best.resolve(this.ref, future) ?? this.ref : this.ref;
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
        // a clausal complement with its own subject is another event's clause, except a that-clause of a
        // verb other than speech, which completes the verb's own meaning ("allowed that Mordor isn't a
        // really pleasant place")
        if ((r === "ccomp" || r === "xcomp") && (speech || (this.subjectOf(k) >= 0 && this.markOf(k) !== "that"))) continue;
        if (x !== v && (r === "acl:relcl" || r === "parataxis" || r === "punct")) continue;
        acc.push(k);
        stack.push(k);
      }
    }
    acc.sort((a, b) => a - b);
    const pre: number[] = [];
    const post: number[] = [];
    for (const k of acc) (k < v || k === passiveSubj ? (k === passiveSubj ? post : pre) : post).push(k);
    // the verbs whose complement this clause is come before it in a pattern ("- INDICATED * [123]":
    // "Ethiopia indicated it deplored Libya")
    for (let x = v, q = 0; q < 3 && (this.rel(x) === "ccomp" || this.rel(x) === "xcomp") && this.t.head[x] >= 0 && this.t.head[x] < x; q++) {
      x = this.t.head[x];
      pre.unshift(x);
    }
    // and so do the words of an active subject before it ("- DEATH TOLL * [223]": "Eriador's death toll has risen")
    if (passiveSubj < 0) {
      const sj = this.kids[v].find((k) => this.rel(k) === "nsubj" && k < v);
      if (sj !== undefined) {
        pre.push(...this.subtree(sj));
        pre.sort((a, b) => a - b);
      }
    }
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

  /** Lower-cased form and its plural-stripped variants, cached per token. */
  private lowerForm(k: number): string {
    const c = this.lower[k];
    if (c !== undefined) return c;
    const f = this.t.form[k].toLowerCase();
    this.lower[k] = f;
    return f;
  }

  private matches(k: number, w: string): boolean {
    const f = this.lowerForm(k);
    if (f === w) return true;
    if (f.length > w.length + 2 || f.length < w.length) return this.lemma(k) === w;
    return this.lemma(k) === w || (f.length === w.length + 1 && f.endsWith("s") && f.startsWith(w)) || (f.length === w.length + 2 && f.endsWith("es") && f.startsWith(w));
  }

  /** Number of region tokens a pattern term consumes at position j (0 = no match). */
  private termAt(term: Term, toks: number[], j: number): number {
    if (term.synset) {
      const k = toks[j];
      if (term.synset.has(this.lowerForm(k)) || term.synset.has(this.lemma(k))) return 1;
      const multi = multiWords(term.synset);
      for (const ws of multi) {
        let ok = true;
        for (let q = 0; q < ws.length && ok; q++) ok = j + q < toks.length && this.matches(toks[j + q], ws[q]);
        if (ok) return ws.length;
      }
      return 0;
    }
    for (let q = 0; q < term.words.length; q++) {
      if (j + q >= toks.length || !this.matches(toks[j + q], term.words[q])) return 0;
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
        if (term.glued) break;
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
        // every object (parsers sometimes split "weapons inspectors" into two) and its conjuncts
        const objs = passiveSubj >= 0 ? [passiveSubj] : this.kids[v].filter((k) => this.rel(k) === "obj" || this.rel(k) === "dobj");
        if (!objs.length) return false;
        if (c.words) {
          // the object's head, its conjuncts and their compound modifiers ("the ceasefire agreement")
          const all = objs.flatMap((o) => this.conjuncts(o)).flatMap((o) => [o, ...this.kids[o].filter((k) => this.rel(k) === "compound")]);
          if (!all.some((o) => c.words!.has(this.lemma(o)) || c.words!.has(this.lowerForm(o)))) return false;
        }
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

  private choose(entries: TriggerEntry[], v: number, reg: { pre: number[]; post: number[] }, passiveSubj: number, negated: boolean): PatternChoice | null {
    let best: Pattern | null = null;
    for (const e of entries) {
      for (const p of e.patterns) {
        if (best && !outranks(p, best)) continue;
        if (p.cond.length || (p.pre.length === 0 && p.post.length === 0)) {
          if (!this.condMatch(p, v, reg, passiveSubj, negated)) continue;
        } else {
          if (p.pre.length && !this.seqMatch(p.pre, reg.pre)) continue;
          if (p.post.length && !this.seqMatch(p.post, reg.post)) continue;
        }
        best = p;
      }
    }
    return patternChoice(best, entries);
  }

  /** The coded object of preposition `prep` on the verb or its object ("warned Gondor about the Prince"). */
  private prepTarget(v: number, prep: string): number[] {
    const o = this.child(v, "obj", "dobj");
    for (const k of [...this.kids[v], ...(o >= 0 ? this.kids[o] : [])]) {
      const b = this.base(k);
      if ((b === "obl" || b === "nmod") && this.rel(k) !== "nmod:poss" && this.caseOf(k) === prep && this.arg(k, v)?.match?.actor) return this.conjuncts(k);
    }
    return [];
  }

  // ------------------------------------------------------------------ verbs
  /** Lexicon entries of a verb token: by lemma, else by regular inflection of its form (the lemmatizer may err). */
  private verbEntries(v: number): TriggerEntry[] | undefined {
    const lex = this.coder.lexicon;
    // a dictionary entry for the very form wins over the lemma's ("LEFT [042:043]" vs "LEAVE [012]")
    const f0 = this.lowerForm(v);
    const e = lex.entries("V", this.lemma(v));
    if (f0 !== this.lemma(v)) {
      const byForm = lex.entries("V", f0);
      if (byForm) return e ? [...byForm, ...e] : byForm;
    }
    if (e) return e;
    const f = this.t.form[v].toLowerCase();
    const m = /^(.+?)(ies|ied|es|ed|ing|s|d)$/.exec(f);
    if (!m) return undefined;
    const stem = m[1];
    const tries = [stem, stem + "e", stem.replace(/(.)\1$/, "$1"), m[2] === "ies" || m[2] === "ied" ? stem + "y" : ""];
    for (const c of tries) if (c && lex.entries("V", c)) return lex.entries("V", c);
    return undefined;
  }

  private verb(v: number, si: number, out: Candidate[]): void {
    const t0 = this.t;
    // participles that are prepositions or adjectives in news: "according to", "following", "Algeria's leading"
    if (PREP_PARTICIPLE.has(this.lowerForm(v))) return;
    // attributive participles: "suspected British militant", "the alleged attack"
    if (ALLEGED_MOD.has(this.lowerForm(v)) && v + 1 < t0.count && /^(NOUN|PROPN|ADJ)$/.test(t0.upos[v + 1])) return;
    if (t0.xpos[v] === "VBG" && (this.kids[v].some((k) => this.rel(k) === "nmod:poss") || (v > 0 && /^'s$|^’s$/.test(t0.form[v - 1])))) return;
    // "opened a landmark hearing", "the ongoing fighting": a gerund after a determiner is a noun
    if (t0.xpos[v] === "VBG" && !this.kids[v].some((k) => this.rel(k).startsWith("aux"))) {
      let k = v - 1;
      while (k >= 0 && t0.sentence[k] === t0.sentence[v] && (t0.upos[k] === "NOUN" || t0.upos[k] === "ADJ")) k--;
      if (k >= 0 && t0.upos[k] === "DET" && DETERMINERS.has(this.lowerForm(k))) return;
    }
    const entries = this.verbEntries(v);
    if (!entries) return;
    const passive = this.isPassive(v);
    const psubj = passive ? this.subjectOf(v) : -1;
    const reg = this.region(v, psubj);
    const negated = this.isNegated(v);
    const choice = this.choose(entries, v, reg, psubj, negated);
    if (!choice || !choice.code) return;
    const negPattern = choice.neg === true;
    if (choice.code.startsWith("10") && this.claims(v)) return;

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
      // a parser may attach each member of "Arnor and the evil Gondor" as its own subject; subjects with no
      // "and" or comma between them are the words of one name ("Dagolath 's first Deputy Prime Minister
      // Telemar"), whose last word heads it
      if (s >= 0 && t0.head[s] === v) {
        const subjects = this.kids[v].filter((k) => k === s || (this.rel(k) === this.rel(s) && SUBJ.has(this.rel(k))));
        const heads = subjects.filter((k, q) => q === subjects.length - 1 || this.listSeparated(k, subjects[q + 1]));
        srcHeads = [];
        for (const h of heads) for (const c of this.conjuncts(h)) if (!srcHeads.includes(c)) srcHeads.push(c);
      }
      tgtHeads = this.targetHeads(v, choice.code);
      // a PETRARCH pattern that marks its target ("- * ABOUT + [130]") names it
      const marked = choice.targetPrep ? this.prepTarget(v, choice.targetPrep) : [];
      if (marked.length) tgtHeads = marked;
    }
    let linear: Arg | null = null;
    if (!srcHeads.length && !passive && !this.kids[v].some((k) => SUBJ.has(this.rel(k)))) {
      // a parse without a subject for this verb: fall back to word order; a coordinated verb ("defended
      // ... and insisted") has the subject of its first conjunct, not the nearest noun before it
      const first = this.rel(v) === "conj" && this.hasCc(v) && t0.upos[t0.head[v]] === "VERB" ? t0.head[v] : v;
      linear = this.linearSource(first);
    }
    if (!srcHeads.length && !linear) return;
    let modality = negPattern ? this.modality(v, false) : this.modality(v, negated);
    if (modality === "future" && choice.code.startsWith("14") && this.protestPurpose(v)) modality = "asserted";
    const date = this.dateOf(v, si, modality === "future");
    const intent = (modality === "future" || modality === "negated") && this.announced(v);
    const attribution = this.speakerOf(v);
    let sources = linear ? [linear] : srcHeads.map((h) => this.arg(h, v)).filter((a): a is Arg => a != null);
    if (!passive && !sources.some((a) => a.match?.actor) && !(srcHeads.length && this.base(v) === "acl" && this.markOf(v) !== "to")) {
      // the parsed subject is not an actor (often a mis-parse): try word order (not for a participle on a
      // noun that is not an actor: "a meeting aimed at ...")
      const a = this.linearSource(v);
      if (a) sources = [a];
    }
    sources = this.countryConjuncts(this.adjConjuncts(sources));
    let targets = tgtHeads.map((h) => this.arg(h, v)).filter((a): a is Arg => a != null && a.match?.actor != null);
    // "continued their hunger strike to demand the resignation of the President": a protest is aimed at
    // the target of the demand it is made for
    if (!targets.length && choice.code.startsWith("14")) {
      for (const k of this.kids[v]) {
        if ((this.rel(k) !== "advcl" && this.rel(k) !== "xcomp") || this.markOf(k) !== "to" || !DIRECTIVE.has(this.lemma(k))) continue;
        targets = this.targetHeads(k).map((h) => this.arg(h, k)).filter((a): a is Arg => a != null && a.match?.actor != null);
        if (targets.length) break;
      }
    }
    // a compound subject acting jointly with no object ("X and Y agreed to a ceasefire")
    const joint = !targets.length && !passive && sources.filter((a) => a.match?.actor).length > 1 && (MUTUAL_ROOTS.has(choice.code.slice(0, 2)) || reg.post.some((k) => MUTUAL_OBJ.has(this.lemma(k))));
    if (!passive && !(joint && !this.coder.mutual) && (!targets.length || targets.every((a) => a.match?.actor?.startsWith("---")))) {
      // as PETRARCH does: the first actor named after the verb in its own clause ("trip in the White Downs",
      // "an accord to supply Gondor"), a weaker guess; it also beats a role without a country
      // ("mobilized army reservists for a possible war against Iraq")
      const fb = this.regionActor(reg.post, v, targets.length > 0, targets.map((a) => a.head));
      if (fb) targets = [fb];
      // the parser attached "to/against + actor" right after the verb's object to another clause
      // ("granted asylum to five Panamanian army officers ..., the embassy said"): read it by word order
      if (!targets.length && !(joint && !this.coder.mutual)) {
        const lt = this.linearTarget(v);
        if (lt) targets = [lt];
      }
    }
    if (sources.filter((a) => a.match?.actor).length > 1 && (MUTUAL_ROOTS.has(choice.code.slice(0, 2)) || reg.post.some((k) => MUTUAL_OBJ.has(this.lemma(k))))) {
      // joint subjects ("Palestinians and Israelis failed to reach agreement on the fate of Palestinian
      // offices"): an actor of one of their own countries is the topic, not a counterpart
      const own = new Set(sources.map((a) => a.match?.actor?.slice(0, 3)).filter((x): x is string => !!x && !x.startsWith("---")));
      targets = targets.filter((a) => !own.has(a.match!.actor!.slice(0, 3)));
    }
    const conf = 0.55 + Math.min(0.25, choice.spec * 0.05) + (targets.length ? 0.1 : 0);
    // a compound subject with no object acts on itself ("Gondor and Osgiliath renewed ties")
    const mutual = this.coder.mutual && !targets.length && sources.filter((a) => a.match?.actor).length > 1 && (MUTUAL_ROOTS.has(choice.code.slice(0, 2)) || reg.post.some((k) => MUTUAL_OBJ.has(this.lemma(k))));
    for (const src of sources) {
      const tl = (mutual ? sources : targets).filter((x) => x !== src && !(x.match?.actor && src.match?.actor && x.start === src.start));
      if (!tl.length) out.push(this.cand(v, choice.code, src, null, modality, conf, date, si, attribution, intent));
      for (const tg of tl) {
        out.push(this.cand(v, choice.code, src, tg, modality, conf + (src.match?.confidence ?? 0.5) * 0.05, date, si, attribution, intent));
        if (choice.reverse && !mutual && this.coder.reciprocal) out.push(this.cand(v, choice.reverse, tg, src, modality, conf - 0.05, date, si, attribution));
      }
    }
    this.mustDemand(v, si, out, sources, date, attribution);
    if (choice.code.startsWith("02") && modality === "asserted") this.rally(v, si, out, sources, date, attribution);
  }

  /**
   * "insisted unrest there reflected ethnic tensions": a verb of speech that can demand states a fact when
   * its complement is an indicative clause (a demand's is subjunctive or has must/should: "insisted that
   * they leave").
   */
  private claims(v: number): boolean {
    if (!SAY.has(this.lemma(v)) || !DIRECTIVE.has(this.lemma(v))) return false;
    const t = this.t;
    for (const k of this.kids[v]) {
      if (this.rel(k) !== "ccomp" && !(this.rel(k) === "advcl" && this.markOf(k) === "that")) continue;
      const aux = this.kids[k].filter((a) => this.rel(a).startsWith("aux")).map((a) => t.form[a].toLowerCase());
      if (aux.some((a) => a === "must" || a === "should")) return false;
      // a participle without auxiliary in a that-clause is a past tense the tagger misread
      if (t.xpos[k] === "VBD" || t.xpos[k] === "VBZ" || (t.xpos[k] === "VBN" && !aux.length) || aux.some((a) => /^(has|have|had|was|were|is|are|will|would)$/.test(a))) return true;
    }
    return false;
  }

  private cand(v: number, code: string, source: Arg, target: Arg | null, modality: Modality, confidence: number, date: string | null, sentence: number, attribution: Arg | null, intent = false): Candidate {
    // a role without a country acted on by a national actor is taken as domestic ("Trump accused intelligence agencies")
    const sa = source.match?.actor;
    const ta = target?.match?.actor;
    if (target && target.match && ta?.startsWith("---") && sa && !sa.startsWith("---") && !sa.startsWith("IGO") && !sa.startsWith("NGO") && sa.length >= 3) {
      target = { ...target, match: { ...target.match, actor: sa.slice(0, 3) + ta.slice(3), confidence: target.match.confidence * 0.8 } };
    }
    else if (target && source.match && sa?.startsWith("---") && ta && !ta.startsWith("---") && !ta.startsWith("IGO") && !ta.startsWith("NGO") && ta.length > 3 && !/^(1[5-9]|20)/.test(code)) {
      // (not for force: an armed group of unknown country attacking X is not thereby from X; not when the
      // target is a whole country: "officials said Ethiopia ..." are not thereby Ethiopia's officials)
      source = { ...source, match: { ...source.match, actor: ta.slice(0, 3) + sa.slice(3), confidence: source.match.confidence * 0.8 } };
    }
    if (source.match?.actor) this.lastActor = source;
    const c = Math.max(0.05, Math.min(0.97, confidence * (source.match?.actor ? 0.6 + 0.4 * (source.match.confidence ?? 1) : 0.5)));
    return { trigger: v, code, source, target, modality, confidence: c, date, sentence, attribution, intent, main: this.wordOrder || this.isMain(v) };
  }

  /** v has "would" (not could/might/should) and is the complement of a speech or report verb. */
  private reportedWould(v: number): boolean {
    const t = this.t;
    if (!this.kids[v].some((k) => this.rel(k) === "aux" && /^(would|'d)$/i.test(t.form[k]))) return false;
    let x = v;
    for (let q = 0; q < 3; q++) {
      const h = t.head[x];
      if (h < 0) return false;
      const r = this.rel(x);
      if (r === "ccomp" && (SAY.has(this.lemma(h)) || REPORT.has(this.lemma(h)))) return true;
      if (r !== "xcomp" && r !== "conj") return false;
      x = h;
    }
    return false;
  }

  /** Is there an "and", "or", "nor", "&" or a comma between tokens a and b (a before b)? */
  private listSeparated(a: number, b: number): boolean {
    for (let k = a + 1; k < b; k++) if (/^(and|or|nor|&|,)$/i.test(this.t.form[k])) return true;
    return false;
  }

  /** Has a coordinating conjunction (and, or, but, nor) or a comma in a list before it. */
  private hasCc(v: number): boolean {
    return this.kids[v].some((k) => this.rel(k) === "cc" || (this.rel(k) === "punct" && this.t.form[k] === "," && k < v));
  }

  /** Is token v in its sentence's main clause (through conjuncts, control verbs and reported speech)? */
  private isMain(v: number): boolean {
    const t = this.t;
    let x = v;
    for (let q = 0; q < 10; q++) {
      const h = t.head[x];
      if (h < 0) return true;
      const r = this.rel(x);
      if (r === "conj" && !this.hasCc(x) && this.t.upos[x] === "VERB") return false;
      // ", disputed by Argentina and Chile": a bare participle after a comma is a reduced relative, not a conjunct
      if (r === "conj" && this.t.upos[x] === "VERB" && t.xpos[x] === "VBN" && !this.kids[x].some((k) => this.rel(k) === "cc" || this.rel(k).startsWith("aux") || SUBJ.has(this.rel(k)))) return false;
      if (r === "conj" || r === "xcomp" || r === "parataxis" || r === "obj" || r === "dobj" || SUBJ.has(r) || r === "compound" || r === "nmod:poss" || r === "appos" || r === "flat") { x = h; continue; }
      if (r === "ccomp" && (SAY.has(this.lemma(h)) || REPORT.has(this.lemma(h)) || ALLEGE.has(this.lemma(h)))) { x = h; continue; }
      if ((r === "obl" || r === "nmod") && t.upos[x] === "NOUN") { x = h; continue; }
      if (r === "advcl" && SAY.has(this.lemma(h)) && x < h) { x = h; continue; }
      return false;
    }
    return true;
  }

  /**
   * "shunned work to protest ...", "converged for a rally to protest ...": a protest stated as the purpose
   * of an act is done by that act (an infinitive of purpose is otherwise future).
   */
  private protestPurpose(v: number): boolean {
    const r = this.rel(v);
    const h = this.t.head[v];
    if (h < 0 || (r !== "advcl" && r !== "acl") || this.markOf(v) !== "to") return false;
    const hl = this.lemma(h);
    if (FUTURE_GOV.has(hl) || DIRECTIVE.has(hl) || NEG_GOV.has(hl) || this.isNegated(h)) return false;
    return !this.kids[h].some((k) => this.rel(k) === "aux" && (FUTURE_AUX.has(this.t.form[k].toLowerCase()) || HYPO_AUX.has(this.t.form[k].toLowerCase())));
  }

  /** Future by "will/shall" or an intention verb ("plans to", "vowed to", "is ready to"), not a bare infinitive. */
  private announced(v: number): boolean {
    const t = this.t;
    let x = v;
    for (let q = 0; q < 4; q++) {
      for (const k of this.kids[x]) if (this.rel(k) === "aux" && FUTURE_AUX.has(t.form[k].toLowerCase())) return true;
      if (this.reportedWould(x)) return true;
      if ((this.rel(x) === "xcomp" || (this.rel(x) === "advcl" && this.markOf(x) === "to")) && t.head[x] >= 0) {
        const h = t.head[x];
        if (FUTURE_GOV.has(this.lemma(h)) || FUTURE_GOV.has(t.form[h].toLowerCase()) || NEG_GOV.has(this.lemma(h))) return true;
        x = h;
        continue;
      }
      if (this.rel(x) === "conj" && t.head[x] >= 0) { x = t.head[x]; continue; }
      break;
    }
    return false;
  }

  /** "Russia said Sudan must return the helicopter": the speaker demands (100) of the complement's subject. */
  private mustDemand(v: number, si: number, out: Candidate[], speakers: Arg[], date: string | null, attribution: Arg | null): void {
    if (!SAY.has(this.lemma(v))) return;
    const t = this.t;
    for (const k of this.kids[v]) {
      if (this.rel(k) !== "ccomp") continue;
      if (!this.kids[k].some((a) => this.rel(a) === "aux" && /^(must|should)$/i.test(t.form[a]))) continue;
      const s = this.subjectOf(k);
      if (s < 0) continue;
      const tgs = this.conjuncts(s).map((c) => this.arg(c, k)).filter((a): a is Arg => !!a?.match?.actor);
      for (const src of speakers) {
        if (!tgs.length) out.push(this.cand(v, "100", src, null, "asserted", 0.55, date, si, attribution));
        for (const tg of tgs) out.push(this.cand(v, "100", src, tg, "asserted", 0.55, date, si, attribution));
      }
    }
  }

  /**
   * CAMEO's rallying codes: an appeal to others to support an actor is 053 ("urged the EC to support the
   * PLO"), to rise against one is 113 ("called on Arabs to unite and mobilize against Sharon").
   */
  private rally(v: number, si: number, out: Candidate[], sources: Arg[], date: string | null, attribution: Arg | null): void {
    const t = this.t;
    const comps: number[] = [];
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if (r === "xcomp" || ((r === "advcl" || r === "ccomp") && this.markOf(k) === "to")) comps.push(k, ...this.kids[k].filter((c) => this.rel(c) === "conj" && t.upos[c] === "VERB"));
    }
    for (const c of comps) {
      const lem = this.lemma(c);
      let code: string | null = null;
      let tgt: Arg | null = null;
      if (RALLY_SUPPORT.has(lem)) {
        const o = this.child(c, "obj", "dobj");
        tgt = o >= 0 ? this.arg(o, c) : null;
        code = "053";
      } else if (RALLY_OPPOSE.has(lem)) {
        for (const k of this.kids[c]) if ((this.base(k) === "obl" || this.base(k) === "nmod") && this.caseOf(k) === "against") tgt = this.arg(k, c);
        if (lem === "oppose" || lem === "resist" || lem === "fight" || lem === "confront") {
          const o = this.child(c, "obj", "dobj");
          if (o >= 0) tgt = this.arg(o, c);
        }
        code = "113";
      }
      if (!code || !tgt?.match?.actor) continue;
      for (const src of sources) out.push(this.cand(v, code, src, tgt, "asserted", 0.5, date, si, attribution));
    }
  }

  private isPassive(v: number): boolean {
    if (STATIVE_PASSIVE.has(this.lemma(v)) && this.agentOf(v) < 0) return false;
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if (r === "nsubj:pass" || r === "nsubjpass" || r === "aux:pass" || r === "auxpass") return true;
      // an agent needs its "by" (a parser sometimes labels the object of "fired four shells" obl:agent)
      if (r === "obl:agent" && this.caseOf(k) === "by") return true;
    }
    // reduced passive relative: "a resolution backed by the West" (a participle with an object is active)
    return this.rel(v) === "acl" && this.t.xpos[v] === "VBN" && this.child(v, "obj", "dobj") < 0;
  }

  private subjectOf(v: number): number {
    for (const k of this.kids[v]) if (SUBJ.has(this.rel(k))) return k;
    // "it is prepared to impose": a parser's expletive before a control predicate is its subject
    for (const k of this.kids[v]) if (this.rel(k) === "expl" && this.child(v, "xcomp") > k) return k;
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
    // a coordinated verb shares the subject; a "conjunct" without and/or/but is a mis-attached clause
    if (r === "conj" && this.hasCc(v)) return this.logicalSubject(h, depth + 1);
    // a non-finite adverbial clause shares the main subject ("fired missiles ... to punish", "after meeting with")
    if (r === "advcl" && (/^VB[GN]?$/.test(t.xpos[v]) || this.markOf(v) === "to" || t.xpos[v] === "")) return this.logicalSubject(h, depth + 1);
    // "X are guilty of violating ...", "X is responsible for attacking ...": the predicate's subject
    if ((r === "acl" || r === "advcl") && this.kids[h].some((k) => this.rel(k) === "cop")) return this.logicalSubject(h, depth + 1);
    // "fired missiles at Syria to punish ...": an infinitive on a verb's object or oblique belongs to that verb's subject
    if (r === "acl" && this.markOf(v) === "to") {
      const hr = this.base(h);
      const g = t.head[h];
      if (g >= 0 && (hr === "obl" || hr === "obj" || hr === "dobj" || hr === "nmod") && t.upos[g] === "VERB") return this.logicalSubject(g, depth + 1);
      return h;
    }
    if (r === "acl:relcl" || r === "acl") return h;
    return -1;
  }

  private targetHeads(v: number, code = ""): number[] {
    // [token, may be the target itself]
    const cands: [number, boolean][] = [];
    const o = this.child(v, "obj", "dobj");
    const io = this.child(v, "iobj");
    if (o >= 0) cands.push([o, true]);
    if (io >= 0) cands.push([io, true]);
    // obliques by preposition rank: "with"/"against"/"to" name a party, "at"/"in" more often a place
    const obl = this.kids[v].filter((k) => {
      const b = this.base(k);
      return (b === "obl" || b === "nmod") && !this.isTime(k) && this.rel(k) !== "obl:agent";
    });
    // "celebrated Eid at Osgiliath with Gondor" parsed with "with Gondor" under the place: the party phrase
    // still ranks as the verb's own
    for (const k of [...obl]) for (const c of this.kids[k]) if (this.base(c) === "nmod" && this.caseOf(c) === "with" && LOCATIVE.has(this.caseOf(k))) obl.push(c);
    // disapproval, rejection and threats are about someone ("complained to the UN over Israeli raids")
    const order = /^1[123]/.test(code) ? PREP_RANK_ABOUT : PREP_RANK;
    const rank = (k: number) => { const r = order.indexOf(this.caseOf(k)); return r < 0 ? 99 : r; };
    obl.sort((a, b) => rank(a) - rank(b) || a - b);
    for (const k of obl) cands.push([k, TARGET_PREPS.has(this.caseOf(k))]);
    // clausal complement subject/object ("demanded that X withdraw")
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      // "..., the foreign ministry said" hung on the verb: the reporter is no target
      if ((r === "ccomp" || r === "xcomp") && !(k > v && SAY.has(this.lemma(k)))) {
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
        if (a?.match?.actor && !placePhrase(this.caseOf(c), a.match)) return this.conjuncts(c);
      }
      if (!direct) continue;
      const inner = this.innerActor(c, v, 3);
      if (inner >= 0) return this.conjuncts(inner);
    }
    return [];
  }

  /** The first coded noun group made only of tokens of the verb's region (after the verb). */
  private regionActor(post: number[], v: number, countryOnly = false, roleHeads: number[] = []): Arg | null {
    if (!post.length) return null;
    const t = this.t;
    const inside = roleHeads.length ? new Set(roleHeads.flatMap((h) => this.subtree(h))) : null;
    const inReg = new Set(post);
    for (const g of this.nounGroups(t.sentence[v])) {
      if (g[0] <= v) continue;
      let all = true;
      for (let k = g[0]; k <= g[1] && all; k++) all = inReg.has(k);
      if (!all || this.isTime(g[0])) continue;
      const m = this.code(this.doc, t.start[g[0]], t.end[g[1]], this.ref);
      // a country named outside the role's own phrase overrides the role ("mobilized army reservists for a
      // possible war against Iraq"); one inside it does not ("accused intelligence agencies of leaks to Moscow")
      if (inside && inside.has(g[0]) || isPlace(m) || this.modifierRole(m, g[1])) continue;
      if (m?.actor && !(countryOnly && m.actor.startsWith("---"))) return { head: g[1], start: t.start[g[0]], end: t.end[g[1]], match: { ...m, confidence: m.confidence * 0.7 } };
    }
    return null;
  }

  /**
   * Word-order target: "VERB [object] to|against|with|at|toward|into ACTOR" before any clause break
   * (punctuation, subordinator, another verb). Lower confidence.
   */
  private linearTarget(v: number): Arg | null {
    const t = this.t;
    const si = t.sentence[v];
    const end = this.doc.sentences[si].tokenEnd;
    for (let i = v + 1; i < end && i < v + 12; i++) {
      const u = t.upos[i];
      if (u === "PUNCT" || u === "SCONJ" || u === "VERB" || u === "AUX" || u === "PRON") return null;
      if (u !== "ADP" || !LINEAR_PREPS.has(t.form[i].toLowerCase())) continue;
      for (const g of this.nounGroups(si)) {
        if (g[0] <= i || g[0] > i + 3) continue;
        let clean = true;
        for (let k = i + 1; k < g[0] && clean; k++) clean = t.upos[k] === "DET" || t.upos[k] === "NUM" || t.upos[k] === "ADJ";
        if (!clean || this.isTime(g[0])) return null;
        const m = this.code(this.doc, t.start[g[0]], t.end[g[1]], this.ref);
        return m?.actor ? { head: g[1], start: t.start[g[0]], end: t.end[g[1]], match: { ...m, confidence: m.confidence * 0.6 } } : null;
      }
      return null;
    }
    return null;
  }

  /**
   * "French and Egyptian warships", "U.S. and Russian negotiators": coordinated nationality adjectives
   * on one head are one actor per country, sharing the head's role (FRAMIL, EGYMIL).
   */
  private adjConjuncts(args: Arg[]): Arg[] {
    const t = this.t;
    let out: Arg[] | null = null;
    for (const a of args) {
      const ac = a.match?.actor;
      if (!ac || ac.length < 3 || ac.startsWith("---") || ac.startsWith("IGO") || ac.startsWith("NGO")) continue;
      for (const m of this.kids[a.head]) {
        if (this.rel(m) !== "amod" && this.rel(m) !== "compound") continue;
        const conj = this.kids[m].filter((k) => this.rel(k) === "conj" && (t.upos[k] === "ADJ" || t.upos[k] === "PROPN"));
        if (!conj.length) continue;
        for (const x of [m, ...conj]) {
          const mm = this.code(this.doc, t.start[x], t.end[x], this.ref);
          const c = mm?.actor;
          if (!c || c.length !== 3 || c.startsWith("---") || c === ac.slice(0, 3)) continue;
          out ??= [...args];
          if (out.some((o) => o.match?.actor?.slice(0, 3) === c)) continue;
          out.push({ head: a.head, start: t.start[x], end: a.end, match: { ...mm!, actor: c + ac.slice(3), confidence: (mm!.confidence ?? 1) * 0.8 } });
        }
      }
    }
    return out ?? args;
  }

  /**
   * "The ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost and Gondor": a role whose
   * country comes from a coordinated "of/in/from" phrase is one actor per country (ARNGOV, OSGGOV, GONGOV).
   */
  private countryConjuncts(args: Arg[]): Arg[] {
    const t = this.t;
    let out: Arg[] | null = null;
    for (const a of args) {
      const ac = a.match?.actor;
      if (!ac || ac.length <= 3 || ac.startsWith("---") || ac.startsWith("IGO") || ac.startsWith("NGO")) continue;
      const countryOf = (h: number) => this.kids[h].find((k) => this.base(k) === "nmod" && this.rel(k) !== "nmod:poss" && ["of", "in", "from"].includes(this.caseOf(k)));
      // "lawmakers and officials in Fornost and Gondor": the phrase on the first conjunct is the second's too
      const of = countryOf(a.head) ?? (this.rel(a.head) === "conj" ? countryOf(t.head[a.head]) : undefined);
      if (of === undefined) continue;
      const first = this.code(this.doc, t.start[of], t.end[of], this.ref)?.actor;
      if (first !== ac.slice(0, 3)) continue;
      for (const c of this.conjuncts(of).slice(1)) {
        const mm = this.code(this.doc, t.start[c], t.end[c], this.ref);
        const cc = mm?.actor;
        if (!cc || cc.length !== 3 || cc.startsWith("---")) continue;
        out ??= [...args];
        if (out.some((o) => o.match?.actor === cc + ac.slice(3))) continue;
        out.push({ head: c, start: t.start[c], end: t.end[c], match: { ...mm!, actor: cc + ac.slice(3), confidence: (mm!.confidence ?? 1) * 0.8 } });
      }
    }
    return out ?? args;
  }

  /** An actor in a prepositional modifier of c, breadth first, up to `depth` levels down. */
  private innerActor(c: number, v: number, depth: number): number {
    let level = [c];
    for (let d = 0; d < depth && level.length; d++) {
      const next: number[] = [];
      for (const x of level) {
        for (const k of this.kids[x]) {
          // "the parade supporting Gondor", "memos sent by Bree": look through a participle modifier
          if (this.rel(k) === "acl" && /^VB[GN]$/.test(this.t.xpos[k])) {
            for (const a of this.kids[k]) {
              const r = this.rel(a);
              if ((r === "obj" || r === "dobj" || r === "obl:agent" || ((this.base(a) === "obl" || this.base(a) === "nmod") && (this.caseOf(a) === "by" || this.caseOf(a) === "from"))) && this.arg(a, v)?.match?.actor) return a;
            }
            continue;
          }
          if (this.base(k) !== "nmod" || this.rel(k) === "nmod:poss") continue;
          const p = this.caseOf(k);
          if (TARGET_PREPS.has(p) || p === "by") {
            const b = this.arg(k, v);
            if (b?.match?.actor && !placePhrase(p, b.match)) return k;
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
    // ", according to the US government" attached as a conjunct is the source of the report, not a party
    for (let q = 0; q < out.length; q++) for (const k of this.kids[out[q]]) if (this.rel(k) === "conj" && this.t.upos[k] !== "VERB" && !this.kids[k].some((c) => this.rel(c) === "case" && PREP_PARTICIPLE.has(this.lowerForm(c)))) out.push(k);
    if (out.length > 1) {
      // "Mordor, Rohan, Fornost and Bree": list members the parser attached as appositions
      for (const x of [...out]) for (const k of this.kids[x]) if ((this.rel(k) === "appos" || this.rel(k) === "list") && this.t.upos[k] === "PROPN" && !out.includes(k)) out.push(k);
      out.sort((a, b) => a - b);
    }
    return out;
  }

  /** The actor phrase headed by h, coded; pronouns resolved; apposition and "of/from/in" nmods tried. */
  private arg(h: number, v: number): Arg | null {
    const t = this.t;
    const doc = this.doc;
    if (h < this.datelineEnd && t.sentence[h] === t.sentence[v]) {
      for (const k of this.kids[h]) if (k >= this.datelineEnd && (this.rel(k) === "appos" || this.rel(k) === "conj" || this.rel(k) === "dep")) return this.arg(k, v);
      return null;
    }
    const f = t.form[h].toLowerCase();
    if (t.upos[h] === "PRON" || FIRST_PERSON.has(f) || THIRD_PERSON.has(f)) {
      if (FIRST_PERSON.has(f)) {
        const sp = this.speakerOf(v);
        if (sp) return sp;
      }
      if (f === "it" || THIRD_PERSON.has(f)) {
        // "Japan said it had halted aid": the subject of the reporting verb
        const rep = this.reporterOf(h);
        if (rep) return rep;
        // "At the start of his meeting with Lavrov, Tillerson said": the sentence's subject, else the last actor
        if (f !== "it") {
          const si = t.sentence[h];
          const sen = doc.sentences[si];
          for (let r = sen.tokenStart; r < sen.tokenEnd; r++) {
            if (t.head[r] !== -1) continue;
            const rs = this.subjectOf(r);
            if (rs >= 0 && rs !== h && t.upos[rs] !== "PRON") {
              const a = this.argNoPron(rs);
              if (a) return a;
            }
          }
        }
        const sp = f === "it" ? null : this.lastActor;
        if (sp) return { ...sp, head: sp.head };
      }
      return null;
    }
    // an event noun is not a party ("lodged an official protest with Albania": the target is Albania)
    if (t.upos[h] === "NOUN" && this.coder.lexicon.entries("N", this.lemma(h))) return null;
    const [s, e] = this.npSpan(h);
    let m = this.code(doc, s, e, this.ref);
    // a role read off a modifier is not the phrase's referent ("all official contact", "military exercises")
    if (this.modifierRole(m, h)) m = null;
    if (!m?.actor) {
      // apposition, then "a mission from the OPCW", "lawmakers in Arnor", "the government of Gondor"
      for (const k of this.kids[h]) {
        const r = this.rel(k);
        if (r === "appos" || (r.split(":")[0] === "nmod" && ["from", "of", "in"].includes(this.caseOf(k)))) {
          const [s2, e2] = this.npSpan(k);
          const m2 = this.code(doc, Math.min(s, s2), Math.max(e, e2), this.ref) ?? null;
          const m3 = m2?.actor ? m2 : this.code(doc, s2, e2, this.ref);
          if (m3?.actor && !placePhrase(this.caseOf(k), m3)) {
            m = m3;
            break;
          }
        }
      }
    }
    if (!m?.actor && SUBJ.has(this.rel(h))) {
      // a subject phrase with its modifiers ("a fact-finding mission from the Organisation for the ... (OPCW)")
      const [s3, e3] = this.fullSpan(h);
      if (e3 - s3 > e - s) {
        const m3 = this.code(doc, s3, e3, this.ref);
        if (m3?.actor) m = m3;
      }
    }
    if (m?.actor?.startsWith("---")) {
      // a role without a country: take the country of "in/of/from X", or of the first conjunct ("Danish media and government")
      let country: string | null = null;
      for (const k of this.kids[h]) {
        if (this.base(k) === "nmod" && ["in", "of", "from"].includes(this.caseOf(k))) {
          const [s2, e2] = this.npSpan(k);
          const m2 = this.code(doc, s2, e2, this.ref);
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

  /**
   * A role without a country read off an adjective is not the phrase's referent: "all official contact",
   * "terrorist activities" (the head noun alone names no actor; a compound does: "intelligence agencies").
   */
  private modifierRole(m: ActorMatch | null, head: number): boolean {
    const t = this.t;
    return !!m?.actor?.startsWith("---") && t.upos[head] === "NOUN" && !this.kids[head].some((k) => this.rel(k) === "compound") &&
      !this.code(this.doc, t.start[head], t.end[head], this.ref)?.actor;
  }

  /**
   * Token bounds [lo, hi] of the part of h's subtree that `include` lets in:
   * it sees each dependent k of x with its relation and the bounds so far.
   */
  private subtreeBounds(h: number, include: (x: number, k: number, r: string, lo: number, hi: number) => boolean): [number, number] {
    let lo = h;
    let hi = h;
    const stack = [h];
    while (stack.length) {
      const x = stack.pop()!;
      for (const k of this.kids[x]) {
        if (!include(x, k, this.rel(k), lo, hi)) continue;
        if (k < lo) lo = k;
        if (k > hi) hi = k;
        stack.push(k);
      }
    }
    return [lo, hi];
  }

  /** Span of h's subtree without clauses, conjuncts and trailing punctuation. */
  private fullSpan(h: number): [number, number] {
    const t = this.t;
    let [lo, hi] = this.subtreeBounds(h, (x, k, r, lo, hi) => {
      if (r === "acl:relcl" || r === "acl" || r === "conj" || r === "cc" || (x === h && r === "case")) return false;
      return !(r === "punct" && (k < lo || k > hi) && !/^[()]$/.test(t.form[k]));
    });
    while (lo < hi && (t.upos[lo] === "ADP" || t.upos[lo] === "DET" || t.upos[lo] === "PUNCT")) lo++;
    while (hi > lo && t.upos[hi] === "PUNCT" && t.form[hi] !== ")") hi--;
    return [t.start[lo], t.end[hi]];
  }

  /** Character span of the noun phrase headed by h (modifiers, compounds, names; no clauses). */
  private npSpan(h: number): [number, number] {
    const t = this.t;
    let [lo, hi] = this.subtreeBounds(h, (x, k, r) => {
      const keep = NP_KEEP.has(r) || (r.startsWith("nmod") && r !== "nmod:poss" && this.caseOf(k) === "of" && k > x) || r === "nmod:poss";
      // no leading preposition of an oblique: the phrase is the noun's
      return keep && !(r === "case" && x === h);
    });
    // drop a leading determiner/preposition (a capitalised "determiner" is a mis-tagged name: "Osgiliath soldiers")
    while (lo < hi && (t.upos[lo] === "ADP" || (t.upos[lo] === "DET" && !/^[A-Z][a-z]/.test(t.form[lo]) || (t.upos[lo] === "DET" && DETERMINERS.has(this.lowerForm(lo)))) || t.upos[lo] === "PUNCT")) lo++;
    while (hi > lo && t.upos[hi] === "PUNCT") hi--;
    // capitalised modifiers just before the phrase that the parser attached elsewhere ("German Foreign Minister ...")
    const s0 = this.doc.sentences[t.sentence[h]].tokenStart;
    while (lo > s0 && lo > this.datelineEnd && (t.upos[lo - 1] === "ADJ" || t.upos[lo - 1] === "PROPN") && /^[A-Z]/.test(t.form[lo - 1]) && t.head[lo - 1] !== h && (t.upos[t.head[lo - 1]] === "VERB" || t.head[lo - 1] > hi)) lo--;
    // a possessor the parser attached to the verb ("Taiwan's Vice Foreign Minister visited")
    if (lo - 2 >= s0 && lo - 2 >= this.datelineEnd && /^['’]s$/.test(t.form[lo - 1]) && t.upos[lo - 2] === "PROPN" && t.upos[t.head[lo - 2]] === "VERB") lo -= 2;
    return [t.start[lo], t.end[hi]];
  }

  // --------------------------------------------------------------- modality
  private isNegated(v: number): boolean {
    for (const k of this.kids[v]) {
      const r = this.rel(k);
      if ((r === "advmod" || r === "neg" || r === "det" || r === "cc:preconj") && NEG.has(this.t.form[k].toLowerCase())) return true;
      // "Neither Galadriel nor Gollum boycotted the parade" (the "neither" on the subject or, misparsed, on the verb)
      if (r === "cc" && k < v && this.lowerForm(k) === "neither") return true;
      if (SUBJ.has(r) && this.kids[k].some((c) => this.rel(c) === "cc:preconj" && this.lowerForm(c) === "neither")) return true;
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
      // parsers often attach "threatened to break ..." as advcl: read it as the complement it is
      const comp = r === "xcomp" || (r === "advcl" && this.markOf(g) === "to" && (FUTURE_GOV.has(hl) || NEG_GOV.has(hl) || DIRECTIVE.has(hl)));
      if (comp && NEG_GOV.has(hl)) return "negated";
      if (comp && DIRECTIVE.has(hl)) return "hypothetical";
      if (comp && (FUTURE_GOV.has(hl) || FUTURE_AUX.has(hl))) { future = true; break; }
      // "will continue to demand", "has not stopped shelling": the governing verb's auxiliaries and negation
      if (comp) {
        if (this.isNegated(h)) return "negated";
        if (this.kids[h].some((k) => this.rel(k) === "aux" && FUTURE_AUX.has(t.form[k].toLowerCase()))) { future = true; break; }
      }
      // the content of a demand, appeal or proposal is not (yet) an act: "demanded that Hamas renounce ..."
      if ((r === "ccomp" || r === "xcomp") && DIRECTIVE.has(hl)) return "hypothetical";
      if (r === "xcomp" && (FUTURE_GOV.has(hl) || FUTURE_AUX.has(hl))) { future = true; break; }
      if (r === "advcl" && this.markOf(g) === "if") { cond = true; break; }
      if ((r === "advcl" || r === "acl") && this.markOf(g) === "to") { future = true; break; }
      if ((r === "ccomp" || r === "xcomp") && ALLEGE.has(hl)) { alleged = true; break; }
      if (r === "ccomp" && (hl === "hope" || hl === "want" || hl === "expect" || hl === "plan")) { future = true; break; }
      if (r === "acl:relcl" || r === "advcl" || r === "ccomp" || r === "parataxis" || r === "root") break;
      g = h;
    }
    // "X said it would boycott ...": would in reported speech is a future in the past, an announced act
    if (hasWould && !cond && this.reportedWould(x)) return "future";
    if (cond || hasWould) return "hypothetical";
    if (alleged) return "alleged";
    if (future) return "future";
    return "asserted";
  }

  // ------------------------------------------------------------------ nouns
  private noun(n: number, si: number, out: Candidate[]): void {
    // a plural-only trigger ("talks", "negotiations") is listed by its form: its lemma means another thing
    const entries = this.coder.lexicon.entries("N", this.lowerForm(n)) ?? this.coder.lexicon.entries("N", this.lemma(n));
    if (!entries) return;
    const t = this.t;
    // "staged a hunger strike in protest against ...": a bare "in protest" states the purpose of the clause's
    // own act, which is coded; it has no parties of its own
    if (this.caseOf(n) === "in" && !this.kids[n].some((k) => this.rel(k) === "det" || this.rel(k) === "nmod:poss")) return;
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
    const violent = /^(18|19|20)/.test(choice.code);
    if (!src && !violent) {
      // "the Putin-Tillerson meeting" tokenised apart: each coded compound is a party
      const parts: Arg[] = [];
      // compounds of the noun and compounds of those ("Putin - Tillerson meeting" parsed as a chain)
      const comps: number[] = [];
      for (const k of this.kids[n]) if (k < n && this.rel(k) === "compound") {
        for (const kk of this.kids[k]) if (kk < k && this.rel(kk) === "compound") comps.push(kk);
        comps.push(k);
      }
      for (const k of comps) {
        for (const c of this.conjuncts(k)) {
          const m = this.code(this.doc, t.start[c], t.end[c], this.ref);
          if (m?.actor) parts.push({ head: c, start: t.start[c], end: t.end[c], match: m });
        }
      }
      if (parts.length >= 2) {
        src = parts[0];
        tgts = parts.slice(1);
      }
    }
    if (!src && !violent) {
      // "talks between the Russian foreign minister and the US secretary of state": the first is the source
      for (const k of this.kids[n]) {
        if (this.base(k) !== "nmod" || this.caseOf(k) !== "between") continue;
        const parts = this.conjuncts(k).map((c) => this.arg(c, n)).filter((a): a is Arg => !!a?.match?.actor);
        if (parts.length >= 2) {
          src = parts[0];
          tgts = parts.slice(1);
          break;
        }
      }
    }
    if (!src && !violent) {
      for (const k of this.kids[n]) {
        if (k > n) continue;
        const r = this.rel(k);
        if (r !== "compound" && r !== "amod" && r !== "nmod:poss") continue;
        const parts = this.hyphenParts(k);
        if (parts.length >= 2) {
          const ms = parts.map(([a, b]) => ({ head: k, start: a, end: b, match: this.code(this.doc, a, b, this.ref) }));
          if (ms[0].match?.actor) {
            src = ms[0];
            tgts = ms.slice(1).filter((m) => m.match?.actor);
            break;
          }
        }
        const a = { head: k, start: t.start[k], end: t.end[k], match: this.code(this.doc, t.start[k], t.end[k], this.ref) };
        if (a.match?.actor) {
          src = a;
          break;
        }
      }
    }
    // "Italy announced a suspension of air links", "held talks", "launched an attack": the light verb's subject
    let light = -1;
    if (!src && t.head[n] >= 0 && (this.rel(n) === "obj" || this.rel(n) === "dobj") && LIGHT.has(this.lemma(t.head[n]))) {
      light = t.head[n];
      const ls = this.isPassive(light) ? this.agentOf(light) : this.logicalSubject(light);
      if (ls >= 0) {
        const a = this.arg(ls, light);
        if (a?.match?.actor) src = a;
      }
    }
    if (!src) return;
    if (!tgts.length && light >= 0) {
      for (const k of this.kids[light]) {
        const b = this.base(k);
        if ((b === "obl" || b === "nmod") && TARGET_PREPS.has(this.caseOf(k)) && !this.isTime(k)) {
          // "renewed negotiations on an Israeli troop pullback": what talks are about is not a party to them
          if (TOPIC_PREPS.has(this.caseOf(k)) && TALK_ROOTS.has(choice.code.slice(0, 2))) continue;
          const a = this.arg(k, light);
          if (a?.match?.actor && a.start !== src.start) { tgts = [a]; break; }
        }
      }
    }
    if (!tgts.length) {
      for (const k of this.kids[n]) {
        if (this.base(k) !== "nmod" || this.rel(k) === "nmod:poss") continue;
        const c = this.caseOf(k);
        if (c === "by" || !TARGET_PREPS.has(c)) continue;
        // "a meeting on Syria", "talks about trade": what a meeting or pledge is about is not a party to it
        if (TOPIC_PREPS.has(c) && TALK_ROOTS.has(choice.code.slice(0, 2))) continue;
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
      // the verb's own context: "would be ready to host a meeting between ..." is no meeting yet
      else if (light < 0 && this.rel(n) === "obj" && t.upos[h] === "VERB") modality = this.modality(h, false);
    }
    if (light >= 0 && modality === "asserted") modality = this.modality(light, this.isNegated(light));
    const intent = light >= 0 && modality === "future" && this.announced(light);
    const date = this.dateOf(light >= 0 ? light : n, si, modality === "future");
    const conf = 0.5 + Math.min(0.2, choice.spec * 0.04);
    if (!tgts.length) out.push(this.cand(n, choice.code, src, null, modality, conf, date, si, null, intent));
    for (const tg of tgts) out.push(this.cand(n, choice.code, src, tg, modality, conf + 0.05, date, si, null, intent));
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
  /** For a pronoun subject inside a reported clause: the reporting verb's coded subject. */
  private reporterOf(p: number): Arg | null {
    const t = this.t;
    let x = t.head[p];
    for (let q = 0; q < 4 && x >= 0; q++) {
      const r = this.rel(x);
      const h = t.head[x];
      if (h < 0) return null;
      if ((r === "ccomp" || (r === "advcl" && x < h)) && (SAY.has(this.lemma(h)) || REPORT.has(this.lemma(h)))) {
        const s = this.subjectOf(h);
        if (s >= 0 && t.upos[s] !== "PRON") return this.argNoPron(s);
        return null;
      }
      // a "that" clause the parser hung on a noun ("announced Thursday that it has called off ..."):
      // the reporting verb above it
      if (this.markOf(x) === "that" && r !== "acl:relcl") {
        let y = h;
        for (let z = 0; z < 2 && y >= 0; z++) {
          if (t.upos[y] === "VERB" && (SAY.has(this.lemma(y)) || REPORT.has(this.lemma(y)))) {
            const s = this.subjectOf(y);
            return s >= 0 && t.upos[s] !== "PRON" ? this.argNoPron(s) : null;
          }
          y = t.head[y];
        }
      }
      if (r !== "xcomp" && r !== "conj") return null;
      x = h;
    }
    return null;
  }

  /** The speaker whose speech contains token v ("Lavrov said Washington had ..."). */
  private speakerOf(v: number): Arg | null {
    const t = this.t;
    let x = v;
    for (let q = 0; q < 8 && x >= 0; q++) {
      const h = t.head[x];
      const r = this.rel(x);
      if (h >= 0 && (r === "ccomp" || r === "parataxis" || (r === "advcl" && x < h)) && SAY.has(this.lemma(h)) && h !== v) {
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
    const m = this.code(this.doc, s, e, this.ref);
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
