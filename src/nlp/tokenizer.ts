import type { Component, Doc } from "../model/index.js";
import { HARD, SOFT } from "./_tokenizer_internals/boundaries.js";
import { SentenceBoundaryModel } from "./_tokenizer_internals/senter.js";
import { datelineLength } from "./dateline.js";
import { modelPath } from "./models.js";

/**
 * News tokenizer and sentence splitter (rule based, tuned on UD English EWT
 * train; see docs/BENCHMARKS.md for EWT/GUM scores).
 *
 * Tokens are UD *syntactic words* given as character spans over the original
 * text: clitics are split off UD-style ("didn't" -> "did" + "n't", "Trump's"
 * -> "Trump" + "'s", "gonna" -> "gon" + "na"), so every word is an exact slice
 * of the text. `surfaceTokens()` re-joins them into CoNLL-2018 surface tokens
 * (what the segmentation scorer counts).
 *
 * Sentences end at terminal punctuation (. ! ? … and runs, plus closing quotes
 * and brackets) before a plausible sentence start, never after a title
 * abbreviation (Mr., Gen., Sen.), and always at a blank line; a single newline
 * ends a sentence unless the next line visibly continues it (lower-case start
 * after a non-terminal word), so hard-wrapped text stays whole and a title
 * line stays its own sentence.
 */

/** Abbreviations that keep their period. Lower-case, without the final period. */
const ABBREV = new Set(
  (
    "mr mrs ms dr prof gen sen rep gov lt col capt cmdr maj sgt adm cpl pvt st jr sr rev fr hon pres supt insp det messrs mssrs " +
    "inc corp co ltd llc bros dept univ assn est approx vs etc al cf viz ca " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "no nos vol vols pp fig figs ed eds ave blvd rd hwy mt ft sq mi oz lb lbs min max misc govt intl natl " +
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo"
  ).split(" "),
);
/** Title abbreviations after which a sentence never ends. */
const TITLE = new Set("mr mrs ms dr prof gen sen rep gov lt col capt cmdr maj sgt adm cpl pvt st rev fr hon pres supt insp det messrs no vs".split(" "));
/** Prefixes that stay attached to a hyphenated word in EWT ("e-mail", "non-stop"). */
const HYPHEN_PREFIX = new Set("e non anti pro post pre co re ex mid multi inter intra semi sub super ultra un bi tri self".split(" "));

