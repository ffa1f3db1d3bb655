import type { Store } from "../store/store.js";

export interface QueryFilters {
  /** CAMEO actor code prefix (RUS, RUSGOV) or words of the actor's name. */
  actor?: string;
  /** CAMEO event code prefix: "12" matches 12x. */
  code?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  speaker?: string;
  search?: string;
  /** Events of these modalities only (default: asserted). */
  modalities?: string[];
  /** Also list what near-duplicate copies of an article say (by default a copy's events and quotes are counted once, under the first copy). */
  includeCopies?: boolean;
  limit?: number;
}

type Row = Record<string, unknown>;

/** How many stored near-duplicate copies carry the article `a` (syndicated wire copy). */
const COPIES = "(SELECT count(*) FROM articles c WHERE c.duplicate_of = a.id)";

/** Builds WHERE clauses with numbered parameters, the same on PGlite and PostgreSQL. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (p: (v: unknown) => string) => string): void {
    this.clauses.push(sql((v) => `$${this.params.push(v)}`));
  }
  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(" AND ")}` : "";
  }
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => "\\" + c)}%`;

export async function queryEvents(store: Store, f: QueryFilters): Promise<Row[]> {
  const w = new Where();
  if (f.actor) {
    const a = f.actor;
    w.add((p) => `(e.source_actor LIKE ${p(a.toUpperCase() + "%")} OR e.target_actor LIKE ${p(a.toUpperCase() + "%")} OR e.source_text ILIKE ${p(like(a))} OR e.target_text ILIKE ${p(like(a))})`);
  }
  if (f.code) w.add((p) => `e.code LIKE ${p(f.code + "%")}`);
  if (f.from) w.add((p) => `e.event_date >= ${p(f.from)}`);
  if (f.to) w.add((p) => `e.event_date <= ${p(f.to)}`);
  if (f.search) w.add((p) => `e.evidence_text ILIKE ${p(like(f.search!))}`);
  const modalities = f.modalities ?? ["asserted"];
  if (modalities.length) w.add((p) => `e.modality = ANY(${p(modalities)})`);
  if (!f.includeCopies) w.add(() => "a.duplicate_of IS NULL");
  return store.sql.query(
    `SELECT e.event_date AS date, e.source_actor, e.source_text, e.code, e.name, e.target_actor, e.target_text,
            e.quad_class, e.goldstein, e.plover, e.modality, e.confidence, e.attribution_text AS reported_by, e.attribution_actor AS reported_by_actor,
            e.evidence_text AS evidence,
            e.evidence_start, e.evidence_end, jsonb_array_length(e.mentions) + 1 AS mentions,
            ${COPIES} AS copies, e.article_id, a.title, a.url, e.id
       FROM events e JOIN articles a ON a.id = e.article_id
       ${w} ORDER BY e.event_date NULLS LAST, e.article_id, e.evidence_start LIMIT ${limitOf(f)}`,
    w.params,
  );
}

export async function queryQuotes(store: Store, f: QueryFilters): Promise<Row[]> {
  const w = new Where();
  if (f.speaker) w.add((p) => `q.speaker_name ILIKE ${p(like(f.speaker!))}`);
  if (f.actor) w.add((p) => `q.speaker_actor LIKE ${p(f.actor!.toUpperCase() + "%")}`);
  if (f.from) w.add((p) => `a.published >= ${p(f.from)}`);
  if (f.to) w.add((p) => `a.published <= ${p(f.to)}`);
  if (f.search) w.add((p) => `q.text ILIKE ${p(like(f.search!))}`);
  if (!f.includeCopies) w.add(() => "a.duplicate_of IS NULL");
  return store.sql.query(
    `SELECT a.published AS date, q.speaker_name AS speaker, q.speaker_actor, q.cue, q.kind, q.direct, q.text,
            q.start_offset AS start, q.end_offset AS "end", ${COPIES} AS copies, q.article_id, a.title, a.url, q.id
       FROM quotes q JOIN articles a ON a.id = q.article_id
       ${w} ORDER BY a.published NULLS LAST, q.article_id, q.start_offset LIMIT ${limitOf(f)}`,
    w.params,
  );
}

export async function queryArticles(store: Store, f: QueryFilters): Promise<Row[]> {
  const w = new Where();
  if (f.from) w.add((p) => `a.published >= ${p(f.from)}`);
  if (f.to) w.add((p) => `a.published <= ${p(f.to)}`);
  if (f.search) w.add((p) => `(a.title ILIKE ${p(like(f.search!))} OR a.text ILIKE ${p(like(f.search!))})`);
  if (f.actor) w.add((p) => `EXISTS (SELECT 1 FROM entities n WHERE n.article_id = a.id AND n.actor LIKE ${p(f.actor!.toUpperCase() + "%")})`);
  return store.sql.query(
    `SELECT a.id, a.published, a.title, a.url, a.language, a.status,
            (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
            (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
            (SELECT count(*) FROM article_urls u WHERE u.article_id = a.id) AS urls,
            a.duplicate_of, a.duplicate_similarity, a.story_id AS story, a.source
       FROM articles a ${w} ORDER BY a.published NULLS LAST, a.ingested_at, a.id LIMIT ${limitOf(f)}`,
    w.params,
  );
}

export async function queryFailures(store: Store, f: QueryFilters): Promise<Row[]> {
  const w = new Where();
  if (f.search) w.add((p) => `(input ILIKE ${p(like(f.search!))} OR reason ILIKE ${p(like(f.search!))})`);
  return store.sql.query(`SELECT input, reason, severity, seen, first_at, last_at FROM failures ${w} ORDER BY last_at DESC, input LIMIT ${limitOf(f)}`, w.params);
}

/** Every event with the article fields the GDELT export needs. */
export async function eventsForExport(store: Store, f: QueryFilters): Promise<Row[]> {
  const w = new Where();
  if (f.code) w.add((p) => `e.code LIKE ${p(f.code + "%")}`);
  if (f.from) w.add((p) => `e.event_date >= ${p(f.from)}`);
  if (f.to) w.add((p) => `e.event_date <= ${p(f.to)}`);
  const modalities = f.modalities ?? ["asserted"];
  if (modalities.length) w.add((p) => `e.modality = ANY(${p(modalities)})`);
  if (!f.includeCopies) w.add(() => "a.duplicate_of IS NULL");
  return store.sql.query(
    `SELECT e.*, a.url, a.published, a.ingested_at, a.source AS article_source, ${COPIES} AS copies
       FROM events e JOIN articles a ON a.id = e.article_id ${w}
      ORDER BY e.event_date NULLS LAST, e.article_id, e.evidence_start LIMIT ${limitOf(f)}`,
    w.params,
  );
}

