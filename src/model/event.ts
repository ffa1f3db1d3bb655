import type { Span } from "./span.js";

/** How the text presents an event. Only "asserted" events count by default. */
export const MODALITIES = ["asserted", "negated", "hypothetical", "counterfactual", "future", "alleged"] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * A PLOVER actor: top-level code (ISO 3166 alpha-3 state, IGO, NGO, ISM, IMG, MNC) and sector (a
 * primary code and at most one secondary code), as in the PLOVER manual's actor object.
 */
export interface PloverActor {
  code: string;
  /** "" when none. */
  sector: string;
}

export interface EventActor {
  /** The words in the text that name the actor. */
  text: string;
  /** CAMEO actor code, or null when it cannot be coded. */
  actor: string | null;
  /** The same actor in PLOVER's form (see docs/CONVENTIONS.md), or null when it cannot be coded. */
  plover?: PloverActor | null;
  /** Entity id when the actor is a recognised entity. */
  entity: string | null;
  start?: number;
  end?: number;
}

/** Who did what to whom, coded in CAMEO, with PLOVER and Goldstein values. */
export interface Event {
  id: string;
  /** CAMEO event code, e.g. "129". */
  code: string;
  name: string;
  /** CAMEO root, e.g. "12". */
  root: string;
  quadClass: number;
  goldstein: number | null;
  plover: string | null;
  source: EventActor;
  target: EventActor | null;
  /** YYYY-MM-DD */
  date: string | null;
  /** Index of the first sentence that states the event. */
  sentence: number;
  /** The sentence (or clause) that states the event. */
  evidence: Span;
  /** Further places that state the same event (same source, target, code, day). */
  mentions?: Span[];
  /** The trigger words, e.g. "vetoed". */
  trigger?: Span;
  modality: Modality;
  confidence: number;
  /** Who reported the event when it is stated inside someone's speech ("Lavrov said Washington had ..."). */
  attribution?: EventActor;
}
