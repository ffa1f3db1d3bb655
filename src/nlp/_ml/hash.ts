/**
 * 32-bit hashing for feature extraction: strings are hashed once per token
 * (FNV-1a), templates combine integer atoms with a multiplicative mixer, so a
 * feature is one int and never a string in the hot loop.
 */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes an atom into a running feature hash (murmur3-style finalisation steps). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche so that low bits are usable as a table index. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function f1(t: number, a: number): number {
  return fmix(mix(mix(0x9747b28c, t), a));
}
export function f2(t: number, a: number, b: number): number {
  return fmix(mix(mix(mix(0x9747b28c, t), a), b));
}
export function f3(t: number, a: number, b: number, c: number): number {
  return fmix(mix(mix(mix(mix(0x9747b28c, t), a), b), c));
}
export function f4(t: number, a: number, b: number, c: number, d: number): number {
  return fmix(mix(mix(mix(mix(mix(0x9747b28c, t), a), b), c), d));
}
