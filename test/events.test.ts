import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { createEventComponent, EventCoder, loadEventLexicon } from "../src/extract/events/index.js";
import type { Doc, Event } from "../src/model/index.js";
import { codeFixtureActor, fixtureActors, fixtureDoc, type FixtureActors } from "./helpers/fixtures.js";
import { docFromConllu } from "./helpers/conllu.js";
import { codeActorSpan, loadActorLexicon } from "../src/extract/actors/index.js";

const coder = createEventComponent<FixtureActors>({ actors: fixtureActors, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e) });
const allClauses = createEventComponent<FixtureActors>({ actors: fixtureActors, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e), allClauses: true });

function run(doc: Doc, c = coder): Event[] {
  c.annotate(doc);
  for (const e of doc.events) {
    // every span slices the original text
    assert.ok(e.evidence.start >= 0 && e.evidence.end <= doc.text.length && e.evidence.start < e.evidence.end);
    if (e.trigger) assert.ok(doc.text.slice(e.trigger.start, e.trigger.end).length > 0);
    if (e.source.start != null) assert.equal(doc.text.slice(e.source.start, e.source.end), e.source.text);
  }
  return doc.events;
}

const brief = (e: Event) => `${e.source.actor}>${e.target?.actor ?? ""}:${e.code}:${e.modality}`;

/** An event coder with only the given PETRARCH verb dictionary text. */
function petrarchCoder(verbs: string, reciprocal = false): EventCoder<FixtureActors> {
  const f = join(mkdtempSync(join(tmpdir(), "evpetr-")), "verbs.txt");
  writeFileSync(f, verbs);
  return new EventCoder<FixtureActors>({ actors: fixtureActors, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e), lexiconFiles: [f], reciprocal });
}

test("active voice, weekday resolved to the most recent one on or before the article date", () => {
  const doc = fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "vetoed veto VERB 0 root", "the the DET 4 det", "resolution resolution NOUN 2 obj",
    "on on ADP 6 case", "Wednesday Wednesday PROPN 2 obl", ". . PUNCT 2 punct",
  ]], "2017-04-13");
  const ev = run(doc);
  assert.deepEqual(ev.map(brief), ["RUS>:129:asserted"]);
  assert.equal(ev[0].date, "2017-04-12");
  assert.equal(ev[0].name, "Veto");
  assert.equal(ev[0].plover, "REJECT");
  assert.equal(ev[0].quadClass, 3);
  assert.equal(ev[0].goldstein, -5);
  assert.equal(doc.text.slice(ev[0].trigger!.start, ev[0].trigger!.end), "vetoed");
  assert.ok(ev[0].confidence > 0 && ev[0].confidence < 1);
});

test("passive voice: the by-agent is the source, the passive subject the target", () => {
  const ev = run(fixtureDoc([[
    "Syria Syria PROPN 3 nsubj:pass", "was be AUX 3 aux:pass", "attacked attack VERB 0 root", "by by ADP 5 case", "Washington Washington PROPN 3 obl:agent", ". . PUNCT 3 punct",
  ]]));
  assert.deepEqual(ev.map(brief), ["USA>SYR:190:asserted"]);
});

test("coordinated subjects give one event each; a negated verb is kept as negated", () => {
  const ev = run(fixtureDoc([
    ["Russia Russia PROPN 4 nsubj", "and and CCONJ 3 cc", "China China PROPN 1 conj", "vetoed veto VERB 0 root", "the the DET 6 det", "resolution resolution NOUN 4 obj", ". . PUNCT 4 punct"],
    ["Britain Britain PROPN 4 nsubj", "did do AUX 4 aux", "not not PART 4 advmod", "veto veto VERB 0 root", "it it PRON 4 obj", ". . PUNCT 4 punct"],
  ]));
  assert.deepEqual(ev.map(brief), ["RUS>:129:asserted", "CHN>:129:asserted", "GBR>:129:negated"]);
});

test("control verbs, counterfactual and future modality", () => {
  const ev = run(fixtureDoc([
    ["Russia Russia PROPN 2 nsubj", "plans plan VERB 0 root", "to to PART 4 mark", "investigate investigate VERB 2 xcomp", "Syria Syria PROPN 4 obj", ". . PUNCT 2 punct"],
    ["Britain Britain PROPN 4 nsubj", "would would AUX 4 aux", "have have AUX 4 aux", "condemned condemn VERB 0 root", "Syria Syria PROPN 4 obj", ". . PUNCT 4 punct"],
  ]));
  // "plans to" is itself an expressed intent (030); the planned act is future
  assert.deepEqual(ev.map(brief), ["RUS>SYR:030:asserted", "RUS>SYR:090:future", "GBR>SYR:111:counterfactual"]);
});

