import { open, stat } from "node:fs/promises";
import type { InputFailure } from "../model/index.js";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; bytes: Buffer; warnings: InputFailure[] }
  | { ok: false; failure: InputFailure };

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; failure: InputFailure };

const fail = (input: string, reason: string): { ok: false; failure: InputFailure } => ({ ok: false, failure: { input, reason, severity: "error" } });

/**
 * Reads one input file as text, refusing what is not an article: a file over
 * `maxBytes` is refused from its size alone (never read into memory), an
 * empty file or one with NUL bytes (binary) is refused; invalid UTF-8 is
 * decoded with U+FFFD and reported as a warning.
 */
export async function readTextFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const r = await readInputBytes(path, maxBytes);
  return r.ok ? decodeText(path, r.bytes) : r;
}

/** The bytes of one input file, refusing by size alone (never read) and refusing empty files. */
export async function readInputBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<BytesResult> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) return fail(path, "not a regular file");
    size = st.size;
  } catch (err) {
    return fail(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > maxBytes) return fail(path, `too large: ${size} bytes, limit ${maxBytes} (--max-bytes)`);
  let bytes: Buffer;
  try {
    const fh = await open(path, "r");
    try {
      bytes = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (err) {
    return fail(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // the file may have grown between stat and read
  if (bytes.length > maxBytes) return fail(path, `too large: over ${maxBytes} bytes (--max-bytes)`);
  if (bytes.length === 0) return fail(path, "empty file");
  return { ok: true, bytes };
}

/** Decodes bytes that should be text; see readTextFile for what is refused. */
export function decodeText(input: string, bytes: Buffer): ReadResult {
  if (bytes.length === 0) return fail(input, "empty file");
  if (bytes.includes(0)) return fail(input, "binary content (NUL bytes), not text");
  const warnings: InputFailure[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("utf-8").decode(bytes);
    let bad = 0;
    for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) bad++;
    warnings.push({ input, reason: `invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD`, severity: "warning" });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return fail(input, "empty file (only whitespace)");
  return { ok: true, text, bytes, warnings };
}
