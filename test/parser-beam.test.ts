import { test } from "node:test";
import assert from "node:assert/strict";
import { HashedPerceptron } from "../src/nlp/_ml/perceptron.js";
import { BeamSearch } from "../src/nlp/_parser_internals/beam.js";
import { SentenceAtoms, parserFeatures } from "../src/nlp/_parser_internals/features.js";
import { ParserModel, fillAtoms, type ParserMeta } from "../src/nlp/_parser_internals/model.js";
import { N_ACTIONS, ParseState } from "../src/nlp/_parser_internals/state.js";
import { BeamTrainer } from "../src/train/parser.js";
import { ensembleParse, type DirectedParse } from "../src/nlp/_parser_internals/ensemble.js";

/** Deterministic pseudo-random generator for action choices. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Applies random valid actions (arcs labelled 0..4) until the state is done. */
function randomWalk(st: ParseState, r: () => number, steps = 1 << 30): void {
  for (let t = 0; t < steps && !st.done; t++) {
    const valid = [0, 1, 2, 3].filter((a) => st.valid(a));
    const a = valid[Math.floor(r() * valid.length)];
    st.apply(a, a >= 2 ? Math.floor(r() * 5) : -1);
  }
}

const FORMS = ["The", "minister", "met", "the", "envoy", "in", "Paris", "on", "Monday", "."];
const UPOS = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"];
const XPOS = ["DT", "NN", "VBD", "DT", "NN", "IN", "NNP", "IN", "NNP", "."];

test("parse state copy: a state copied over another of the same sentence has the same features and continues alike", () => {
  const atoms = new SentenceAtoms();
  fillAtoms(atoms, FORMS, UPOS, XPOS);
  const n = FORMS.length;
  for (const rootEnd of [false, true]) for (let seed = 1; seed <= 30; seed++) {
    const r = lcg(seed);
    const a = new ParseState();
    const b = new ParseState();
    a.reset(n, rootEnd);
    b.reset(n, rootEnd);
    // b runs ahead on its own path, a stops midway; copying a over b must undo all of b's writes
    randomWalk(b, lcg(seed + 1000));
    randomWalk(a, r, Math.floor(r() * 2 * n));
    b.copyFrom(a);
    const fa = new Uint32Array(96);
    const fb = new Uint32Array(96);
    assert.deepEqual(fb.subarray(0, parserFeatures(b, atoms, fb)), fa.subarray(0, parserFeatures(a, atoms, fa)));
    const ra = lcg(seed + 7);
    const rb = lcg(seed + 7);
    randomWalk(a, ra);
    randomWalk(b, rb);
    assert.deepEqual(Array.from(b.head.subarray(0, n + 2)), Array.from(a.head.subarray(0, n + 2)));
    assert.deepEqual(Array.from(b.label.subarray(0, n + 2)), Array.from(a.label.subarray(0, n + 2)));
  }
});

test("beam search of width 1 follows the greedy argmax path", () => {
  const atoms = new SentenceAtoms();
  fillAtoms(atoms, FORMS, UPOS, XPOS);
  const n = FORMS.length;
  // a fixed scorer: action scores from the feature hashes
  const score = (feats: Uint32Array, k: number, out: Float64Array): void => {
    out.fill(0);
    for (let i = 0; i < k; i++) for (let a = 0; a < N_ACTIONS; a++) out[a] += (((feats[i] >>> (a * 5)) & 31) - 15) / 16;
  };
  const label = (st: ParseState) => st.b0 % 5;
  const greedy = new ParseState();
  greedy.reset(n, false);
  const feats = new Uint32Array(96);
  const as = new Float64Array(N_ACTIONS);
  while (!greedy.done) {
    score(feats, parserFeatures(greedy, atoms, feats), as);
    let best = -1;
    for (let a = 0; a < N_ACTIONS; a++) if (greedy.valid(a) && (best < 0 || as[a] > as[best])) best = a;
    greedy.apply(best, best >= 2 ? label(greedy) : -1);
  }
  const beam = new BeamSearch(1);
  beam.start(n, false, false);
  while (!beam.done) beam.step(atoms, score, label, null, false);
  assert.deepEqual(Array.from(beam.item(0).head.subarray(1, n + 1)), Array.from(greedy.head.subarray(1, n + 1)));
});

