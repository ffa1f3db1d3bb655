import type { Doc } from "../../model/index.js";

/**
 * What the event coder needs from the actor coder (src/extract/actors):
 * `codeActorSpan(lex, doc, start, end, date)` codes the words in
 * text[start, end) as a CAMEO actor. Declared here so the event coder
 * depends on the interface only.
 */
export interface ActorMatch {
  actor: string | null;
  entity: string | null;
  name: string | null;
  confidence: number;
  start: number;
  end: number;
}

export type CodeActorSpan<L> = (lex: L, doc: Doc, start: number, end: number, date: string | null) => ActorMatch | null;
