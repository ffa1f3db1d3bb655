import type { Component } from "../model/index.js";
import { NewsTokenizer } from "./tokenizer.js";
import { Tagger } from "./tagger.js";
import { LemmatizerComponent } from "./lemmatizer.js";
import { Parser } from "./parser.js";

export { NewsTokenizer, SimpleTokenizer, surfaceTokens, tokenizeRange, splitSentences } from "./tokenizer.js";
export { Tagger, loadTaggerModel } from "./tagger.js";
export { Lemmatizer, LemmatizerComponent } from "./lemmatizer.js";
export { Parser, loadParserModel } from "./parser.js";

/**
 * The NLP core as pipeline components, in order: tokenizer + sentence
 * splitter, POS tagger (UPOS+XPOS), lemmatizer, dependency parser. Models are
 * loaded once, here; the components are then reused for every article.
 */
export function createNlpComponents(): Component[] {
  return [new NewsTokenizer(), new Tagger(), new LemmatizerComponent(), new Parser()];
}
