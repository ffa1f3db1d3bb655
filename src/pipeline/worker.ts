import type { Store } from "../store/store.js";
import type { Pipeline } from "./pipeline.js";
import { analyseAndStore, emptySummary, type IngestHooks, type IngestSummary } from "./ingest-run.js";

export interface WorkerOptions extends IngestHooks {
  /** Stop when the queue is empty instead of waiting for more. */
  untilEmpty?: boolean;
  /** How long to wait before looking again at an empty queue. */
  pollMs?: number;
}

/**
 * A worker: takes articles off the store's work queue, analyses and stores
 * each in the transaction that dequeues it. Any number of workers, on any
 * number of machines, can share one PostgreSQL store.
 */
export async function runWorker(pipeline: Pipeline, store: Store, opts: WorkerOptions = {}): Promise<IngestSummary> {
  const s = emptySummary();
  const pollMs = opts.pollMs ?? 2000;
  while (!opts.shouldStop?.()) {
    const took = await store.claimQueued(async (article, tx) => {
      s.inputs++;
      await analyseAndStore(article, [], pipeline, store, s, opts, tx);
      opts.onProgress?.(s, article.source ?? article.id);
    });
    if (took) continue;
    if (opts.untilEmpty) break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return s;
}
