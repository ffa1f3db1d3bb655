/**
 * Language identification (ISO 639-1).
 *
 * 1. Script: text dominated by a script that one language in our set owns is
 *    decided by the script (kana → ja, Han → zh, Hangul → ko, Cyrillic → ru,
 *    Arabic → ar, Greek → el, Hebrew → he, Thai → th, Devanagari → hi).
 * 2. Latin script: multinomial naive Bayes over character trigrams of the
 *    lower-cased words (padded with spaces), profiles in
 *    lexicons/languages/trigrams.json built from self-written parallel news
 *    text (lexicons/languages/text/*.txt, see the README there).
 * "und" when the text is too short, or its trigrams are mostly unknown to the
 * best profile (a language we have no profile for).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { LanguageGuess } from "../model/index.js";

export type { LanguageGuess };

interface ProfileFile {
  version: string;
  languages: Record<string, { total: number; counts: Record<string, number> }>;
}

const PROFILE_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "lexicons", "languages", "trigrams.json");

interface Model {
  langs: string[];
  /** trigram → log P(trigram | lang) per language index */
  logp: Map<string, Float64Array>;
  /** log P for an unseen trigram, per language */
  unseen: Float64Array;
}

let model: Model | null = null;

/** Trigrams of a text: lower-cased letter runs padded with one space each side. */
export function trigrams(text: string, into: Map<string, number> = new Map()): Map<string, number> {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const w of words) {
    const s = ` ${w} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      const t = s.slice(i, i + 3);
      into.set(t, (into.get(t) ?? 0) + 1);
    }
  }
  return into;
}

/** Builds the profile file content from texts per language (used by lexicons/languages/build.mjs). */
export function buildProfiles(texts: Record<string, string>, version: string): ProfileFile {
  const languages: ProfileFile["languages"] = {};
  for (const [lang, text] of Object.entries(texts)) {
    const counts = trigrams(text);
    let total = 0;
    for (const c of counts.values()) total += c;
    languages[lang] = { total, counts: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])) };
  }
  return { version, languages };
}

function loadModel(): Model {
  if (model) return model;
  const file = JSON.parse(readFileSync(PROFILE_PATH, "utf8")) as ProfileFile;
  const langs = Object.keys(file.languages).filter((l) => LATIN.has(l));
  const vocab = new Set<string>();
  for (const l of langs) for (const t of Object.keys(file.languages[l].counts)) vocab.add(t);
  const V = vocab.size + 1;
  const alpha = 0.5;
  const unseen = new Float64Array(langs.length);
  langs.forEach((l, i) => (unseen[i] = Math.log(alpha / (file.languages[l].total + alpha * V))));
  const logp = new Map<string, Float64Array>();
  for (const t of vocab) {
    const a = new Float64Array(langs.length);
    langs.forEach((l, i) => {
      const c = file.languages[l].counts[t] ?? 0;
      a[i] = Math.log((c + alpha) / (file.languages[l].total + alpha * V));
    });
    logp.set(t, a);
  }
  model = { langs, logp, unseen };
  return model;
}

const LATIN = new Set(["en", "de", "fr", "es", "it", "pt", "nl"]);

/** Script of a code point, for the scripts we decide by (one pass, no regex). */
function scriptOf(c: number): string | null {
  if (c < 0x41) return null;
  if (c <= 0x24f) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) ? "latin" : null;
  if (c >= 0x1e00 && c <= 0x1eff) return "latin";
  if (c >= 0x370 && c <= 0x3ff) return "el";
  if (c >= 0x400 && c <= 0x52f) return "ru";
  if (c >= 0x590 && c <= 0x5ff) return "he";
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff)) return "ar";
  if (c >= 0x900 && c <= 0x97f) return "hi";
  if (c >= 0xe00 && c <= 0xe7f) return "th";
  if (c >= 0x3040 && c <= 0x30ff) return "kana";
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff)) return "han";
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return "ko";
  return null;
}

const MAX_CHARS = 4000;

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const counts: Record<string, number> = { latin: 0, kana: 0, han: 0, ko: 0, ru: 0, ar: 0, el: 0, he: 0, th: 0, hi: 0 };
  let letters = 0;
  for (const ch of sample) {
    const sc = scriptOf(ch.codePointAt(0)!);
    if (sc) {
      counts[sc]++;
      letters++;
    }
  }
  if (letters < 12) return { language: "und", confidence: 0 };
  const cjk = counts.kana + counts.han;
  if (cjk / letters > 0.3) {
    if (counts.kana / cjk > 0.05) return { language: "ja", confidence: Math.min(1, cjk / letters) };
    return { language: "zh", confidence: Math.min(1, cjk / letters) };
  }
  let bestScript = "latin";
  for (const k of Object.keys(counts)) if (k !== "kana" && k !== "han" && counts[k] > counts[bestScript]) bestScript = k;
  const share = counts[bestScript] / letters;
  if (bestScript !== "latin") {
    if (share <= 0.5) return { language: "und", confidence: share };
    let lang = bestScript;
    // Languages sharing a script with ru / ar, told apart by letters only they use.
    if (lang === "ru" && /[іїєґ]/iu.test(sample)) lang = "uk";
    if (lang === "ar" && /[ٹڈڑںے]/u.test(sample)) lang = "ur";
    else if (lang === "ar" && /[پچژگ]/u.test(sample)) lang = "fa";
    return { language: lang, confidence: Math.round(share * 1000) / 1000 };
  }
  if (share < 0.5) return { language: "und", confidence: share };

  const m = loadModel();
  const tg = trigrams(sample);
  const score = new Float64Array(m.langs.length);
  const known = new Float64Array(m.langs.length);
  let n = 0;
  for (const [t, c] of tg) {
    n += c;
    const lp = m.logp.get(t);
    for (let i = 0; i < score.length; i++) {
      score[i] += c * (lp ? lp[i] : m.unseen[i]);
      if (lp && lp[i] !== m.unseen[i]) known[i] += c;
    }
  }
  if (n < 8) return { language: "und", confidence: 0 };
  let b = 0;
  let s = -1;
  for (let i = 1; i < score.length; i++) if (score[i] > score[b]) b = i;
  for (let i = 0; i < score.length; i++) if (i !== b && (s < 0 || score[i] > score[s])) s = i;
  // Margin per trigram between the best and the runner-up, squashed to (0, 1).
  const margin = (score[b] - score[s]) / n;
  let confidence = 1 - Math.exp(-margin * 4);
  // Share of the text's trigrams the winning profile has seen: about 0.7-0.85 for the
  // language itself, under 0.45 for languages we have no profile for (fi, hu, pl, sv).
  const coverage = known[b] / n;
  const minCoverage = n >= 60 ? 0.52 : 0.45;
  if (coverage < minCoverage) return { language: "und", confidence: Math.round(coverage * 1000) / 1000 };
  if (confidence < 0.2) return { language: "und", confidence };
  return { language: m.langs[b], confidence: Math.round(confidence * 1000) / 1000 };
}
