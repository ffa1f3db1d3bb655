import type { Doc, Span } from "../../model/index.js";
import type { CueEntry, CueForm, CueLexicon } from "./lexicon.js";
import { datelineLength } from "../../nlp/dateline.js";
import { findMarkedQuotes, type MarkedQuote } from "./marks.js";
import { AUX_ADV, DETERMINERS, isTimeWord, NP_STOP_LEFT, OBJECT_FIRST, PREPOSITIONS, PRONOUNS, ROLE_NOUNS } from "./words.js";

/** A token range [a, b). */
export type TokRange = [number, number];

/** An attribution found in the text, before its speaker is resolved. */
export interface Candidate {
  start: number;
  end: number;
  direct: boolean;
  cue: TokRange | null;
  entry: CueEntry | null;
  /** The speaker mention (token range), or null. */
  source: TokRange | null;
  /** A cue-less quote inside a sentence (scare quotes, titles): kept only as part of an indirect attribution. */
  weak?: boolean;
  /** Source taken from an earlier attribution in the sentence ("..., adding that"). */
  inherited?: boolean;
  fragments?: Span[];
}

const QUOTE_CHARS = new Set(["''", "``", '"', "“", "”", "‘", "’", "«", "»", "„", "‹", "›"]);
const SENT_END = new Set([".", "!", "?"]);
const TRAIL_PUNCT = new Set([".", "!", "?", ";", ":", ",", "-", "—", "–"]);
/** Words that open a sentence before its subject ("But", "Still,"). */
const LEADERS = new Set(["but", "and", "so", "still", "yet", "however", "meanwhile", "also", "then", "now", "instead", "indeed", "later", "earlier", "or"]);
/** Determiners that may open a speaker phrase. */
const NP_DETERMINERS = new Set(["the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many", "most", "several", "both", "all", "two", "three", "few", "other", "another", "one", "each", "every", "no", "more", "such"]);
const NOMINAL_UPOS = new Set(["PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART", "ADP", "CCONJ", "PUNCT"]);
const HEAD_START_UPOS = new Set(["PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"]);
/** A colon that introduces a quote after a sentence without a cue word. */
const COLON_CUE: CueEntry = { cue: ":", kind: "speech", tone: "neutral", frame: "clause" };
/** A speech verb found by its position, not in the lexicon. */
const UNLISTED_CUE: CueEntry = { cue: "(unlisted)", kind: "speech", tone: "-", frame: "clause" };
/** Words that open a subordinate clause before the main subject ("While Trump spoke, ..."). */
const SUBORDINATORS = new Set(["while", "because", "if", "when", "although", "though", "as", "since", "once", "unless", "whether", "despite", "whereas", "until", "even"]);
/** Labels that open a headline without naming a speaker ("The Latest: ...", "EXCLUSIVE: ..."). */
const HEADLINE_LABELS = new Set(["latest", "update", "updated", "breaking", "exclusive", "watch", "video", "analysis", "opinion", "editorial", "live", "photos", "review", "explainer", "factbox", "timeline", "correction", "related", "read", "more", "note", "editor's", "photo", "graphic"]);
const NOT_VERB_UPOS = new Set(["NOUN"]);
const DASHES = new Set(["―", "—", "–", "-", "--"]);
/** A quote signed by a dash and a name. */
const SIGNATURE_CUE: CueEntry = { cue: "―", kind: "speech", tone: "neutral", frame: "clause" };
/** Prepositions that may continue a speaker phrase after a quote ("a narrator in the ad"). */
const NP_TAIL_PREP = new Set(["in", "of", "for", "at", "from", "with", "on"]);
/** Nouns for findings that speak for themselves ("in the latest poll"). */
const REPORT_NOUNS = new Set(["poll", "polls", "survey", "surveys", "average", "study", "studies", "analysis", "report", "reports", "findings", "data", "tally", "count", "projections", "forecast", "model"]);
const POLL_CUE: CueEntry = { cue: "in", kind: "report", tone: "neutral", frame: "prep" };
/** Dependents that belong to a subject's name phrase. */
const NP_DEPRELS = new Set(["compound", "flat", "flat:name", "det", "amod", "nmod:poss", "case", "nummod", "det:poss"]);
const PARTICIPLE_ONLY = new Set(["known", "expected", "shown", "seen"]);
const HAVE = new Set(["has", "have", "had", "'ve", "having"]);
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "been", "be", "being", "'s"]);

/**
 * Where attributions are looked for: the body, and the title too unless the
 * body repeats it (a headline such as "Lynch: No outside influence on FBI
 * probe" is an attribution of its own; a repeated one would count twice).
 */
export function quoteStart(doc: Doc): number {
  if (doc.bodyStart <= 0) return 0;
  const title = doc.text.slice(0, doc.bodyStart).trim();
  const body = doc.text.slice(doc.bodyStart).trimStart();
  return title && body.startsWith(title) ? doc.bodyStart : 0;
}

/** Per-document view of the token layer with the few derived arrays the rules need. */
class View {
  readonly lower: string[];
  readonly form: string[];
  readonly punct: Uint8Array;
  readonly cap: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly n: number;
  /** Index of the marked quote each token lies inside (-1 outside). */
  readonly inQuote: Int32Array;

  constructor(readonly doc: Doc, readonly quotes: MarkedQuote[]) {
    const t = doc.tokens;
    this.n = t.count;
    this.form = t.form;
    this.lower = t.form.map((f) => f.toLowerCase().replace(/’/g, "'"));
    this.start = t.start;
    this.end = t.end;
    this.punct = new Uint8Array(this.n);
    this.cap = new Uint8Array(this.n);
    this.inQuote = new Int32Array(this.n).fill(-1);
    for (let i = 0; i < this.n; i++) {
      const f = t.form[i];
      if (!/[\p{L}\p{N}]/u.test(f)) this.punct[i] = 1;
      if (/^\p{Lu}/u.test(f)) this.cap[i] = 1;
    }
    let q = 0;
    for (let i = 0; i < this.n; i++) {
      while (q < quotes.length && quotes[q].innerEnd <= t.start[i]) q++;
      if (q < quotes.length && t.start[i] >= quotes[q].innerStart && t.end[i] <= quotes[q].innerEnd) this.inQuote[i] = q;
    }
  }

