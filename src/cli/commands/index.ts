import type { Command } from "../command.js";

/**
 * Every sub-command, loaded lazily so `eventwire tokenize` never pays for the
 * store or the models it does not use. Add a command: one line here.
 */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function register(name: string, summary: string, load: () => Promise<{ default: Command }>): void {
  commands[name] = { summary, load: async () => (await load()).default };
}
