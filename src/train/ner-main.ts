/** Stand-alone entry until src/train/main.ts dispatches `npm run train -- ner`: node dist/src/train/ner-main.js [flags]. */
import { trainNer } from "./ner.js";

trainNer(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`train ner: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