function limitOf(f: QueryFilters): number {
  const n = f.limit ?? 1000;
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10_000_000) : 1000;
}

/**
 * Everything stored about one actor or speaker: the events it took part in
 * (as source or target) and the quotes attributed to it, in date order.
 */
export async function queryProfile(store: Store, who: string, f: QueryFilters): Promise<{ events: Row[]; quotes: Row[] }> {
  const isCode = /^[A-Z-]{3,}$/.test(who);
  const events = await queryEvents(store, { ...f, actor: who });
  const quotes = await queryQuotes(store, isCode ? { ...f, actor: who } : { ...f, speaker: who });
  return { events, quotes };
}

/** Stories with their size, time span, first headline and most frequent actors. */
export async function queryStories(store: Store, f: QueryFilters): Promise<Row[]> {
  const w = new Where();
  w.add(() => "a.story_id IS NOT NULL");
  if (f.from) w.add((p) => `a.published >= ${p(f.from)}`);
  if (f.to) w.add((p) => `a.published <= ${p(f.to)}`);
  if (f.search) w.add((p) => `a.story_id IN (SELECT story_id FROM articles WHERE title ILIKE ${p(like(f.search!))})`);
  return store.sql.query(
    `SELECT a.story_id AS story, count(*) AS articles, min(a.published) AS first, max(a.published) AS last,
            (SELECT s.title FROM articles s WHERE s.id = a.story_id) AS title,
            (SELECT count(*) FROM events e WHERE e.article_id IN (SELECT id FROM articles m WHERE m.story_id = a.story_id)) AS events,
            (SELECT string_agg(actor, ' ' ORDER BY n DESC, actor) FROM (
               SELECT e.source_actor AS actor, count(*) AS n FROM events e JOIN articles m ON m.id = e.article_id
                WHERE m.story_id = a.story_id AND e.source_actor IS NOT NULL GROUP BY e.source_actor ORDER BY n DESC, actor LIMIT 3) t) AS top_actors
       FROM articles a ${w} GROUP BY a.story_id ORDER BY count(*) DESC, min(a.published), a.story_id LIMIT ${limitOf(f)}`,
    w.params,
  );
}

/** One article with its text and every annotation, for reading facts against their evidence. */
export async function queryArticle(store: Store, id: string): Promise<Row | null> {
  const [article] = await store.sql.query(
    "SELECT id, title, published, url, source, language, status, duplicate_of, story_id AS story, text FROM articles WHERE id = $1",
    [id],
  );
  if (!article) return null;
  const events = await store.sql.query(
    `SELECT id, code, name, source_text, source_actor, target_text, target_actor, event_date AS date, modality, confidence,
            attribution_text AS reported_by, attribution_actor AS reported_by_actor, evidence_start, evidence_end, mentions FROM events WHERE article_id = $1 ORDER BY evidence_start, id`,
    [id],
  );
  const quotes = await store.sql.query(
    `SELECT id, text, start_offset AS start, end_offset AS "end", fragments, direct, speaker_name AS speaker, speaker_actor, speaker_start, speaker_end, cue, kind
       FROM quotes WHERE article_id = $1 ORDER BY start_offset, id`,
    [id],
  );
  const entities = await store.sql.query("SELECT id, name, type, actor, mentions FROM entities WHERE article_id = $1 ORDER BY id", [id]);
  return { ...article, events, quotes, entities };
}
