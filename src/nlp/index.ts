import type { Component } from "../model/index.js";
import { SimpleTokenizer } from "./tokenizer.js";

/** The NLP components in pipeline order, models loaded once. */
export function createNlpComponents(): Component[] {
  return [new SimpleTokenizer()];
}
