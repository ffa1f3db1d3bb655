import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { createNlpComponents } from "../src/nlp/index.js";
import type { Event } from "../src/model/index.js";

/**
 * The seed article through the whole analysis (tokenizer, tagger, parser,
 * actor coder, event coder). Needs the dependency parser of the NLP core:
 * skipped, with the reason, while the core has none.
 */
const SEED = "../shared/seed/000_eb4c6554eca64faa.txt";

test("seed article: the events a reader finds", (t) => {
  if (!existsSync(SEED)) return t.skip(`${SEED} absent`);
  const stages = createNlpComponents().map((c) => c.name);
  if (!stages.includes("parser")) return t.skip(`the NLP core has no dependency parser yet (stages: ${stages.join(", ")})`);
  const text = readFileSync(SEED, "utf8");
  const pipe = new Pipeline();
  const doc = pipe.analyze({ id: "seed", title: text.split("\n")[0], published: "2017-04-12", url: null, source: SEED, language: "en", text });
  const ev = doc.events;
  const show = ev.map((e) => `${e.source.actor}>${e.target?.actor ?? ""}:${e.code}:${e.modality}:${e.date} «${text.slice(e.evidence.start, Math.min(e.evidence.end, e.evidence.start + 60))}»`).join("\n");
  const find = (pred: (e: Event) => boolean, what: string) => {
    const hit = ev.find(pred);
    assert.ok(hit, `${what} not found among:\n${show}`);
    return hit!;
  };
  const asserted = (e: Event) => e.modality === "asserted";
  const src = (e: Event, c: string) => (e.source.actor ?? "").startsWith(c);
  const tgt = (e: Event, c: string) => (e.target?.actor ?? "").startsWith(c);

  const veto = find((e) => e.code === "129" && src(e, "RUS") && asserted(e), "Russia vetoes (129, RUS)");
  assert.equal(veto.date, "2017-04-12");
  // the headline says it first, in headline grammar ("Russian Federation vetoes United Nations resolution ...")
  const headline = find((e) => e.code === "129" && src(e, "RUS") && tgt(e, "IGOUNO") && e.evidence.start === 0, "the headline's veto (129 RUS -> IGOUNO)");
  assert.deepEqual(headline.target?.plover, { code: "IGO", sector: "" }, "in PLOVER's form the UN is IGO: its identity is not a sector");
  assert.ok(!ev.some((e) => e.evidence.start === 0 && e.code !== "129"), `another event read off the headline:\n${show}`);
  find((e) => e.root === "19" && src(e, "USA") && tgt(e, "SYR"), "USA fires missiles at Syria (19x)");
  find((e) => e.root === "04" && ((src(e, "USAGOV") && tgt(e, "RUSGOV")) || (src(e, "RUSGOV") && tgt(e, "USAGOV"))), "Tillerson and Putin/Lavrov meet (04x)");
  const probe = find((e) => e.root === "09" && src(e, "IGO"), "the OPCW investigates (09x)");
  // the source span never cuts the organisation's name in half
  assert.match(probe.source.text, /Organisation for the Prohibition of Chemical Weapons|OPCW/);
  assert.doesNotMatch(probe.source.text, /Organisation$/);
  find((e) => e.root === "10" && src(e, "RUS"), "Lavrov/Russia insists (10x)");
  find((e) => e.code === "012" && src(e, "USA"), "Trump's pessimistic comment (012)");
  const accuse = find((e) => e.code === "112" && src(e, "USA") && e.target?.actor === "USASPY", "Trump accuses the intelligence agencies (112 USA -> USASPY)");
  assert.deepEqual(accuse.target?.plover, { code: "USA", sector: "SPY" });
  // the vetoed resolution would have condemned: never an asserted condemnation
  assert.ok(!ev.some((e) => e.root === "11" && e.code === "111" && asserted(e) && /would have condemned/.test(text.slice(e.evidence.start, e.evidence.end))), `asserted condemnation found:\n${show}`);
  // every span slices the original text
  for (const e of ev) {
    assert.ok(e.evidence.end <= text.length && e.evidence.start < e.evidence.end);
    if (e.source.start != null) assert.equal(text.slice(e.source.start, e.source.end), e.source.text);
    // "the (US) secretary of state": never half a bracket pair ("US) secretary of state")
    for (const a of [e.source, e.target]) if (a) assert.equal((a.text.match(/[(]/g) ?? []).length, (a.text.match(/[)]/g) ?? []).length, a.text);
  }
  // "relations with the US had only gone downhill" is not a journey (CAMEO 2.0's bare GO is 040)
  assert.ok(!ev.some((e) => e.root === "04" && /gone downhill/.test(text.slice(e.evidence.start, e.evidence.end)) && text.slice(e.trigger?.start ?? 0, e.trigger?.end ?? 0) === "gone"), `a journey read off 'gone downhill':\n${show}`);
});
