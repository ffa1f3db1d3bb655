/**
 * Near-duplicate detection for syndicated copy (the same wire story under a
 * different headline, byline or footer): MinHash signatures over 5-word
 * shingles, their agreement estimating Jaccard similarity, and an LSH index
 * (banded signatures) to find candidates without comparing every pair.
 *
 * Threshold: NEAR_DUPLICATE_THRESHOLD, measured on ../shared/gold/clusters dev
 * (see docs/BENCHMARKS.md "near-duplicates"): syndicated copies score well
 * above it and no two articles of different events reach it.
 */

export const SHINGLE_WORDS = 5;
export const NUM_HASHES = 128;
const BANDS = 32;
const ROWS = NUM_HASHES / BANDS;
/**
 * Estimated Jaccard of 5-word shingles at or above which two texts are near-duplicates.
 * On the clusters dev set (`npm run bench -- neardup`, see docs/BENCHMARKS.md): 12 of 13
 * same-headline wire copies on different sites reach it (one pair scores 0); 7 of 821 pairs of
 * different stories about one event do (max 0.953, re-headlined wire copy by the look of them);
 * no pair of different events does (max 0.133); all 197 synthetic re-headlined copies are found.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.35;
/** Texts with fewer words are never called near-duplicates (their shingles are too few to tell). */
export const MIN_WORDS = 20;

/** A MinHash signature; an all-0xffffffff signature means "too short to compare". */
export type Fingerprint = Uint32Array;

/** Words of a text for comparison: lower-cased letter/digit runs. */
export function comparisonWords(text: string): string[] {
  return text.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: a good 32-bit mix. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = (() => {
  const s = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = mix(x + 0x6d2b79f5);
    s[i] = x;
  }
  return s;
})();

/** Hashes of the distinct word shingles of a text (short texts: one shingle of all words). */
export function shingleHashes(text: string, k = SHINGLE_WORDS): Uint32Array {
  const w = comparisonWords(text);
  const set = new Set<number>();
  if (w.length < k) {
    if (w.length) set.add(fnv1a(w.join(" ")));
  } else {
    // rolling: hash of the joined window
    for (let i = 0; i + k <= w.length; i++) set.add(fnv1a(w.slice(i, i + k).join(" ")));
  }
  return Uint32Array.from(set);
}

/** MinHash fingerprint (NUM_HASHES 32-bit minima). Texts under MIN_WORDS words: all 0xffffffff. */
export function fingerprint(text: string): Fingerprint {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  if (comparisonWords(text).length < MIN_WORDS) return sig;
  const sh = shingleHashes(text);
  for (let j = 0; j < sh.length; j++) {
    const x = sh[j];
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = mix(x ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two texts' shingle sets. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  let eq = 0;
  let emptyA = true;
  let emptyB = true;
  for (let i = 0; i < NUM_HASHES; i++) {
    if (a[i] === b[i]) eq++;
    if (a[i] !== 0xffffffff) emptyA = false;
    if (b[i] !== 0xffffffff) emptyB = false;
  }
  if (emptyA || emptyB) return 0;
  return eq / NUM_HASHES;
}

export function isNearDuplicate(a: string | Fingerprint, b: string | Fingerprint, threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  const fa = typeof a === "string" ? fingerprint(a) : a;
  const fb = typeof b === "string" ? fingerprint(b) : b;
  return similarity(fa, fb) >= threshold;
}

/** Fingerprint as a compact string for storage (base64 of the 512 bytes). */
export function encodeFingerprint(f: Fingerprint): string {
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString("base64");
}
export function decodeFingerprint(s: string): Fingerprint {
  const b = Buffer.from(s, "base64");
  const out = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES && i * 4 + 4 <= b.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/** LSH band keys of a fingerprint (for an index table: band → key → ids). */
export function bandKeys(f: Fingerprint): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ f[b * ROWS + r]);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

/** In-memory index: add texts in order, each is linked to the first earlier near-duplicate. */
export class NearDuplicateIndex<Id = string> {
  private readonly buckets = new Map<string, Id[]>();
  private readonly prints = new Map<Id, Fingerprint>();
  constructor(readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  /** The earliest indexed item that is a near-duplicate of `f` (best similarity on ties), or null. */
  find(f: Fingerprint): { id: Id; similarity: number } | null {
    const seen = new Set<Id>();
    let best: { id: Id; similarity: number; order: number } | null = null;
    let order = 0;
    for (const k of bandKeys(f)) {
      for (const id of this.buckets.get(k) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const s = similarity(f, this.prints.get(id)!);
        if (s >= this.threshold && (!best || s > best.similarity)) best = { id, similarity: s, order: order++ };
      }
    }
    return best ? { id: best.id, similarity: best.similarity } : null;
  }

  add(id: Id, f: Fingerprint): void {
    if (f[0] === 0xffffffff && f.every((x) => x === 0xffffffff)) return; // too short to compare
    this.prints.set(id, f);
    for (const k of bandKeys(f)) {
      const list = this.buckets.get(k);
      if (list) list.push(id);
      else this.buckets.set(k, [id]);
    }
  }

  get size(): number {
    return this.prints.size;
  }
}
