import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Doc, type Component, type Quote } from "../src/model/index.js";
import { createNlpComponents } from "../src/nlp/index.js";
import { createQuoteComponent } from "../src/extract/quotes/index.js";
import { createEntityComponent } from "../src/extract/entities/index.js";
import { loadActorLexicon } from "../src/extract/actors/index.js";
import { loadCueLexicon, parseCueLexicon } from "../src/extract/quotes/lexicon.js";
import { findMarkedQuotes } from "../src/extract/quotes/marks.js";
import { HAS_SEED, NO_SEED, SEED, tempDir } from "./helpers/paths.js";

const nlp: Component[] = createNlpComponents();
const quotes = createQuoteComponent();

function analyze(text: string, component: Component = quotes): Doc {
  const doc = new Doc({ id: "t", title: null, published: null, url: null, source: null, language: "en", text });
  for (const c of nlp) c.annotate(doc);
  component.annotate(doc);
  return doc;
}

function speakerText(doc: Doc, q: Quote): string | null {
  return q.speaker ? doc.text.slice(q.speaker.start, q.speaker.end) : null;
}

/** The one quote whose text contains `needle`. */
function quoteWith(doc: Doc, needle: string): Quote {
  const found = doc.quotes.filter((q) => q.text.includes(needle));
  assert.ok(found.length >= 1, `a quote containing ${JSON.stringify(needle)} in ${JSON.stringify(doc.quotes.map((q) => q.text))}`);
  return found.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

function assertSlices(doc: Doc): void {
  for (const q of doc.quotes) {
    assert.equal(doc.text.slice(q.start, q.end), q.text, `quote ${q.id} slices its text`);
    if (q.speaker) assert.ok(q.speaker.start < q.speaker.end && q.speaker.end <= doc.text.length, `speaker span of ${q.id}`);
    assert.ok(q.sentence >= 0 && q.sentence < doc.sentences.length, `sentence index of ${q.id}`);
  }
}

test("quotation marks: straight, curly, guillemets, NYT '' and multi-paragraph quotes", () => {
  const text = 'He called it "a mess". “Yes,” she said. «Never», he said. \'\'Fine,\'\' I said.\n\n"First part.\n\n"Second part," Jones said.';
  const marks = findMarkedQuotes(text).map((m) => text.slice(m.start, m.end));
  assert.deepEqual(marks, ['"a mess"', "“Yes,”", "«Never»", "''Fine,''", '"First part.\n\n"Second part,"']);
  // an apostrophe inside a word is not a closing single quote
  const t2 = "‘Russia’s move is clear,’ he said.";
  assert.deepEqual(findMarkedQuotes(t2).map((m) => t2.slice(m.start, m.end)), ["‘Russia’s move is clear,’"]);
});

test("direct quote followed by its speaker and cue", () => {
  const doc = analyze('"We will win this election," Smith said on Tuesday.');
  assert.equal(doc.quotes.length, 1);
  const q = doc.quotes[0];
  assert.equal(q.direct, true);
  assert.equal(q.text, '"We will win this election,"');
  assert.equal(q.cue, "said");
  assert.equal(q.kind, "speech");
  assert.equal(speakerText(doc, q), "Smith");
  assertSlices(doc);
});

test("inverted cue with an appositive speaker, curly quotes", () => {
  const doc = analyze("“The talks have failed,” said Maria Lopez, the United Nations envoy.");
  const q = quoteWith(doc, "talks have failed");
  assert.equal(q.direct, true);
  assert.equal(q.cue, "said");
  assert.equal(speakerText(doc, q), "Maria Lopez");
});

test("guillemets and single curly quotes with descriptions and pronouns as speakers", () => {
  const doc = analyze("«We shall see what happens next», the minister warned. ‘It is over now,’ she said.");
  const a = quoteWith(doc, "We shall see");
  assert.equal(a.cue, "warned");
  assert.equal(speakerText(doc, a), "the minister");
  const b = quoteWith(doc, "It is over");
  assert.equal(speakerText(doc, b), "she");
});

test("a quote interrupted by its cue is one quote with two fragments", () => {
  const doc = analyze('"We will insist," Lavrov said, "on the immediate dispatch of inspectors to the site."');
  assert.equal(doc.quotes.length, 1);
  const q = doc.quotes[0];
  assert.ok(q.text.startsWith('"We will insist,"') && q.text.endsWith('site."'));
  assert.equal(q.fragments?.length, 2);
  assert.equal(doc.text.slice(q.fragments![1].start, q.fragments![1].end), '"on the immediate dispatch of inspectors to the site."');
  assert.equal(speakerText(doc, q), "Lavrov");
});

test("multi-sentence and multi-paragraph direct quotes", () => {
  const doc = analyze('"The first point is simple. The second is not," Jones said.\n\n"We tried everything.\n\n"Nothing worked," she added.');
  const a = quoteWith(doc, "The first point");
  assert.ok(a.text.includes("The second is not"));
  assert.equal(speakerText(doc, a), "Jones");
  const b = quoteWith(doc, "We tried everything");
  assert.ok(b.text.includes("Nothing worked"), "the quote runs over the paragraph break");
  assert.equal(b.cue, "added");
  assert.equal(speakerText(doc, b), "she");
});

test("a colon introduces a quote in the same or the next paragraph", () => {
  const doc = analyze('Jones said: "We are ready to talk."\n\nThe senator wrote in a statement:\n\n"The bill is a disaster for working families."');
  assert.equal(speakerText(doc, quoteWith(doc, "ready to talk")), "Jones");
  const w = quoteWith(doc, "The bill is a disaster");
  assert.equal(w.cue, "wrote");
  assert.equal(w.kind, "written");
  assert.equal(speakerText(doc, w), "The senator");
});

test("scare quotes are not quotes; a quote standing alone is kept unattributed", () => {
  const doc = analyze('The so-called "peace plan" was rejected by the rebels.\n\n"This cannot go on much longer."');
  assert.equal(doc.quotes.filter((q) => q.text.includes("peace plan") && q.direct).length, 0);
  const q = quoteWith(doc, "This cannot go on");
  assert.equal(q.direct, true);
  assert.equal(q.speaker, null);
  assert.equal(q.cue, null);
});

test("indirect speech: said (that), told reporters, says through a translator", () => {
  const d1 = analyze("Smith said that the deal was dead.");
  const q1 = quoteWith(d1, "deal was dead");
  assert.equal(q1.direct, false);
  assert.equal(q1.text, "the deal was dead");
  assert.equal(speakerText(d1, q1), "Smith");

  const d2 = analyze("Peskov told reporters the meeting had been useful.");
  const q2 = quoteWith(d2, "meeting had been useful");
  assert.equal(q2.text, "the meeting had been useful");
  assert.equal(q2.cue, "told");
  assert.equal(speakerText(d2, q2), "Peskov");

  const d3 = analyze("He says through a translator that it is important to understand the real intentions.");
  const q3 = quoteWith(d3, "important to understand");
  assert.equal(q3.text, "it is important to understand the real intentions");
  assert.equal(speakerText(d3, q3), "He");
});

test("a time word between a speaker and its relative clause is not part of the speaker", () => {
  const d = analyze("Russia vetoed a U.N. resolution Wednesday that would have condemned the use of chemical weapons in the town.");
  const q = quoteWith(d, "the use of chemical weapons");
  assert.equal(speakerText(d, q), "that");
  assert.equal(q.speaker?.name, "a U.N. resolution");
});

test("according to X, before and after the content", () => {
  const d1 = analyze("According to the health ministry, 40 people were killed in the attack.");
  const q1 = quoteWith(d1, "40 people");
  assert.equal(q1.text, "40 people were killed in the attack");
  assert.equal(q1.cue, "According to");
  assert.equal(speakerText(d1, q1), "the health ministry");
  const d2 = analyze("Forty people were killed, according to local officials.");
  const q2 = quoteWith(d2, "Forty people");
  assert.equal(q2.text, "Forty people were killed");
  assert.equal(speakerText(d2, q2), "local officials");
});

test("a cue at the end of the sentence takes the clause before it", () => {
  const doc = analyze("The economy is growing faster than expected, the minister said on Tuesday.");
  const q = quoteWith(doc, "economy is growing");
  assert.equal(q.text, "The economy is growing faster than expected");
  assert.equal(speakerText(doc, q), "the minister");
});

test("attributions beyond speech carry a kind and keep their cue", () => {
  const cases: [string, string, string, string][] = [
    ["The senator wrote that the bill would fail in the House.", "bill would fail", "written", "wrote"],
    ["A new poll shows Smith leading in three states.", "Smith leading", "report", "shows"],
    ["Smith believes the vote was rigged by his rivals.", "vote was rigged", "belief", "believes"],
    ["Putin insisted that relations had only gone downhill.", "relations had only", "speech", "insisted"],
    ["Jones claimed the money had been returned.", "money had been returned", "speech", "claimed"],
  ];
  for (const [text, needle, kind, cue] of cases) {
    const doc = analyze(text);
    const q = quoteWith(doc, needle);
    assert.equal(q.kind, kind, text);
    assert.equal(q.cue, cue, text);
  }
});

test("a report verb with only a noun phrase after it reports nothing; with a clause it does", () => {
  const none = analyze("Putin received Tillerson in the Kremlin after they concluded talks, his spokesman said.");
  assert.ok(!none.quotes.some((q) => q.cue === "concluded"), none.quotes.map((q) => q.cue).join(" "));
  const doc = analyze("The inspectors concluded the attack had used sarin.");
  assert.equal(quoteWith(doc, "attack had used sarin").cue, "concluded");
});

test("before an infinitive that is itself a cue, the inner cue speaks ('will continue to demand that ...')", () => {
  const doc = analyze("France will continue to demand that Russia put pressure on Damascus.");
  const q = quoteWith(doc, "Russia put pressure");
  assert.equal(q.cue, "demand");
  assert.ok(!doc.quotes.some((x) => x.cue === "continue"), doc.quotes.map((x) => x.cue).join(" "));
});

test("a dateline is not part of what is reported", () => {
  const doc = analyze("LUCCA, Italy (AP) - Britain urged its partners to impose new sanctions, foreign ministers said.");
  const q = quoteWith(doc, "Britain urged");
  assert.ok(doc.text.slice(q.start, q.end).startsWith("Britain urged"), doc.text.slice(q.start, q.end));
});

test("'address' names an audience or a problem, not what was said", () => {
  const doc = analyze("The envoy spoke after addressing the Security Council. They set up a group to address the irritants.");
  assert.ok(!doc.quotes.some((q) => /^address/.test(q.cue ?? "")), doc.quotes.map((q) => q.cue).join(" "));
});

test("a pronoun speaker is kept as the mention and resolved to the earlier speaker", () => {
  const doc = analyze('"We are not leaving," Jones said on Monday.\n\nThe vote is set for Friday. He said the party would win.');
  const q = quoteWith(doc, "party would win");
  assert.equal(speakerText(doc, q), "He");
  assert.match(q.speaker!.name, /Jones/);
});

test("signed quotes, headline attributions, parenthetical cues and participles", () => {
  const d1 = analyze("“He is the least qualified candidate we have ever had.” ― Maria Gomez\n\n“We need change now.” ― Tom Reyes");
  assert.equal(speakerText(d1, quoteWith(d1, "least qualified")), "Maria Gomez");
  assert.equal(speakerText(d1, quoteWith(d1, "We need change")), "Tom Reyes");

  const d2 = analyze("Lynch: No outside influence on the inquiry\n\nThe hearing ended late.");
  const h = quoteWith(d2, "No outside influence");
  assert.equal(h.text, "No outside influence on the inquiry");
  assert.equal(speakerText(d2, h), "Lynch");

  const d3 = analyze("The plan, Ms. Tanzer said, is a perfect example of waste.");
  const p = quoteWith(d3, "perfect example");
  assert.equal(speakerText(d3, p), "Ms. Tanzer");
  assert.equal(p.cue, "said");

  const d4 = analyze("Senator Jane Cole criticized the budget on Monday, saying it would hurt rural schools.");
  const s = quoteWith(d4, "hurt rural schools");
  assert.equal(s.cue, "saying");
  assert.equal(speakerText(d4, s), "Senator Jane Cole");
});

test("speakers are coded as actors and resolved through relative pronouns", () => {
  const doc = new Doc({ id: "t", title: null, published: "2017-04-12", url: null, source: null, language: "en", text: "The ambassador met a senator who criticized the attack. Lavrov said the strike was illegal." });
  for (const c of nlp) c.annotate(doc);
  quotes.annotate(doc);
  const l = quoteWith(doc, "strike was illegal");
  assert.equal(l.speaker?.actor, "RUSGOV");
  assert.match(l.speaker!.name, /Lavrov/);
  const r = quoteWith(doc, "the attack");
  assert.equal(speakerText(doc, r), "who");
  assert.match(r.speaker!.name, /senator/);
  // the noun the relative clause modifies, past the phrases between them
  const far = analyze("Russia vetoed a draft resolution at the Security Council on Wednesday that would have condemned the attack.");
  assert.match(quoteWith(far, "the attack").speaker!.name, /resolution/);
});

test("wire-style dash quotes, polls as sources, transcripts, headlines", () => {
  const d1 = analyze("The commander spoke to the troops.\n\n— We will not give up this town, he told them.\n\n— Page 2 of 3");
  const dash = quoteWith(d1, "We will not give up");
  assert.equal(dash.direct, true);
  assert.ok(!d1.quotes.some((q) => q.text.includes("Page 2")), "a dash line without first or second person is not speech");

  const d2 = analyze("In the latest Gallup poll, Smith leads Jones by nine points.");
  const p = quoteWith(d2, "Smith leads Jones");
  assert.equal(p.kind, "report");
  assert.match(speakerText(d2, p)!, /Gallup poll/);

  const d3 = analyze('"WALLACE: If I may, sir, we have limited time tonight."');
  assert.equal(speakerText(d3, quoteWith(d3, "limited time")), "WALLACE");

  // a headline the body does not repeat is an attribution of its own; a repeated one is not counted twice
  const text = "Lynch: No outside influence on the inquiry\n\nThe attorney general spoke on Friday.";
  const doc = new Doc({ id: "h", title: "Lynch: No outside influence on the inquiry", published: null, url: null, source: null, language: "en", text });
  doc.bodyStart = text.indexOf("The attorney");
  for (const c of nlp) c.annotate(doc);
  quotes.annotate(doc);
  assert.equal(doc.quotes.filter((q) => q.text.includes("No outside influence")).length, 1);
  const rep = "Smith says taxes will rise\n\nSmith says taxes will rise\n\nThe vote is on Monday.";
  const doc2 = new Doc({ id: "r", title: "Smith says taxes will rise", published: null, url: null, source: null, language: "en", text: rep });
  doc2.bodyStart = rep.indexOf("Smith", 5);
  for (const c of nlp) c.annotate(doc2);
  quotes.annotate(doc2);
  assert.equal(doc2.quotes.filter((q) => q.text.includes("taxes will rise")).length, 1);
});

test("user lexicons add and remove cues", () => {
  const dir = tempDir();
  const file = join(dir, "my-cues.tsv");
  writeFileSync(file, "# my cues\nmutter\tspeech\tneutral\tclause\nsay\t-\n");
  const custom = createQuoteComponent({ userLexicons: [file] });
  const doc = analyze("Jones muttered that the plan would never work. Smith said the plan was fine.", custom);
  assert.ok(doc.quotes.some((q) => q.cue === "muttered"));
  assert.ok(!doc.quotes.some((q) => q.cue === "said"));
  const bad = new Map();
  assert.throws(() => parseCueLexicon("yell\tshouting\tneutral\tclause\n", "bad.tsv", bad), /bad\.tsv:1: unknown kind/);
  assert.throws(() => loadCueLexicon([join(dir, "missing.tsv")]), /missing\.tsv: cannot read cue lexicon/);
});

test("bad input does not crash: empty text, no sentences, unbalanced marks", () => {
  assert.deepEqual(analyze("").quotes, []);
  const doc = analyze('"This quote never ends, he said\n\nAnother paragraph "with a stray mark.');
  assertSlices(doc);
});

test("seed article: the six direct quotes with speakers, and the indirect ones", (t) => {
  if (!HAS_SEED) {
    t.skip(NO_SEED);
    return;
  }
  // the full upstream: NLP core, then entities with actor codes, then quotes
  const doc = new Doc({ id: "seed", title: null, published: "2017-04-12", url: null, source: null, language: "en", text: readFileSync(SEED, "utf8") });
  for (const c of nlp) c.annotate(doc);
  createEntityComponent(loadActorLexicon()).annotate(doc);
  quotes.annotate(doc);
  assertSlices(doc);
  const direct: [string, RegExp | null, string | null][] = [
    ["clarify areas of common objectives", /Tillerson/, "USAGOV"],
    ["I will be frank", /Lavrov/, "RUSGOV"],
    ["As you know, talks", /Peskov/, "RUSGOV"],
    ["Right now we're not getting along", /Trump/, "USAGOV"],
    ["Within the framework of", /Lavrov/, "RUSGOV"],
    ["serious enough to attract additional sanctions", null, null],
  ];
  for (const [needle, who, actor] of direct) {
    const q = quoteWith(doc, needle);
    assert.equal(q.direct, true, needle);
    if (who) {
      assert.ok(q.speaker, `${needle}: has a speaker`);
      assert.match(q.speaker!.name, who, needle);
      assert.match(speakerText(doc, q)!, who, needle);
      assert.equal(q.speaker!.actor, actor, `${needle}: speaker actor`);
      assert.ok(q.speaker!.entity, `${needle}: speaker linked to an entity`);
    } else assert.equal(q.speaker, null, `${needle}: unattributed`);
  }
  assert.equal(quoteWith(doc, "I will be frank").cue, "said");
  assert.equal(quoteWith(doc, "As you know, talks").cue, "told");

  const lots = quoteWith(doc, "has lots of questions");
  assert.equal(lots.direct, false);
  assert.match(lots.speaker!.name, /Lavrov/);
  const putin = quoteWith(doc, "relations with the US had only gone downhill");
  assert.equal(putin.direct, false);
  assert.equal(putin.cue, "insisted");
  assert.match(putin.speaker!.name, /Putin/);
  assert.equal(putin.speaker!.actor, "RUSGOV");
  const assad = quoteWith(doc, "Assad's government was responsible");
  assert.equal(assad.text, "Assad's government was responsible");
  assert.equal(speakerText(doc, assad), "He");
  assert.match(assad.speaker!.name, /Trump/);
  // "But he said it was an open question": the previous sentence's speaker, not the NATO chief named last
  assert.match(quoteWith(doc, "open question where relations go").speaker!.name, /Trump/);
  const translator = quoteWith(doc, "important for Russian Federation");
  assert.equal(speakerText(doc, translator), "He");
  assert.match(translator.speaker!.name, /Lavrov/);
});
