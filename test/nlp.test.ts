import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { Doc } from "../src/model/index.js";
import { NewsTokenizer, surfaceTokens } from "../src/nlp/tokenizer.js";
import { createNlpComponents } from "../src/nlp/index.js";
import { Tagger } from "../src/nlp/tagger.js";
import { Lemmatizer } from "../src/nlp/lemmatizer.js";
import { Parser } from "../src/nlp/parser.js";
import { REPO_ROOT } from "../src/nlp/models.js";
import { ensembleParse, type DirectedParse } from "../src/nlp/_parser_internals/ensemble.js";

function doc(text: string): Doc {
  return new Doc({ id: "t", title: null, published: null, url: null, source: null, language: "en", text });
}

function tokenize(text: string): Doc {
  const d = doc(text);
  new NewsTokenizer().annotate(d);
  return d;
}

const forms = (d: Doc) => d.tokens.form.slice(0, d.tokens.count);

test("tokenizer: clitics split UD-style, every token slices the text", () => {
  const d = tokenize("Putin didn't keep Tillerson waiting; it's Mr Trump's call, they'll say. I can't.");
  assert.deepEqual(forms(d), ["Putin", "did", "n't", "keep", "Tillerson", "waiting", ";", "it", "'s", "Mr", "Trump", "'s", "call", ",", "they", "'ll", "say", ".", "I", "ca", "n't", "."]);
  for (let i = 0; i < d.tokens.count; i++) assert.equal(d.text.slice(d.tokens.start[i], d.tokens.end[i]), d.tokens.form[i]);
  // surface tokens re-join the clitics
  const surf = surfaceTokens(d).map(([s, e]) => d.text.slice(s, e));
  assert.ok(surf.includes("didn't") && surf.includes("Trump's") && surf.includes("can't"), surf.join(" "));
});

test("tokenizer: dateline, abbreviations, quotes, money, URLs, e-mails, ellipses, hyphens", () => {
  const d = tokenize("UNITED NATIONS (AP) - Russia vetoed a Western-backed U.N. resolution.");
  assert.deepEqual(forms(d), ["UNITED", "NATIONS", "(", "AP", ")", "-", "Russia", "vetoed", "a", "Western", "-", "backed", "U.N.", "resolution", "."]);
  const q = tokenize("“We will insist,” Lavrov said. «Non» and ‘maybe’… $5.5 million, 20% more at http://example.com/a?b=1 or press@un.org -- e-mail me.");
  assert.deepEqual(forms(tokenize("She didn’t—or couldn’t—agree; $1.2bn.")), ["She", "did", "n’t", "—", "or", "could", "n’t", "—", "agree", ";", "$", "1.2", "bn", "."]);
  assert.deepEqual(forms(q), ["“", "We", "will", "insist", ",", "”", "Lavrov", "said", ".", "«", "Non", "»", "and", "‘", "maybe", "’", "…", "$", "5.5", "million", ",", "20", "%", "more", "at", "http://example.com/a?b=1", "or", "press@un.org", "--", "e-mail", "me", "."]);
});

test("sentence splitter: a wire dateline is its own segment, whatever the agency", () => {
  for (const [text, dateline] of [
    ["UNITED NATIONS (AP) - Russia vetoed the resolution.", "UNITED NATIONS (AP) -"],
    ["SAN JUAN, Puerto Rico (Reuters) - The storm hit.", "SAN JUAN, Puerto Rico (Reuters) -"],
    ["LUCCA, Italy (Eventwire sample) - Britain urged new sanctions.", "LUCCA, Italy (Eventwire sample) -"],
  ]) {
    const d = tokenize(text);
    assert.equal(text.slice(d.sentences[0].start, d.sentences[0].end), dateline);
  }
  // an upper-case word opening an ordinary sentence is no dateline
  const d = tokenize("NATO - the alliance - met.");
  assert.equal(d.sentences.length, 1);
});

