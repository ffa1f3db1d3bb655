import assert from "node:assert/strict";
import type { Analysis } from "../../src/model/index.js";

/** Every span in an analysis must slice article.text to exactly the text it claims. */
export function assertSpansSliceText(a: Analysis): number {
  const text = a.article.text;
  let checked = 0;
  const span = (what: string, s: { start: number; end: number; text?: string }) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: [${s.start},${s.end}) inside the text`);
    if (s.text !== undefined) assert.equal(text.slice(s.start, s.end), s.text, `${what} slices its text`);
    checked++;
  };
  for (const s of a.sentences) span(`sentence ${s.index}`, s);
  for (const e of a.entities) for (const m of e.mentions) span(`mention of ${e.name}`, m);
  for (const e of a.events) {
    span(`event ${e.id} evidence`, e.evidence);
    for (const m of e.mentions ?? []) span(`event ${e.id} mention`, m);
    for (const actor of [e.source, e.target]) {
      if (actor && actor.start !== undefined && actor.end !== undefined) span(`event ${e.id} actor`, { start: actor.start, end: actor.end, text: actor.text });
    }
  }
  for (const q of a.quotes) {
    span(`quote ${q.id}`, q);
    if (q.speaker) span(`quote ${q.id} speaker`, { start: q.speaker.start, end: q.speaker.end });
  }
  return checked;
}
