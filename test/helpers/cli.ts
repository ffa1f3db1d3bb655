import { spawn, spawnSync } from "node:child_process";
import { CLI } from "./paths.js";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with optional stdin. */
export function runCli(args: string[], input?: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the built CLI without blocking this process (for tests that serve HTTP or run several at once). */
export function runCliAsync(args: string[]): Promise<CliResult> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, [CLI, ...args]);
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (status) => ok({ status, stdout, stderr }));
  });
}
