import { test } from "node:test";
import assert from "node:assert/strict";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { textArticle } from "../src/ingest/text-article.js";
import { toAnalysis } from "../src/model/index.js";
import { assertSpansSliceText } from "./helpers/spans.js";

const pipeline = new Pipeline();

/** Text users really send: odd, broken or huge, none of which may crash a run or bend a span. */
const awkward: Record<string, string> = {
  "only punctuation": "!!! ... ??? --- ,,, ;;;",
  "only whitespace lines": "Title\n\n\n\n   \n\t\n",
  "unclosed quotes": '"Russia will never accept this, Lavrov said. And then "nothing.',
  "nested and mixed quotes": "«Il a dit “non”», said Mr. Dupont. 'We “strongly” object,' she added.",
  "astral characters": "Russia 🇷🇺 vetoed the 𝒰𝒩 resolution 😀 on Wednesday, diplomats said 🙂.",
  "right-to-left text": "روسيا تستخدم الفيتو. Russia vetoed the draft. مجلس الأمن",
  "one huge sentence": Array.from({ length: 2500 }, (_, i) => `state${i} condemned state${i + 1}`).join(" and ") + ".",
  "very long word": "Russia " + "x".repeat(20000) + " vetoed.",
  "control characters": "Russia\u0007 vetoed\u001b[31m the draft\u200b resolution\ufeff on Wednesday.",
  "CRLF lines": "Russia vetoes draft\r\n\r\nRussia vetoed a draft resolution on Wednesday.\r\n\"We object,\" Lavrov said.\r\n",
  "replacement characters": "Caf\uFFFD talks: Russia vetoed the draft \uFFFD\uFFFD on Wednesday.",
  "numbers and URLs": "On 12/04/2017 at 10:30 GMT, https://un.org/x?a=1&b=2 reported $1,000,000 (€940k) for 90% of 1,234 people; e-mail a.b@un.org.",
  "lone surrogate": "Russia vetoed \ud800 the resolution \udc00 on Wednesday.",
  "all caps dateline only": "UNITED NATIONS (AP) -",
};

for (const [name, text] of Object.entries(awkward)) {
  test(`awkward input does not crash the pipeline and every span holds: ${name}`, () => {
    const a = toAnalysis(pipeline.analyze(textArticle(text, { published: "2017-04-12" })));
    assert.equal(a.article.text, text);
    assertSpansSliceText(a);
    for (const s of a.sentences) assert.ok(s.start < s.end, `sentence ${s.index} is not empty`);
  });
}
