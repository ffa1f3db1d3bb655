import type { Span } from "./span.js";

export type AttributionKind = "speech" | "written" | "report" | "belief";

export interface Speaker {
  /** What the speaker mention resolves to (canonical entity name when known). */
  name: string;
  actor: string | null;
  entity: string | null;
  /** The mention naming the speaker at this quote (a pronoun such as "He" included). */
  start: number;
  end: number;
}

/** Who said what: a direct or indirect quote with its speaker and cue. */
export interface Quote {
  id: string;
  text: string;
  start: number;
  end: number;
  direct: boolean;
  speaker: Speaker | null;
  /** The cue word(s), e.g. "said", "insisted", "according to". */
  cue: string | null;
  kind?: AttributionKind;
  sentence: number;
  /**
   * The quoted parts when a direct quote is interrupted by its cue
   * ("We will insist," Lavrov said, "on ..."): start/end then cover the whole
   * range, cue included, and the fragments only the quoted words.
   */
  fragments?: Span[];
}
