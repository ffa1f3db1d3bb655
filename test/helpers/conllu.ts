import { Doc } from "../../src/model/index.js";
import type { Article } from "../../src/model/index.js";

/**
 * Fills a Doc's token layer (forms, lemmas, UPOS/XPOS, heads, deprels,
 * sentences) from a CoNLL-U parse of its text. Token offsets are found by
 * searching each form in the text from the previous token's end; a form that
 * cannot be found (e.g. PTB quote tokens) gets a zero-width span there.
 * Multi-word token lines (1-2) and empty nodes (1.1) are skipped.
 * Used to run the extractors on gold parses (tests, benchmarks).
 */
export function fillFromConllu(doc: Doc, conllu: string, from = 0): void {
  const text = doc.text;
  const toks = doc.tokens;
  let pos = from;
  let sent: { first: number; ids: number[]; heads: number[] } | null = null;
  const close = () => {
    if (!sent || sent.ids.length === 0) { sent = null; return; }
    const first = sent.first;
    const index = doc.sentences.length;
    const n = sent.ids.length;
    for (let k = 0; k < n; k++) {
      const h = sent.heads[k];
      toks.head[first + k] = h === 0 ? -1 : first + h - 1;
      toks.sentence[first + k] = index;
    }
    doc.sentences.push({ index, start: toks.start[first], end: Math.max(toks.start[first], toks.end[first + n - 1]), tokenStart: first, tokenEnd: first + n });
    sent = null;
  };
  for (const raw of conllu.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") { close(); continue; }
    if (line.startsWith("#")) continue;
    const f = line.split("\t");
    if (f.length < 8 || !/^\d+$/.test(f[0])) continue;
    if (!sent) sent = { first: toks.count, ids: [], heads: [] };
    const form = f[1];
    let at = text.indexOf(form, pos);
    if (at < 0 || at - pos > 200) {
      const alt = form === "``" || form === "''" ? text.slice(pos).search(/["“”]/) : -1;
      at = alt >= 0 ? pos + alt : -1;
    }
    const len = at >= 0 ? (form === "``" || form === "''" ? 1 : form.length) : 0;
    const start = at >= 0 ? at : pos;
    const i = toks.push(text, start, start + len);
    toks.form[i] = form;
    toks.lemma[i] = f[2] === "_" && form !== "_" ? form.toLowerCase() : f[2];
    toks.upos[i] = f[3];
    toks.xpos[i] = f[4];
    toks.deprel[i] = f[7];
    pos = start + len;
    sent.ids.push(Number(f[0]));
    sent.heads.push(Number(f[6]) || 0);
  }
  close();
}

/** A Doc over `text` whose token layer comes from `conllu`. */
export function docFromConllu(text: string, conllu: string, article: Partial<Article> = {}): Doc {
  const doc = new Doc({ id: article.id ?? "conllu", title: null, published: null, url: null, source: null, language: "en", ...article, text });
  fillFromConllu(doc, conllu);
  return doc;
}
