import type { Article, InputFailure } from "../model/index.js";
import type { Ingested } from "../ingest/sources.js";
import type { Store } from "../store/store.js";
import type { SqlClient } from "../store/sql.js";
import type { Pipeline } from "./pipeline.js";

export interface IngestSummary {
  inputs: number;
  inserted: number;
  unchanged: number;
  duplicates: number;
  events: number;
  quotes: number;
  failures: number;
  warnings: number;
  /** Stored but not analysed (e.g. not English). */
  skipped: number;
  /** Handed to the work queue for workers to analyse (ingest --enqueue). */
  queued: number;
}

export function emptySummary(): IngestSummary {
  return { inputs: 0, inserted: 0, unchanged: 0, duplicates: 0, events: 0, quotes: 0, failures: 0, warnings: 0, skipped: 0, queued: 0 };
}

export interface IngestHooks {
  /** Called once per input read, after it is stored or refused. */
  onProgress?: (summary: IngestSummary, label: string) => void;
  /** A one-line report of each failure or warning. */
  onProblem?: (f: InputFailure) => void;
  /** Polled between articles: true stops the run cleanly after the current one. */
  shouldStop?: () => boolean;
  /** Put articles on the store's work queue instead of analysing them here. */
  enqueue?: boolean;
}

/** Records a failure or warning, counts it and reports it. */
export async function recordProblem(store: Store, s: IngestSummary, f: InputFailure, hooks: IngestHooks, within?: SqlClient): Promise<void> {
  if (f.severity === "error") s.failures++;
  else s.warnings++;
  hooks.onProblem?.(f);
  await store.recordFailure(f, within);
}

/**
 * Analyses one article and stores it with all its layers (in `within`, the
 * caller's transaction, when given). An analysis that throws is a recorded
 * failure, never a crash.
 */
export async function analyseAndStore(article: Article, warnings: InputFailure[], pipeline: Pipeline, store: Store, s: IngestSummary, hooks: IngestHooks, within?: SqlClient): Promise<void> {
  const label = article.source ?? article.id;
  let doc;
  try {
    doc = pipeline.analyze(article, warnings);
  } catch (err) {
    await recordProblem(store, s, { input: label, reason: `analysis failed: ${(err as Error).message}`, severity: "error" }, hooks, within);
    return;
  }
  const outcome = await store.saveDoc(doc, doc.skipped ? `skipped: ${doc.skipped}` : "analysed", within);
  if (outcome === "inserted" && doc.skipped) {
    s.skipped++;
    await recordProblem(store, s, { input: label, reason: `stored, not analysed: ${doc.skipped}`, severity: "warning" }, hooks, within);
  } else if (outcome === "inserted") {
    s.inserted++;
    s.events += doc.events.length;
    s.quotes += doc.quotes.length;
  } else if (outcome === "duplicate") s.duplicates++;
  else s.unchanged++;
}

/**
 * Analyses and stores every item, one transaction per article. A bad input
 * (or an article whose analysis throws) is recorded as a failure and the run
 * goes on; an article already stored is not analysed again.
 */
export async function ingestAll(items: AsyncIterable<Ingested>, pipeline: Pipeline | null, store: Store, hooks: IngestHooks = {}): Promise<IngestSummary> {
  const s = emptySummary();
  for await (const item of items) {
    s.inputs++;
    if (item.kind === "failure") {
      await recordProblem(store, s, item.failure, hooks);
      hooks.onProgress?.(s, item.failure.input);
    } else {
      const label = item.article.source ?? item.article.id;
      for (const w of item.warnings) await recordProblem(store, s, w, hooks);
      const known = await store.known(item.article);
      if (known === "unchanged") s.unchanged++;
      else if (known === "duplicate") s.duplicates++;
      else if (hooks.enqueue || !pipeline) {
        if (await store.enqueue(item.article)) s.queued++;
        else s.unchanged++;
      } else await analyseAndStore(item.article, item.warnings, pipeline, store, s, hooks);
      hooks.onProgress?.(s, label);
    }
    // after the item is stored: a crashed run resumes past it
    if (item.checkpoint) await store.saveCheckpoint(item.checkpoint.input, item.checkpoint.nextOffset);
    if (hooks.shouldStop?.()) break;
  }
  return s;
}
