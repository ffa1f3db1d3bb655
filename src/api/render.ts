import type { Analysis } from "../model/index.js";

/** A readable summary of one analysis, for a person at a terminal. */
export function renderAnalysisText(a: Analysis): string {
  const out: string[] = [];
  const art = a.article;
  out.push(`${art.title ?? "(untitled)"}`);
  out.push(`  id ${art.id}${art.published ? `  published ${art.published}` : ""}${art.source ? `  from ${art.source}` : ""}`);
  out.push(`  ${a.sentences.length} sentences, ${a.entities.length} entities, ${a.events.length} events, ${a.quotes.length} quotes`);
  if (a.dateNote) out.push(`  date: ${a.dateNote}`);
  for (const w of a.warnings ?? []) out.push(`  warning: ${w}`);
  if (a.entities.length) {
    out.push("", "Entities:");
    for (const e of a.entities) out.push(`  ${e.name} [${e.type}${e.actor ? ` ${e.actor}` : ""}] ×${e.mentions.length}`);
  }
  if (a.events.length) {
    out.push("", "Events:");
    for (const e of a.events) {
      const src = e.source.actor ? `${e.source.text} (${e.source.actor})` : e.source.text;
      const tgt = e.target ? (e.target.actor ? `${e.target.text} (${e.target.actor})` : e.target.text) : "—";
      const mod = (e.modality === "asserted" ? "" : ` [${e.modality}]`) + (e.attribution ? ` (according to ${e.attribution.text})` : "");
      out.push(`  ${src} —${e.name.toLowerCase()} (${e.code})→ ${tgt}  ${e.date ?? ""}${mod}`);
      out.push(`      “${oneLine(art.text.slice(e.evidence.start, e.evidence.end))}” [${e.evidence.start}-${e.evidence.end}]`);
    }
  }
  if (a.quotes.length) {
    out.push("", "Quotes:");
    for (const q of a.quotes) {
      const who = q.speaker ? `${q.speaker.name}${q.speaker.actor ? ` (${q.speaker.actor})` : ""}` : "(unattributed)";
      out.push(`  ${who}${q.cue ? ` ${q.cue}` : ""}: ${q.direct ? "“" : ""}${oneLine(q.text, 160)}${q.direct ? "”" : ""} [${q.start}-${q.end}]`);
    }
  }
  return out.join("\n") + "\n";
}

function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}
