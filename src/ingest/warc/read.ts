/**
 * Streaming WARC reader (.warc and .warc.gz, WARC/1.0 and 1.1).
 *
 * Yields every HTTP `response` record with its byte offset in the file (for
 * .warc.gz: the offset of the gzip member that holds it), so a crashed run
 * resumes with `startOffset` = the offset of the last committed record.
 * Bad records never stop the read: a wrong Content-Length, a truncated or
 * corrupt gzip member, a record without HTTP headers each yield one failure
 * item and the reader resynchronises on the next record (or gzip member).
 *
 * Gzip: WARC files are a concatenation of gzip members, usually one record per
 * member. Each member is inflated with zlib's raw inflate, whose engine reports
 * how many input bytes the member used, which gives the next member's offset
 * without decompressing the whole file as one stream.
 */
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { inflateRawSync, gunzipSync, inflateSync, brotliDecompressSync, crc32, createInflateRaw } from "node:zlib";

export interface WarcResponse {
  kind: "response";
  /** Byte offset of the record (or of its gzip member) in the file. */
  offset: number;
  /** Offset just past the record (or its gzip member): resume here to skip it. */
  nextOffset: number;
  recordId: string | null;
  targetUri: string | null;
  /** WARC-Date as written (ISO 8601). */
  date: string | null;
  /** HTTP Content-Type of the payload, e.g. "text/html; charset=utf-8". */
  contentType: string | null;
  status: number | null;
  /** HTTP response headers, names lower-cased (repeated headers joined with ", "). */
  httpHeaders: Record<string, string>;
  /** HTTP payload, de-chunked and content-decoded. */
  body: Buffer;
}

export interface WarcFailure {
  kind: "failure";
  offset: number;
  nextOffset: number;
  reason: string;
}

export type WarcItem = WarcResponse | WarcFailure;

export interface WarcReadOptions {
  /** Start here (a record or gzip-member boundary, e.g. a previous nextOffset). */
  startOffset?: number;
  /** Bytes read from disk at a time (default 8 MiB). */
  chunkSize?: number;
  /** A single record larger than this is a failure, not a memory blow-up (default 256 MiB). */
  maxRecordBytes?: number;
  /** gzip members inflating past this are streamed rather than inflated in one piece (default 32 MiB). */
  oneShotBytes?: number;
}

const CRLF2 = Buffer.from("\r\n\r\n");
const LF2 = Buffer.from("\n\n");

/** Buffered random-access reader over a file handle. */
class Window {
  buf = Buffer.alloc(0);
  /** File offset of buf[0]. */
  base = 0;
  eof = false;
  constructor(
    private fh: FileHandle,
    private chunk: number,
    start: number,
  ) {
    this.base = start;
    this.filePos = start;
  }
  private filePos: number;
  /** Ensures at least `n` bytes from file offset `at` are buffered (fewer at EOF). Returns available count. */
  async ensure(at: number, n: number): Promise<number> {
    if (at < this.base) throw new Error("window moved backwards");
    if (at >= this.base + this.buf.length) {
      // jump past everything buffered: read on from `at` itself
      this.buf = Buffer.alloc(0);
      this.base = at;
      this.filePos = at;
    } else if (at > this.base) {
      // drop consumed prefix
      const drop = Math.min(at - this.base, this.buf.length);
      this.buf = this.buf.subarray(drop);
      this.base += drop;
    }
    while (this.buf.length - (at - this.base) < n && !this.eof) {
      const want = Math.max(this.chunk, n - (this.buf.length - (at - this.base)));
      const b = Buffer.allocUnsafe(want);
      const { bytesRead } = await this.fh.read(b, 0, want, this.filePos);
      if (bytesRead === 0) {
        this.eof = true;
        break;
      }
      this.filePos += bytesRead;
      this.buf = this.buf.length ? Buffer.concat([this.buf, b.subarray(0, bytesRead)]) : b.subarray(0, bytesRead);
    }
    return Math.max(0, this.buf.length - (at - this.base));
  }
  view(at: number, n?: number): Buffer {
    const s = at - this.base;
    return this.buf.subarray(s, n === undefined ? undefined : s + n);
  }
}