test("relative clause subject; reported action attributed to the speaker; no 010 for 'said'; background clauses", () => {
  const sents = [
    ["Lavrov Lavrov PROPN 2 nsubj", "said say VERB 0 root", "Washington Washington PROPN 4 nsubj", "attacked attack VERB 2 ccomp", "Syria Syria PROPN 4 obj", ". . PUNCT 2 punct"],
    ["Putin Putin PROPN 6 nsubj", ", , PUNCT 1 punct", "who who PRON 4 nsubj", "met meet VERB 1 acl:relcl", "Tillerson Tillerson PROPN 4 obj", "insisted insist VERB 0 root", ". . PUNCT 6 punct"],
  ];
  const ev = run(fixtureDoc(sents), allClauses);
  assert.deepEqual(ev.map(brief), ["USA>SYR:190:asserted", "RUSGOV>USAGOV:040:asserted", "RUSGOV>:100:asserted"]);
  assert.equal(ev[0].attribution?.actor, "RUSGOV");
  // by default the relative clause is background to the sentence's main event
  assert.deepEqual(run(fixtureDoc(sents)).map(brief), ["USA>SYR:190:asserted", "RUSGOV>:100:asserted"]);
});

test("nominal events: possessive veto, hyphenated meeting, alleged use", () => {
  const ev = run(fixtureDoc([
    ["Russia Russia PROPN 3 nmod:poss", "'s 's PART 1 case", "veto veto NOUN 4 nsubj", "angered anger VERB 0 root", "Washington Washington PROPN 4 obj", ". . PUNCT 4 punct"],
    ["The the DET 3 det", "Putin-Tillerson Putin-Tillerson PROPN 3 compound", "meeting meeting NOUN 5 nsubj", "was be AUX 5 cop", "long long ADJ 0 root", ". . PUNCT 5 punct"],
    ["Syria Syria PROPN 4 nmod:poss", "'s 's PART 1 case", "suspected suspected ADJ 4 amod", "attack attack NOUN 0 root", ". . PUNCT 4 punct"],
  ]));
  assert.deepEqual(ev.map(brief), ["RUS>:129:asserted", "RUSGOV>USAGOV:040:asserted", "SYR>:190:alleged"]);
});

test("a topic is not a party ('a meeting on Syria', not 'with Syria'); addressing a question is no event", () => {
  const ev = run(fixtureDoc([
    ["Russia Russia PROPN 3 nmod:poss", "'s 's PART 1 case", "meeting meeting NOUN 0 root", "on on ADP 5 case", "Syria Syria PROPN 3 nmod", ". . PUNCT 3 punct"],
    ["Russia Russia PROPN 3 nmod:poss", "'s 's PART 1 case", "meeting meeting NOUN 0 root", "with with ADP 5 case", "Syria Syria PROPN 3 nmod", ". . PUNCT 3 punct"],
    ["Russia Russia PROPN 2 nsubj", "addressed address VERB 0 root", "the the DET 4 det", "question question NOUN 2 obj", "of of ADP 6 case", "Syria Syria PROPN 4 nmod", ". . PUNCT 2 punct"],
  ]));
  assert.deepEqual(ev.map(brief), ["RUS>:040:asserted", "RUS>SYR:040:asserted"]);
});

test("in-article dedup: same source, target, code and day is one event with several mentions", () => {
  const s = ["Russia Russia PROPN 2 nsubj", "vetoed veto VERB 0 root", "the the DET 4 det", "resolution resolution NOUN 2 obj", ". . PUNCT 2 punct"];
  const doc = fixtureDoc([s, ["It it PRON 2 nsubj", "rained rain VERB 0 root", ". . PUNCT 2 punct"], s]);
  const ev = run(doc);
  assert.equal(ev.length, 1);
  assert.equal(ev[0].mentions?.length, 1);
  assert.equal(doc.text.slice(ev[0].mentions![0].start, ev[0].mentions![0].end), "Russia vetoed the resolution.");
});

test("no fallback events: a sentence without a pattern has no event", () => {
  const ev = run(fixtureDoc([["Russia Russia PROPN 2 nsubj", "said say VERB 0 root", "nothing nothing PRON 2 obj", ". . PUNCT 2 punct"]]));
  assert.deepEqual(ev, []);
});

test("an article without a date takes the latest full date in its text and says so", () => {
  const doc = fixtureDoc([
    ["On on ADP 2 case", "April April PROPN 6 obl", "10 10 NUM 2 nummod", ", , PUNCT 2 punct", "2017 2017 NUM 2 nummod", "Russia Russia PROPN 7 nsubj", "vetoed veto VERB 0 root", "it it PRON 7 obj", ". . PUNCT 7 punct"],
    ["By by ADP 2 case", "April April PROPN 7 obl", "12 12 NUM 2 nummod", ", , PUNCT 2 punct", "2017 2017 NUM 2 nummod", "Britain Britain PROPN 7 nsubj", "condemned condemn VERB 0 root", "Russia Russia PROPN 7 obj", ". . PUNCT 7 punct"],
  ], null);
  const ev = run(doc);
  assert.match(doc.dateNote ?? "", /latest full date.*2017-04-12/);
  assert.equal(ev[0].date, "2017-04-10");
  assert.equal(ev[1].date, "2017-04-12");
});

