import { test } from "node:test";
import assert from "node:assert/strict";
import { createEventComponent } from "../src/extract/events/index.js";
import { withBalancedBrackets, type Doc, type Event } from "../src/model/index.js";
import { codeFixtureActor, fixtureActors, fixtureDoc, type FixtureActors } from "./helpers/fixtures.js";

const opts = { actors: fixtureActors, codeActor: (l: FixtureActors, d: Doc, s: number, e: number) => codeFixtureActor(l, d, s, e) };
const coder = createEventComponent<FixtureActors>(opts);
const brief = (e: Event) => `${e.source.actor}>${e.target?.actor ?? ""}:${e.code}:${e.modality}`;

function run(doc: Doc, c = coder): string[] {
  c.annotate(doc);
  return doc.events.map(brief);
}

// "Russia and China met in Moscow ." — a joint act without an object
const joint = () => fixtureDoc([[
  "Russia Russia PROPN 4 nsubj", "and and CCONJ 3 cc", "China China PROPN 1 conj", "met meet VERB 0 root",
  "in in ADP 6 case", "Moscow Moscow PROPN 4 obl", ". . PUNCT 4 punct",
]]);

test("joint subjects without an object: one event each, no invented target; mutual codes both directions", () => {
  const ev = run(joint());
  assert.ok(ev.length >= 2, ev.join(" "));
  for (const e of ev) assert.match(e, /^(RUS|CHN)>:/, "no target is invented (not even Moscow from the clause)");
  const mutual = run(joint(), createEventComponent<FixtureActors>({ ...opts, mutual: true }));
  assert.ok(mutual.some((e) => e.startsWith("RUS>CHN:")) && mutual.some((e) => e.startsWith("CHN>RUS:")), mutual.join(" "));
});

test("word-order target when the parser hung 'to + actor' on a later clause", () => {
  // "Russia granted asylum to Syria officers , Britain said ." with "officers" attached to "said"
  const doc = fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "granted grant VERB 0 root", "asylum asylum NOUN 2 obj", "to to ADP 6 case",
    "Syria Syria PROPN 6 compound", "officers officer NOUN 9 obl", ", , PUNCT 9 punct", "Britain Britain PROPN 9 nsubj",
    "said say VERB 2 parataxis", ". . PUNCT 2 punct",
  ]]);
  assert.deepEqual(run(doc), ["RUS>SYR:075:asserted"]);
});

test("requireTarget (PETRARCH suites) drops events without a coded target", () => {
  const mk = () => fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "vetoed veto VERB 0 root", "the the DET 4 det", "resolution resolution NOUN 2 obj", ". . PUNCT 2 punct",
  ]]);
  assert.deepEqual(run(mk()), ["RUS>:129:asserted"]);
  assert.deepEqual(run(mk(), createEventComponent<FixtureActors>({ ...opts, requireTarget: true })), []);
});

test("a threat is made against the actor of its condition", () => {
  // "Russia threatened to attack if Washington refuses ."
  const doc = fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "threatened threaten VERB 0 root", "to to PART 4 mark", "attack attack VERB 2 xcomp",
    "if if SCONJ 7 mark", "Washington Washington PROPN 7 nsubj", "refuses refuse VERB 4 advcl", ". . PUNCT 2 punct",
  ]]);
  const ev = run(doc);
  assert.ok(ev.some((e) => /^RUS>USA:13\d*:asserted$/.test(e)), ev.join(" "));
  assert.ok(!ev.some((e) => /:19\d*:asserted$/.test(e)), "the threatened attack itself is not asserted");
});

test("'ordered X to ...' is a demand, not an intent to cooperate (CAMEO 2.0's ORDER ... TO pattern)", () => {
  // "Britain ordered Russia to leave ."
  const doc = fixtureDoc([[
    "Britain Britain PROPN 2 nsubj", "ordered order VERB 0 root", "Russia Russia PROPN 2 obj", "to to PART 5 mark",
    "leave leave VERB 2 xcomp", ". . PUNCT 2 punct",
  ]]);
  const ev = run(doc).filter((e) => e.endsWith(":asserted"));
  assert.deepEqual(ev, ["GBR>RUS:100:asserted"]);
});

