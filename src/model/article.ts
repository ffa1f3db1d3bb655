/** One news article as eventwire reads it; `text` is the text all spans point into. */
export interface Article {
  /** Stable id: hash of normalised text and URL (see ingest/article-id). */
  id: string;
  title: string | null;
  /** Publication date, YYYY-MM-DD, when known. */
  published: string | null;
  url: string | null;
  /** Where the article came from: a file path, feed, WARC record or JSONL id. */
  source: string | null;
  /** ISO 639-1 code, e.g. "en". */
  language: string | null;
  /** The language read from the text at ingest, when it was: the pipeline then does not read it again. */
  languageGuess?: LanguageGuess | null;
  text: string;
  /** The caller's own id for the article (a JSONL "id"), kept beside ours. */
  externalId?: string | null;
}

/** A language told from the text itself: ISO 639-1 code (or "und") and how sure the guess is (0–1). */
export interface LanguageGuess {
  language: string;
  confidence: number;
}

/** A problem with one input: recorded, reported on one line, never fatal for the run. */
export interface InputFailure {
  input: string;
  reason: string;
  /** "error" means the input was not processed; "warning" means it was, with a caveat. */
  severity: "error" | "warning";
}