test("user lexicons add patterns; a bad lexicon line is a one-line warning, not a crash", () => {
  const dir = mkdtempSync(join(tmpdir(), "evlex-"));
  const f = join(dir, "mine.tsv");
  writeFileSync(f, "V\tscold\t111\nthis line is wrong\n");
  const c = new EventCoder<FixtureActors>({ actors: fixtureActors, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e), userLexicons: [f, join(dir, "missing.tsv")] });
  const doc = fixtureDoc([["Britain Britain PROPN 2 nsubj", "scolded scold VERB 0 root", "Russia Russia PROPN 2 obj", ". . PUNCT 2 punct"]]);
  c.annotate(doc);
  assert.deepEqual(doc.events.map(brief), ["GBR>RUS:111:asserted"]);
  assert.equal(doc.warnings.length, 2);
  assert.match(doc.warnings[0].reason, /mine\.tsv:2: expected POS/);
  assert.match(doc.warnings[1].reason, /missing\.tsv: event lexicon not found/);
});

test("the shipped lexicon covers all 20 CAMEO roots with codes from the codebook", () => {
  const { lexicon, errors } = loadEventLexicon();
  assert.deepEqual(errors, []);
  const roots = new Set<string>();
  const c = coder as EventCoder<FixtureActors>;
  for (const m of [lexicon.verbs, lexicon.nouns])
    for (const entries of m.values())
      for (const e of entries) {
        for (const code of [e.code, ...e.patterns.map((p) => p.code)]) if (code && /^\d/.test(code) && c.codebook.get(code)) roots.add(code.slice(0, 2));
      }
  assert.equal(roots.size, 20, [...roots].sort().join(","));
});

const SUITE = "../shared/gold/events";
test("UD-PETRARCH validation suite on its gold parses and own dictionaries", (t) => {
  const file = join(SUITE, "up-petr-validate.jsonl");
  if (!existsSync(file)) return t.skip(`${file} absent`);
  const d = join(SUITE, "up_petr_validate_dicts");
  const lex = loadActorLexicon({ petrarch: { actors: [join(d, "PETR_Validate_actors_2_02.txt")], agents: [join(d, "PETR_Validate_agents_2_02.txt")] }, replaceDefault: true });
  const c = createEventComponent({ actors: lex, codeActor: codeActorSpan, lexiconFiles: [join(d, "PETR_Validate_verbs_2_02.txt")], intentEvents: false, reciprocal: true });
  let tp = 0, fp = 0, fn = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; text: string; date: string; conllu: string; evaluate: boolean; events: { source: string; target: string; code: string }[] };
    if (!r.evaluate || !r.conllu) continue;
    const doc = docFromConllu(r.text, r.conllu, { id: r.id, published: r.date });
    c.annotate(doc);
    const pred = doc.events.filter((e) => e.modality === "asserted" || e.modality === "future").map((e) => `${e.source.actor}|${e.code.slice(0, 2)}`);
    const gold = r.events.map((e) => `${e.source.toUpperCase()}|${(e.code ?? "").slice(0, 2)}`);
    for (const p of pred) {
      const i = gold.indexOf(p);
      if (i >= 0) { tp++; gold.splice(i, 1); } else fp++;
    }
    fn += gold.length;
  }
  // source + root agreement; the full scores are in docs/BENCHMARKS.md
  assert.ok(tp / (tp + fn) > 0.5, `recall ${tp}/${tp + fn}`);
  assert.ok(tp / (tp + fp) > 0.7, `precision ${tp}/${tp + fp}`);
});

test("an announced act is also coded as CAMEO codes it: intent (03x) or threat (13x)", () => {
  const ev = run(fixtureDoc([
    ["Putin Putin PROPN 3 nsubj", "will will AUX 3 aux", "meet meet VERB 0 root", "Tillerson Tillerson PROPN 3 obj", ". . PUNCT 3 punct"],
    ["Russia Russia PROPN 2 nsubj", "threatened threaten VERB 0 root", "to to PART 4 mark", "expel expel VERB 2 xcomp", "inspectors inspector NOUN 4 obj", ". . PUNCT 2 punct"],
  ]));
  assert.deepEqual(ev.map(brief), ["RUSGOV>USAGOV:040:future", "RUSGOV>USAGOV:036:asserted", "RUS>:136:asserted", "RUS>:1662:future"]);
});

test("discards: a sports sentence has no events", () => {
  const ev = run(fixtureDoc([["Russia Russia PROPN 2 nsubj", "attacked attack VERB 0 root", "Syria Syria PROPN 2 obj", "in in ADP 5 case", "basketball basketball NOUN 2 obl", ". . PUNCT 2 punct"]]));
  assert.deepEqual(ev, []);
});

