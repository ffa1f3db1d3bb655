import { test } from "node:test";
import assert from "node:assert/strict";
import { fingerprint, similarity, isNearDuplicate, NearDuplicateIndex, encodeFingerprint, decodeFingerprint, NEAR_DUPLICATE_THRESHOLD } from "../src/ingest/near-duplicates.js";

const WIRE = `GENEVA (Wire) — Negotiators from both countries resumed talks on Tuesday on a ceasefire agreement, officials said, after a week in which fighting flared again along the northern front line.
The talks, hosted by the United Nations, are expected to last three days. Delegates will discuss a prisoner exchange, the reopening of a humanitarian corridor and the withdrawal of heavy weapons from the frontline.
"We are cautiously optimistic," a spokesman for the mediators told reporters outside the Palais des Nations, adding that both delegations had agreed on an agenda for the first time since the spring.
Aid agencies say more than two hundred thousand people have been displaced by the fighting this year, and that access to the worst affected towns remains limited.`;

const OTHER = `The central bank raised its main interest rate by a quarter of a percentage point on Thursday, the fourth increase this year, saying inflation remained too high.
Analysts had expected the move, which takes the rate to its highest level in fifteen years. The bank's governor said further increases could not be ruled out if wage growth stayed strong.
Mortgage lenders are expected to pass the increase on to borrowers within weeks, adding to pressure on households already facing higher energy bills.`;

test("a syndicated copy with another headline, byline and footer is a near-duplicate", () => {
  const copy = `Ceasefire talks resume in Geneva\n\nBy Staff Writer\n\n${WIRE}\n\nCopyright 2024 The Daily Example. Follow us on social media for updates.`;
  const s = similarity(fingerprint(WIRE), fingerprint(copy));
  assert.ok(s >= NEAR_DUPLICATE_THRESHOLD, `similarity ${s}`);
  assert.ok(isNearDuplicate(WIRE, copy));
  // a lightly edited copy (one paragraph dropped) still is
  const edited = WIRE.split("\n").slice(0, 3).join("\n");
  assert.ok(isNearDuplicate(WIRE, edited), `similarity ${similarity(fingerprint(WIRE), fingerprint(edited))}`);
});

test("different stories are not near-duplicates; short texts never are", () => {
  const s = similarity(fingerprint(WIRE), fingerprint(OTHER));
  assert.ok(s < 0.1, `similarity ${s}`);
  assert.equal(isNearDuplicate("Breaking news tonight", "Breaking news tonight"), false);
  assert.equal(similarity(fingerprint(""), fingerprint("")), 0);
});

test("the index links a copy to the first article, and fingerprints survive encoding", () => {
  const idx = new NearDuplicateIndex<string>();
  idx.add("wire", fingerprint(WIRE));
  idx.add("bank", fingerprint(OTHER));
  idx.add("short", fingerprint("too short"));
  assert.equal(idx.size, 2);
  const m = idx.find(fingerprint(`Headline changed\n\n${WIRE}\n\nFooter of another site.`));
  assert.equal(m?.id, "wire");
  assert.equal(idx.find(fingerprint("Something else entirely, a recipe for bread: mix flour, water, salt and yeast, knead for ten minutes, let it rise for two hours, then bake it in a hot oven until golden.")), null);
  const f = fingerprint(WIRE);
  assert.deepEqual(decodeFingerprint(encodeFingerprint(f)), f);
});