/** Length of a gzip member header starting at b[0], or -1 when b is not one (or too short). */
function gzipHeaderLength(b: Buffer): number {
  if (b.length < 10 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return -1;
  const flg = b[3];
  let p = 10;
  if (flg & 4) {
    if (b.length < p + 2) return -1;
    p += 2 + b.readUInt16LE(p);
  }
  if (flg & 8) {
    while (p < b.length && b[p] !== 0) p++;
    p++;
  }
  if (flg & 16) {
    while (p < b.length && b[p] !== 0) p++;
    p++;
  }
  if (flg & 2) p += 2;
  return p <= b.length ? p : -1;
}

const GZ_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/** Detects gzip by magic bytes, not by file name. */
async function isGzip(fh: FileHandle, at: number): Promise<boolean> {
  const b = Buffer.alloc(2);
  const { bytesRead } = await fh.read(b, 0, 2, at);
  return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
}

export async function* readWarc(path: string, opts: WarcReadOptions = {}): AsyncGenerator<WarcItem> {
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch (err) {
    yield { kind: "failure", offset: 0, nextOffset: 0, reason: `cannot open ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
    return;
  }
  try {
    const start = opts.startOffset ?? 0;
    const win = new Window(fh, opts.chunkSize ?? 8 << 20, start);
    if (await isGzip(fh, start)) yield* readGzipMembers(win, start, opts.maxRecordBytes ?? 256 << 20, path, opts.oneShotBytes ?? 32 << 20);
    else yield* readPlain(win, start, opts.maxRecordBytes ?? 256 << 20);
  } finally {
    await fh.close();
  }
}

/** A gzip member bigger than this (compressed) is streamed instead of inflated in one piece. */
const STREAM_MEMBER_BYTES = 64 << 20;

async function* readGzipMembers(win: Window, start: number, maxBytes: number, path: string, oneShot: number): AsyncGenerator<WarcItem> {
  let pos = start;
  for (;;) {
    let avail = await win.ensure(pos, 64 * 1024);
    if (avail === 0) return;
    const head = win.view(pos, Math.min(avail, 64 * 1024));
    const hl = gzipHeaderLength(head);
    if (hl < 0) {
      // Not a member boundary: resync on the next gzip magic.
      const next = await findNext(win, pos + 1, GZ_MAGIC);
      yield { kind: "failure", offset: pos, nextOffset: next, reason: `not a gzip member at byte ${pos}${next < 0 ? " (no further member)" : `; skipped ${next - pos} bytes`}` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    // Inflate the member; grow the window until the deflate stream ends inside it.
    let want = 1 << 20;
    let out: Buffer | null = null;
    let used = 0;
    let reason = "";
    for (;;) {
      avail = await win.ensure(pos, want);
      const data = win.view(pos + hl, avail - hl);
      try {
        const r = inflateRawSync(data, { info: true, maxOutputLength: oneShot }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
        out = r.buffer;
        used = r.engine.bytesWritten;
        break;
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === "Z_BUF_ERROR") {
          // The member continues past what is buffered, or the file ends inside it.
          const more = await win.ensure(pos, avail + 1);
          if (more > avail && avail >= Math.min(STREAM_MEMBER_BYTES, oneShot)) {
            reason = "stream";
            break;
          }
          if (more > avail) {
            want = Math.max(want, avail) * 2;
            continue;
          }
          // The file ends inside this member: stream it to salvage the complete records
          // before the cut (streamMember reports the truncation).
          reason = "stream";
          break;
        }
        reason = e.code === "ERR_BUFFER_TOO_LARGE" ? "stream" : `corrupt gzip member: ${e.message}`;
        break;
      }
    }
    if (!out && reason === "stream") {
      // A whole file gzipped as one stream (plain `gzip x.warc`), or a giant record:
      // inflate it as a stream and parse records as they come. Records inside it all
      // carry the member's offset (a resume restarts the member; ingest is idempotent).
      let used = -1;
      for await (const item of streamMember(path, pos, hl, maxBytes, (n) => (used = n))) yield item;
      if (used < 0) return; // truncated: reported by streamMember
      pos = pos + hl + used + 8;
      continue;
    }
    if (!out) {
      const next = await findNext(win, pos + hl, GZ_MAGIC);
      yield { kind: "failure", offset: pos, nextOffset: next < 0 ? pos + avail : next, reason: `${reason} at byte ${pos}` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    const memberEnd = pos + hl + used + 8;
    await win.ensure(pos, memberEnd - pos);
    const trailer = win.view(pos + hl + used, 8);
    let trailerProblem = "";
    if (trailer.length < 8) trailerProblem = "truncated gzip trailer";
    else if (trailer.readUInt32LE(0) !== crc32(out) >>> 0) trailerProblem = "gzip CRC mismatch";
    const recordOffset = pos;
    if (trailerProblem) {
      yield { kind: "failure", offset: recordOffset, nextOffset: memberEnd, reason: `${trailerProblem} at byte ${recordOffset}` };
    } else {
      // A member normally holds one record; some writers put several in one.
      for (const item of parseRecords(out, recordOffset, memberEnd)) yield item;
    }
    pos = memberEnd;
  }
}

/** Streams one large gzip member's records; reports the compressed bytes it used through `done`. */
async function* streamMember(path: string, memberOffset: number, headerLength: number, maxBytes: number, done: (used: number) => void): AsyncGenerator<WarcItem> {
  const inflater = createInflateRaw();
  const input = createReadStream(path, { start: memberOffset + headerLength, highWaterMark: 1 << 20 });
  input.on("error", (err) => inflater.destroy(err));
  input.pipe(inflater);
  let acc: Buffer = Buffer.alloc(0);
  const fail = (reason: string): WarcFailure => ({ kind: "failure", offset: memberOffset, nextOffset: memberOffset, reason: `${reason} at byte ${memberOffset}` });
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      acc = acc.length ? Buffer.concat([acc, chunk]) : chunk;
      for (;;) {
        let p = 0;
        while (p < acc.length && (acc[p] === 0x0d || acc[p] === 0x0a)) p++;
        if (p) acc = acc.subarray(p);
        if (acc.length < 5) break;
        if (!acc.subarray(0, 5).equals(WARC_MAGIC)) {
          const i = acc.indexOf(WARC_MAGIC, 1);
          yield fail("bytes that are not a WARC record inside the gzip stream");
          if (i < 0) {
            acc = acc.subarray(Math.max(0, acc.length - 4));
            break;
          }
          acc = acc.subarray(i);
          continue;
        }
        const he = acc.indexOf(CRLF2);
        if (he < 0) {
          if (acc.length > 1 << 20) {
            yield fail("WARC header longer than 1 MB");
            acc = acc.subarray(5);
            continue;
          }
          break;
        }
        const headers = parseHeaderBlock(acc.subarray(0, he).toString("latin1"));
        const len = Number(headers.get("content-length"));
        if (!Number.isFinite(len) || len < 0 || len > maxBytes) {
          yield fail(`WARC record with a bad Content-Length (${headers.get("content-length") ?? "missing"})`);
          acc = acc.subarray(he + 4);
          continue;
        }
        if (acc.length < he + 4 + len) break; // wait for more
        const block = acc.subarray(he + 4, he + 4 + len);
        const item = toItem(headers, Buffer.from(block), memberOffset, memberOffset);
        if (item) yield item;
        acc = acc.subarray(he + 4 + len);
      }
    }
    if (acc.length && acc.some((b) => b !== 0x0d && b !== 0x0a)) yield fail("WARC record truncated at the end of the gzip stream");
    done((inflater as unknown as { bytesWritten: number }).bytesWritten);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    yield fail(e.code === "Z_BUF_ERROR" ? "truncated gzip member (file ends inside it)" : `corrupt gzip member: ${e.message}`);
  } finally {
    input.destroy();
  }
}

/** File offset of the next occurrence of `needle` at or after `from`, or -1. */
async function findNext(win: Window, from: number, needle: Buffer): Promise<number> {
  let at = from;
  for (;;) {
    const avail = await win.ensure(at, 1 << 20);
    if (avail < needle.length) return -1;
    const v = win.view(at, avail);
    const i = v.indexOf(needle);
    if (i >= 0) return at + i;
    if (win.eof) return -1;
    at += avail - needle.length + 1;
  }
}

const WARC_MAGIC = Buffer.from("WARC/");

async function* readPlain(win: Window, start: number, maxBytes: number): AsyncGenerator<WarcItem> {
  let pos = start;
  for (;;) {
    let avail = await win.ensure(pos, 64 * 1024);
    if (avail === 0) return;
    // skip blank lines between records
    let v = win.view(pos, avail);
    let k = 0;
    while (k < v.length && (v[k] === 0x0d || v[k] === 0x0a)) k++;
    if (k === v.length) {
      pos += k;
      continue;
    }
    pos += k;
    avail = await win.ensure(pos, 64 * 1024);
    v = win.view(pos, avail);
    if (!v.subarray(0, 5).equals(WARC_MAGIC)) {
      const next = await findNext(win, pos + 1, WARC_MAGIC);
      yield { kind: "failure", offset: pos, nextOffset: next, reason: `no WARC record at byte ${pos}${next < 0 ? "" : `; skipped ${next - pos} bytes`}` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    let he = v.indexOf(CRLF2);
    let sepLen = 4;
    if (he < 0) {
      he = v.indexOf(LF2);
      sepLen = 2;
    }
    if (he < 0) {
      yield { kind: "failure", offset: pos, nextOffset: -1, reason: `WARC header not terminated at byte ${pos} (truncated file)` };
      return;
    }
    const headers = parseHeaderBlock(v.subarray(0, he).toString("latin1"));
    const len = Number(headers.get("content-length"));
    if (!Number.isFinite(len) || len < 0) {
      const next = await findNext(win, pos + 1, WARC_MAGIC);
      yield { kind: "failure", offset: pos, nextOffset: next, reason: `WARC record at byte ${pos} has no valid Content-Length` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    if (len > maxBytes) {
      const next = await findNext(win, pos + he + sepLen + len, WARC_MAGIC);
      yield { kind: "failure", offset: pos, nextOffset: next, reason: `WARC record at byte ${pos} is larger than ${maxBytes} bytes` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    const total = he + sepLen + len;
    avail = await win.ensure(pos, total + 4);
    if (avail < total) {
      yield { kind: "failure", offset: pos, nextOffset: pos + avail, reason: `WARC record at byte ${pos} is truncated (Content-Length ${len}, ${avail - he - sepLen} bytes left in file)` };
      return;
    }
    const after = win.view(pos + total, Math.min(4, avail - total));
    const endOk = after.length === 0 || after[0] === 0x0d || after[0] === 0x0a;
    if (!endOk) {
      // Content-Length is wrong: the next record does not start where it says.
      const next = await findNext(win, pos + he + sepLen, WARC_MAGIC);
      yield { kind: "failure", offset: pos, nextOffset: next, reason: `WARC record at byte ${pos} has a wrong Content-Length (${len}): no record boundary after it` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    const block = Buffer.from(win.view(pos + he + sepLen, len)); // a copy: the window is reused
    let nextOffset = pos + total;
    // consume the record's trailing CRLFs
    const tail = win.view(nextOffset, Math.min(4, avail - total));
    let t = 0;
    while (t < tail.length && (tail[t] === 0x0d || tail[t] === 0x0a)) t++;
    nextOffset += t;
    const item = toItem(headers, block, pos, nextOffset);
    if (item) yield item;
    pos = nextOffset;
  }
}

/** Records inside one decompressed gzip member (usually exactly one). */
function* parseRecords(data: Buffer, offset: number, nextOffset: number): Generator<WarcItem> {
  let p = 0;
  while (p < data.length) {
    while (p < data.length && (data[p] === 0x0d || data[p] === 0x0a)) p++;
    if (p >= data.length) break;
    if (!data.subarray(p, p + 5).equals(WARC_MAGIC)) {
      yield { kind: "failure", offset, nextOffset, reason: `gzip member at byte ${offset} does not hold a WARC record` };
      return;
    }
    let he = data.indexOf(CRLF2, p);
    let sepLen = 4;
    if (he < 0) {
      he = data.indexOf(LF2, p);
      sepLen = 2;
    }
    if (he < 0) {
      yield { kind: "failure", offset, nextOffset, reason: `WARC header not terminated in gzip member at byte ${offset}` };
      return;
    }
    const headers = parseHeaderBlock(data.subarray(p, he).toString("latin1"));
    const len = Number(headers.get("content-length"));
    const bodyStart = he + sepLen;
    if (!Number.isFinite(len) || len < 0 || bodyStart + len > data.length) {
      yield {
        kind: "failure",
        offset,
        nextOffset,
        reason: `WARC record in gzip member at byte ${offset} has a wrong Content-Length (${headers.get("content-length") ?? "missing"}; ${data.length - bodyStart} bytes present)`,
      };
      return;
    }
    const after = bodyStart + len;
    if (after < data.length && data[after] !== 0x0d && data[after] !== 0x0a) {
      yield { kind: "failure", offset, nextOffset, reason: `WARC record in gzip member at byte ${offset} has a wrong Content-Length (${len}): no record boundary after it` };
      return;
    }
    const item = toItem(headers, data.subarray(bodyStart, after), offset, nextOffset);
    if (item) yield item;
    p = after;
  }
}

/** Parses "Name: value" lines (the first line, WARC/1.x or HTTP/1.x status, is skipped). Names lower-cased. */
function parseHeaderBlock(text: string): Map<string, string> {
  const m = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let last = "";
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if ((line[0] === " " || line[0] === "\t") && last) {
      m.set(last, `${m.get(last)} ${line.trim()}`);
      continue;
    }
    const c = line.indexOf(":");
    if (c <= 0) continue;
    const k = line.slice(0, c).trim().toLowerCase();
    const val = line.slice(c + 1).trim();
    m.set(k, m.has(k) ? `${m.get(k)}, ${val}` : val);
    last = k;
  }
  return m;
}

function toItem(h: Map<string, string>, block: Buffer, offset: number, nextOffset: number): WarcItem | null {
  if ((h.get("warc-type") ?? "").toLowerCase() !== "response") return null;
  const ct = (h.get("content-type") ?? "").toLowerCase();
  const targetUri = (h.get("warc-target-uri") ?? "").replace(/^<|>$/g, "") || null;
  if (ct && !ct.includes("application/http")) return null; // e.g. a DNS response
  let he = block.indexOf(CRLF2);
  let sepLen = 4;
  const lf = block.indexOf(LF2);
  if (he < 0 || (lf >= 0 && lf < he)) {
    he = lf;
    sepLen = 2;
  }
  if (!block.subarray(0, 5).toString("latin1").startsWith("HTTP/") || he < 0) {
    return { kind: "failure", offset, nextOffset, reason: `response record for ${targetUri ?? "?"} at byte ${offset} has no HTTP header block` };
  }
  const headText = block.subarray(0, he).toString("latin1");
  const statusLine = headText.slice(0, headText.search(/\r?\n|$/));
  const status = Number(/^HTTP\/\S+\s+(\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const hh = parseHeaderBlock(headText);
  const httpHeaders: Record<string, string> = {};
  for (const [k, v] of hh) httpHeaders[k] = v;
  let body = block.subarray(he + sepLen);
  const te = (hh.get("transfer-encoding") ?? "").toLowerCase();
  if (te.includes("chunked")) {
    const d = dechunk(body);
    if (d) body = d;
  }
  const ce = (hh.get("content-encoding") ?? "").toLowerCase().trim();
  if (ce && ce !== "identity") {
    try {
      body = ce.includes("gzip") ? gunzipSync(body) : ce.includes("br") ? brotliDecompressSync(body) : ce.includes("deflate") ? inflateSync(body) : body;
    } catch {
      /* already decoded by the archiver (common in WARCs): keep the bytes as they are */
    }
  }
  return {
    kind: "response",
    offset,
    nextOffset,
    recordId: h.get("warc-record-id") ?? null,
    targetUri,
    date: h.get("warc-date") ?? null,
    contentType: hh.get("content-type") ?? null,
    status: Number.isFinite(status) ? status : null,
    httpHeaders,
    body,
  };
}

/** Decodes HTTP chunked transfer encoding; null when the bytes are not chunked after all. */
function dechunk(b: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let p = 0;
  for (;;) {
    const eol = b.indexOf("\r\n", p);
    if (eol < 0) return null;
    const size = parseInt(b.subarray(p, eol).toString("latin1").split(";")[0].trim(), 16);
    if (!Number.isFinite(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    const s = eol + 2;
    if (s + size > b.length) return null;
    parts.push(b.subarray(s, s + size));
    p = s + size + 2;
  }
}