test("directives, refusals and reported 'would'", () => {
  const ev = run(fixtureDoc([
    ["Britain Britain PROPN 2 nsubj", "demanded demand VERB 0 root", "that that SCONJ 5 mark", "Russia Russia PROPN 5 nsubj", "investigate investigate VERB 2 ccomp", "Syria Syria PROPN 5 obj", ". . PUNCT 2 punct"],
    ["Syria Syria PROPN 2 nsubj", "refused refuse VERB 0 root", "to to PART 4 mark", "meet meet VERB 2 xcomp", "Britain Britain PROPN 4 obj", ". . PUNCT 2 punct"],
    ["China China PROPN 2 nsubj", "said say VERB 0 root", "it it PRON 5 nsubj", "would would AUX 5 aux", "meet meet VERB 2 ccomp", "Putin Putin PROPN 5 obj", ". . PUNCT 2 punct"],
  ]), allClauses);
  assert.deepEqual(ev.map(brief), [
    "GBR>RUS:100:asserted", "RUS>SYR:090:hypothetical",
    "SYR>GBR:125:asserted", "SYR>GBR:040:negated",
    "CHN>RUSGOV:040:future", "CHN>RUSGOV:036:asserted",
  ]);
});

test("bad input never crashes: empty article, unparsed tokens, broken heads", () => {
  const empty = fixtureDoc([], null);
  assert.deepEqual(run(empty), []);
  // a sentence whose heads point outside it and whose tags are missing
  const odd = fixtureDoc([["Russia Russia X 9 nsubj", "vetoed veto X 7 root", "it it X 1 obj"]]);
  assert.doesNotThrow(() => coder.annotate(odd));
  // tokens without any parse: the word-order fallback still reads "Russia vetoed the resolution"
  const flat = fixtureDoc([["Russia Russia PROPN 0 _", "vetoed veto VERB 0 _", "the the DET 0 _", "resolution resolution NOUN 0 _", ". . PUNCT 0 _"]]);
  for (let i = 0; i < flat.tokens.count; i++) flat.tokens.deprel[i] = "";
  assert.deepEqual(run(flat).map(brief), ["RUS>:129:asserted"]);
});

test("every condition of a pattern line must hold (tab- or space-separated)", () => {
  // core.tsv: "V get 012 neg prt=along": a negated "get" without "along" is no pessimistic comment
  const no = run(fixtureDoc([["Britain Britain PROPN 4 nsubj", "did do AUX 4 aux", "not not PART 4 advmod", "get get VERB 0 root", "Russia Russia PROPN 4 obj", ". . PUNCT 4 punct"]]));
  assert.deepEqual(no.filter((e) => e.code === "012"), []);
  const yes = run(fixtureDoc([["Britain Britain PROPN 4 nsubj", "is be AUX 4 aux", "not not PART 4 advmod", "getting get VERB 0 root", "along along ADV 4 advmod", "with with ADP 7 case", "Russia Russia PROPN 4 obl", ". . PUNCT 4 punct"]]));
  assert.deepEqual(yes.map(brief), ["GBR>RUS:012:asserted"]);
});

test("a dateline is not an actor", () => {
  const ev = run(fixtureDoc([[
    "MOSCOW MOSCOW PROPN 6 nsubj", "( ( PUNCT 3 punct", "AP AP PROPN 1 appos", ") ) PUNCT 3 punct", "- - PUNCT 5 punct",
    "Britain Britain PROPN 1 appos", "condemned condemn VERB 0 root", "Syria Syria PROPN 7 obj", ". . PUNCT 7 punct",
  ]]));
  assert.deepEqual(ev.map(brief), ["GBR>SYR:111:asserted"]);
});

test("PETRARCH multi-word verbs: '+' marks the verb, the other words must be there", () => {
  const c = petrarchCoder("--- CORDON   [---]  ---\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n- * ROADS [1721]\n\n--- TAP   [---]  ---\nWIRE_+TAP [1711]\n");
  const withOff = fixtureDoc([["Russia Russia PROPN 2 nsubj", "cordoned cordon VERB 0 root", "off off ADP 2 compound:prt", "the the DET 5 det", "roads road NOUN 2 obj", "to to ADP 7 case", "Syria Syria PROPN 5 nmod", ". . PUNCT 2 punct"]]);
  c.annotate(withOff);
  assert.deepEqual(withOff.events.map(brief), ["RUS>SYR:1721:asserted"]);
  const without = fixtureDoc([["Russia Russia PROPN 2 nsubj", "cordoned cordon VERB 0 root", "the the DET 4 det", "roads road NOUN 2 obj", ". . PUNCT 2 punct"]]);
  c.annotate(without);
  assert.deepEqual(without.events, []);
  const tap = fixtureDoc([["Russia Russia PROPN 3 nsubj", "wire wire NOUN 3 compound", "tapped tap VERB 0 root", "Syria Syria PROPN 3 obj", ". . PUNCT 3 punct"]]);
  c.annotate(tap);
  assert.deepEqual(tap.events.map(brief), ["RUS>SYR:1711:asserted"]);
});

