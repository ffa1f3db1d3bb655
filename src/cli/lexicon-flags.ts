import type { PipelineOptions } from "../pipeline/pipeline.js";

/** The flags that add user lexicons to the bundled ones (analyze, ingest). */
export const LEXICON_FLAGS = ["actors", "verbs", "cues"];

export const LEXICON_USAGE = `  --actors FILE       extra actor dictionary (lexicons/actors format, or PETRARCH .txt); repeatable
  --verbs FILE        extra event-pattern lexicon (lexicons/events format, or PETRARCH verbs .txt); repeatable
  --cues FILE         extra cue-verb lexicon for quotes (lexicons/cues format); repeatable`;

export function lexiconOptions(multi: Map<string, string[]>): PipelineOptions {
  return { actorLexicons: multi.get("actors") ?? [], eventLexicons: multi.get("verbs") ?? [], cueLexicons: multi.get("cues") ?? [] };
}
