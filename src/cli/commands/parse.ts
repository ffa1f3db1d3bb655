import { readFileSync } from "node:fs";
import type { Command } from "../command.js";
import { parseFlags, UsageError } from "../command.js";
import { formatConllu, parseConllu } from "../../nlp/conllu.js";
import { Tagger } from "../../nlp/tagger.js";
import { Lemmatizer } from "../../nlp/lemmatizer.js";
import { Parser } from "../../nlp/parser.js";

const usage = `eventwire parse --conllu [--keep-tags] [FILE|-] > out.conllu

Tags, lemmatizes and parses pre-tokenized text (the evaluation interface of the NLP core).

Input:  CoNLL-U on stdin (or FILE); the tokenisation and sentence split are kept as given
        (multiword-token lines and comments pass through unchanged).
Output: the same CoNLL-U with UPOS, XPOS, LEMMA, HEAD and DEPREL filled (DEPS cleared to "_").

Flags:
  --conllu      CoNLL-U in, CoNLL-U out (required; the only mode).
  --keep-tags   keep the input UPOS/XPOS (when not "_") and only lemmatize and parse
                (for gold-tag experiments).

Models are read from models/ (or $EVENTWIRE_MODELS): tagger.bin/json, tagger.lemmas.json, parser.bin/json.`;

const command: Command = {
  name: "parse",
  summary: "tag, lemmatize and dependency-parse CoNLL-U (gold tokenisation kept)",
  usage,
  async run(args: string[]): Promise<number> {
    const { flags, positional } = parseFlags(args, { booleans: ["conllu", "keep-tags"] });
    if (!flags.get("conllu")) throw new UsageError("--conllu is required");
    if (positional.length > 1) throw new UsageError(`unexpected argument '${positional[1]}'`);
    const input = positional[0] ?? "-";
    let text: string;
    try {
      text = input === "-" ? readFileSync(0, "utf8") : readFileSync(input, "utf8");
    } catch (err) {
      process.stderr.write(`eventwire parse: ${input}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return 1;
    }
    let sents;
    try {
      sents = parseConllu(text);
    } catch (err) {
      process.stderr.write(`eventwire parse: ${input}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
    const tagger = new Tagger();
    const lemmatizer = Lemmatizer.load();
    const parser = new Parser();
    const keep = flags.get("keep-tags") === true;
    const out: string[] = [];
    for (const s of sents) {
      if (s.form.length === 0) {
        out.push(s.lines.join("\n") + "\n\n");
        continue;
      }
      if (!keep || s.xpos.some((x) => x === "_" || x === "") || s.upos.some((x) => x === "_" || x === "")) {
        const { upos, xpos } = tagger.tagWords(s.form);
        s.upos = upos;
        s.xpos = xpos;
      }
      s.lemma = s.form.map((f, i) => lemmatizer.lemma(f, s.xpos[i]));
      const { head, deprel } = parser.parseWords(s.form, s.upos, s.xpos);
      s.head = head;
      s.deprel = deprel;
      out.push(formatConllu(s));
      if (out.length >= 512) {
        process.stdout.write(out.join(""));
        out.length = 0;
      }
    }
    process.stdout.write(out.join(""));
    return 0;
  },
};
export default command;