test("a coordinated verb without its own subject shares its first conjunct's; 'insist' on a stated fact is no demand", () => {
  // the parser hung "Washington" on "Thursday": word order gives the first verb its subject, and the second
  // verb the same one, not the nearest noun before it ("Syria")
  const shared = run(fixtureDoc([[
    "Washington Washington PROPN 3 nsubj", "on on ADP 3 case", "Thursday Thursday PROPN 4 obl", "condemned condemn VERB 0 root", "Russia Russia PROPN 4 obj",
    "in in ADP 7 case", "Syria Syria PROPN 4 obl", "and and CCONJ 9 cc", "insisted insist VERB 4 conj", "on on ADP 11 case", "inspections inspection NOUN 9 obl", ". . PUNCT 4 punct",
  ]]));
  assert.deepEqual(shared.map(brief), ["USA>RUS:111:asserted", "USA>:100:asserted"]);
  const fact = run(fixtureDoc([["Britain Britain PROPN 2 nsubj", "insisted insist VERB 0 root", "that that SCONJ 7 mark", "the the DET 5 det", "unrest unrest NOUN 7 nsubj", "has have AUX 7 aux", "grown grow VERB 2 ccomp", ". . PUNCT 2 punct"]]));
  assert.deepEqual(fact, []);
  const demand = run(fixtureDoc([["Britain Britain PROPN 2 nsubj", "insisted insist VERB 0 root", "that that SCONJ 5 mark", "Russia Russia PROPN 5 nsubj", "leave leave VERB 2 ccomp", "Syria Syria PROPN 5 obj", ". . PUNCT 2 punct"]]));
  assert.deepEqual(demand.filter((e) => e.code === "100").map(brief), ["GBR>RUS:100:asserted"]);
});

test("an event noun or a role modifier is not a party; 'according to X' is not a target", () => {
  // as the real actor coder does, "official" alone reads as a government role
  const names: [RegExp, string][] = [[/\bofficial\b/, "---GOV"], ...fixtureActors.names];
  const c = createEventComponent<FixtureActors>({ actors: { names }, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e) });
  const protest = run(fixtureDoc([["Britain Britain PROPN 2 nsubj", "lodged lodge VERB 0 root", "an a DET 5 det", "official official ADJ 5 amod", "protest protest NOUN 2 obj", "with with ADP 7 case", "Russia Russia PROPN 5 nmod", ". . PUNCT 2 punct"]]), c);
  assert.deepEqual(protest.map(brief), ["GBR>RUS:114:asserted"]);
  // a role read off a modifier ("official contact") is not the referent either
  const contact = run(fixtureDoc([["Britain Britain PROPN 2 nsubj", "boycotted boycott VERB 0 root", "official official ADJ 4 amod", "contact contact NOUN 2 obj", "with with ADP 6 case", "Russia Russia PROPN 4 nmod", ". . PUNCT 2 punct"]]), c);
  assert.deepEqual(contact.map((e) => `${e.source.actor}>${e.target?.actor ?? ""}`), ["GBR>RUS"]);
  const reported = run(fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "attacked attack VERB 0 root", "Syria Syria PROPN 2 obj", ", , PUNCT 7 punct", "according accord VERB 7 case", "to to ADP 5 fixed", "Washington Washington PROPN 3 conj", ". . PUNCT 2 punct",
  ]]));
  assert.deepEqual(reported.map(brief), ["RUS>SYR:190:asserted"]);
});

test("'prepared to impose martial law' is an announced coercion, hence a threat", () => {
  const ev = run(fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "announced announce VERB 0 root", "that that SCONJ 6 mark", "it it PRON 6 expl", "is be AUX 6 cop", "prepared prepared ADJ 2 ccomp",
    "to to PART 8 mark", "impose impose VERB 6 xcomp", "martial martial ADJ 10 amod", "law law NOUN 8 obj", ". . PUNCT 2 punct",
  ]]));
  assert.deepEqual(ev.map(brief), ["RUS>:1724:future", "RUS>:132:asserted"]);
});

test("word-order rescue leaves a participle after an event noun alone ('a meeting aimed at')", () => {
  // the tagger read "hosted" as an adjective: the rescue reads it as the verb, but not "aimed"
  const ev = run(fixtureDoc([[
    "Putin Putin PROPN 0 root", "hosted host VERB 1 amod", "Tillerson Tillerson PROPN 2 obj", "for for ADP 6 case", "a a DET 6 det", "meeting meeting NOUN 3 nmod",
    "aimed aim VERB 6 acl", "at at ADP 9 case", "ties tie NOUN 7 obl", ". . PUNCT 1 punct",
  ]]));
  assert.deepEqual(ev.map(brief), ["RUSGOV>USAGOV:043:asserted"]);
});