  /** First token of sentence `si` after its dateline, if it opens with one ("LUCCA, Italy (AP) - ..."). */
  afterDateline(si: number): number {
    const s = this.doc.sentences[si];
    if (!s) return 0;
    const dl = datelineLength(this.doc.text, s.start, s.end);
    return dl ? Math.min(s.tokenEnd, Math.max(s.tokenStart, this.tokenFrom(s.start + dl))) : s.tokenStart;
  }

  /** First token starting at or after character `pos`. */
  tokenFrom(pos: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A quotation mark token (not a possessive apostrophe glued to its word: "Sanders’"). */
  isQuote(i: number): boolean {
    const f = this.form[i];
    if (!QUOTE_CHARS.has(f)) return false;
    if ((f === "’" || f === "'") && i > 0 && this.end[i - 1] === this.start[i] && !this.punct[i - 1]) return false;
    return true;
  }

  /** True when a line break lies between tokens a and b (a < b). */
  breakBetween(a: number, b: number): boolean {
    return this.doc.text.slice(this.end[a], this.start[b]).includes("\n");
  }
}

export class AttributionFinder {
  /** The view of the document last searched (reused to resolve its relative pronouns). */
  private lastView: View | null = null;

  constructor(private readonly lex: CueLexicon) {}

  find(doc: Doc): Candidate[] {
    const from = quoteStart(doc);
    const quotes = findMarkedQuotes(doc.text).filter((q) => q.start >= from);
    const v = new View(doc, quotes);
    this.lastView = v;
    const usedCue = new Set<number>();
    const direct = this.directQuotes(v, quotes, usedCue);
    const indirect = this.indirect(v, usedCue, direct);
    return this.merge(direct, indirect);
  }

  // ---------- cue matching ----------

  /** The cue starting at token i, unless the word is used as a noun or a name. */
  cueAt(v: View, i: number, sentStart: number, end: number, titleCase = false): CueForm | null {
    if (v.punct[i]) return null;
    const f = this.lex.match(v.lower, i, end);
    if (!f) return null;
    if (v.cap[i] && i !== sentStart && !titleCase && !(i > 0 && QUOTE_CHARS.has(v.form[i - 1]))) return null;
    if (i > sentStart && DETERMINERS.has(v.lower[i - 1]) && f.entry.frame !== "prep") return null;
    // with a tagger: a cue word tagged as a noun or adjective is not a cue ("the attacks", "his comments")
    const up = v.doc.tokens.upos[i];
    if (up && f.entry.frame !== "prep" && f.words.length === 1 && NOT_VERB_UPOS.has(up)) return null;
    // "will continue to demand that ...": before an infinitive that is itself a cue, that cue speaks
    const after = i + f.words.length;
    if (after + 1 < end && v.lower[after] === "to" && this.lex.match(v.lower, after + 1, end)) return null;
    // part of a hyphenated word: "so-called", "self-described"
    if (i > 0 && v.end[i - 1] === v.start[i] && (v.form[i - 1] === "-" || !v.punct[i - 1])) return null;
    if (f.entry.frame !== "prep" && i + f.words.length < end && v.lower[i + f.words.length] === "of" && f.words.length === 1 && f.entry.kind !== "speech") return null;
    return f;
  }

  // ---------- noun phrases ----------

  /** True when tokens from..(the next comma or `end`) are a short noun phrase without a verb. */
  private bareNounPhrase(v: View, from: number, end: number): boolean {
    const up = v.doc.tokens.upos;
    let k = from;
    while (k < end && v.form[k] !== ",") {
      if (up[k] === "VERB" || up[k] === "AUX" || up[k] === "SCONJ" || up[k] === "PRON" || QUOTE_CHARS.has(v.form[k])) return false;
      k++;
    }
    return k > from && k - from <= 4 && (up[k - 1] === "NOUN" || up[k - 1] === "PROPN");
  }

  /** The subject noun phrase left of token i (exclusive), skipping auxiliaries, appositives and relative clauses. */
  subjectLeft(v: View, i: number, ts: number): TokRange | null {
    let j = i - 1;
    if (j >= ts && v.lower[j] === "to") {
      // "declined to comment", "went on to say": skip the governing verb
      j -= 2;
      while (j >= ts && AUX_ADV.has(v.lower[j])) j--;
    }
    while (j >= ts && AUX_ADV.has(v.lower[j])) j--;
    if (j < ts) return null;
    // relative clauses: "a senator who warned that ..." (the relative pronoun stands for the speaker)
    if (v.lower[j] === "who" || v.lower[j] === "which" || (v.lower[j] === "that" && j > ts && !v.punct[j - 1])) return [j, j + 1];
    if (v.form[j] === ",") {
      // "Putin, who ..., insisted" / "Peskov, the Kremlin spokesman, said"
      let k = j - 1;
      let steps = 0;
      while (k >= ts && v.form[k] !== "," && steps < 25) {
        k--;
        steps++;
      }
      if (k < ts || v.form[k] !== ",") return null;
      const head = this.npLeft(v, k, ts);
      if (!head) return null;
      return head;
    }
    return this.npLeft(v, j + 1, ts);
  }

  /** Noun phrase ending just before token b, walking left. */
  npLeft(v: View, b: number, ts: number): TokRange | null {
    while (b - 2 >= ts && isTimeWord(v.lower[b - 1])) b--;
    let a = b;
    while (a - 1 >= ts && b - (a - 1) <= 10) {
      const k = a - 1;
      const w = v.lower[k];
      const f = v.form[k];
      if (v.punct[k]) {
        if ((f === "-" || f === "&" || f === "." || f === "'s" || f === "’s") && a < b) {
          a--;
          continue;
        }
        if (f === ")" && a === b) {
          // "Rep. Paul Ryan (R-WI) said": step over a short bracket
          let o = k - 1;
          while (o >= ts && k - o < 8 && v.form[o] !== "(") o--;
          if (o >= ts && v.form[o] === "(" && o > ts) {
            a = o;
            b = o;
            continue;
          }
        }
        break;
      }
      if (NP_STOP_LEFT.has(w)) {
        if ((w === "and" || w === "&") && a < b && v.cap[a] && k - 1 >= ts && v.cap[k - 1]) {
          a--;
          continue;
        }
        break;
      }
      if (a < b && (!v.cap[k] || k === ts) && this.lex.byFirst.has(w) && !DETERMINERS.has(w)) break;
      if (PRONOUNS.has(w)) {
        if (a === b) a--;
        break;
      }
      a--;
    }
    while (a < b && v.punct[a]) a++;
    if (a >= b) return null;
    return this.nominal(v, a, b, ts);
  }

