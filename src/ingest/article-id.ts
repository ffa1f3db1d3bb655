import { createHash } from "node:crypto";

/** Text as compared for identity: Unicode NFC, whitespace runs folded, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Hash of the normalised text alone: equal for exact duplicates from different URLs. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normaliseText(text)).digest("hex").slice(0, 32);
}

/** Stable article id: hash of normalised text and URL, so ingesting twice changes nothing. */
export function articleId(text: string, url: string | null): string {
  return createHash("sha256").update(normaliseText(text)).update("\u0000").update(url ?? "").digest("hex").slice(0, 16);
}
