import type { Component, Doc } from "../model/index.js";

/**
 * First-version tokenizer and sentence splitter: regex tokens (words with
 * inner apostrophes/hyphens/periods, numbers, single punctuation), sentences
 * ending at . ! ? (plus closing quotes) followed by space and an upper-case
 * letter or a quote, or at a blank line. Replaced by the trained NLP core.
 */
const TOKEN = /[A-Za-z](?:\.[A-Za-z])+\.?|\d+(?:[.,:]\d+)*%?|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|\S/gu;
const ABBREV = new Set(["mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "jr", "sr", "lt", "col", "capt", "prof", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec"]);

export class SimpleTokenizer implements Component {
  readonly name = "tokenizer";

  annotate(doc: Doc): void {
    const text = doc.text;
    const toks = doc.tokens;
    let sentStart = -1;
    let sentTok = 0;
    const close = (endTok: number) => {
      if (sentStart < 0 || endTok <= sentTok) return;
      const index = doc.sentences.length;
      doc.sentences.push({ index, start: toks.start[sentTok], end: toks.end[endTok - 1], tokenStart: sentTok, tokenEnd: endTok });
      for (let i = sentTok; i < endTok; i++) toks.sentence[i] = index;
      sentStart = -1;
      sentTok = endTok;
    };
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (sentStart >= 0 && /\n\s*\n/.test(text.slice(toks.end[toks.count - 1], s))) close(toks.count);
      if (sentStart < 0) {
        sentStart = s;
        sentTok = toks.count;
      }
      toks.push(text, s, e);
      const word = m[0];
      if (word === "." || word === "!" || word === "?") {
        const prev = toks.count >= 2 ? toks.form[toks.count - 2].toLowerCase() : "";
        const after = text.slice(e, e + 3);
        if (!ABBREV.has(prev) && /^["'”’]?\s+["“‘A-Z0-9]|^["'”’]?$/.test(after)) {
          // keep a closing quote inside the sentence it ends
          const q = /^["'”’]/.exec(after);
          if (q) {
            toks.push(text, e, e + 1);
            TOKEN.lastIndex = e + 1;
          }
          close(toks.count);
        }
      }
    }
    close(toks.count);
  }
}
