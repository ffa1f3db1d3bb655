import type { TextSpan } from "./span.js";

export type EntityType = "PER" | "ORG" | "LOC" | "GPE" | "MISC";

export interface Mention extends TextSpan {
  /** Index of the sentence the mention is in. */
  sentence: number;
}

/** One real-world thing named in the article, with every mention of it. */
export interface Entity {
  id: string;
  /** Canonical name: the longest or dictionary name. */
  name: string;
  type: EntityType;
  /** CAMEO actor code (e.g. RUSGOV, IGOUNO), or null when it cannot be coded. */
  actor: string | null;
  mentions: Mention[];
  /** How sure the actor coding is, 0..1. */
  confidence?: number;
}