const OPEN_PUNCT = /^(?:<<|``|‘’|''|[("'“‘«\[{<`¿¡*])/;
const CLOSE_PUNCT = /(?:>>|''|[)"'”’»\]},;:!?>*]|\.{2,}|…)$/;
const URL = /^(?:(?:https?|ftp):\/\/|www\.)[^\s<>"]+|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/i;
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co\.uk|uk|int|info|io|de|fr|ru|ca|us)(?:\/[^\s<>"]*)?$/i;
const CLITIC = /(?:n['’]t|['’](?:s|m|d|re|ve|ll|S|M|D|RE|VE|LL))$/;
const CLITIC_WORD = /^(?:n['’]t|N['’]T|['’](?:s|m|d|re|ve|ll|S|M|D|RE|VE|LL)|na|ta|nna|not)$/;
/** Words split UD-style without an apostrophe: gonna -> gon na, cannot -> can not. */
const FUSED: Record<string, number> = { gonna: 3, wanna: 3, gotta: 3, cannot: 3 };
const ABBR_DOTS = /^(?:[A-Za-z]\.){2,}[A-Za-z]?$|^(?:[A-Za-z]\.)+[A-Za-z]\.$/;
const NUMERIC = /^[+-]?(?:\d[\d,.:\/]*\d|\d)$/;
const PHONE = /^\d{3}[-.]\d{3}[-.]\d{4}$|^\d{3}-\d{4}$/;

type Out = (s: number, e: number) => void;

/** Splits the core of a chunk (no outer punctuation) into words. */
function splitCore(text: string, s: number, e: number, emit: Out): void {
  if (s >= e) return;
  const w = text.slice(s, e);
  // em and en dashes always stand alone ("didn’t—or")
  const dash = /[—–]+/.exec(w);
  if (dash && w.length > dash[0].length) {
    splitCore(text, s, s + dash.index, emit);
    emit(s + dash.index, s + dash.index + dash[0].length);
    splitCore(text, s + dash.index + dash[0].length, e, emit);
    return;
  }
  // currency and number prefixes
  if (/^[$€£¥#@~]./.test(w) && !/^[#@][A-Za-z_]\w*$/.test(w)) {
    emit(s, s + 1);
    splitCore(text, s + 1, e, emit);
    return;
  }
  if (/^US\$./.test(w)) {
    emit(s, s + 3);
    splitCore(text, s + 3, e, emit);
    return;
  }
  if (/^\d[\d,.]*%$/.test(w)) {
    emit(s, e - 1);
    emit(e - 1, e);
    return;
  }
  // 7:30PM, 5pm, 10am -> number + unit for times
  const tm = /^(\d{1,2}(?::\d\d)?)([ap]\.?m\.?|[AP]\.?M\.?)$/.exec(w);
  if (tm) {
    emit(s, s + tm[1].length);
    emit(s + tm[1].length, e);
    return;
  }
  const um = UNIT.exec(w);
  if (um && !/^(?:1st|2nd|3rd|\d+th)$/i.test(w) && !/^(?:st|nd|rd|th)$/i.test(um[2])) {
    emit(s, s + um[1].length);
    emit(s + um[1].length, e);
    return;
  }
  if (/^[\p{L}]+\([\p{L}]+\)$/u.test(w)) {
    const o = w.indexOf("(");
    emit(s, s + o);
    emit(s + o, s + o + 1);
    emit(s + o + 1, e - 1);
    emit(e - 1, e);
    return;
  }
  if (w.length > 2 && w.endsWith("-") && /[\p{L}\d]/u.test(w[w.length - 2])) {
    splitCore(text, s, e - 1, emit);
    emit(e - 1, e);
    return;
  }
  if (URL.test(w) || DOMAIN.test(w) || NUMERIC.test(w) || PHONE.test(w) || ABBR_DOTS.test(w) || FILE_EXT.test(w) || /^[a-z]?\d+(?:-\d+){2,}$/i.test(w) || /^[A-Za-z]\/[A-Za-z]$/.test(w)) {
    emit(s, e);
    return;
  }
  // clitics
  const cm = CLITIC.exec(w);
  if (cm && cm.index > 0 && /[\p{L}\d]/u.test(w[cm.index - 1])) {
    let cut = s + cm.index;
    // can't -> ca n't ; won't -> wo n't (EWT convention: split right before n't)
    splitCore(text, s, cut, emit);
    emit(cut, e);
    return;
  }
  const lw = w.toLowerCase();
  const fused = FUSED[lw];
  if (fused !== undefined) {
    emit(s, s + fused);
    emit(s + fused, e);
    return;
  }
  // slashes between words: and/or -> and / or (dates and fractions kept above)
  const sl = w.indexOf("/");
  if (sl > 0 && sl < w.length - 1 && !/^\d+\/\d+$/.test(w)) {
    splitCore(text, s, s + sl, emit);
    emit(s + sl, s + sl + 1);
    splitCore(text, s + sl + 1, e, emit);
    return;
  }
  // hyphens: split unless a known prefix or a code like "ld2d-#69366"
  const hy = w.indexOf("-");
  if (hy >= 0 && w.length > 1) {
    if (/^-{2,}$/.test(w) || /^[-=_*~]+$/.test(w)) {
      emit(s, e);
      return;
    }
    const m = /-{2,}/.exec(w);
    if (m) {
      splitCore(text, s, s + m.index, emit);
      emit(s + m.index, s + m.index + m[0].length);
      splitCore(text, s + m.index + m[0].length, e, emit);
      return;
    }
    if (hy === 0) {
      emit(s, s + 1);
      splitCore(text, s + 1, e, emit);
      return;
    }
    const left = w.slice(0, hy).toLowerCase();
    if (!HYPHEN_PREFIX.has(left) && /\p{L}|\d/u.test(w[hy + 1] ?? "")) {
      splitCore(text, s, s + hy, emit);
      emit(s + hy, s + hy + 1);
      splitCore(text, s + hy + 1, e, emit);
      return;
    }
  }
  // inner "..." or "," between words: word...word, word,word
  const inner = /\.{2,}|…|,(?=\D)|;|!+|\?+/.exec(w);
  if (inner && inner.index > 0 && inner.index + inner[0].length < w.length) {
    splitCore(text, s, s + inner.index, emit);
    emit(s + inner.index, s + inner.index + inner[0].length);
    splitCore(text, s + inner.index + inner[0].length, e, emit);
    return;
  }
  emit(s, e);
}

/** Tokenizes one whitespace-free chunk text[s, e). */
const EMOTICON = /^(?:[:;=8][-'^o]?[)(\]\[dDpP\/\\|*oO3]+|[)(][-'^]?[:;=]|<3|\^_*\^|[oO]_[oO]|-_+-|xD|XD)$/;
const EMOTICON_END = /(?:[:;=][-'^o]?[)(\]\[dDpP\/|]+)$/;
const FILE_EXT = /\.(?:doc|docx|pdf|xls|xlsx|txt|htm|html|jpg|jpeg|gif|png|zip|ppt|pptx|csv|exe|mp3)$/i;
const UNIT = /^(\d+(?:[.,]\d+)?)(k|m|bn|mn|tn|mm|cm|km|kg|g|lb|lbs|ft|mph|kph|mb|gb|kb|mhz|ghz|hrs|hr|yrs|min|mins|sec|secs|th|st|nd|rd)$/i;

function splitChunk(text: string, s: number, e: number, emit: Out): void {
  const tail: Array<[number, number]> = [];
  const whole = text.slice(s, e);
  if (EMOTICON.test(whole) || /^([^\p{L}\p{N}\s])\1+$/u.test(whole) || /^[-=_*~+|<>{}]{4,}$/.test(whole)) {
    emit(s, e);
    return;
  }
  const em = EMOTICON_END.exec(whole);
  if (em && em.index > 0 && /[\p{L}\d.!?,]$/u.test(whole.slice(0, em.index))) {
    splitChunk(text, s, s + em.index, emit);
    emit(s + em.index, e);
    return;
  }
  for (;;) {
    if (s >= e) break;
    const w = text.slice(s, e);
    const m = OPEN_PUNCT.exec(w);
    if (!m) break;
    // an apostrophe that opens a clitic or a year ('90s, 's) is part of the word
    if ((m[0] === "'" || m[0] === "‘") && /^['‘](?:s|em|cause|\d\d)\b/i.test(w)) break;
    emit(s, s + m[0].length);
    s += m[0].length;
  }
  for (;;) {
    if (s >= e) break;
    const w = text.slice(s, e);
    if (URL.test(w) && /^[\w]/.test(w) && !/[.,;:!?)"'”’>\]]$/.test(w)) break;
    const run = /(?:[.!?]{2,}|’’|''|\)\)|\*+)$/.exec(w);
    if (run && run.index > 0 && !/^(?:[A-Za-z]\.)+$/.test(w.slice(0, run.index + 1))) {
      tail.push([e - run[0].length, e]);
      e -= run[0].length;
      continue;
    }
    let m = CLOSE_PUNCT.exec(w);
    if (m && m.index === 0) {
      // the whole remainder is punctuation: runs like "!!", "?!", "..." stay one token
      const run = /^(?:[!?]+|\.+|…|''|>>)$/.test(w);
      if (run) {
        tail.push([s, e]);
        e = s;
        break;
      }
    }
    if (m) {
      let len = m[0].length;
      if (/^[!?]$/.test(m[0])) {
        const r = /[!?]+$/.exec(w)!;
        len = r[0].length;
        if (len === w.length) break;
      }
      // an apostrophe closing a possessive plural ("workers'") stays a separate token; n't etc. handled in core
      if ((m[0] === "'" || m[0] === "’") && /s['’]$/i.test(w) && w.length > 2 && /\p{L}/u.test(w[w.length - 3])) {
        tail.push([e - 1, e]);
        e -= 1;
        continue;
      }
      tail.push([e - len, e]);
      e -= len;
      continue;
    }
    if (w.endsWith(".") && w.length > 1) {
      const core = w.slice(0, -1);
      const lc = core.toLowerCase();
      const keep =
        ABBREV.has(lc) ||
        /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(core) || // U.S. / p.m.
        /^[A-Z]$/.test(core) || // initials: J.
        (/^[a-z]$/.test(core) && false);
      if (keep && tail.length === 0 && !TITLE.has(lc) && !/^[A-Z]$/.test(core)) {
        // sentence-final abbreviation: EWT splits the period off ("etc ." / "p.m .")
        const after = /^[ \t]*(\n|$)?[ \t]*(\S?)/.exec(text.slice(e, e + 40))!;
        if (after[1] !== undefined || (/^(?:etc|inc|ltd|corp|co)$/.test(lc) && /\p{Lu}/u.test(after[2]))) {
          tail.push([e - 1, e]);
          e -= 1;
          break;
        }
      }
      if (keep) break;
      tail.push([e - 1, e]);
      e -= 1;
      continue;
    }
    break;
  }
  splitCore(text, s, e, emit);
  for (let i = tail.length - 1; i >= 0; i--) emit(tail[i][0], tail[i][1]);
}

/** True when a word is a clitic that belongs to the previous surface token. */
export function isCliticWord(form: string): boolean {
  return CLITIC_WORD.test(form);
}

/** Splits text[from, to) into words, calling emit(start, end) for each. */
export function tokenizeRange(text: string, from: number, to: number, emit: Out): void {
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const s = m.index;
    const e = Math.min(to, s + m[0].length);
    splitChunk(text, s, e, emit);
  }
}

const TERMINAL = /^(?:[.!?]+|\.{2,}|…|[!?][!?.]*)$/;
const CLOSER = /^(?:["”’'»)\]}]|''|>>)$/;

export class NewsTokenizer implements Component {
  readonly name = "tokenizer";

  /**
   * @param boundaries learned sentence-boundary model; by default
   * models/tagger.sentences.bin when present, else the rules alone.
   */
  constructor(readonly boundaries: BoundaryModel | null = SentenceBoundaryModel.loadIfPresent(modelPath("tagger.sentences.bin"))) {}

  annotate(doc: Doc): void {
    const text = doc.text;
    const toks = doc.tokens;
    const first = toks.count;
    tokenizeRange(text, 0, text.length, (s, e) => {
      if (e > s) toks.push(text, s, e);
    });
    splitSentences(doc, first, this.boundaries);
  }
}

/** Kept for callers of the first version. */
export { NewsTokenizer as SimpleTokenizer };

function startsSentence(form: string): boolean {
  return /^[\p{Lu}\d"“‘'(\[«¿¡*#@-]/u.test(form) || /^[\p{Lo}]/u.test(form);
}

export { SOFT, HARD } from "./_tokenizer_internals/boundaries.js";

/**
 * Rule-based sentence boundaries: out[i] is SOFT or HARD when a sentence ends
 * after token i (tokens first..count-1).
 */
export function ruleBoundaries(doc: Doc, first = 0): Uint8Array {
  const text = doc.text;
  const t = doc.tokens;
  const n = t.count;
  const out = new Uint8Array(n);
  let start = first;
  const close = (end: number, kind: number) => {
    if (end <= start) return;
    out[end - 1] = kind;
    start = end;
  };
  for (let i = first; i < n; i++) {
    if (i === start) {
      // a news dateline ("UNITED NATIONS (AP) -", "BEIRUT, Lebanon (Reuters) —") is its own segment
      const k = datelineEnd(doc, i);
      if (k >= 0) {
        close(k + 1, HARD);
        i = k;
        continue;
      }
    }
    if (i + 1 >= n) break;
    const next = i + 1;
    const gap = text.slice(t.end[i], t.start[next]);
    const form = t.form[i];
    const nform = t.form[next];
    if (gap.includes("\n")) {
      if (/\n[ \t\r\f\v]*\n/.test(gap)) {
        close(next, HARD);
        continue;
      }
      // single newline: continue only when the next line plainly continues the sentence
      const cont = /^\p{Ll}/u.test(nform) && !TERMINAL.test(form) && /[\p{L}\d,]$/u.test(form);
      if (!cont) {
        close(next, HARD);
        continue;
      }
    }
    let end = -1;
    if (TERMINAL.test(form)) end = i;
    else if (form.endsWith(".") && form.length > 1) {
      // abbreviation carrying the period ("U.S.", "etc."): a boundary only before a clear new sentence
      const lc = form.slice(0, -1).toLowerCase();
      if (!TITLE.has(lc) && !/^[A-Z]\.$/.test(form) && gap.length > 0 && /^(?:The|I|He|She|It|We|They|But|And|In|This|That|A|An|There|His|Her|Their|Our|My|You|If|So|On|At|For|As|When|After|Mr|Mrs|Ms)$/.test(nform)) end = i;
    }
    if (end < 0) continue;
    // absorb closing quotes/brackets and further terminal punctuation attached to the end
    let j = end;
    while (j + 1 < n && t.start[j + 1] === t.end[j] && (CLOSER.test(t.form[j + 1]) || TERMINAL.test(t.form[j + 1]))) j++;
    if (j + 1 >= n) break;
    const g2 = text.slice(t.end[j], t.start[j + 1]);
    const nf = t.form[j + 1];
    if (g2.length === 0 && !/^["“‘(\[]/.test(nf)) continue; // "e.g.x" or "3.5": no boundary without space
    // a list marker ("2.", "b)") opens the next sentence instead of ending one
    if (end === start + 1 && /^(?:\d{1,2}|[a-zA-Z]|[ivxIVX]+)$/.test(t.form[start])) continue;
    if (startsSentence(nf) || /\n/.test(g2)) {
      close(j + 1, /\n/.test(g2) ? HARD : SOFT);
      i = j;
    }
  }
  return out;
}

/** A learned boundary classifier: decides every non-hard position given the rule decisions. */
export interface BoundaryModel {
  decide(doc: Doc, rules: Uint8Array, first: number): Uint8Array;
}

/** Fills doc.sentences from the token layer, starting at token `first`. */
export function splitSentences(doc: Doc, first = 0, model: BoundaryModel | null = null): void {
  const t = doc.tokens;
  const n = t.count;
  let cuts = ruleBoundaries(doc, first);
  if (model) cuts = model.decide(doc, cuts, first);
  let start = first;
  for (let i = first; i < n; i++) {
    if (!cuts[i] && i + 1 < n) continue;
    const index = doc.sentences.length;
    doc.sentences.push({ index, start: t.start[start], end: t.end[i], tokenStart: start, tokenEnd: i + 1 });
    for (let k = start; k <= i; k++) t.sentence[k] = index;
    start = i + 1;
  }
}

const DASH = /^(?:-{1,2}|—|–)$/;

/**
 * If a dateline (see dateline.ts) starts at token i at the start of a line, returns the index of
 * its closing dash, else -1; the word after the dash must start with a capital or a quote mark.
 */
function datelineEnd(doc: Doc, i: number): number {
  const t = doc.tokens;
  const text = doc.text;
  const ls = text.lastIndexOf("\n", t.start[i] - 1) + 1;
  if (text.slice(ls, t.start[i]).trim() !== "") return -1;
  const le = text.indexOf("\n", t.start[i]);
  const len = datelineLength(text, t.start[i], le < 0 ? text.length : le);
  if (!len) return -1;
  let k = i;
  while (k + 1 < t.count && t.end[k + 1] <= t.start[i] + len) k++;
  if (k + 1 >= t.count || !DASH.test(t.form[k]) || !/^[\p{Lu}"“]/u.test(t.form[k + 1])) return -1;
  return k;
}

/**
 * Surface tokens (CoNLL 2018 sense) as [start, end] pairs: a word and the
 * clitics split from it ("did" + "n't") form one surface token.
 */
export function surfaceTokens(doc: Doc): Array<[number, number]> {
  const t = doc.tokens;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < t.count; i++) {
    const last = out[out.length - 1];
    const f = t.form[i];
    const prev = last ? doc.text.slice(last[0], last[1]) : "";
    if (last && last[1] === t.start[i] && ((isCliticWord(f) && isJoinable(f, prev)) || ((f === "'" || f === "’") && possessiveApostrophe(doc.text, t.start[i], prev)))) last[1] = t.end[i];
    else out.push([t.start[i], t.end[i]]);
  }
  return out;
}

function isJoinable(clitic: string, prev: string): boolean {
  if (!/[\p{L}\d]$/u.test(prev)) return false;
  if (/^(?:na|ta|nna)$/i.test(clitic)) return /^(?:gon|wan|got|gim|lem)$/i.test(prev);
  if (/^not$/i.test(clitic)) return /^can$/i.test(prev);
  return true;
}

/** A bare apostrophe after a plural ("workers'") is a possessive unless a single quote was opened before it. */
function possessiveApostrophe(text: string, at: number, prev: string): boolean {
  if (!/s$/i.test(prev)) return false;
  const before = text.slice(Math.max(0, at - 200), at);
  const nl = before.lastIndexOf("\n");
  return !/(?:^|[\s(\[])['‘][\p{L}\d]/u.test(before.slice(nl + 1));
  return true;
}
