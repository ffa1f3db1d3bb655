import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (bench/ is compiled to dist/bench/lib, three levels down). */
export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The shared gold data and scorers live beside the repository. */
export const SHARED = process.env.EVENTWIRE_SHARED ?? join(REPO, "..", "shared");
export const BENCHMARKS_MD = join(REPO, "docs", "BENCHMARKS.md");

export function commitId(): string {
  try {
    const id = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
    // the record itself does not make the measured code dirty
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs/BENCHMARKS.md"], { cwd: REPO, encoding: "utf8" }).trim();
    return dirty ? `${id}+dirty` : id;
  } catch {
    return "unknown";
  }
}

/**
 * Appends one dated, commit-stamped result block for a stage to
 * docs/BENCHMARKS.md. Results are only ever appended, so a number that got
 * worse stays visible next to the one it replaced.
 */
export function recordBenchmark(stage: string, lines: string[]): void {
  if (!existsSync(BENCHMARKS_MD)) writeFileSync(BENCHMARKS_MD, "# Benchmarks\n\nAppended by `npm run bench -- STAGE`; newest last.\n");
  const date = new Date().toISOString().slice(0, 10);
  const block = `\n### ${stage} — ${date} — commit ${commitId()}\n\n${lines.join("\n")}\n`;
  const before = readFileSync(BENCHMARKS_MD, "utf8");
  appendFileSync(BENCHMARKS_MD, before.endsWith("\n") ? block : "\n" + block);
  process.stdout.write(block);
}

/** Runs a shared scorer and returns the JSON object on its last line. */
export function runScorer(script: string, args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, [join(SHARED, "eval", script), ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const last = out.trim().split("\n").pop() ?? "{}";
  return JSON.parse(last) as Record<string, unknown>;
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
