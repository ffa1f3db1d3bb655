import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConlluSentence } from "../nlp/conllu.js";
import { REPO_ROOT } from "../nlp/models.js";

/** Shared gold data lives beside the repository (override with EVENTWIRE_SHARED). */
export const SHARED = process.env.EVENTWIRE_SHARED ?? join(REPO_ROOT, "..", "shared");
export const UD = join(SHARED, "gold", "ud");
export const EWT_TRAIN = join(UD, "en_ewt-ud-train.conllu.gz");
export const EWT_DEV = join(UD, "en_ewt-ud-dev.conllu.gz");

export function requireFile(path: string): string {
  if (!existsSync(path)) throw new Error(`${path}: training data not found (is ../shared present?)`);
  return path;
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Deterministic PRNG (mulberry32) so training runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], r: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
}

export function log(msg: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** A sentence reversed (word i becomes n + 1 - i), for right-to-left tagging and parsing. */
export function reverseSentence(s: ConlluSentence): ConlluSentence {
  const n = s.form.length;
  const rev = <T>(a: T[]) => [...a].reverse();
  return { ...s, form: rev(s.form), lemma: rev(s.lemma), upos: rev(s.upos), xpos: rev(s.xpos), feats: rev(s.feats), deprel: rev(s.deprel), noSpaceAfter: rev(s.noSpaceAfter), head: rev(s.head).map((h) => (h <= 0 ? h : n + 1 - h)) };
}
