import { readFileSync } from "node:fs";
import { type Command, parseFlags, UsageError } from "../command.js";
import { Doc } from "../../model/index.js";
import { SimpleTokenizer } from "../../nlp/tokenizer.js";
import { loadActorLexicon, LexiconFormatError } from "../../extract/actors/index.js";
import { parseConll } from "../../extract/entities/conll.js";
import { EntityComponent } from "../../extract/entities/index.js";
import { NerTagger } from "../../extract/entities/ner.js";

const usage = `eventwire ner: named entities and their CAMEO actor codes.

Usage:
  eventwire ner --conll [options] [FILE|-]   token<TAB>... per line, blank line between sentences;
                                             prints token<TAB>IOB2 tag (PER, ORG, LOC, MISC)
  eventwire ner [options] FILE|-             a plain-text article: prints its entities, linked and coded

Options:
  --conll            CoNLL mode (above). Only the first column of the input is read.
  --types LIST       CoNLL mode: keep only these types (comma-separated, e.g. PER,ORG,LOC for
                     UNER, which has no MISC); other predicted entities become O.
  --date YYYY-MM-DD  article date that decides time-bounded roles (default: today's office holders)
  --format F         article mode: json (default) or text
  --actors FILE      extra actor lexicon (lexicons/actors TSV/JSON, or a PETRARCH actor dictionary);
                     repeatable; later files override earlier names (--lexicon is the same flag)
  --model NAME       NER model in models/ (default ner-v1)
  -h, --help         this text
`;

function readInput(path: string | undefined): string {
  try {
    return readFileSync(!path || path === "-" ? 0 : path, "utf8");
  } catch (e) {
    throw new Error(`${path ?? "stdin"}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const command: Command = {
  name: "ner",
  summary: "named entities (CoNLL in/out for evaluation, or an article's linked, actor-coded entities)",
  usage,
  async run(args: string[]): Promise<number> {
    const { flags, multi, positional } = parseFlags(args, { values: ["types", "date", "format", "model"], booleans: ["conll"], repeatable: ["lexicon", "actors"] });
    if (positional.length > 1) throw new UsageError("give one FILE or - (stdin)");
    const date = flags.get("date") as string | undefined;
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
    const format = (flags.get("format") as string) ?? "json";
    if (format !== "json" && format !== "text") throw new UsageError(`--format must be json or text, got "${format}"`);
    let lex;
    try {
      lex = loadActorLexicon({ userFiles: [...(multi.get("actors") ?? []), ...(multi.get("lexicon") ?? [])] });
    } catch (e) {
      if (e instanceof LexiconFormatError) {
        process.stderr.write(`eventwire ner: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    let input: string;
    try {
      input = readInput(positional[0]);
    } catch (e) {
      process.stderr.write(`eventwire ner: ${(e as Error).message}\n`);
      return 1;
    }
    const model = flags.get("model") as string | undefined;
    if (flags.get("conll")) {
      const tagger = new NerTagger(lex, model);
      const types = flags.has("types") ? new Set(String(flags.get("types")).split(",").map((t) => t.trim().toUpperCase())) : null;
      const out: string[] = [];
      const sents = parseConll(input);
      // consecutive sentences are treated as one running text for name consistency
      const tagged = tagger.tagSentences(sents.map((s) => s.forms));
      sents.forEach((s, si) => {
        const { tags } = tagged[si];
        for (let i = 0; i < s.forms.length; i++) {
          const t = tags[i];
          out.push(`${s.forms[i]}\t${types && t !== "O" && !types.has(t.slice(2)) ? "O" : t}`);
        }
        out.push("");
        if (out.length > 4096) process.stdout.write(out.splice(0).join("\n") + "\n");
      });
      process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
      return 0;
    }
    if (!input.trim()) {
      process.stderr.write(`eventwire ner: ${positional[0] ?? "stdin"}: empty input\n`);
      return 1;
    }
    const doc = new Doc({ id: positional[0] ?? "stdin", title: null, published: date ?? null, url: null, source: positional[0] ?? null, language: "en", text: input });
    new SimpleTokenizer().annotate(doc);
    new EntityComponent(lex, model).annotate(doc);
    if (format === "json") process.stdout.write(JSON.stringify({ entities: doc.entities }, null, 1) + "\n");
    else for (const e of doc.entities) process.stdout.write(`${e.name} [${e.type}] ${e.actor ?? "-"} (${e.confidence ?? ""}): ${e.mentions.map((m) => m.text).join(" | ")}\n`);
    return 0;
  },
};

export default command;
