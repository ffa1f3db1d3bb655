import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** One CoNLL-U sentence: syntactic words (multiword ranges and empty nodes kept only as raw lines). */
export interface ConlluSentence {
  /** All lines of the sentence as read (comments, ranges, words), for faithful rewriting. */
  lines: string[];
  /** Index into `lines` of each syntactic word. */
  wordLine: number[];
  form: string[];
  lemma: string[];
  upos: string[];
  xpos: string[];
  feats: string[];
  /** 0 = root, else 1-based word index. */
  head: number[];
  deprel: string[];
  /** True when the word has SpaceAfter=No in MISC. */
  noSpaceAfter: boolean[];
}

/** Parses CoNLL-U text; malformed word lines throw with their line number. */
export function parseConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence | null = null;
  const lines = text.split(/\r?\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    if (line.trim() === "") {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    if (!cur) cur = { lines: [], wordLine: [], form: [], lemma: [], upos: [], xpos: [], feats: [], head: [], deprel: [], noSpaceAfter: [] };
    cur.lines.push(line);
    if (line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (cols.length !== 10) throw new Error(`line ${ln + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    if (!/^\d+$/.test(cols[0])) continue; // multiword range or empty node
    cur.wordLine.push(cur.lines.length - 1);
    cur.form.push(cols[1]);
    cur.lemma.push(cols[2]);
    cur.upos.push(cols[3]);
    cur.xpos.push(cols[4]);
    cur.feats.push(cols[5]);
    cur.head.push(cols[6] === "_" ? -1 : Number(cols[6]));
    cur.deprel.push(cols[7]);
    cur.noSpaceAfter.push(/(?:^|\|)SpaceAfter=No(?:\||$)/.test(cols[9]));
  }
  if (cur) out.push(cur);
  return out;
}

/** Reads a .conllu or .conllu.gz file. */
export function readConllu(path: string): ConlluSentence[] {
  let buf = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return parseConllu(buf.toString("utf8"));
}

/** Writes a sentence back, replacing LEMMA, UPOS, XPOS, HEAD and DEPREL of its words. */
export function formatConllu(s: ConlluSentence): string {
  const lines = s.lines.slice();
  for (let i = 0; i < s.wordLine.length; i++) {
    const cols = lines[s.wordLine[i]].split("\t");
    cols[2] = s.lemma[i] || "_";
    cols[3] = s.upos[i] || "_";
    cols[4] = s.xpos[i] || "_";
    cols[6] = s.head[i] < 0 ? "_" : String(s.head[i]);
    cols[7] = s.deprel[i] || "_";
    cols[8] = "_";
    lines[s.wordLine[i]] = cols.join("\t");
  }
  return lines.join("\n") + "\n\n";
}