test("a region found by word order is a place, not a party; a trailing 'X said' is the reporter, not a target", () => {
  const regions = (l: FixtureActors, d: Doc, s: number, e: number) =>
    /^(the )?Mediterranean$/.test(d.text.slice(s, e)) ? { actor: "MDT", entity: null, name: "Mediterranean", confidence: 0.9, start: s, end: e, kind: "region" } : codeFixtureActor(l, d, s, e);
  const c = createEventComponent<FixtureActors>({ actors: fixtureActors, codeActor: regions });
  const place = run(fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "launched launch VERB 0 root", "games game NOUN 2 obj", "in in ADP 6 case", "the the DET 6 det", "Mediterranean Mediterranean PROPN 3 nmod",
    ", , PUNCT 8 punct", "expected expect VERB 2 ccomp", "to to PART 11 mark", "be be AUX 11 aux:pass", "joined join VERB 8 xcomp", "later later ADV 11 advmod", ". . PUNCT 2 punct",
  ]]), c);
  assert.deepEqual(place.filter((e) => e.source.actor === "MDT" || e.target?.actor === "MDT").map(brief), []);
  const reporter = run(fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "vetoed veto VERB 0 root", "the the DET 4 det", "resolution resolution NOUN 2 obj", ", , PUNCT 7 punct", "Washington Washington PROPN 7 nsubj", "said say VERB 2 ccomp", ". . PUNCT 2 punct",
  ]]));
  assert.deepEqual(reporter.map(brief), ["RUS>:129:asserted"]);
});

test("a bare 'in protest' has no parties of its own; a gerund after a determiner is a noun", () => {
  // the parser hung "by Russia" (the violations' agent) on "protest"
  const purpose = run(fixtureDoc([[
    "Putin Putin PROPN 2 nsubj", "condemned condemn VERB 0 root", "Syria Syria PROPN 2 obj", "in in ADP 5 case", "protest protest NOUN 2 obl", "against against ADP 7 case",
    "violations violation NOUN 5 nmod", "by by ADP 9 case", "Russia Russia PROPN 5 nmod", ". . PUNCT 2 punct",
  ]]));
  assert.deepEqual(purpose.map(brief), ["RUSGOV>SYR:111:asserted"]);
  const gerund = fixtureDoc([[
    "Britain Britain PROPN 2 nsubj", "opened open VERB 0 root", "a a DET 5 det", "landmark landmark NOUN 5 compound", "hearing hear VERB 2 obj", "on on ADP 7 case", "Russia Russia PROPN 5 obl", ". . PUNCT 2 punct",
  ]]);
  gerund.tokens.xpos[4] = "VBG";
  // CAMEO 2.0 codes "open ... hearing" 090; "hearing" is no verb of its own (HEAR, 040)
  assert.deepEqual(run(gerund).map(brief), ["GBR>RUS:090:asserted"]);
});

test("a protest is aimed at the target of the demand it is made for", () => {
  const ev = run(fixtureDoc([[
    "Britain Britain PROPN 2 nsubj", "protested protest VERB 0 root", "to to PART 4 mark", "demand demand VERB 2 advcl", "the the DET 6 det", "withdrawal withdrawal NOUN 4 obj",
    "of of ADP 8 case", "Russia Russia PROPN 6 nmod", ". . PUNCT 2 punct",
  ]]));
  assert.deepEqual(ev.map(brief), ["GBR>RUS:140:asserted"]);
});

test("'claim' is no disapproval; claiming responsibility is (015)", () => {
  const stated = run(fixtureDoc([["Syria Syria PROPN 2 nsubj", "claims claim VERB 0 root", "to to PART 5 mark", "be be AUX 5 aux", "building build VERB 2 xcomp", "weapons weapon NOUN 5 obj", ". . PUNCT 2 punct"]]));
  assert.deepEqual(stated.map(brief), []);
  const owned = run(fixtureDoc([["Syria Syria PROPN 2 nsubj", "claimed claim VERB 0 root", "responsibility responsibility NOUN 2 obj", ". . PUNCT 2 punct"]]));
  assert.deepEqual(owned.map(brief), ["SYR>:015:asserted"]);
});

