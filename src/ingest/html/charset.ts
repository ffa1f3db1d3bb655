/**
 * Decoding web bytes to text: BOM first, then the HTTP Content-Type charset,
 * then <meta charset> / <meta http-equiv=Content-Type> (or the XML
 * declaration's encoding) in the first 8 KB, then UTF-8 when the bytes are
 * valid UTF-8, else windows-1252. Labels follow the WHATWG Encoding standard's
 * habits (latin1 and ascii mean windows-1252; gb2312 means gbk). iconv-lite
 * decodes everything TextDecoder does not.
 */
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** The charset actually used. */
  charset: string;
  /** Where it came from. */
  source: "bom" | "http" | "meta" | "xml" | "sniffed" | "default";
  /** Set when the declared charset was unknown or the bytes did not fit it. */
  warning?: string;
}

const ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252", latin1: "windows-1252", "us-ascii": "windows-1252", ascii: "windows-1252", "iso8859-1": "windows-1252",
  "x-sjis": "shift_jis", sjis: "shift_jis", "shift-jis": "shift_jis", gb2312: "gbk", "x-gbk": "gbk", "utf8": "utf-8", "unicode": "utf-16le",
  "ks_c_5601-1987": "euc-kr", "windows-874": "tis-620", "x-euc-jp": "euc-jp", "iso-8859-9": "windows-1254",
};

export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (!l) return null;
  return ALIASES[l] ?? l;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(ct: string | null | undefined): string | null {
  if (!ct) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct);
  return m ? normaliseCharset(m[1]) : null;
}

/** Declared charset inside the first bytes of an HTML or XML document. */
export function sniffDeclaredCharset(head: string): { charset: string; source: "meta" | "xml" } | null {
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return { charset: normaliseCharset(xml[1])!, source: "xml" };
  const m1 = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (m1) return { charset: normaliseCharset(m1[1])!, source: "meta" };
  return null;
}

function isValidUtf8(b: Buffer): boolean {
  // Node >= 18.14 has buffer.isUtf8; fall back to a round trip.
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

function hasMultibyteUtf8(b: Buffer): boolean {
  for (let i = 0; i + 1 < b.length; i++) if (b[i] >= 0xc2 && b[i] <= 0xf4 && (b[i + 1] & 0xc0) === 0x80) return true;
  return false;
}

function decodeWith(b: Buffer, charset: string): string | null {
  if (charset === "utf-8") return b.toString("utf8");
  if (!iconv.encodingExists(charset)) return null;
  return iconv.decode(b, charset);
}

/** Decodes HTML (or XML) bytes; never throws. `contentType` is the HTTP header value, when known. */
export function decodeHtml(bytes: Buffer, contentType?: string | null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString("utf8"), charset: "utf-8", source: "bom" };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), "utf-16le"), charset: "utf-16le", source: "bom" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), "utf-16be"), charset: "utf-16be", source: "bom" };
  const warnings: string[] = [];
  const tryDeclared = (cs: string | null, source: Decoded["source"]): Decoded | null => {
    if (!cs) return null;
    // A page that says UTF-8 but is not (or says latin1 but is valid UTF-8 with multibyte text) is common:
    // trust the bytes when they disagree with the label.
    if (cs === "utf-8" && !isValidUtf8(bytes)) {
      warnings.push(`declared utf-8 (${source}) but bytes are not valid UTF-8`);
      return null;
    }
    if (cs === "windows-1252" && hasMultibyteUtf8(bytes) && isValidUtf8(bytes)) {
      warnings.push(`declared ${cs} (${source}) but bytes are UTF-8`);
      return { text: bytes.toString("utf8"), charset: "utf-8", source: "sniffed" };
    }
    const t = decodeWith(bytes, cs);
    if (t == null) {
      warnings.push(`unknown charset "${cs}" (${source})`);
      return null;
    }
    return { text: t, charset: cs, source };
  };
  const http = tryDeclared(charsetFromContentType(contentType), "http");
  if (http) return withWarning(http, warnings);
  const head = bytes.subarray(0, 8192).toString("latin1");
  const declared = sniffDeclaredCharset(head);
  const meta = declared ? tryDeclared(declared.charset, declared.source) : null;
  if (meta) return withWarning(meta, warnings);
  if (isValidUtf8(bytes)) return withWarning({ text: bytes.toString("utf8"), charset: "utf-8", source: warnings.length ? "sniffed" : "default" }, warnings);
  return withWarning({ text: iconv.decode(bytes, "windows-1252"), charset: "windows-1252", source: "sniffed" }, warnings);
}

function withWarning(d: Decoded, warnings: string[]): Decoded {
  const fixed = repairMojibake(d.text);
  if (fixed !== d.text) {
    warnings.push("text was UTF-8 decoded as windows-1252 (mojibake such as \"Ã©\"); repaired");
    d = { ...d, text: fixed };
  }
  return warnings.length ? { ...d, warning: warnings.join("; ") } : d;
}

/** UTF-8 bytes shown as windows-1252/latin1 characters: "Ã©" for "é", "â€™" for "’". */
const MOJIBAKE = /[ÂÃ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]/g;

/**
 * Repairs text that went through a wrong UTF-8 → windows-1252 decoding (common in feeds
 * and CMS exports): when it shows three or more tell-tale sequences, it is re-encoded as
 * windows-1252 and decoded as UTF-8, and the repair is kept only if it is clean.
 */
export function repairMojibake(text: string): string {
  const hits = text.match(MOJIBAKE);
  if (!hits || hits.length < 3) return text;
  const bytes = iconv.encode(text, "windows-1252");
  if (!isValidUtf8(bytes)) return text;
  const fixed = bytes.toString("utf8");
  return (fixed.match(MOJIBAKE)?.length ?? 0) < hits.length ? fixed : text;
}