test("sentence splitter: abbreviations, quotes, title line and paragraphs", () => {
  const text = "Russia vetoes U.N. resolution\n\nMr. Putin met Gen. Smith in the U.S. on Monday. \"It was fine.\" He left.\n\nA new paragraph without a final period\nThe next line";
  const d = tokenize(text);
  const sents = d.sentences.map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sents, [
    "Russia vetoes U.N. resolution",
    "Mr. Putin met Gen. Smith in the U.S. on Monday.",
    '"It was fine."',
    "He left.",
    "A new paragraph without a final period",
    "The next line",
  ]);
  // token ranges and per-token sentence index agree with the spans
  for (const s of d.sentences) {
    assert.equal(d.tokens.start[s.tokenStart], s.start);
    assert.equal(d.tokens.end[s.tokenEnd - 1], s.end);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) assert.equal(d.tokens.sentence[i], s.index);
  }
});

test("tokenizer: empty and whitespace-only text give no tokens and no sentences", () => {
  for (const t of ["", "   \n\n\t "]) {
    const d = tokenize(t);
    assert.equal(d.tokens.count, 0);
    assert.equal(d.sentences.length, 0);
  }
});

test("tagger and lemmatizer on a small sentence", () => {
  const tagger = new Tagger();
  const { upos, xpos } = tagger.tagWords(["The", "children", "were", "sitting", "on", "the", "mat", "."]);
  assert.deepEqual(upos, ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"]);
  const lem = Lemmatizer.load();
  const lemmas = ["The", "children", "were", "sitting", "on", "the", "mat", "."].map((f, i) => lem.lemma(f, xpos[i]));
  assert.deepEqual(lemmas, ["the", "child", "be", "sit", "on", "the", "mat", "."]);
  assert.equal(lem.lemma("vetoed", "VBD"), "veto");
  assert.equal(lem.lemma("went", "VBD"), "go");
});

test("headlines: a sentence tagged without a verb gets its finite verb; verbless fragments stay verbless", () => {
  const tagger = new Tagger();
  const verbOf = (h: string) => {
    const words = h.split(" ");
    const { xpos } = tagger.tagWords(words);
    const i = xpos.findIndex((x) => /^VB[ZDP]$/.test(x));
    return i < 0 ? null : words[i];
  };
  const headlines: Array<[string, string]> = [
    ["Russian Federation vetoes United Nations resolution to condemn Syria chemical attack", "vetoes"],
    ["Trump fires missiles at Syrian air base", "fires"],
    ["Police arrest protesters in Hong Kong", "arrest"],
    ["Rebels seize town in eastern Congo", "seize"],
    ["Israel strikes Gaza after rocket fire", "strikes"],
    ["UN envoy calls for ceasefire in Yemen", "calls"],
  ];
  for (const [h, verb] of headlines) assert.equal(verbOf(h), verb, h);
  for (const fragment of ["Thanks for the great service", "Great food and friendly staff", "Photos of the day", "List of top stories", "Good local bike shop"]) {
    assert.equal(verbOf(fragment), null, fragment);
  }
  // the parse then has the verb as root, with its subject and object
  const a = arcs(headlines[0][0].split(" "));
  assert.equal(a[2], "0:root");
  assert.equal(a[1], "3:nsubj");
  assert.equal(a[5], "3:obj");
});

test("a temporal preposition before a noun phrase and a finite verb opens a clause", () => {
  const words = "Hope has been dashed after the new USA leader fired missiles at Syria .".split(" ");
  const { upos } = new Tagger().tagWords(words);
  assert.equal(upos[4], "SCONJ");
  const a = arcs(words);
  assert.equal(a[4], "10:mark");
  assert.equal(a[8], "10:nsubj", "the leader is the subject of 'fired'");
  // a preposition before a plain noun phrase stays one
  assert.equal(new Tagger().tagWords("The talks resumed after the elections .".split(" ")).upos[3], "ADP");
  // "for" + noun phrase + infinitive: the infinitive's subject; "for years to come" stays a preposition
  assert.equal(new Tagger().tagWords("It is time for Russia to act .".split(" ")).upos[3], "SCONJ");
  assert.equal(new Tagger().tagWords("The sanctions will last for years to come .".split(" ")).upos[4], "ADP");
});

/** Tags and parses words; per word (0-based) "HEAD:DEPREL", heads 1-based as in CoNLL-U. */
function arcs(words: string[]): string[] {
  const { upos, xpos } = new Tagger().tagWords(words);
  const { head, deprel } = new Parser().parseWords(words, upos, xpos);
  return words.map((_, i) => `${head[i]}:${deprel[i]}`);
}

test("parser on a small sentence: subject, object, oblique", () => {
  const a = arcs(["The", "committee", "approved", "the", "plan", "on", "Monday", "."]);
  assert.equal(a[2], "0:root");
  assert.equal(a[1], "3:nsubj");
  assert.equal(a[4], "3:obj");
  assert.equal(a[6], "3:obl");
});

test("parser ensemble: the third parser runs only when the first two disagree, then the majority arc wins", () => {
  // heads of words 1..3 (index 0 unused); labels are the parser's index, margins equal
  const parse = (heads: number[], k: number): DirectedParse => ({ head: Int32Array.from([-1, ...heads]), label: Int32Array.from([-1, k, k, k]), margin: new Float32Array(4).fill(1) });
  const run = (trees: number[][]) => {
    const ran: number[] = [];
    const r = ensembleParse((k) => (ran.push(k), parse(trees[k], k)), trees.length, 3, 1, 1, [1, 1, 1]);
    return { head: Array.from(r.head.subarray(1)), label: Array.from(r.label.subarray(1)), ran };
  };
  assert.deepEqual(run([[0, 1, 2], [0, 1, 2], [0, 1, 1]]), { head: [0, 1, 2], label: [0, 0, 0], ran: [0, 1] });
  // word 3: two parsers attach it to word 1, one to word 2; an arc keeps the label of the first parser proposing it
  assert.deepEqual(run([[0, 1, 2], [0, 1, 1], [0, 1, 2]]), { head: [0, 1, 2], label: [0, 0, 0], ran: [0, 1, 2] });
  assert.deepEqual(run([[0, 1, 2], [0, 1, 1], [0, 1, 1]]), { head: [0, 1, 1], label: [0, 0, 1], ran: [0, 1, 2] });
});

test("pipeline components: every sentence is a tree with exactly one root", () => {
  const comps = createNlpComponents();
  assert.deepEqual(comps.map((c) => c.name), ["tokenizer", "tagger", "lemmatizer", "parser"]);
  const d = doc("Tillerson met Putin in the Kremlin for nearly two hours. Lavrov says Russia has lots of questions.\n\nBoth officials addressed the question.");
  for (const c of comps) c.annotate(d);
  const t = d.tokens;
  for (const s of d.sentences) {
    let roots = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      assert.ok(t.upos[i] && t.xpos[i] && t.lemma[i] && t.deprel[i], `token ${i} unannotated`);
      if (t.head[i] === -1) roots++;
      else assert.ok(t.head[i] >= s.tokenStart && t.head[i] < s.tokenEnd && t.head[i] !== i);
      // no cycles: following heads reaches the root
      let j = i;
      for (let steps = 0; j !== -1; steps++) {
        assert.ok(steps <= s.tokenEnd - s.tokenStart, "cycle");
        j = t.head[j];
      }
    }
    assert.equal(roots, 1);
  }
});

