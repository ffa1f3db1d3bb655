import type { Component } from "../model/index.js";
import { NewsTokenizer } from "./tokenizer.js";

export { NewsTokenizer, SimpleTokenizer, surfaceTokens, tokenizeRange, splitSentences } from "./tokenizer.js";

/**
 * The NLP core as pipeline components, in order. Models are loaded once,
 * here; the components are then reused for every article.
 */
export function createNlpComponents(): Component[] {
  return [new NewsTokenizer()];
}
