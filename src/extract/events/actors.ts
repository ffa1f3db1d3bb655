import type { Doc } from "../../model/index.js";
import type { ActorMatch } from "../actors/index.js";

export type { ActorMatch };

/**
 * What the event coder needs from the actor coder (src/extract/actors):
 * `codeActorSpan(lex, doc, start, end, date)` codes the words in
 * text[start, end) as a CAMEO actor. Taken as a parameter so a suite can
 * code with its own dictionaries.
 */
export type CodeActorSpan<L> = (lex: L, doc: Doc, start: number, end: number, date: string | null) => ActorMatch | null;