  /**
   * Keeps the part of [a, b) that looks like a noun phrase: with a tagger,
   * nominal words only; without one, from the leftmost determiner, name,
   * pronoun or number, or a short plural/role noun ("officials"). Null when
   * nothing looks nominal (a verb phrase such as "lately started").
   */
  nominal(v: View, a: number, b: number, ts: number): TokRange | null {
    const upos = v.doc.tokens.upos;
    if (upos[b - 1]) {
      let p = b;
      while (p > a && NOMINAL_UPOS.has(upos[p - 1])) p--;
      if (p === b) return null;
      while (p < b && !HEAD_START_UPOS.has(upos[p])) p++;
      return p < b ? [p, b] : null;
    }
    // a lower-case past-tense verb ("Russia vetoed a resolution") ends the phrase on its left
    for (let p = b - 2; p > a; p--) {
      const w = v.lower[p];
      if (!v.cap[p] && /[a-z]{2}ed$/.test(w) && !NP_DETERMINERS.has(v.lower[p - 1]) && !DETERMINERS.has(v.lower[p - 1])) {
        a = p + 1;
        break;
      }
    }
    for (let p = a; p < b; p++) {
      const w = v.lower[p];
      const capital = v.cap[p] && !(p === ts && this.lex.byFirst.has(w));
      if (capital || PRONOUNS.has(w) || NP_DETERMINERS.has(w) || /^\d/.test(w)) return [p, b];
    }
    const last = v.lower[b - 1];
    if (b - a <= 3 && (/[^s']s$/.test(last) || ROLE_NOUNS.has(last))) return [a, b];
    return null;
  }

  /** Noun phrase starting at token a, walking right (the source after an inverted cue: "said Lavrov"). */
  npRight(v: View, a: number, te: number): TokRange | null {
    let b = a;
    while (b < te && b - a < 10) {
      const w = v.lower[b];
      if (v.punct[b] && !(v.form[b] === "-" || v.form[b] === "&" || v.form[b] === "'s" || v.form[b] === "’s")) break;
      if (b > a && (PREPOSITIONS.has(w) && w !== "of")) break;
      if (b > a && (w === "that" || w === "who" || w === "which" || w === "and" && !v.cap[b + 1])) break;
      if (b > a && PRONOUNS.has(v.lower[a])) break;
      if (b > a && !v.cap[b] && (AUX_ADV.has(w) || this.lex.byFirst.has(w) || (/[a-z]{2}ed$/.test(w) && !NP_DETERMINERS.has(v.lower[b - 1])))) break;
      b++;
    }
    if (b === a) return null;
    return [a, b];
  }

  /** Strips trailing punctuation tokens from [a, b) and returns its character span. */
  charSpan(v: View, a: number, b: number): Span | null {
    while (b > a && TRAIL_PUNCT.has(v.form[b - 1])) b--;
    while (a < b && (v.form[a] === "," || v.form[a] === ":" || v.form[a] === "-" || v.form[a] === "—")) a++;
    if (b <= a) return null;
    return { start: v.start[a], end: v.end[b - 1] };
  }

  // ---------- direct quotes ----------

  private directQuotes(v: View, quotes: MarkedQuote[], usedCue: Set<number>): Candidate[] {
    const doc = v.doc;
    const out: Candidate[] = [];
    const consumed = new Set<number>();
    for (let qi = 0; qi < quotes.length; qi++) {
      if (consumed.has(qi)) continue;
      const q = quotes[qi];
      const inner = doc.text.slice(q.innerStart, q.innerEnd);
      const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words === 0) continue;
      const cand: Candidate = { start: q.start, end: q.end, direct: true, cue: null, entry: null, source: null };
      // after: `"...," Lavrov said` / `"...", said Lavrov`
      const after = this.cueAfter(v, q, quotes);
      let lastTok = -1;
      if (after) {
        cand.cue = after.cue;
        cand.entry = after.entry;
        cand.source = after.source;
        lastTok = after.last;
      } else {
        const before = this.cueBefore(v, q);
        if (before) {
          cand.cue = before.cue;
          cand.entry = before.entry;
          cand.source = before.source;
        }
      }
      if (cand.cue) for (let k = cand.cue[0]; k < cand.cue[1]; k++) usedCue.add(k);
      // interrupted quote: `"We will insist," Lavrov said, "on the immediate dispatch"`
      if (after && lastTok >= 0 && qi + 1 < quotes.length) {
        // the quote continues after its attribution clause, in the same paragraph:
        // `"The most powerful lie contains truth," said Craig Varoga, a strategist. "Whether it's ..."`
        // (skipping short titles inside the clause: `said during an interview on CNN's "State of the Union" Sunday.`)
        let ni = qi + 1;
        const shortTitle = (m: MarkedQuote) => doc.text.slice(m.innerStart, m.innerEnd).split(/\s+/).length <= 5 && !/[.!?,]$/.test(doc.text.slice(m.innerStart, m.innerEnd));
        while (ni + 1 < quotes.length && shortTitle(quotes[ni]) && !doc.text.slice(q.end, quotes[ni].start).includes("\n") && quotes[ni].start - q.end < 150) ni++;
        const nxt = quotes[ni];
        const gap = doc.text.slice(v.end[lastTok], nxt.start);
        const clauseEnd = /[,.:;!?—–-]\s*$/.test(gap) || /^\s*$/.test(gap);
        if (!gap.includes("\n") && gap.length < 200 && clauseEnd && !this.cueAfter(v, nxt, quotes)) {
          cand.fragments = [{ start: q.start, end: q.end }, { start: nxt.start, end: nxt.end }];
          cand.end = nxt.end;
          for (let k = qi + 1; k <= ni; k++) consumed.add(k);
        }
      }
      if (!cand.cue) {
        // a transcript line: "PENCE: Well, the question really should be ..."
        const sp = /^\s*([A-Z][A-Z.'’ -]{1,40}[A-Z]):\s/.exec(inner);
        if (sp) {
          const a = v.tokenFrom(q.innerStart + sp.index + sp[0].indexOf(sp[1]));
          const colonTok = v.tokenFrom(q.innerStart + sp.index + sp[0].lastIndexOf(":"));
          if (a < colonTok) {
            cand.cue = [colonTok, colonTok + 1];
            cand.entry = COLON_CUE;
            cand.source = [a, colonTok];
          }
        }
      }
      if (!cand.cue) {
        // without a cue, keep only quotes that stand as sentences of their own (not scare quotes)
        const lineStart = doc.text.lastIndexOf("\n", q.start - 1) + 1;
        const before = doc.text.slice(lineStart, q.start).trim();
        const standalone = before === "" || /[.!?:]$/.test(before);
        if (!(standalone && words >= 3)) {
          // may still be the content of an indirect cue earlier in the sentence
          cand.weak = true;
        } else if (before === "") {
          // a quote paragraph introduced by the previous one ("Cruz said in a statement:")
          // or continuing the previous paragraph's quoted speaker
          const intro = this.paragraphIntro(v, lineStart);
          if (intro) {
            cand.cue = intro.cue;
            cand.entry = intro.entry;
            cand.source = intro.source;
          } else {
            const prev = out[out.length - 1];
            if (prev && prev.source && prev.cue && prev.direct && this.previousParagraphStart(doc.text, lineStart) <= prev.start) {
              cand.cue = prev.cue;
              cand.entry = prev.entry;
              cand.source = prev.source;
              cand.inherited = true;
            }
          }
        } else {
          // a quoted sentence after another attributed quote of the same paragraph: `He added, "X." "Y."`
          const prev = out[out.length - 1];
          if (prev && prev.source && prev.cue && prev.direct && prev.end >= lineStart && prev.end <= q.start) {
            cand.cue = prev.cue;
            cand.entry = prev.entry;
            cand.source = prev.source;
            cand.inherited = true;
          }
        }
      }
      out.push(cand);
    }
    return out;
  }

  /** Start of the paragraph before the one starting at `lineStart`. */
  private previousParagraphStart(text: string, lineStart: number): number {
    let e = lineStart - 1;
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    return text.lastIndexOf("\n", e - 1) + 1;
  }

  /** The cue of a previous paragraph that ends with a colon and introduces a quote paragraph. */
  private paragraphIntro(v: View, lineStart: number): { cue: TokRange; entry: CueEntry; source: TokRange | null } | null {
    const j = v.tokenFrom(lineStart) - 1;
    if (j < 0 || v.form[j] !== ":") return null;
    const sIdx = v.doc.tokens.sentence[j];
    const ts = v.afterDateline(sIdx);
    for (let k = j - 1; k >= ts; k--) {
      const m = this.cueAt(v, k, ts, j);
      if (!m || m.entry.frame === "prep") continue;
      return { cue: [k, k + m.words.length], entry: m.entry, source: this.subjectLeft(v, k, ts) };
    }
    return this.colonSource(v, j, ts);
  }

  /** The source of a quote introduced by a colon without a cue word: a name right before it ("- Pew Research:"), else the sentence subject. */
  private colonSource(v: View, colon: number, ts: number): { cue: TokRange; entry: CueEntry; source: TokRange | null } | null {
    if (colon - 1 >= ts && v.cap[colon - 1]) {
      let a = colon - 1;
      while (a - 1 >= ts && colon - a < 6 && (v.cap[a - 1] || ((v.lower[a - 1] === "and" || v.lower[a - 1] === "of") && a - 2 >= ts && v.cap[a - 2]))) a--;
      if (!(a === ts && this.lex.byFirst.has(v.lower[a]))) return { cue: [colon, colon + 1], entry: COLON_CUE, source: [a, colon] };
    }
    const subj = this.sentenceSubject(v, ts, colon);
    return subj ? { cue: [colon, colon + 1], entry: COLON_CUE, source: subj } : null;
  }

  /** A cue and speaker right after a closing quote mark, in the same sentence. */
  private cueAfter(v: View, q: MarkedQuote, quotes: MarkedQuote[]): { cue: TokRange; entry: CueEntry; source: TokRange | null; last: number } | null {
    return this.cueAfterNear(v, q, quotes) ?? this.cueAfterAppositive(v, q);
  }

  /** A quote signed with a dash and a name: `"The most unqualified child to ever run." ― Francisco Herrero` */
  private signature(v: View, q: MarkedQuote): { cue: TokRange; entry: CueEntry; source: TokRange | null; last: number } | null {
    const i = v.tokenFrom(q.end);
    if (i >= v.n || !DASHES.has(v.form[i]) || v.doc.text.slice(q.end, v.start[i]).includes("\n")) return null;
    let p = i + 1;
    while (p < v.n && p - i <= 6 && (v.cap[p] || v.form[p] === "." || (p > i + 1 && v.lower[p] === "of")) && !v.breakBetween(p - 1, p) && !v.isQuote(p)) p++;
    if (p === i + 1 || !v.cap[i + 1]) return null;
    // the name must end the line, the sentence or run into the next quote
    if (p < v.n && !v.breakBetween(p - 1, p) && !v.isQuote(p) && !SENT_END.has(v.form[p]) && v.form[p] !== ",") return null;
    let b = p;
    while (b > i + 1 && v.form[b - 1] === ".") b--;
    if (b <= i + 1) return null;
    return { cue: [i, i + 1], entry: SIGNATURE_CUE, source: [i + 1, b], last: b - 1 };
  }

  /** `"...," Mr. Daniloff, now 81 and retired in Cambridge, said by telephone.`: a name, its appositive, then the cue. */
  private cueAfterAppositive(v: View, q: MarkedQuote): { cue: TokRange; entry: CueEntry; source: TokRange | null; last: number } | null {
    let i = v.tokenFrom(q.end);
    if (i >= v.n || v.doc.text.slice(q.end, v.start[i]).includes("\n")) return null;
    while (i < v.n && v.form[i] === ",") i++;
    const s0 = i;
    let p = s0;
    while (p < v.n && p - s0 < 6 && (v.cap[p] || v.form[p] === "." || v.lower[p] === "'s")) p++;
    if (p === s0 || p >= v.n || v.form[p] !== ",") return null;
    for (let k = p + 1; k < v.n && k - p < 30; k++) {
      if (SENT_END.has(v.form[k]) || v.isQuote(k) || v.breakBetween(k - 1, k)) return null;
      const m = this.cueAt(v, k, s0, v.n);
      if (m && m.entry.frame === "clause" && m.entry.kind === "speech") {
        let b = k;
        while (b > p && AUX_ADV.has(v.lower[b - 1])) b--;
        if (v.form[b - 1] !== "," && !v.cap[b - 1]) return null;
        return { cue: [k, k + m.words.length], entry: m.entry, source: [s0, p], last: k + m.words.length - 1 };
      }
    }
    return null;
  }

  private cueAfterNear(v: View, q: MarkedQuote, quotes: MarkedQuote[]): { cue: TokRange; entry: CueEntry; source: TokRange | null; last: number } | null {
    const sig = this.signature(v, q);
    if (sig) return sig;
    let i = v.tokenFrom(q.end);
    if (i >= v.n) return null;
    if (i > 0 && v.breakBetween(i - 1, i) && v.doc.text.slice(q.end, v.start[i]).includes("\n")) return null;
    // a quote that ends its sentence ("... the timing.") is not attributed by the next sentence's cue
    const lastIn = v.tokenFrom(q.innerEnd) - 1;
    const sent = v.doc.tokens.sentence;
    if (lastIn >= 0 && /[.!?]\s*$/.test(v.doc.text.slice(q.innerStart, q.innerEnd)) && sent[i] !== sent[lastIn] && v.cap[i]) return null;
    while (i < v.n && (v.form[i] === "," || v.form[i] === "-" || v.form[i] === "—")) i++;
    const s0 = i;
    const limit = Math.min(v.n, s0 + 14);
    for (let k = s0; k < limit; k++) {
      if (k > s0 && v.breakBetween(k - 1, k)) return this.unlistedCue(v, s0, k);
      const f = v.form[k];
      if (SENT_END.has(f) || f === ";" || f === "," || v.isQuote(k)) {
        if (f !== "," || k === s0) return this.unlistedCue(v, s0, k);
        continue;
      }
      const m = this.cueAt(v, k, s0, limit);
      if (m && m.entry.frame !== "object") {
        const cue: TokRange = [k, k + m.words.length];
        let source: TokRange | null = null;
        let last = cue[1] - 1;
        if (k > s0) {
          // tokens between the quote and the cue must all belong to the speaker phrase
          let a = s0;
          let b = k;
          while (b > a && AUX_ADV.has(v.lower[b - 1])) b--;
          // (a name or a determiner may carry a prepositional tail: "a narrator in the Clinton ad asks")
          const npStart = v.cap[a] || NP_DETERMINERS.has(v.lower[a]);
          for (let j = a; j < b; j++) {
            const w = v.lower[j];
            if (!NP_STOP_LEFT.has(w) || (w === "and" && v.cap[j + 1])) continue;
            if (npStart && j > a && NP_TAIL_PREP.has(w)) continue;
            return null;
          }
          if (b - a > 10) return null;
          source = b > a ? [a, b] : null;
        } else {
          source = this.npRight(v, cue[1], v.n);
          if (source) last = source[1] - 1;
        }
        // extend `last` over a short adjunct to find an interrupting comma: `Lavrov said on Tuesday, "`
        let e = last + 1;
        while (e < v.n && e - last < 8 && !v.punct[e]) e++;
        if (e < v.n && v.form[e] === "," && e > last + 1) {
          const nextQ = quotes.find((x) => x.start >= v.end[e]);
          if (nextQ && /^\s*$/.test(v.doc.text.slice(v.end[e], nextQ.start))) last = e - 1;
        }
        return { cue, entry: m.entry, source, last };
      }
      if (m && m.entry.frame === "object") return null;
    }
    return null;
  }

  /**
   * A speech verb missing from the lexicon, recognised by its place between a
   * quote and a name: `"This is fantastic!" beamed Donald Hartley.` /
   * `"...," Jones quipped.` Tokens [s0, end) are the clause after the quote.
   */
  private unlistedCue(v: View, s0: number, end: number): { cue: TokRange; entry: CueEntry; source: TokRange | null; last: number } | null {
    if (end - s0 < 2) return null;
    const verbish = (k: number) => !v.cap[k] && !v.punct[k] && /[a-z](ed|es|s)$/.test(v.lower[k]) && !NP_STOP_LEFT.has(v.lower[k]) && !AUX_ADV.has(v.lower[k]);
    // "beamed Donald Hartley"
    if (verbish(s0) && v.cap[s0 + 1]) {
      const src = this.npRight(v, s0 + 1, end);
      if (src) return { cue: [s0, s0 + 1], entry: UNLISTED_CUE, source: src, last: src[1] - 1 };
    }
    // "Jones quipped" / "he fumed"
    let p = s0;
    while (p < end && p - s0 < 5 && (v.cap[p] || (p === s0 && PRONOUNS.has(v.lower[p])))) p++;
    while (p < end && AUX_ADV.has(v.lower[p])) p++;
    if (p > s0 && p < end && verbish(p)) {
      let src: TokRange = [s0, p];
      while (src[1] > src[0] && AUX_ADV.has(v.lower[src[1] - 1])) src = [src[0], src[1] - 1];
      return { cue: [p, p + 1], entry: UNLISTED_CUE, source: src, last: p };
    }
    return null;
  }

  /** A cue before an opening quote mark: `Lavrov said: "..."`, `Breitbart News responded:`. */
  private cueBefore(v: View, q: MarkedQuote): { cue: TokRange; entry: CueEntry; source: TokRange | null } | null {
    const doc = v.doc;
    const j = v.tokenFrom(q.start) - 1;
    if (j < 0) return null;
    if (doc.text.slice(v.end[j], q.start).includes("\n")) return null;
    const sIdx = doc.tokens.sentence[j];
    const ts = v.afterDateline(sIdx);
    const colon = v.form[j] === ":";
    const comma = v.form[j] === ",";
    let last = j;
    if (colon || comma) last = j - 1;
    if (v.lower[last] === "that") last--;
    // cue within the last few tokens (or anywhere before a colon)
    const from = colon ? ts : Math.max(ts, last - 7);
    for (let k = last; k >= from; k--) {
      if (v.punct[k] && k !== last && v.form[k] !== "-") {
        if (!colon) break;
      }
      if (colon && k === from) {
        // "Sanders delivered a snappy retort: ...": no cue word, but the sentence's subject speaks
        const m0 = this.cueAt(v, k, ts, last + 1);
        if (!m0) return this.colonSource(v, j, ts);
      }
      const m = this.cueAt(v, k, ts, last + 1);
      if (!m || m.entry.frame === "prep") continue;
      const cue: TokRange = [k, k + m.words.length];
      const gap = last + 1 - cue[1];
      if (!colon && gap > 6) return null;
      if (!colon && gap > 0 && !(PREPOSITIONS.has(v.lower[cue[1]]) || OBJECT_FIRST.has(m.entry.cue) || AUX_ADV.has(v.lower[cue[1]]))) return null;
      return { cue, entry: m.entry, source: this.subjectLeft(v, k, ts) ?? this.sentenceSubject(v, ts, k) };
    }
    return null;
  }

  // ---------- indirect speech and other attributions ----------

  private indirect(v: View, usedCue: Set<number>, direct: Candidate[]): Candidate[] {
    const doc = v.doc;
    const from = quoteStart(doc);
    const out: Candidate[] = [];
    for (const s of doc.sentences) {
      if (s.end <= from) continue;
      const ts = v.afterDateline(s.index);
      const te = s.tokenEnd;
      // a direct quote's speaker in this sentence is the subject of "..., adding that"
      const d = direct.find((c) => c.cue && c.source && c.cue[0] >= ts && c.cue[0] < te);
      let prevSource: TokRange | null = d ? d.source : null;
      // headlines: "Lynch: No outside influence on FBI probe", "Trump Says He Never Pledged ..."
      let words = 0;
      let caps = 0;
      for (let i = ts; i < te; i++) if (!v.punct[i]) {
        words++;
        if (v.cap[i]) caps++;
      }
      const titleCase = words >= 4 && caps >= 0.7 * words;
      const poll = this.pollSource(v, ts, te, usedCue);
      if (poll) out.push(poll);
      const headline = this.headlineSource(v, ts, te);
      if (headline) {
        out.push(headline);
        continue;
      }
      for (let i = ts; i < te; i++) {
        if (usedCue.has(i) || v.inQuote[i] >= 0) continue;
        const m = this.cueAt(v, i, ts, te, titleCase);
        if (!m) continue;
        const cue: TokRange = [i, i + m.words.length];
        const c = this.attribution(v, m, cue, ts, te, prevSource);
        if (c) {
          out.push(c);
          if (c.source && !c.inherited) prevSource = c.source;
          i = cue[1] - 1;
        }
      }
    }
    return out;
  }

  /**
   * "In the latest NBC News poll, Trump leads ..." / "... leads by 9 points in the RealClearPolitics average":
   * a poll, survey or study introduced by "in" is the source of the rest of the sentence.
   */
  private pollSource(v: View, ts: number, te: number, usedCue: Set<number>): Candidate | null {
    for (let i = ts; i < te; i++) {
      if (v.lower[i] !== "in" || v.inQuote[i] >= 0) continue;
      let k = i + 1;
      while (k < te && k - i <= 12 && !v.punct[k] || (k < te && (v.form[k] === "/" || v.form[k] === "-" || v.form[k] === "."))) {
        if (REPORT_NOUNS.has(v.lower[k]) && (k + 1 >= te || v.punct[k + 1] || v.lower[k + 1] === "of" || v.lower[k + 1] === "by" || v.lower[k + 1] === "released" || v.lower[k + 1] === "conducted")) break;
        k++;
      }
      if (k >= te || !REPORT_NOUNS.has(v.lower[k])) continue;
      let srcEnd = k + 1;
      if (v.lower[srcEnd] === "of") {
        while (srcEnd < te && !v.punct[srcEnd] && srcEnd - k < 8) srcEnd++;
      }
      usedCue.add(i);
      let endTok = te;
      while (endTok > ts && TRAIL_PUNCT.has(v.form[endTok - 1])) endTok--;
      let span: Span | null;
      if (i === ts || (i === ts + 1 && LEADERS.has(v.lower[ts]))) {
        let c = srcEnd;
        while (c < te && v.form[c] !== ",") c++;
        span = this.charSpan(v, c + 1, te);
      } else span = this.charSpan(v, ts, i);
      if (!span) return null;
      return { start: span.start, end: span.end, direct: false, cue: [i, i + 1], entry: POLL_CUE, source: [i + 1, srcEnd] };
    }
    return null;
  }

  /** A line "Name: what they said" (headline or standfirst convention). */
  private headlineSource(v: View, ts: number, te: number): Candidate | null {
    const text = v.doc.text;
    const lineStart = text.lastIndexOf("\n", v.start[ts] - 1) + 1;
    if (text.slice(lineStart, v.start[ts]).trim() !== "") return null;
    let p = ts;
    while (p < te && p - ts < 5 && (v.cap[p] || (p > ts && (v.form[p] === "." || v.lower[p] === "'s")))) p++;
    if (p === ts || p >= te - 2 || v.form[p] !== ":") return null;
    // "The Latest: Sanders declares ...": a label, not a speaker; the cue inside speaks for itself
    if (HEADLINE_LABELS.has(v.lower[p - 1]) || (p - ts === 1 && /^[A-Z]{4,}$/.test(v.form[ts]) && HEADLINE_LABELS.has(v.lower[ts]))) return null;
    if (QUOTE_CHARS.has(v.form[p + 1])) return null;
    const span = this.charSpan(v, p + 1, te);
    if (!span) return null;
    return { start: span.start, end: span.end, direct: false, cue: [p, p + 1], entry: COLON_CUE, source: [ts, p] };
  }

  private attribution(v: View, m: CueForm, cue: TokRange, ts: number, te: number, prevSource: TokRange | null): Candidate | null {
    const entry = m.entry;
    let endTok = te;
    while (endTok > ts && TRAIL_PUNCT.has(v.form[endTok - 1])) endTok--;
    if (entry.frame === "prep") {
      // "according to X, ..." / "..., according to X"
      const src = this.npRight(v, cue[1], te);
      if (!src) return null;
      let startTok = ts;
      while (startTok < cue[0] && (v.lower[startTok] === "but" || v.lower[startTok] === "and")) startTok++;
      let span: Span | null;
      if (startTok === cue[0]) {
        let k = src[1];
        while (k < te && v.form[k] !== ",") k++;
        span = this.charSpan(v, k + 1, te);
      } else {
        span = this.charSpan(v, ts, cue[0]);
        // the attributed clause may continue after "according to X,"
        if (src[1] < endTok && v.form[src[1]] === "," && span) {
          const rest = this.charSpan(v, src[1] + 1, te);
          if (rest) span = { start: span.start, end: rest.end };
        }
      }
      if (!span) return null;
      return { start: span.start, end: span.end, direct: false, cue, entry, source: src };
    }
    // "X seems to ...": the subject and what follows are the content; there is no source
    if (entry.frame === "raising") {
      const subjR = this.subjectLeft(v, cue[0], ts);
      const from = subjR && !(v.lower[subjR[0]] === "who" || v.lower[subjR[0]] === "which" || v.lower[subjR[0]] === "that") ? subjR[0] : cue[1];
      const span = this.charSpan(v, from, te);
      return span ? { start: span.start, end: span.end, direct: false, cue, entry, source: null } : null;
    }
    // passive "X was rejected by Y": the subject is what is attributed, the by-phrase its source
    const aux = cue[0] - 1 >= ts ? v.lower[cue[0] - 1] : "";
    if (PASSIVE_AUX.has(aux) && /(ed|wn|ld|ne|en|ht|id)$/.test(v.lower[cue[0]])) {
      const subjP = this.npLeft(v, cue[0] - 1, ts);
      if (!subjP) return null;
      let src: TokRange | null = null;
      let k = cue[1];
      while (k < endTok && k - cue[1] < 6 && v.lower[k] !== "by" && !v.punct[k]) k++;
      if (v.lower[k] === "by") src = this.npRight(v, k + 1, te);
      // "X was believed to be ...": the attributed proposition runs on after the cue
      const span = this.charSpan(v, subjP[0], src || cue[1] >= endTok ? subjP[1] : te);
      if (!span) return null;
      return { start: span.start, end: span.end, direct: false, cue, entry, source: src };
    }
    // inverted "…, said Lavrov." / "…, Lavrov said."; a participle after a comma ("..., saying ...") has no subject of its own
    // a participle has no subject of its own: "..., saying ...", "issued a statement describing ..."
    const participle = /ing$/.test(v.lower[cue[0]]) && cue[0] - 1 >= ts && (v.form[cue[0] - 1] === "," || v.form[cue[0] - 1] === "—" || (!PASSIVE_AUX.has(v.lower[cue[0] - 1]) && !AUX_ADV.has(v.lower[cue[0] - 1]) && !v.cap[cue[0] - 1] && !PRONOUNS.has(v.lower[cue[0] - 1])));
    const subj = participle ? null : this.subjectLeft(v, cue[0], ts);
    const restTok = cue[1];
    const rest = endTok - restTok;
    const shortRest = rest <= 0 || (rest <= 12 && (PREPOSITIONS.has(v.lower[restTok]) || v.form[restTok] === "," || AUX_ADV.has(v.lower[restTok]) || (OBJECT_FIRST.has(entry.cue) && rest <= 5)) && !v.lower.slice(restTok, endTok).includes("that"));
    // parenthetical "The investment, Ms. Tanzer said, is a perfect example": the whole sentence is the content
    let after = cue[1];
    while (after < endTok && AUX_ADV.has(v.lower[after])) after++;
    if (entry.frame === "clause" && subj && subj[0] - 1 > ts && v.form[subj[0] - 1] === "," && after < endTok && v.form[after] === ",") {
      const span = this.charSpan(v, ts, te);
      if (span) return { start: span.start, end: span.end, direct: false, cue, entry, source: subj };
    }
    if (entry.frame === "clause" && subj && subj[0] - 1 > ts && v.form[subj[0] - 1] === "," && shortRest) {
      const span = this.charSpan(v, ts, subj[0] - 1);
      if (span) return { start: span.start, end: span.end, direct: false, cue, entry, source: subj };
    }
    if (entry.frame === "clause" && cue[0] - 1 > ts && v.form[cue[0] - 1] === ",") {
      const src = this.npRight(v, cue[1], te);
      if (src && (src[1] >= endTok || v.form[src[1]] === ",")) {
        const span = this.charSpan(v, ts, cue[0] - 1);
        if (span) return { start: span.start, end: span.end, direct: false, cue, entry, source: src };
      }
    }
    // "As Breitbart News reported, ..."
    if (subj && subj[0] - 1 >= ts && v.lower[subj[0] - 1] === "as") {
      let k = cue[1];
      while (k < te && v.form[k] !== "," && k - cue[1] < 10) k++;
      if (k < te && v.form[k] === ",") {
        const span = this.charSpan(v, k + 1, te);
        if (span) return { start: span.start, end: span.end, direct: false, cue, entry, source: subj };
      }
    }
    // content after the cue: "X said (that) ...", "X told reporters ...", "X says through a translator that ..."
    let k = cue[1];
    while (k < te && (v.form[k] === "," || v.form[k] === ":")) k++;
    if (v.lower[k] === "that") k++;
    else if (k < te && (OBJECT_FIRST.has(entry.cue) || PREPOSITIONS.has(v.lower[k]) || AUX_ADV.has(v.lower[k]))) {
      let n = k;
      let found = -1;
      while (n < te && n - k < 10 && !SENT_END.has(v.form[n]) && !QUOTE_CHARS.has(v.form[n])) {
        if (v.lower[n] === "that" && n > k) {
          found = n + 1;
          break;
        }
        if (v.form[n] === "," || v.form[n] === ":") {
          found = n + 1;
          break;
        }
        n++;
      }
      if (found > 0) k = found;
      else if (OBJECT_FIRST.has(entry.cue) && entry.frame === "clause") {
        // "told reporters the meeting went well": skip a short object
        if (PRONOUNS.has(v.lower[k]) || v.lower[k] === "reporters" || v.lower[k] === "journalists") k++;
      }
    }
    while (k < te && (v.form[k] === "," || v.form[k] === ":")) k++;
    // inside a relative clause set off by commas ("Putin, who intelligence agencies say tried to help ..., insisted")
    // the content ends with the clause
    let stop = te;
    let l = cue[0] - 1;
    while (l > ts && v.form[l] !== "," && cue[0] - l < 12) l--;
    if (l >= ts && v.form[l] === "," && (v.lower[l + 1] === "who" || v.lower[l + 1] === "which")) {
      let r = k;
      while (r < endTok && v.form[r] !== ",") r++;
      if (r < endTok) stop = r;
    }
    // a report or belief verb with a bare noun phrase and no clause after it ("after they concluded talks,
    // ... said") reports nothing
    if (entry.frame === "clause" && entry.kind !== "speech" && k === cue[1] && this.bareNounPhrase(v, k, Math.min(stop, endTok))) return null;
    const span = this.charSpan(v, k, stop);
    if (!span) return null;
    const contentToks = Math.min(stop, endTok) - k;
    if (contentToks < (entry.frame === "object" ? 1 : 2)) return null;
    let source = subj;
    let inherited = false;
    if (!source) {
      let pk = cue[0] - 1;
      while (pk >= ts && AUX_ADV.has(v.lower[pk])) pk--;
      const prevWord = pk >= ts ? v.lower[pk] : "";
      const prev = prevWord === "but" || prevWord === "or" || prevWord === "then" || prevWord === "and" ? "and" : prevWord;
      const ing = /ing$/.test(v.lower[cue[0]]);
      let first = ts;
      while (first < cue[0] && (v.punct[first] || LEADERS.has(v.lower[first]))) first++;

      if (PARTICIPLE_ONLY.has(v.lower[cue[0]]) && !HAVE.has(prevWord)) {
        // "Asked about the plan, ..." (the asker is not the speaker); "known as", "expected to": no source
        source = null;
      } else if (first === cue[0]) {
        // "Asked about the plan, he said ..." / "Citing the law, the spokeswoman told ...": the subject follows the clause
        let k = cue[1];
        while (k < te && v.form[k] !== ",") k++;
        if (k + 1 < te) {
          source = this.npRight(v, k + 1, te);
          inherited = source !== null;
        }
      } else if (prevSource && (prev === "," || prev === "and" || ing)) {
        // "..., adding that ..." / "and said ...": the sentence's earlier speaker
        source = prevSource;
        inherited = true;
      } else {
        // no subject next to the cue ("... used the speech to discuss ..."): the sentence's subject
        // (an introductory phrase holding the cue ends at a comma after it: "To address ..., Mrs. Clinton has ...")
        const intro = PREPOSITIONS.has(v.lower[ts]) || SUBORDINATORS.has(v.lower[ts]) || /^[A-Z][a-z]+ing$/.test(v.form[ts]);
        source = this.parseSubject(v, cue[0], ts, te) ?? this.sentenceSubject(v, ts, intro ? endTok : cue[0]);
        inherited = source !== null;
      }
    }
    return { start: span.start, end: span.end, direct: false, cue, entry, source, inherited };
  }

  /** The noun phrase a relative pronoun at token `rel` refers to (left of it, past a comma). */
  antecedent(doc: Doc, rel: number): TokRange | null {
    const v = this.lastView && this.lastView.doc === doc ? this.lastView : new View(doc, []);
    const ts = v.afterDateline(doc.tokens.sentence[rel]);
    // with a parse, the noun the relative clause modifies ("a draft resolution at the Council on
    // Wednesday that would have condemned ...": the resolution, not Wednesday)
    const t = doc.tokens;
    const verb = t.head[rel];
    if (t.deprel[rel] && verb >= ts && t.deprel[verb] === "acl:relcl" && t.head[verb] >= ts && t.head[verb] < rel) {
      const h = t.head[verb];
      let a = h;
      let b = h + 1;
      while (a - 1 >= ts && t.head[a - 1] === h && NP_DEPRELS.has(t.deprel[a - 1])) a--;
      while (b < rel && t.head[b] === h && NP_DEPRELS.has(t.deprel[b])) b++;
      return [a, b];
    }
    let b = rel;
    if (b - 1 >= ts && v.form[b - 1] === ",") b--;
    return this.npLeft(v, b, ts);
  }

  /**
   * With a parse: the subject of the cue verb, or of the verb it depends on
   * (xcomp/advcl/conj chains: "wanted to discuss", "met him and discussed"),
   * as the contiguous nominal part of the subject's subtree.
   */
  parseSubject(v: View, cue: number, ts: number, te: number): TokRange | null {
    const t = v.doc.tokens;
    if (!t.deprel[cue]) return null;
    let verb = cue;
    for (let hops = 0; hops < 3 && verb >= 0; hops++) {
      for (let j = ts; j < te; j++) {
        if (t.head[j] !== verb || (t.deprel[j] !== "nsubj" && t.deprel[j] !== "nsubj:outer")) continue;
        let a = j;
        let b = j + 1;
        while (a - 1 >= ts && t.head[a - 1] === j && NP_DEPRELS.has(t.deprel[a - 1])) a--;
        while (b < te && t.head[b] === j && NP_DEPRELS.has(t.deprel[b])) b++;
        return [a, b];
      }
      const rel = t.deprel[verb];
      if (rel !== "xcomp" && rel !== "advcl" && rel !== "conj" && rel !== "ccomp") return null;
      verb = t.head[verb];
    }
    return null;
  }

  /** The first noun phrase of the sentence, after any introductory phrase ("At the start of the meeting, Tillerson ..."). */
  sentenceSubject(v: View, ts: number, before: number): TokRange | null {
    let k = ts;
    while (k < before && (v.punct[k] || LEADERS.has(v.lower[k]))) k++;
    // an introductory phrase: "At the start of the meeting, ...", "Speaking on ABC, ...", "Asked about it, ..."
    while (k < before && /^[a-z]+ly$/.test(v.lower[k]) && !v.cap[k + 1 < before ? k + 1 : k]) k++;
    if (k < before && (PREPOSITIONS.has(v.lower[k]) || SUBORDINATORS.has(v.lower[k]) || /^[A-Z][a-z]+(ing|ed|ly)$/.test(v.form[k]) || LEADERS.has(v.lower[k]))) {
      let c = k;
      while (c < before && v.form[c] !== ",") c++;
      if (c < before) k = c + 1;
    }
    while (k < before && (v.punct[k] || /^[A-Z]{4,}$/.test(v.form[k]))) k++;
    if (k >= before) return null;
    const np = this.npRight(v, k, before);
    if (!np) return null;
    const w = v.lower[np[0]];
    if (this.lex.byFirst.has(w) && !v.cap[np[0]]) return null;
    return np;
  }

  // ---------- combining ----------

  private merge(direct: Candidate[], indirect: Candidate[]): Candidate[] {
    const out: Candidate[] = [];
    const dropIndirect = new Set<Candidate>();
    for (const d of direct) {
      const weak = d.weak === true;
      if (d.cue) {
        out.push(d);
        continue;
      }
      // an unattributed quote inside indirect content: part of that attribution
      const host = indirect.find((c) => c.start <= d.start && d.end <= c.end);
      if (host) {
        const share = (d.end - d.start) / Math.max(1, host.end - host.start);
        if (share >= 0.6) {
          out.push({ ...d, cue: host.cue, entry: host.entry, source: host.source, inherited: host.inherited });
          dropIndirect.add(host);
        }
        continue;
      }
      if (!weak) out.push(d);
    }
    for (const c of indirect) if (!dropIndirect.has(c)) out.push(c);
    // an indirect content that is exactly a direct quote's span is the same attribution
    const seen = new Set<string>();
    const res: Candidate[] = [];
    out.sort((a, b) => a.start - b.start || Number(b.direct) - Number(a.direct));
    for (const c of out) {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      res.push(c);
    }
    return res;
  }
}
