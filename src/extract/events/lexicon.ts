import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The event lexicon: which words, in which dependency context, state which
 * CAMEO event. Two file formats are read (both documented in
 * lexicons/events/README.md):
 *
 * - eventwire patterns (`*.tsv`): one pattern per line,
 *   `POS<TAB>LEMMA<TAB>CODE<TAB>CONDITIONS`, conditions over the trigger's
 *   dependents (obj=..., prep:at=..., any=..., neg, ...).
 * - PETRARCH verb dictionaries (`*.txt`, CAMEO.2.0 format): verb blocks,
 *   synsets and word-order patterns `- pre * post (PREP noun) [code]`, which
 *   are matched here over the words of the verb's clause in text order.
 *
 * Patterns of later files take precedence over earlier ones at equal
 * specificity, and eventwire patterns over PETRARCH patterns.
 */

/** One word slot of a pattern: literal words (consecutive) or a synset. */
export interface Term {
  words: string[];
  synset: Set<string> | null;
  /** Must follow the previous term's words directly (joined to it by "_": "&TIETYPES_MEMOS"). */
  glued?: boolean;
}

export interface Pattern {
  code: string | null; // null = "do not code" ([---])
  /** PETRARCH `[A:B]`: the target does B to the source at the same time (visit/host). */
  reverse?: string | null;
  /** PETRARCH word-order terms. */
  pre: Term[];
  post: Term[];
  /** eventwire dependency conditions. */
  cond: Condition[];
  specificity: number;
  /** Later files win ties. */
  rank: number;
  /** Load order: later lines win ties within a file. */
  order?: number;
  /** PETRARCH "ABOUT +": the target is the object of this preposition. */
  targetPrep?: string;
  origin: string;
}

export type Condition =
  | { kind: "obj"; words: Set<string> | null } // direct object (or passive subject) head lemma
  | { kind: "prep"; prep: string; words: Set<string> | null } // oblique/nmod introduced by prep
  | { kind: "any"; words: Set<string> } // any word in the clause
  | { kind: "prt"; word: string } // particle / following word (phrasal verbs)
  | { kind: "neg" } // trigger must be negated (the negation is part of the meaning)
  | { kind: "target" }; // a coded target actor is required

export interface TriggerEntry {
  /** Default code of the trigger (null: only patterns code it). */
  code: string | null;
  reverse?: string | null;
  patterns: Pattern[];
  origin: string;
}

export class EventLexicon {
  /** lemma -> entries, for verbs and for nominal triggers. */
  verbs = new Map<string, TriggerEntry[]>();
  nouns = new Map<string, TriggerEntry[]>();
  /** Irregular form -> lemma (from PETRARCH {FORMS}). */
  forms = new Map<string, string>();
  synsets = new Map<string, Set<string>>();
  files: string[] = [];
  private rank = 0;
  private order = 0;

  entries(pos: "V" | "N", lemma: string): TriggerEntry[] | undefined {
    return (pos === "V" ? this.verbs : this.nouns).get(lemma);
  }

  private add(pos: "V" | "N", lemma: string, e: TriggerEntry): void {
    const m = pos === "V" ? this.verbs : this.nouns;
    const l = m.get(lemma);
    if (l) l.unshift(e);
    else m.set(lemma, [e]);
  }