test("an appeal to support an actor is a rally of support (053)", () => {
  // "Britain urged Russia to support Syria ."
  const doc = fixtureDoc([[
    "Britain Britain PROPN 2 nsubj", "urged urge VERB 0 root", "Russia Russia PROPN 2 obj", "to to PART 5 mark",
    "support support VERB 2 xcomp", "Syria Syria PROPN 5 obj", ". . PUNCT 2 punct",
  ]]);
  const ev = run(doc).filter((e) => e.endsWith(":asserted"));
  assert.ok(ev.includes("GBR>SYR:053:asserted"), ev.join(" "));
  assert.ok(!ev.some((e) => /^RUS>SYR:05/.test(e)), "the support itself is only asked for");
});

test("'relations have gone downhill' is not a journey (CAMEO 2.0's bare GO is 040)", () => {
  const mk = (how: string) => fixtureDoc([[
    "Russia Russia PROPN 3 nsubj", "has have AUX 3 aux", "gone go VERB 0 root", `${how} ${how} ADV 3 advmod`, ". . PUNCT 3 punct",
  ]]);
  assert.deepEqual(run(mk("downhill")), []);
  assert.deepEqual(run(mk("wrong")), []);
  // the same clause with a destination is still a journey
  const trip = fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "went go VERB 0 root", "to to ADP 4 case", "Syria Syria PROPN 2 obl", ". . PUNCT 2 punct",
  ]]);
  assert.ok(run(trip).some((e) => /^RUS>.*:04\d*:asserted$/.test(e)), run(trip).join(" "));
});

test("an evidence span is widened over the bracket it holds only one half of, when that bracket is adjacent", () => {
  assert.deepEqual(withBalancedBrackets("a (US) b", 3, 8), { start: 2, end: 8 });
  assert.deepEqual(withBalancedBrackets("a (US) c", 2, 5), { start: 2, end: 6 });
  assert.deepEqual(withBalancedBrackets("a (US b) c", 2, 6), { start: 2, end: 6 }, "a bracket further away is left out");
  assert.deepEqual(withBalancedBrackets("a (US) b", 3, 5), { start: 3, end: 5 }, "a span without brackets is unchanged");
});

test("thinking is not consulting (CAMEO 2.0's CONSIDER block is 040); considering a policy option is 014", () => {
  const mk = (verb: string, lemma: string, obj: string) => fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", `${verb} ${lemma} VERB 0 root`, `${obj} ${obj} NOUN 2 obj`, ". . PUNCT 2 punct",
  ]]);
  assert.deepEqual(run(mk("considers", "consider", "it")), []);
  assert.deepEqual(run(mk("thinks", "think", "so")), []);
  assert.deepEqual(run(mk("considers", "consider", "sanctions")), ["RUS>:014:asserted"]);
});

test("talks between two actors: the first is the source, the second the target ('talks' found by its form, lemma 'talk')", () => {
  // "Talks between Russia and China began ."
  const doc = fixtureDoc([[
    "Talks talk NOUN 6 nsubj", "between between ADP 3 case", "Russia Russia PROPN 1 nmod", "and and CCONJ 5 cc",
    "China China PROPN 3 conj", "began begin VERB 0 root", ". . PUNCT 6 punct",
  ]]);
  assert.ok(run(doc).some((e) => /^RUS>CHN:04\d*:asserted$/.test(e)), run(doc).join(" "));
});

test("a meeting someone would host is not asserted", () => {
  // "Britain would host a meeting between Russia and China ."
  const host = fixtureDoc([[
    "Britain Britain PROPN 3 nsubj", "would would AUX 3 aux", "host host VERB 0 root", "a a DET 5 det", "meeting meeting NOUN 3 obj",
    "between between ADP 7 case", "Russia Russia PROPN 5 nmod", "and and CCONJ 9 cc", "China China PROPN 7 conj", ". . PUNCT 3 punct",
  ]]);
  const ev = run(host);
  assert.ok(ev.includes("RUS>CHN:040:hypothetical"), ev.join(" "));
  assert.ok(!ev.some((e) => e.endsWith(":asserted")), ev.join(" "));
});