test("PETRARCH patterns: a synset joined to words by '_' must be next to them; a negative synset makes the negation part of the meaning", () => {
  const c = petrarchCoder([
    "&TIETYPES", "+ECONOMIC", "+CULTURAL", "", "&NEGAUX", "+DID N'T", "+WILL NOT", "",
    "--- WELCOME  [041] ---", "WELCOME", "- * &TIETYPES_MEMOS FROM [911]", "",
    "--- CLASH  [223] ---", "CLASH", "- &NEGAUX * OVER EFFORTS  [904]", "",
  ].join("\n"));
  const memo = (adj: string[]) => fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "welcomed welcome VERB 0 root", ...adj.map((a) => `${a} ${a} ADJ ${adj.length + 3} amod`), `memos memo NOUN 2 obj`,
    `from from ADP ${adj.length + 5} case`, `Syria Syria PROPN ${adj.length + 3} nmod`, ". . PUNCT 2 punct",
  ]]);
  const joined = memo(["economic"]);
  c.annotate(joined);
  assert.deepEqual(joined.events.map(brief), ["RUS>SYR:911:asserted"]);
  const apart = memo(["economic", "secret"]);
  c.annotate(apart);
  assert.deepEqual(apart.events.map(brief), ["RUS>SYR:041:asserted"]);
  const neg = fixtureDoc([[
    "Russia Russia PROPN 4 nsubj", "did do AUX 4 aux", "n't not PART 4 advmod", "clash clash VERB 0 root", "over over ADP 7 case", "the the DET 7 det", "efforts effort NOUN 4 obl",
    "of of ADP 9 case", "Syria Syria PROPN 7 nmod", ". . PUNCT 4 punct",
  ]]);
  c.annotate(neg);
  assert.deepEqual(neg.events.map(brief), ["RUS>SYR:904:asserted"]);
});

test("PETRARCH patterns see the verbs a clause is the complement of ('- INDICATED * [123]')", () => {
  const c = petrarchCoder("--- DEPLORE [122] ---\nDEPLORE\n- INDICATED *  [123]\n");
  const reported = fixtureDoc([["Russia Russia PROPN 2 nsubj", "indicated indicate VERB 0 root", "it it PRON 4 nsubj", "deplored deplore VERB 2 ccomp", "Syria Syria PROPN 4 obj", ". . PUNCT 2 punct"]]);
  c.annotate(reported);
  assert.deepEqual(reported.events.map(brief), ["RUS>SYR:123:asserted"]);
  const plain = fixtureDoc([["Russia Russia PROPN 2 nsubj", "deplored deplore VERB 0 root", "Syria Syria PROPN 2 obj", ". . PUNCT 2 punct"]]);
  c.annotate(plain);
  assert.deepEqual(plain.events.map(brief), ["RUS>SYR:122:asserted"]);
});

test("'neither ... nor' negates; a 'with' party hung on a place phrase is still the verb's party", () => {
  const neither = run(fixtureDoc([[
    "Neither neither CCONJ 5 cc", "Russia Russia PROPN 5 nsubj", "nor nor CCONJ 4 cc", "China China PROPN 2 conj", "vetoed veto VERB 0 root", "it it PRON 5 obj", ". . PUNCT 5 punct",
  ]]));
  assert.deepEqual(neither.map(brief), ["RUS>:129:negated", "CHN>:129:negated"]);
  const party = run(fixtureDoc([[
    "Putin Putin PROPN 2 nsubj", "met meet VERB 0 root", "in in ADP 4 case", "Moscow Moscow PROPN 2 obl", "with with ADP 6 case", "Tillerson Tillerson PROPN 4 nmod", ". . PUNCT 2 punct",
  ]]));
  assert.deepEqual(party.map(brief), ["RUSGOV>USAGOV:040:asserted"]);
});

test("PETRARCH patterns read a that-clause of a verb other than speech ('allowed that ... really pleasant')", () => {
  const c = petrarchCoder("--- ALLOW  [080] ---\nALLOW\n- * REALLY_PLEASANT  [024]\n\n--- SAID  [023]  ---\nSAID\n- * HAPPY  [041]\n");
  const allowed = fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "allowed allow VERB 0 root", "that that SCONJ 8 mark", "Syria Syria PROPN 8 nsubj", "is be AUX 8 cop", "really really ADV 7 advmod",
    "pleasant pleasant ADJ 8 amod", "place place NOUN 2 ccomp", ". . PUNCT 2 punct",
  ]]);
  c.annotate(allowed);
  assert.deepEqual(allowed.events.map((e) => e.code), ["024"]);
  // speech stays apart from what is said
  const said = fixtureDoc([["Russia Russia PROPN 2 nsubj", "said said VERB 0 root", "that that SCONJ 6 mark", "Syria Syria PROPN 6 nsubj", "was be AUX 6 cop", "happy happy ADJ 2 ccomp", ". . PUNCT 2 punct"]]);
  c.annotate(said);
  assert.deepEqual(said.events.map((e) => e.code).filter((x) => x === "041"), []);
});

test("a PETRARCH pattern's target marker after a preposition names the target ('- * ABOUT +')", () => {
  const c = petrarchCoder("--- WARN  [130] ---\nWARN\n- * ABOUT +  [131]\n");
  const doc = fixtureDoc([[
    "Russia Russia PROPN 2 nsubj", "warned warn VERB 0 root", "Britain Britain PROPN 2 obj", "about about ADP 5 case", "Syria Syria PROPN 2 obl", ". . PUNCT 2 punct",
  ]]);
  c.annotate(doc);
  assert.deepEqual(doc.events.map(brief), ["RUS>SYR:131:asserted"]);
});