test("models load in under half a second (CPU time, robust to a busy shared machine)", () => {
  const c0 = process.cpuUsage();
  new NewsTokenizer();
  new Tagger();
  new Parser();
  Lemmatizer.load();
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  assert.ok(ms < 500, `loading took ${ms.toFixed(0)} ms of CPU`);
});

const SEED = join(REPO_ROOT, "..", "shared", "seed", "000_eb4c6554eca64faa.txt");

test("seed article: 'Russia vetoed ...' has vetoed as root, Russia nsubj, resolution obj", (t) => {
  if (!existsSync(SEED)) {
    t.skip(`seed article not found at ${SEED}`);
    return;
  }
  const text = readFileSync(SEED, "utf8");
  const d = doc(text);
  for (const c of createNlpComponents()) c.annotate(d);
  const at = text.indexOf("Russia vetoed a Western-backed");
  assert.ok(at >= 0);
  const russia = d.tokenAt(at);
  const vetoed = d.tokenAt(text.indexOf("vetoed", at));
  const resolution = d.tokenAt(text.indexOf("resolution", at));
  const t2 = d.tokens;
  assert.equal(t2.form[vetoed], "vetoed");
  const s = d.sentences[t2.sentence[vetoed]];
  assert.ok(text.slice(s.start, s.end).includes("Russia vetoed a Western-backed U.N. resolution Wednesday"), text.slice(s.start, s.end));
  assert.equal(t2.head[vetoed], -1, `root is ${t2.form[vetoed]}? head=${t2.head[vetoed]}`);
  assert.equal(t2.deprel[vetoed], "root");
  assert.equal(t2.head[russia], vetoed);
  assert.equal(t2.deprel[russia], "nsubj");
  assert.equal(t2.head[resolution], vetoed);
  assert.equal(t2.deprel[resolution], "obj");
  // every sentence of the article is a single tree
  for (const sent of d.sentences) {
    let roots = 0;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) if (t2.head[i] === -1) roots++;
    assert.equal(roots, 1);
  }
});

