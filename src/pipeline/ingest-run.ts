import type { InputFailure } from "../model/index.js";
import type { Ingested } from "../ingest/sources.js";
import type { Store } from "../store/store.js";
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
}

export interface IngestHooks {
  /** Called once per input read, after it is stored or refused. */
  onProgress?: (summary: IngestSummary, label: string) => void;
  /** A one-line report of each failure or warning. */
  onProblem?: (f: InputFailure) => void;
  /** Polled between articles: true stops the run cleanly after the current one. */
  shouldStop?: () => boolean;
}

/**
 * Analyses and stores every item, one transaction per article. A bad input
 * (or an article whose analysis throws) is recorded as a failure and the run
 * goes on; an article already stored is not analysed again.
 */
export async function ingestAll(items: AsyncIterable<Ingested>, pipeline: Pipeline, store: Store, hooks: IngestHooks = {}): Promise<IngestSummary> {
  const s: IngestSummary = { inputs: 0, inserted: 0, unchanged: 0, duplicates: 0, events: 0, quotes: 0, failures: 0, warnings: 0, skipped: 0 };
  const problem = async (f: InputFailure) => {
    if (f.severity === "error") s.failures++;
    else s.warnings++;
    hooks.onProblem?.(f);
    await store.recordFailure(f);
  };
  for await (const item of items) {
    s.inputs++;
    if (item.kind === "failure") {
      await problem(item.failure);
      hooks.onProgress?.(s, item.failure.input);
    } else {
      const label = item.article.source ?? item.article.id;
      for (const w of item.warnings) await problem(w);
      const known = await store.known(item.article);
      if (known === "unchanged") s.unchanged++;
      else if (known === "duplicate") s.duplicates++;
      else {
        try {
          const doc = pipeline.analyze(item.article, item.warnings);
          const outcome = await store.saveDoc(doc, doc.skipped ? `skipped: ${doc.skipped}` : "analysed");
          if (outcome === "inserted" && doc.skipped) {
            s.skipped++;
            await problem({ input: label, reason: `stored, not analysed: ${doc.skipped}`, severity: "warning" });
          } else if (outcome === "inserted") {
            s.inserted++;
            s.events += doc.events.length;
            s.quotes += doc.quotes.length;
          } else if (outcome === "duplicate") s.duplicates++;
          else s.unchanged++;
        } catch (err) {
          await problem({ input: label, reason: `analysis failed: ${(err as Error).message}`, severity: "error" });
        }
      }
      hooks.onProgress?.(s, label);
    }
    // after the item is stored: a crashed run resumes past it
    if (item.checkpoint) await store.saveCheckpoint(item.checkpoint.input, item.checkpoint.nextOffset);
    if (hooks.shouldStop?.()) break;
  }
  return s;
}
