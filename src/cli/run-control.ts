import type { InputFailure } from "../model/index.js";

/**
 * Ctrl-C (SIGINT) or SIGTERM during a long run: finish the current article,
 * then stop cleanly. `signal` aborts waits (a poller sleeping between polls).
 */
export function stopOnSignal(): { readonly stopped: boolean; readonly signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    get stopped() {
      return ac.signal.aborted;
    },
    signal: ac.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** The one-line report of a bad input: its name and the reason. */
export function problemLine(f: InputFailure): string {
  return `eventwire: ${f.severity === "warning" ? "warning: " : ""}${f.input}: ${f.reason}\n`;
}