for (const early of [false, true]) test(`beam training (${early ? "early update" : "max-violation"}) learns a small treebank: the beam parser then reproduces its trees`, () => {
  const heads = [
    [2, 3, 0, 5, 3, 7, 3, 9, 3, 3],
    [2, 3, 0, 5, 3, 3, 0, 0, 0, 0],
  ];
  const sents = [
    { forms: FORMS, upos: UPOS, xpos: XPOS, head: heads[0], deprel: ["det", "nsubj", "root", "det", "obj", "case", "obl", "case", "obl", "punct"] },
    { forms: ["A", "court", "jailed", "the", "editor", "."], upos: ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"], xpos: ["DT", "NN", "VBD", "DT", "NN", "."], head: heads[1].slice(0, 6), deprel: ["det", "nsubj", "root", "det", "obj", "punct"] },
  ];
  const labels = ["det", "nsubj", "root", "obj", "case", "obl", "punct"];
  const actions = new HashedPerceptron(14, N_ACTIONS, true);
  const labeler = new HashedPerceptron(12, labels.length, true);
  const trainer = new BeamTrainer(4, actions, labeler, labels.indexOf("root"), false, early);
  const atoms = new SentenceAtoms();
  let updated = 0;
  for (let epoch = 0; epoch < 10; epoch++) for (const s of sents) {
    const n = s.forms.length;
    const gh = new Int32Array(n + 2).fill(-1);
    const gl = new Int32Array(n + 2);
    s.head.forEach((h, i) => ((gh[i + 1] = h), (gl[i + 1] = labels.indexOf(s.deprel[i]))));
    fillAtoms(atoms, s.forms, s.upos, s.xpos);
    if (trainer.train(atoms, n, false, gh, gl)) updated++;
  }
  assert.ok(updated > 0, "the untrained beam must be wrong at first");
  actions.finalise();
  labeler.finalise();
  const meta: ParserMeta = { format: "eventwire-parser", version: 1, labels, settings: { beam: 4 }, training: {}, dev: {} };
  const model = new ParserModel(meta, actions, labeler);
  for (const s of sents) {
    const p = model.parse(s.forms, s.upos, s.xpos);
    assert.deepEqual(Array.from(p.head.subarray(1)), s.head);
    assert.deepEqual(Array.from(p.label.subarray(1), (l) => labels[l]), s.deprel);
  }
});

test("gated ensemble: the other parsers run only when an arc of the first parse has a margin below the gate", () => {
  const parse = (heads: number[], margins: number[]): DirectedParse => ({ head: Int32Array.from([-1, ...heads]), label: Int32Array.from([-1, 0, 0, 0]), margin: Float32Array.from([0, ...margins]) });
  const trees = [[0, 1, 2], [0, 1, 1], [0, 1, 1]];
  const run = (margins: number[], gate?: number) => {
    const ran: number[] = [];
    const r = ensembleParse((k) => (ran.push(k), parse(trees[k], k === 0 ? margins : [1, 1, 1])), 3, 3, 1, 1, [1, 1, 1], gate);
    return { head: Array.from(r.head.subarray(1)), ran };
  };
  assert.deepEqual(run([30, 40, 25], 24), { head: [0, 1, 2], ran: [0] });
  // one uncertain arc (word 3): all parsers run and the majority head wins
  assert.deepEqual(run([30, 40, 5], 24), { head: [0, 1, 1], ran: [0, 1, 2] });
  assert.deepEqual(run([30, 40, 25]), { head: [0, 1, 1], ran: [0, 1, 2] });
});

test("beam decoding: margins are 1e3 where every final beam item agrees, smaller where one differs, and the parse is a tree", () => {
  const labels = ["dep", "root"];
  const actions = new HashedPerceptron(10, N_ACTIONS, false, new Int16Array((1 << 10) * N_ACTIONS).map((_, i) => ((i * 2654435761) >>> 20) % 200 - 100));
  const labeler = new HashedPerceptron(8, labels.length, false);
  const model = new ParserModel({ format: "eventwire-parser", version: 1, labels, settings: { beam: 8 }, training: {}, dev: {} }, actions, labeler);
  const p = model.parse(FORMS, UPOS, XPOS);
  const n = FORMS.length;
  assert.equal(Array.from(p.head.subarray(1)).filter((h) => h === 0).length, 1);
  for (let d = 1; d <= n; d++) {
    // every word reaches the root within n steps: no cycles
    let h = d;
    for (let steps = 0; h !== 0 && steps <= n; steps++) h = p.head[h];
    assert.equal(h, 0, `word ${d} does not reach the root`);
  }
  const margins = Array.from(p.margin.subarray(1));
  assert.ok(margins.every((m) => m >= 0));
  assert.ok(margins.some((m) => m < 1e3), "8 items over 10 words must disagree somewhere");
});
