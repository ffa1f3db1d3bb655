/** Reading token<TAB>tag files (one token per line, blank line between sentences) and entity F1. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export interface TaggedSentence {
  forms: string[];
  tags: string[];
}

export function readText(path: string): string {
  const buf = readFileSync(path);
  return (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString("utf8");
}

/** Parses CoNLL-style text; the first column is the token, the last the tag (if any). */
export function parseConll(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: TaggedSentence = { forms: [], tags: [] };
  const flush = () => {
    if (cur.forms.length) out.push(cur);
    cur = { forms: [], tags: [] };
  };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("-DOCSTART-")) {
      flush();
      continue;
    }
    const cols = line.split("\t");
    cur.forms.push(cols[0]);
    cur.tags.push(cols.length > 1 ? cols[cols.length - 1].trim() : "O");
  }
  flush();
  return out;
}

/** Entity chunks "type:start:end" of an IOB2 sequence (conlleval chunk rules for stray I-). */
export function chunks(tags: string[]): string[] {
  const out: string[] = [];
  let type = "";
  let start = -1;
  const close = (i: number) => {
    if (start >= 0) out.push(`${type}:${start}:${i}`);
    start = -1;
    type = "";
  };
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === "O" || t.length < 3) {
      close(i);
      continue;
    }
    const p = t[0];
    const ty = t.slice(2);
    if (p === "B" || ty !== type || start < 0) {
      close(i);
      start = i;
      type = ty;
    }
  }
  close(tags.length);
  return out;
}

export function entityF1(gold: string[][], pred: string[][], types?: Set<string>): { p: number; r: number; f1: number; tp: number; np: number; ng: number } {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (let s = 0; s < gold.length; s++) {
    const keep = (c: string) => !types || types.has(c.split(":")[0]);
    const g = new Set(chunks(gold[s]).filter(keep));
    const p = chunks(pred[s]).filter(keep);
    ng += g.size;
    np += p.length;
    for (const c of p) if (g.has(c)) tp++;
  }
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, np, ng };
}
