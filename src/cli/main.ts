#!/usr/bin/env node
import "./quiet-pipe.js";
import { commands } from "./commands/index.js";
import "./commands/registry.js";
import { UsageError } from "./command.js";

const HELP = `eventwire: turns news into evidence-linked event data.

Usage: eventwire COMMAND [options]    (eventwire COMMAND --help for its options)

Commands:
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const width = Math.max(...Object.keys(commands).map((n) => n.length));
    process.stdout.write(HELP + Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`).join("\n") + "\n");
    return 0;
  }
  if (name === "--version") {
    process.stdout.write("eventwire 0.1.0\n");
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`eventwire: unknown command '${name}' (see eventwire --help)\n`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(cmd.usage.trimEnd() + "\n");
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`eventwire ${name}: ${err.message}\n${cmd.usage.trimEnd()}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`eventwire: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
