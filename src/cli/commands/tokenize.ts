import { createInterface } from "node:readline";
import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { Doc } from "../../model/index.js";
import { NewsTokenizer, surfaceTokens } from "../../nlp/tokenizer.js";

const usage = `eventwire tokenize --jsonl [--words] < in.jsonl > out.jsonl

Tokenizes and sentence-splits raw text (the evaluation interface of the NLP core).

Input:  one JSON object per line, {"doc": ID, "text": TEXT} ("id" is accepted for "doc").
Output: one line per input line, {"doc": ID, "tokens": [[start,end],...], "sentences": [[start,end],...]}
        Offsets are JavaScript string indices into TEXT, end exclusive.

Flags:
  --jsonl   read JSONL from stdin, write JSONL to stdout (required; the only mode).
  --words   emit UD syntactic words ("did" + "n't") instead of surface tokens ("didn't").

A malformed line yields {"doc": ID|null, "error": "line N: reason"} and the run continues.`;

const command: Command = {
  name: "tokenize",
  summary: "tokenize and sentence-split raw text (JSONL in, spans out)",
  usage,
  async run(args: string[]): Promise<number> {
    const { flags, positional } = parseFlags(args, { booleans: ["jsonl", "words"] });
    if (!flags.get("jsonl")) throw new UsageError("--jsonl is required");
    if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const words = flags.get("words") === true;
    const tokenizer = new NewsTokenizer();
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNo = 0;
    let failures = 0;
    const out: string[] = [];
    const flush = () => {
      if (out.length) process.stdout.write(out.join(""));
      out.length = 0;
    };
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      let id: unknown = null;
      try {
        const rec = JSON.parse(line) as { doc?: unknown; id?: unknown; text?: unknown };
        id = rec.doc ?? rec.id ?? null;
        if (typeof rec.text !== "string") throw new Error("missing string field \"text\"");
        const doc = new Doc({ id: String(id ?? lineNo), title: null, published: null, url: null, source: null, language: "en", text: rec.text });
        tokenizer.annotate(doc);
        const tokens: Array<[number, number]> = [];
        if (words) for (let i = 0; i < doc.tokens.count; i++) tokens.push([doc.tokens.start[i], doc.tokens.end[i]]);
        else tokens.push(...surfaceTokens(doc));
        const sentences = doc.sentences.map((s) => [s.start, s.end]);
        out.push(JSON.stringify({ doc: id, tokens, sentences }) + "\n");
      } catch (err) {
        failures++;
        const reason = `line ${lineNo}: ${err instanceof Error ? err.message : String(err)}`;
        process.stderr.write(`eventwire tokenize: ${reason}\n`);
        out.push(JSON.stringify({ doc: id, error: reason }) + "\n");
      }
      if (out.length >= 256) flush();
    }
    flush();
    return failures ? 1 : 0;
  },
};
export default command;