test("subjects the parser split off one name are one actor; listed subjects are several", () => {
  const c = petrarchCoder("--- VISIT  [042:043] ---\nVISIT\n", true);
  const name = run(fixtureDoc([[
    "Russia Russia PROPN 8 nsubj", "'s 's PART 1 case", "first first ADJ 4 amod", "Deputy deputy NOUN 8 nsubj", "Prime Prime ADJ 6 amod", "Minister Minister PROPN 8 nsubj",
    "Lavrov Lavrov PROPN 8 nsubj", "visited visit VERB 0 root", "Syria Syria PROPN 8 obj", ". . PUNCT 8 punct",
  ]]), c);
  assert.deepEqual(name.map(brief), ["RUSGOV>SYR:042:asserted", "SYR>RUSGOV:043:asserted"]);
  const listed = run(fixtureDoc([[
    "Russia Russia PROPN 4 nsubj", "and and CCONJ 3 cc", "China China PROPN 4 nsubj", "visited visit VERB 0 root", "Syria Syria PROPN 4 obj", ". . PUNCT 4 punct",
  ]]), c);
  assert.deepEqual(listed.map(brief), ["RUS>SYR:042:asserted", "SYR>RUS:043:asserted", "CHN>SYR:042:asserted", "SYR>CHN:043:asserted"]);
});

test("a role of a coordinated 'of/in' phrase is one actor per country ('the ambassadors of A, B and C')", () => {
  const names: [RegExp, string][] = [[/^ambassadors of Russia$/, "RUSGOV"], ...fixtureActors.names];
  const c = createEventComponent<FixtureActors>({ actors: { names }, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e) });
  const ev = run(fixtureDoc([[
    "The the DET 2 det", "ambassadors ambassador NOUN 9 nsubj", "of of ADP 4 case", "Russia Russia PROPN 2 nmod", ", , PUNCT 6 punct", "Syria Syria PROPN 4 conj",
    "and and CCONJ 8 cc", "China China PROPN 4 conj", "visited visit VERB 0 root", "Britain Britain PROPN 9 obj", ". . PUNCT 9 punct",
  ]]), c);
  assert.deepEqual(ev.map(brief), ["RUSGOV>GBR:042:asserted", "SYRGOV>GBR:042:asserted", "CHNGOV>GBR:042:asserted"]);
  const lawmakers: [RegExp, string][] = [[/^lawmakers in Russia$/, "RUSLEG"], ...fixtureActors.names];
  const c2 = createEventComponent<FixtureActors>({ actors: { names: lawmakers }, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e) });
  const inPhrase = run(fixtureDoc([[
    "lawmakers lawmaker NOUN 6 nsubj", "in in ADP 3 case", "Russia Russia PROPN 1 nmod", "and and CCONJ 5 cc", "China China PROPN 3 conj", "visited visit VERB 0 root", "Britain Britain PROPN 6 obj", ". . PUNCT 6 punct",
  ]]), c2);
  assert.deepEqual(inPhrase.map(brief), ["RUSLEG>GBR:042:asserted", "CHNLEG>GBR:042:asserted"]);
  // the phrase on the first of two coordinated roles is the second's too
  const both: [RegExp, string][] = [[/^lawmakers$/, "---LEG"], [/^officials$/, "---GOV"], ...fixtureActors.names];
  const c3 = createEventComponent<FixtureActors>({ actors: { names: both }, codeActor: (l, d, s, e) => codeFixtureActor(l, d, s, e) });
  const roles = run(fixtureDoc([[
    "lawmakers lawmaker NOUN 8 nsubj", "and and CCONJ 3 cc", "officials official NOUN 1 conj", "in in ADP 5 case", "Russia Russia PROPN 1 nmod", "and and CCONJ 7 cc", "China China PROPN 5 conj",
    "visited visit VERB 0 root", "Britain Britain PROPN 8 obj", ". . PUNCT 8 punct",
  ]]), c3);
  assert.deepEqual(roles.map(brief).sort(), ["CHNGOV>GBR:042:asserted", "CHNLEG>GBR:042:asserted", "RUSGOV>GBR:042:asserted", "RUSLEG>GBR:042:asserted"]);
});

test("PETRARCH pattern words before the verb include its subject's ('- DEATH TOLL * [223]')", () => {
  const c = petrarchCoder("--- RISEN  [---] ---\nRISEN\n- DEATH TOLL * [223]\n");
  const doc = fixtureDoc([[
    "Russia Russia PROPN 4 nmod:poss", "'s 's PART 1 case", "death death NOUN 4 compound", "toll toll NOUN 6 nsubj", "has have AUX 6 aux", "risen rise VERB 0 root",
    "in in ADP 9 case", "the the DET 9 det", "dispute dispute NOUN 6 obl", "with with ADP 11 case", "Syria Syria PROPN 9 nmod", ". . PUNCT 6 punct",
  ]]);
  c.annotate(doc);
  assert.deepEqual(doc.events.map(brief), ["RUS>SYR:223:asserted"]);
});