const CLI = join(REPO_ROOT, "dist", "src", "cli", "main.js");

test("eventwire tokenize --jsonl: surface spans, and a malformed line fails alone with its line number", () => {
  const input = [JSON.stringify({ doc: "a", text: "Putin didn't wait. He left." }), "{not json", JSON.stringify({ doc: "c" }), JSON.stringify({ doc: "d", text: "OK." })].join("\n") + "\n";
  const r = spawnSync(process.execPath, [CLI, "tokenize", "--jsonl"], { input, encoding: "utf8" });
  const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { doc: string | null; tokens?: number[][]; sentences?: number[][]; error?: string });
  assert.equal(out.length, 4);
  assert.deepEqual(out[0].tokens, [[0, 5], [6, 12], [13, 17], [17, 18], [19, 21], [22, 26], [26, 27]]);
  assert.deepEqual(out[0].sentences, [[0, 18], [19, 27]]);
  assert.match(out[1].error ?? "", /^line 2: /);
  assert.match(out[2].error ?? "", /^line 3: .*text/);
  assert.deepEqual(out[3].tokens, [[0, 2], [2, 3]]);
  assert.match(r.stderr, /line 2/);
  assert.equal(r.status, 1);
});

test("eventwire parse --conllu keeps tokenisation and fills tags, lemmas and a tree", () => {
  const rows = ["The", "ministers", "met", "."].map((f, i) => `${i + 1}\t${f}\t_\t_\t_\t_\t_\t_\t_\t_`);
  const input = `# sent_id = x\n${rows.join("\n")}\n\n`;
  const r = spawnSync(process.execPath, [CLI, "parse", "--conllu"], { input, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines[0], "# sent_id = x");
  const cols = lines.slice(1).map((l) => l.split("\t"));
  assert.deepEqual(cols.map((c) => c[1]), ["The", "ministers", "met", "."]);
  assert.deepEqual(cols.map((c) => c[3]), ["DET", "NOUN", "VERB", "PUNCT"]);
  assert.equal(cols[1][2], "minister");
  assert.deepEqual(cols.map((c) => [c[6], c[7]]), [["2", "det"], ["3", "nsubj"], ["0", "root"], ["3", "punct"]]);
  const bad = spawnSync(process.execPath, [CLI, "parse", "--conllu"], { input: "1\tonly three\tcolumns\n", encoding: "utf8" });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /line 1: expected 10 tab-separated columns/);
});
