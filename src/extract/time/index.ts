import type { Doc } from "../../model/index.js";

/**
 * Time expressions for event dates: found by pattern over a sentence's text
 * and resolved against a reference date (the article date), news style:
 * a bare weekday is the most recent such day on or before the reference
 * date (the next one after it when the verb is future), "yesterday" is the
 * day before, "last week" seven days before, "April 12" the reference year.
 */
export interface Timex {
  start: number;
  end: number;
  text: string;
  /** Explicit full date (day, month and year written out). */
  full: boolean;
  kind: "date" | "weekday" | "relative" | "monthday";
  /** The date for a past reading, or null when it cannot be resolved. */
  resolve(ref: string | null, future: boolean): string | null;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MON_RE = "(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?\\.?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const TIMEX = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, // 1-3 ISO
    `\\b${MON_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, // 4-6 April 12[, 2017]
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MON_RE}(?:,?\\s+(\\d{4}))?\\b`, // 7-9 12 April [2017]
    `\\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b`, // 10
    `\\b(today|tonight|yesterday|tomorrow|last\\s+week|last\\s+month|this\\s+week|next\\s+week)\\b`, // 11
  ].join("|"),
  "gi",
);

function monthIndex(m: string): number {
  const k = m.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((x) => x.startsWith(k));
}

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m, d));
  if (dt.getUTCMonth() !== m || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const dt = new Date(date + "T00:00:00Z");
  dt.setUTCDate(dt.getUTCDate() + days);
  return dt.toISOString().slice(0, 10);
}

/** All time expressions in text[start, end). */
export function findTimexes(text: string, start = 0, end = text.length): Timex[] {
  const out: Timex[] = [];
  const s = text.slice(start, end);
  TIMEX.lastIndex = 0;
  for (let m = TIMEX.exec(s); m; m = TIMEX.exec(s)) {
    const base = { start: start + m.index, end: start + m.index + m[0].length, text: m[0] };
    if (m[1]) {
      const d = iso(+m[1], +m[2] - 1, +m[3]);
      if (d) out.push({ ...base, full: true, kind: "date", resolve: () => d });
    } else if (m[4]) {
      out.push(monthDay(base, monthIndex(m[4]), +m[5], m[6] ? +m[6] : null));
    } else if (m[8]) {
      out.push(monthDay(base, monthIndex(m[8]), +m[7], m[9] ? +m[9] : null));
    } else if (m[10]) {
      const wd = WEEKDAYS.indexOf(m[10].toLowerCase());
      out.push({
        ...base,
        full: false,
        kind: "weekday",
        resolve: (ref, future) => {
          if (!ref) return null;
          const cur = new Date(ref + "T00:00:00Z").getUTCDay();
          if (future) return addDays(ref, ((wd - cur + 7) % 7) || 7);
          return addDays(ref, -((cur - wd + 7) % 7));
        },
      });
    } else if (m[11]) {
      const w = m[11].toLowerCase().replace(/\s+/g, " ");
      const delta: Record<string, number | null> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1, "last week": -7, "this week": 0, "next week": 7, "last month": null };
      out.push({ ...base, full: false, kind: "relative", resolve: (ref) => (ref && delta[w] != null ? addDays(ref, delta[w] as number) : null) });
    }
  }
  return out;
}

function monthDay(base: { start: number; end: number; text: string }, month: number, day: number, year: number | null): Timex {
  if (year != null) {
    const d = iso(year, month, day);
    return { ...base, full: d != null, kind: "date", resolve: () => d };
  }
  return {
    ...base,
    full: false,
    kind: "monthday",
    resolve: (ref) => {
      if (!ref) return null;
      const y = +ref.slice(0, 4);
      const d = iso(y, month, day);
      // "December 30" read in January is last year's
      if (d && d > addDays(ref, 31)) return iso(y - 1, month, day);
      return d;
    },
  };
}

/**
 * The reference date of an article: its publication date, or else the latest
 * explicit full date written in its text (recorded in doc.dateNote).
 */
export function articleDate(doc: Doc): string | null {
  const pub = doc.article.published;
  if (pub && /^\d{4}-\d{2}-\d{2}/.test(pub)) return pub.slice(0, 10);
  let best: string | null = null;
  let bestText = "";
  for (const t of findTimexes(doc.text)) {
    if (!t.full) continue;
    const d = t.resolve(null, false);
    if (d && (!best || d > best)) {
      best = d;
      bestText = t.text;
    }
  }
  if (best && !doc.dateNote) doc.dateNote = `article has no date; using the latest full date stated in its text ("${bestText}" = ${best})`;
  return best;
}
