import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AttributionKind } from "../../model/index.js";
import { LEXICONS } from "../../model/paths.js";

export type CueTone = "neutral" | "assertive" | "hedged" | "-";
/**
 * clause: "X said (that) ..."; object: "X criticized Y"; prep: "according to X";
 * raising: "X seems to ..." (no source: the subject belongs to what is presented).
 */
export type CueFrame = "clause" | "object" | "prep" | "raising";

export interface CueEntry {
  /** Lemma or multi-word cue as written in the lexicon, e.g. "say", "call for". */
  cue: string;
  kind: AttributionKind;
  tone: CueTone;
  frame: CueFrame;
}

/** One surface form of a cue: its lower-case words, token by token. */
export interface CueForm {
  words: string[];
  entry: CueEntry;
}

/**
 * The cue lexicon, indexed by the lower-case first word of each form so a
 * token can be tested with one map lookup.
 */
export class CueLexicon {
  readonly entries = new Map<string, CueEntry>();
  readonly byFirst = new Map<string, CueForm[]>();

  /** Longest cue form starting at token `i` of `forms` (lower-case), or null. */
  match(lower: string[], i: number, end: number): CueForm | null {
    const cands = this.byFirst.get(lower[i]);
    if (!cands) return null;
    let best: CueForm | null = null;
    for (const f of cands) {
      if (i + f.words.length > end) continue;
      let ok = true;
      for (let k = 1; k < f.words.length; k++) if (lower[i + k] !== f.words[k]) { ok = false; break; }
      if (ok && (!best || f.words.length > best.words.length)) best = f;
    }
    return best;
  }
}

const KINDS = new Set(["speech", "written", "report", "belief"]);
const TONES = new Set(["neutral", "assertive", "hedged", "-"]);
const FRAMES = new Set(["clause", "object", "prep", "raising"]);

/** Regular inflections of a verb lemma: -s, -ed, -ing. */
export function inflect(lemma: string): string[] {
  const out = new Set<string>([lemma]);
  const cons = /[^aeiou]y$/.test(lemma);
  if (/(s|x|z|ch|sh)$/.test(lemma)) out.add(lemma + "es");
  else if (cons) out.add(lemma.slice(0, -1) + "ies");
  else out.add(lemma + "s");
  if (lemma.endsWith("e")) {
    out.add(lemma + "d");
    out.add(lemma.slice(0, -1) + "ing");
  } else if (cons) {
    out.add(lemma.slice(0, -1) + "ied");
    out.add(lemma + "ing");
  } else {
    out.add(lemma + "ed");
    out.add(lemma + "ing");
  }
  return [...out];
}

/** Parses one lexicon file's text; throws with file:line on a malformed line. */
export function parseCueLexicon(text: string, source: string, into: Map<string, { entry: CueEntry; forms: string[] } | null>): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, n) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    if (line.startsWith("!")) {
      // a surface form that is never a cue (mostly a noun: "states", "tweet")
      for (const f of line.slice(1).split(/[\t,]/)) if (f.trim()) into.set("!" + f.trim().toLowerCase(), null);
      return;
    }
    const cols = raw.split("\t").map((c) => c.trim());
    const [cue, kind, tone = "-", frame = "clause", forms = ""] = cols;
    if (!cue) throw new Error(`${source}:${n + 1}: empty cue`);
    const key = cue.toLowerCase();
    if (kind === "-") {
      into.set(key, null);
      return;
    }
    if (!KINDS.has(kind)) throw new Error(`${source}:${n + 1}: unknown kind "${kind}" (speech|written|report|belief|-)`);
    if (!TONES.has(tone)) throw new Error(`${source}:${n + 1}: unknown tone "${tone}"`);
    if (!FRAMES.has(frame)) throw new Error(`${source}:${n + 1}: unknown frame "${frame}" (clause|object|prep|raising)`);
    const words = key.split(/\s+/);
    let list: string[];
    if (forms) list = forms.toLowerCase().split(",").map((f) => f.trim()).filter(Boolean);
    else {
      const rest = words.slice(1).join(" ");
      list = inflect(words[0]).map((f) => (rest ? `${f} ${rest}` : f));
    }
    if (forms && !list.includes(key)) list.push(key);
    into.set(key, { entry: { cue: key, kind: kind as AttributionKind, tone: tone as CueTone, frame: frame as CueFrame }, forms: list });
  });
}

/** The bundled cue lexicon: lexicons/cues/cues.tsv. */
export function defaultCueLexiconPath(): string {
  return join(LEXICONS, "cues", "cues.tsv");
}

/** Loads the bundled cue lexicon plus user lexicons (later files override earlier cues). */
export function loadCueLexicon(userLexicons: string[] = []): CueLexicon {
  const acc = new Map<string, { entry: CueEntry; forms: string[] } | null>();
  for (const path of [defaultCueLexiconPath(), ...userLexicons]) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      throw new Error(`${path}: cannot read cue lexicon (${(e as Error).message})`);
    }
    parseCueLexicon(text, path, acc);
  }
  const lex = new CueLexicon();
  const stop = new Set([...acc.keys()].filter((k) => k.startsWith("!")).map((k) => k.slice(1)));
  for (const v of acc.values()) {
    if (!v) continue;
    lex.entries.set(v.entry.cue, v.entry);
    for (const f of v.forms) {
      if (stop.has(f)) continue;
      const words = f.split(/\s+/);
      const list = lex.byFirst.get(words[0]) ?? [];
      list.push({ words, entry: v.entry });
      lex.byFirst.set(words[0], list);
    }
  }
  return lex;
}
