/**
 * Minimal WARC/1.1 record writer: used by the tests and the WARC benchmark to
 * build archives (including deliberately broken ones), and by anyone who wants
 * to archive fetched pages. Each record can be gzipped as its own member, the
 * layout readers (ours, warcio, Common Crawl) expect.
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";

export interface HttpResponseSpec {
  targetUri: string;
  /** ISO 8601, default now. */
  date?: string;
  status?: number;
  headers?: Record<string, string>;
  body: Buffer | string;
}

/** The bytes of one WARC `response` record holding an HTTP response. */
export function responseRecord(spec: HttpResponseSpec, opts: { contentLengthDelta?: number } = {}): Buffer {
  const body = typeof spec.body === "string" ? Buffer.from(spec.body, "utf8") : spec.body;
  const status = spec.status ?? 200;
  const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Length": String(body.length), ...(spec.headers ?? {}) };
  const http = Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status} ${status === 200 ? "OK" : "Status"}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`, "latin1"),
    body,
  ]);
  return record("response", http, { "WARC-Target-URI": spec.targetUri, "WARC-Date": spec.date ?? new Date().toISOString().replace(/\.\d+Z$/, "Z"), "Content-Type": "application/http; msgtype=response" }, opts.contentLengthDelta ?? 0);
}

/** A `warcinfo` record (first record of a file). */
export function warcinfoRecord(fields: Record<string, string>): Buffer {
  const body = Buffer.from(Object.entries(fields).map(([k, v]) => `${k}: ${v}\r\n`).join(""), "utf8");
  return record("warcinfo", body, { "Content-Type": "application/warc-fields", "WARC-Date": new Date().toISOString().replace(/\.\d+Z$/, "Z") }, 0);
}

function record(type: string, block: Buffer, extra: Record<string, string>, lengthDelta: number): Buffer {
  const head = [`WARC/1.1`, `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${randomUUID()}>`, ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length + lengthDelta}`];
  return Buffer.concat([Buffer.from(head.join("\r\n") + "\r\n\r\n", "utf8"), block, Buffer.from("\r\n\r\n")]);
}

/** One record as its own gzip member. */
export function gzipMember(rec: Buffer): Buffer {
  return gzipSync(rec, { level: 6 });
}
