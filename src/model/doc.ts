import type { Article, InputFailure } from "./article.js";
import type { Entity } from "./entity.js";
import type { Event } from "./event.js";
import type { Quote } from "./quote.js";

/** A sentence: a character span plus the range of tokens it holds. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** First token index (inclusive) in the Doc's token arrays. */
  tokenStart: number;
  /** Last token index (exclusive). */
  tokenEnd: number;
}

/**
 * The token layer, as parallel arrays (struct of arrays) so hot loops touch
 * typed memory instead of one object per token. Token i covers
 * text.slice(start[i], end[i]); `head` holds document-level token indices
 * (-1 for a sentence root) so arcs never need re-basing.
 */
export class Tokens {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  /** Token form as written (a slice of the text; kept to avoid re-slicing). */
  form: string[] = [];
  upos: string[] = [];
  xpos: string[] = [];
  lemma: string[] = [];
  head: Int32Array;
  deprel: string[] = [];
  /** Sentence index of each token. */
  sentence: Int32Array;
  /** IOB2 named-entity tag per token ("O", "B-PER", ...), filled by the NER. */
  ner: string[] = [];

  constructor(capacity = 64) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.head = new Int32Array(capacity).fill(-1);
    this.sentence = new Int32Array(capacity);
  }

  push(text: string, start: number, end: number): number {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.head[i] = -1;
    this.form.push(text.slice(start, end));
    this.upos.push("");
    this.xpos.push("");
    this.lemma.push("");
    this.deprel.push("");
    this.ner.push("O");
    return i;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    const widen = (a: Int32Array, fill = 0) => {
      const b = new Int32Array(cap).fill(fill);
      b.set(a);
      return b;
    };
    this.start = widen(this.start);
    this.end = widen(this.end);
    this.head = widen(this.head, -1);
    this.sentence = widen(this.sentence);
  }
}

/**
 * One article and everything the pipeline found in it. Each pipeline
 * component reads what earlier components wrote and adds its own layer,
 * always as spans over `text`.
 */
export class Doc {
  readonly article: Article;
  readonly text: string;
  /** Where the body starts (after a title line), so the title is not analysed twice. */
  bodyStart = 0;
  tokens = new Tokens();
  sentences: Sentence[] = [];
  entities: Entity[] = [];
  events: Event[] = [];
  quotes: Quote[] = [];
  warnings: InputFailure[] = [];
  /** Why the pipeline did not analyse this article (e.g. its language), or null. */
  skipped: string | null = null;
  /** How the article's reference date was chosen (e.g. "stated in text"). */
  dateNote: string | null = null;

  constructor(article: Article) {
    this.article = article;
    this.text = article.text;
  }

  /** Index of the sentence that contains character offset `pos`, or -1. */
  sentenceAt(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid];
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Index of the token that contains character offset `pos`, or -1. */
  tokenAt(pos: number): number {
    const t = this.tokens;
    let lo = 0;
    let hi = t.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos < t.start[mid]) hi = mid - 1;
      else if (pos >= t.end[mid]) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Dependents of token `i` (document-level indices), in text order. */
  children(i: number): number[] {
    const s = this.sentences[this.tokens.sentence[i]];
    const out: number[] = [];
    for (let j = s.tokenStart; j < s.tokenEnd; j++) if (this.tokens.head[j] === i) out.push(j);
    return out;
  }
}

/** A pipeline component: reads earlier layers of a Doc and adds its own. */
export interface Component {
  readonly name: string;
  annotate(doc: Doc): void;
}
