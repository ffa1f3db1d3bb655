import type { Doc } from "../model/index.js";

/** Parts of speech that say what a story is about. */
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM"]);
const STOP = new Set(["be", "have", "do", "say", "tell", "will", "would", "can", "could", "also", "year", "time", "day", "people", "new", "other", "more", "many", "first", "last", "make", "take", "get", "go", "come", "told", "said", "says", "week", "month", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** Words of the title count more: a headline names the story. */
const TITLE_WEIGHT = 3;
/** An entity (actor code or canonical name) is a strong clue to the story. */
const ENTITY_WEIGHT = 2;

/**
 * The terms a story is recognised by: content lemmas (title words weighted
 * up) and the article's entities. Weights are raw counts; the clusterer
 * applies IDF over the collection it sees.
 */
export function storyTerms(doc: Doc): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (t: string, w: number) => terms.set(t, (terms.get(t) ?? 0) + w);
  const tk = doc.tokens;
  for (let i = 0; i < tk.count; i++) {
    const upos = tk.upos[i];
    if (upos && !CONTENT.has(upos)) continue;
    const lemma = (tk.lemma[i] || tk.form[i]).toLowerCase();
    if (lemma.length < 2 || STOP.has(lemma) || !/\p{L}/u.test(lemma)) continue;
    add(lemma, tk.start[i] < doc.bodyStart ? TITLE_WEIGHT : 1);
  }
  for (const e of doc.entities) {
    add(`@${e.name.toLowerCase()}`, ENTITY_WEIGHT * Math.min(3, e.mentions.length));
  }
  return terms;
}