  /** Loads a file by extension; returns an error line instead of throwing. */
  load(path: string): string | null {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      return `${path}: cannot read event lexicon (${(e as Error).message})`;
    }
    this.files.push(path);
    return path.endsWith(".tsv") ? this.loadTsv(text, path) : this.loadPetrarch(text, path);
  }

  // ---------------------------------------------------------------- eventwire
  loadTsv(text: string, origin: string): string | null {
    const rank = ++this.rank;
    const lines = text.split("\n");
    const errors: string[] = [];
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n].replace(/#.*$/, "").trim();
      if (!line) continue;
      const f = line.split(/\t+/);
      if (f.length < 3 || (f[0] !== "V" && f[0] !== "N")) {
        errors.push(`${origin}:${n + 1}: expected POS<TAB>LEMMA<TAB>CODE[<TAB>CONDITIONS]`);
        continue;
      }
      const pos = f[0] as "V" | "N";
      const code = normCode(f[2]);
      const reverse = f[2].includes(":") ? normCode(f[2].split(":")[1]) : null;
      const cond: Condition[] = [];
      // conditions: the rest of the line, separated by tabs or spaces
      for (const c of f.slice(3).join(" ").split(/\s+/).filter(Boolean)) {
        const eq = c.indexOf("=");
        const key = eq < 0 ? c : c.slice(0, eq);
        const val = eq < 0 ? "" : c.slice(eq + 1);
        const words = val && val !== "*" ? this.wordSet(val) : null;
        if (key === "obj") cond.push({ kind: "obj", words });
        else if (key.startsWith("prep:")) cond.push({ kind: "prep", prep: key.slice(5), words });
        else if (key === "any" && words) cond.push({ kind: "any", words });
        else if (key === "prt") cond.push({ kind: "prt", word: val.toLowerCase() });
        else if (key === "neg") cond.push({ kind: "neg" });
        else if (key === "target") cond.push({ kind: "target" });
        else errors.push(`${origin}:${n + 1}: unknown condition "${c}"`);
      }
      const lemma = f[1].toLowerCase();
      // an eventwire line outranks any PETRARCH pattern (specificity 50+)
      const pat: Pattern = { code, reverse, pre: [], post: [], cond, specificity: 50 + cond.length * 10, rank, order: ++this.order, origin: `${origin}:${n + 1}` };
      this.add(pos, lemma, { code: null, patterns: [pat], origin: pat.origin });
    }
    return errors.length ? errors.join("\n") : null;
  }

  private wordSet(val: string): Set<string> {
    const s = new Set<string>();
    for (const w of val.split("|")) {
      if (w.startsWith("&")) for (const x of this.synsets.get(synKey(w.slice(1))) ?? []) s.add(x);
      else s.add(w.toLowerCase().replace(/_/g, " "));
    }
    return s;
  }

  // ----------------------------------------------------------------- PETRARCH
  loadPetrarch(text: string, origin: string): string | null {
    const rank = ++this.rank;
    const lines = text.split("\n");
    let synset: Set<string> | null = null;
    let blockCode: string | null = null;
    let blockReverse: string | null = null;
    let blockEntries: TriggerEntry[] = [];
    let inBlock = false;
    const pendingPatterns: { line: string; n: number }[] = [];
    const flush = () => {
      // patterns of a block apply to every verb of the block
      for (const { line, n } of pendingPatterns) {
        const p = this.parsePattern(line, `${origin}:${n + 1}`, rank);
        if (!p) continue;
        for (const e of blockEntries) {
          const w = (e as TriggerEntry & { words?: { pre: string[]; post: string[] } }).words;
          if (!w) e.patterns.push(p);
          else {
            // a multi-word verb keeps its own words in every block pattern
            const pre = w.pre.length ? [{ words: w.pre, synset: null }, ...p.pre] : p.pre;
            const post = w.post.length ? [{ words: w.post, synset: null }, ...p.post] : p.post;
            e.patterns.push({ ...p, pre, post, specificity: p.specificity + w.pre.length + w.post.length });
          }
        }
      }
      pendingPatterns.length = 0;
      blockEntries = [];
    };
    for (let n = 0; n < lines.length; n++) {
      const raw = lines[n];
      const line = raw.replace(/#.*$/, "").trimEnd();
      if (!line.trim()) { synset = null; continue; }
      if (line.startsWith("&")) {
        synset = new Set();
        this.synsets.set(synKey(line.slice(1)), synset);
        continue;
      }
      if (line.startsWith("+") && synset) {
        synset.add(line.slice(1).trim().replace(/_+$/, "").replace(/_/g, " ").toLowerCase());
        continue;
      }
      const block = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
      if (block) {
        flush();
        synset = null;
        inBlock = true;
        blockCode = normCode(block[2]);
        blockReverse = block[2].includes(":") ? normCode(block[2].split(":")[1]) : null;
        continue;
      }
      if (!inBlock) continue;
      if (line.startsWith("-")) {
        pendingPatterns.push({ line, n });
        continue;
      }
      // a verb line: WORD[_PARTICLE] {FORMS} [CODE]; in multi-word verbs "+" marks the verb itself
      // ("+CORDON_OFF", "WIRE_+TAP"), the other words must precede or follow it in the clause
      const m = /^([+A-Z][+A-Z0-9_\-']*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line.trim());
      if (!m) continue;
      const parts = m[1].replace(/_+$/, "").toLowerCase().split("_").filter(Boolean);
      if (!parts.length) continue;
      let hi = parts.findIndex((w) => w.startsWith("+"));
      if (hi < 0) hi = 0;
      const words = parts.map((w) => w.replace(/^\+/, ""));
      const lemma = words[hi];
      if (!lemma) continue;
      if (m[2]) {
        for (const form of m[2].slice(1, -1).trim().split(/\s+/)) {
          if (!form) continue;
          const fp = form.toLowerCase().split("_").filter(Boolean);
          const fh = fp.findIndex((w) => w.startsWith("+"));
          const f = (fp[fh < 0 ? 0 : fh] ?? "").replace(/^\+/, "");
          if (f && f !== lemma) this.forms.set(f, lemma);
        }
      }
      const code = m[3] ? normCode(m[3].slice(1, -1)) : blockCode;
      const reverse = m[3] ? (m[3].includes(":") ? normCode(m[3].slice(1, -1).split(":")[1]) : null) : blockReverse;
      const entry: TriggerEntry = { code, reverse, patterns: [], origin: `${origin}:${n + 1}` };
      if (words.length > 1) {
        const pre = words.slice(0, hi);
        const post = words.slice(hi + 1);
        entry.patterns.push({ code, reverse, pre: pre.length ? [{ words: pre, synset: null }] : [], post: post.length ? [{ words: post, synset: null }] : [], cond: [], specificity: words.length - 1, rank, origin: entry.origin });
        entry.code = null;
        // the patterns of the block apply to the multi-word verb too, but only together with its words
        (entry as TriggerEntry & { words?: { pre: string[]; post: string[] } }).words = { pre, post };
      }
      this.add("V", lemma, entry);
      blockEntries.push(entry);
    }
    flush();
    return null;
  }

  private parsePattern(line: string, origin: string, rank: number): Pattern | null {
    const cm = /\[([^\]]*)\]\s*$/.exec(line);
    if (!cm) return null;
    // a marker that is not a CAMEO code ("[+++]" in some PETRARCH test files) is no pattern at all
    const raw = cm[1].split(":")[0].trim();
    if (raw && !raw.startsWith("---") && !/^\d/.test(raw)) return null;
    const code = normCode(cm[1]);
    const reverse = cm[1].includes(":") ? normCode(cm[1].split(":")[1]) : null;
    let body = line.slice(1, cm.index).trim();
    // "ABOUT +", "(OF) +": a preposition right before the target marker introduces the target ("AT ^ +" skips
    // an actor first: no preposition of its own)
    const marked = /([A-Z]+)\)?\s*\+/.exec(body);
    const targetPrep = marked && PREPOSITIONS.has(marked[1].toLowerCase()) ? marked[1].toLowerCase() : undefined;
    body = body.replace(/[$+%^]/g, " ");
    const star = body.indexOf("*");
    if (star < 0) return null;
    const pre = this.parseTerms(body.slice(0, star));
    const post = this.parseTerms(body.slice(star + 1));
    let spec = 0;
    for (const t of [...pre, ...post]) spec += t.words.length || 1;
    return { code, reverse, pre, post, cond: [], specificity: spec, rank, origin, ...(targetPrep ? { targetPrep } : {}) };
  }

  private parseTerms(s: string): Term[] {
    const out: Term[] = [];
    const re = /\{([^}]*)\}|([&A-Z0-9'\-_]+)/gi;
    const plain = s.replace(/[()]/g, " ");
    for (let m = re.exec(plain); m; m = re.exec(plain)) {
      if (m[1] !== undefined) {
        const ws = m[1].trim().split(/\s+/).filter(Boolean);
        // a {multi word} group may contain synsets: expand them as separate terms
        for (const w of ws) out.push(...this.joined(w));
      } else if (m[2] !== undefined) {
        out.push(...this.joined(m[2]));
      }
    }
    return out;
  }

  /**
   * An underscore-joined pattern word: plain words in a row are one term; a synset inside it
   * ("&TIETYPES_MEMOS", "MEMOS_ON_&TIETYPES") is a term of its own, its name the longest one defined.
   */
  private joined(w: string): Term[] {
    if (!w.includes("&")) return [this.term(w)];
    const seg = w.split("_");
    const out: Term[] = [];
    let words: string[] = [];
    for (let i = 0; i < seg.length; i++) {
      if (!seg[i].startsWith("&")) {
        if (seg[i]) words.push(seg[i]);
        continue;
      }
      if (words.length) out.push(this.term(words.join("_")));
      words = [];
      let j = seg.length - 1;
      while (j > i && !this.synsets.has(synKey(seg.slice(i, j + 1).join("_").slice(1)))) j--;
      out.push(this.term(seg.slice(i, j + 1).join("_")));
      i = j;
    }
    if (words.length) out.push(this.term(words.join("_")));
    for (let k = 1; k < out.length; k++) out[k].glued = true;
    return out;
  }

  private term(w: string): Term {
    if (w.startsWith("&")) return { words: [], synset: this.synsets.get(synKey(w.slice(1))) ?? new Set() };
    const words = w.replace(/_+$/, "").toLowerCase().split("_").filter(Boolean);
    return { words, synset: null };
  }
}

/** Prepositions that can introduce a PETRARCH pattern's marked target. */
const PREPOSITIONS = new Set(["about", "at", "with", "to", "against", "on", "of", "for", "from", "toward", "towards", "into", "over", "upon", "in", "by"]);

/** Synset names are matched without case and trailing underscores ("&PREPOSIT1_" = "&PREPOSIT1"). */
function synKey(name: string): string {
  return name.trim().toUpperCase().replace(/_+$/, "");
}

function normCode(c: string): string | null {
  const code = c.split(":")[0].trim();
  // "---" means "do not code"; so does any marker that is not a CAMEO code ("+++")
  return !code || code.startsWith("---") || !/^\d/.test(code) ? null : code;
}

/** lexicons/ next to the compiled code (dist/src/extract/events -> repo root). */
export const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "lexicons");

/** The shipped lexicon: CAMEO 2.0 verb patterns, then eventwire's own patterns, then user files. */
export function loadEventLexicon(opts: { userLexicons?: string[]; replaceDefault?: string[] } = {}): { lexicon: EventLexicon; errors: string[] } {
  const lex = new EventLexicon();
  const errors: string[] = [];
  const files = opts.replaceDefault ?? [join(LEXICON_DIR, "events", "cameo2-verbs.txt"), join(LEXICON_DIR, "events", "core.tsv")];
  for (const f of [...files, ...(opts.userLexicons ?? [])]) {
    if (!existsSync(f)) {
      errors.push(`${f}: event lexicon not found`);
      continue;
    }
    const e = lex.load(f);
    if (e) errors.push(e);
  }
  return { lexicon: lex, errors };
}
