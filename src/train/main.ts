/**
 * `npm run train -- tagger|parser [--epochs N] [--bits B] [--seed S]`:
 * trains a model on UD English EWT train (../shared/gold/ud), tunes the
 * number of epochs on EWT dev, and writes compact model files plus metadata
 * to models/. Never reads test data.
 */
import { parseFlags, UsageError } from "../cli/command.js";

const USAGE = `usage: npm run train -- tagger|parser|senter|ensemble|ner [--epochs N] [--bits B] [--seed S]

  tagger   POS tagger (UPOS+XPOS) and lemmatizer -> models/tagger.bin, tagger.json, tagger.lemmas.json
  senter   learned sentence-boundary model for the tokenizer -> models/tagger.sentences.bin, tagger.sentences.json
  ensemble tune on dev how parser is recombined with parser.rtl and parser.end -> settings in models/parser.json
           (--gate G: the others run only when an arc of parser's parse has a margin below G; for a beam parser)
  parser   arc-eager dependency parser (needs the tagger model) -> models/parser.bin, parser.json
  ner      named-entity recogniser (needs the tagger model) -> models/NAME.*: --train FILE (repeatable),
           --dev FILE, --epochs N, --keep-last, --seeds N (weights averaged over N shuffles), --pos-tags
           jackknife|tagger (POS of the EWT sentences from held-out taggers, default), --name NAME, --out DIR
           (models/ner-v1.json records the command of the shipped run)

  --epochs N   maximum training epochs (early stopping on EWT dev); default tagger 12, parser 12
  --bits B     log2 of the hashed feature rows; default tagger 18, parser 20
  --label-bits B  parser only: log2 of the hashed rows of the arc-label model; default 17
  --seed S     shuffling/exploration seed; default 1
  --features F tagger only: feature set 40 (default) or 48 (adds two-ahead suffix/shape and tag/ambiguity conjunctions)
  --directions D tagger only: 1, or 2 to add a right-to-left model whose scores are averaged with the left-to-right one's (default 2)
  --direction D  parser only: ltr (models/parser.*) or rtl, a right-to-left parser (models/parser.rtl.*)
  --root R     parser only: root token at the start of the stack (start) or at the end of the buffer (end,
               models/parser[.rtl].end.*). parser.rtl and parser.end, when present, join parser in an ensemble:
               Eisner decoding over confidence-weighted arcs, re-tuned on dev after every train-only run
  --label-features L  parser only: label feature set 1 (default) or 2 (adds the dependent's children labels with the head's tag)
  --beam B     parser only: beam width; > 1 trains a beam-search parser with max-violation updates -> models/parser[...].beam.*
  --update U   parser with --beam only: max (max-violation, default) or early (early update)
  --tags T     parser only: train on gold XPOS or on 4-fold jackknifed predicted XPOS (default jackknife)`;

async function main(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (!what || what === "--help" || what === "-h") {
    process.stdout.write(USAGE + "\n");
    return what ? 0 : 2;
  }
  if (what === "ner") {
    const { trainNer } = await import("./ner.js");
    await trainNer(rest);
    return 0;
  }
  const { flags } = parseFlags(rest, { values: ["epochs", "bits", "seed", "tags", "directions", "direction", "label-bits", "root", "features", "label-features", "beam", "gate", "update"] });
  const num = (k: string, d: number) => {
    const v = flags.get(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${k} must be a positive integer, got '${String(v)}'`);
    return n;
  };
  if (what === "tagger") {
    const { trainTagger } = await import("./tagger.js");
    await trainTagger({ epochs: num("epochs", 12), bits: num("bits", 18), seed: num("seed", 1), directions: num("directions", 2), features: num("features", 40) });
  } else if (what === "senter") {
    const { trainSenter } = await import("./senter.js");
    await trainSenter({ epochs: num("epochs", 10), bits: num("bits", 18), seed: num("seed", 1) });
  } else if (what === "ensemble") {
    const { tuneEnsembleCommand } = await import("./parser.js");
    const gate = flags.get("gate");
    tuneEnsembleCommand(gate === undefined ? undefined : num("gate", 0));
  } else if (what === "parser") {
    const { trainParser, parserModelName } = await import("./parser.js");
    const tags = flags.get("tags") ?? "jackknife";
    if (tags !== "gold" && tags !== "jackknife") throw new UsageError(`--tags must be gold or jackknife, got '${String(tags)}'`);
    const direction = flags.get("direction") ?? "ltr";
    if (direction !== "ltr" && direction !== "rtl") throw new UsageError(`--direction must be ltr or rtl, got '${String(direction)}'`);
    const update = flags.get("update") ?? "max";
    if (update !== "max" && update !== "early") throw new UsageError(`--update must be max or early, got '${String(update)}'`);
    const root = flags.get("root") ?? "start";
    if (root !== "start" && root !== "end") throw new UsageError(`--root must be start or end, got '${String(root)}'`);
    await trainParser({ labelFeatures: num("label-features", 1), epochs: num("epochs", 12), bits: num("bits", 20), labelBits: num("label-bits", 17), seed: num("seed", 1), trainTags: tags, direction, root, beam: num("beam", 1), update });
  } else throw new UsageError(`unknown model '${what}'`);
  return 0;
}

main(process.argv.slice(2)).then(
  (c) => (process.exitCode = c),
  (err) => {
    process.stderr.write(`train: ${err instanceof UsageError ? err.message + "\n" + USAGE : err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
