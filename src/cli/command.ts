/** A CLI sub-command: parses its own arguments, returns the process exit code. */
export interface Command {
  readonly name: string;
  /** One line for `eventwire --help`. */
  readonly summary: string;
  /** Full usage text for `eventwire NAME --help`: every flag documented. */
  readonly usage: string;
  run(args: string[]): Promise<number>;
}

/**
 * Minimal flag parser: `--name value`, `--name=value`, boolean `--flag`.
 * `booleans` lists flags that take no value; everything else not starting
 * with `--` is positional. Unknown flags are an error so typos never pass silently.
 */
export function parseFlags(
  args: string[],
  spec: { values?: string[]; booleans?: string[]; repeatable?: string[] },
): { flags: Map<string, string | true>; multi: Map<string, string[]>; positional: string[] } {
  const values = new Set([...(spec.values ?? []), ...(spec.repeatable ?? [])]);
  const booleans = new Set(spec.booleans ?? []);
  const repeatable = new Set(spec.repeatable ?? []);
  const flags = new Map<string, string | true>();
  const multi = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("--") || a === "-") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (booleans.has(name)) {
      flags.set(name, true);
      continue;
    }
    if (!values.has(name)) throw new UsageError(`unknown flag --${name}`);
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new UsageError(`--${name} needs a value`);
      value = args[++i];
    }
    if (repeatable.has(name)) {
      const list = multi.get(name) ?? [];
      list.push(value);
      multi.set(name, list);
    }
    flags.set(name, value);
  }
  return { flags, multi, positional };
}

export class UsageError extends Error {}
