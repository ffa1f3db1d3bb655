import type { Article, Doc, InputFailure, PloverActor } from "../model/index.js";
import { contentHash } from "../ingest/article-id.js";
import { MIGRATIONS } from "./migrations.js";
import { connect, type SqlClient } from "./sql.js";
import { storyTerms } from "../stories/terms.js";
import { NEAR_DUPLICATE_THRESHOLD, bandKeys, decodeFingerprint, encodeFingerprint, fingerprint, similarity } from "../ingest/near-duplicates.js";

export const DEFAULT_DB = ".eventwire/db";

/** Records that `url` carried the stored article `id` (an exact copy keeps every URL it came from). */
async function addUrl(sql: SqlClient, id: string, url: string | null): Promise<void> {
  if (url) await sql.query("INSERT INTO article_urls (article_id, url) VALUES ($1, $2) ON CONFLICT DO NOTHING", [id, url]);
}

/**
 * Links an article to the earliest stored article it nearly duplicates
 * (syndicated wire copy under another headline or footer): candidates share
 * an LSH band key, the MinHash similarity decides.
 */
async function linkNearDuplicate(tx: SqlClient, id: string, text: string): Promise<void> {
  const print = fingerprint(text);
  if (print.every((x) => x === 0xffffffff)) return; // too short to compare
  const bands = bandKeys(print);
  const candidates = await tx.query<{ id: string; fingerprint: string; duplicate_of: string | null }>(
    `SELECT a.id, a.fingerprint, a.duplicate_of FROM articles a
      WHERE a.id IN (SELECT article_id FROM article_bands WHERE band = ANY($1)) AND a.id <> $2
      ORDER BY a.ingested_at, a.id`,
    [bands, id],
  );
  let best: { id: string; similarity: number } | null = null;
  for (const c of candidates) {
    const sim = similarity(print, decodeFingerprint(c.fingerprint));
    if (sim >= NEAR_DUPLICATE_THRESHOLD && (!best || sim > best.similarity)) best = { id: c.duplicate_of ?? c.id, similarity: sim };
  }
  await tx.query("UPDATE articles SET fingerprint = $2, duplicate_of = $3, duplicate_similarity = $4 WHERE id = $1", [id, encodeFingerprint(print), best?.id ?? null, best?.similarity ?? null]);
  for (const band of bands) await tx.query("INSERT INTO article_bands (band, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [band, id]);
}

/** Where the store lives: --db, else $EVENTWIRE_DB, else ./.eventwire/db (PGlite). */
/** A PLOVER actor as one string, code + sector ("IGOREF"), as the PLOVER gold records write it. */
function ploverText(p: PloverActor | null | undefined): string | null {
  return p ? p.code + p.sector : null;
}

export function resolveDbLocation(flag?: string | null): string {
  return flag || process.env.EVENTWIRE_DB || DEFAULT_DB;
}

export type SaveOutcome = "inserted" | "unchanged" | "duplicate";

export interface StoreCounts {
  articles: number;
  events: number;
  quotes: number;
  entities: number;
  failures: number;
}

/** The record of everything eventwire has read: articles and what was found in them. */
export class Store {
  private constructor(readonly sql: SqlClient) {}

  static async open(location: string): Promise<Store> {
    const store = new Store(await connect(location));
    await store.migrate();
    return store;
  }

  async close(): Promise<void> {
    await this.sql.close();
  }

  /** Applies the migrations not yet applied, each in its own transaction. */
  async migrate(): Promise<number[]> {
    const applied: number[] = [];
    await this.sql.transaction(async (tx) => {
      // serialise concurrent first runs (several workers on one server)
      if (tx.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock(8675309)");
      await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      const done = new Set((await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version)));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await tx.exec(m.sql);
        await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
        applied.push(m.version);
      }
    });
    return applied;
  }

  /**
   * Whether an article needs analysing: "unchanged" when this exact article
   * (text and URL) is stored, "duplicate" when its text is stored under
   * another URL (the URL is then recorded against the stored copy).
   */
  async known(article: Article): Promise<SaveOutcome | null> {
    const rows = await this.sql.query<{ id: string }>("SELECT id FROM articles WHERE id = $1 OR content_hash = $2", [article.id, contentHash(article.text)]);
    if (rows.length === 0) return null;
    if (rows.some((r) => r.id === article.id)) return "unchanged";
    await addUrl(this.sql, rows[0].id, article.url);
    return "duplicate";
  }

  /** Stores an analysed article with all its layers in one transaction: all or nothing. */
  async saveDoc(doc: Doc, status = "analysed", within?: SqlClient): Promise<SaveOutcome> {
    const a = doc.article;
    // inside a caller's transaction (a worker's claim) when given one
    return (within ?? this.sql).transaction(async (tx) => {
      const hash = contentHash(a.text);
      const inserted = await tx.query(
        `INSERT INTO articles (id, content_hash, external_id, title, published, url, source, language, text, status, warnings)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING RETURNING id`,
        [a.id, hash, a.externalId ?? null, a.title, a.published, a.url, a.source, a.language, a.text, status, JSON.stringify(doc.warnings)],
      );
      if (inserted.length === 0) {
        const prior = await tx.query<{ id: string }>("SELECT id FROM articles WHERE content_hash = $1", [hash]);
        if (prior[0]?.id === a.id) return "unchanged";
        if (prior[0]) await addUrl(tx, prior[0].id, a.url);
        return "duplicate";
      }
      await addUrl(tx, a.id, a.url);
      await linkNearDuplicate(tx, a.id, a.text);
      if (!doc.skipped) await tx.query("UPDATE articles SET story_terms = $2 WHERE id = $1", [a.id, JSON.stringify(Object.fromEntries(storyTerms(doc)))]);
      for (const e of doc.entities) {
        await tx.query("INSERT INTO entities (article_id, id, name, type, actor, confidence, mentions) VALUES ($1,$2,$3,$4,$5,$6,$7)", [
          a.id, e.id, e.name, e.type, e.actor, e.confidence ?? null, JSON.stringify(e.mentions),
        ]);
      }
      for (const ev of doc.events) {
        await tx.query(
          `INSERT INTO events (article_id, id, code, name, root, quad_class, goldstein, plover, source_text, source_actor, source_entity,
             target_text, target_actor, target_entity, event_date, sentence, evidence_start, evidence_end, evidence_text, mentions, modality, confidence,
             attribution_text, attribution_actor, attribution_entity, source_plover, target_plover)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27)`,
          [
            a.id, ev.id, ev.code, ev.name, ev.root, ev.quadClass, ev.goldstein, ev.plover, ev.source.text, ev.source.actor, ev.source.entity,
            ev.target?.text ?? null, ev.target?.actor ?? null, ev.target?.entity ?? null, ev.date, ev.sentence, ev.evidence.start, ev.evidence.end, a.text.slice(ev.evidence.start, ev.evidence.end),
            JSON.stringify(ev.mentions ?? []), ev.modality, ev.confidence,
            ev.attribution?.text ?? null, ev.attribution?.actor ?? null, ev.attribution?.entity ?? null,
            ploverText(ev.source.plover), ploverText(ev.target?.plover),
          ],
        );
      }
      for (const q of doc.quotes) {
        await tx.query(
          `INSERT INTO quotes (article_id, id, text, start_offset, end_offset, direct, speaker_name, speaker_actor, speaker_entity,
             speaker_start, speaker_end, cue, kind, sentence, fragments) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
          [
            a.id, q.id, q.text, q.start, q.end, q.direct, q.speaker?.name ?? null, q.speaker?.actor ?? null, q.speaker?.entity ?? null,
            q.speaker?.start ?? null, q.speaker?.end ?? null, q.cue, q.kind ?? null, q.sentence,
            q.fragments ? JSON.stringify(q.fragments) : null,
          ],
        );
      }
      return "inserted";
    });
  }

  /** Records a failed input; meeting the same failure again only bumps its count. */
  async recordFailure(f: InputFailure, within?: SqlClient): Promise<void> {
    await (within ?? this.sql).query(
      `INSERT INTO failures (input, reason, severity) VALUES ($1, $2, $3)
       ON CONFLICT (input, reason) DO UPDATE SET seen = failures.seen + 1, last_at = now()`,
      [f.input, f.reason, f.severity],
    );
  }

  /** Puts an article on the work queue; false when it is already queued. */
  async enqueue(article: Article): Promise<boolean> {
    const rows = await this.sql.query("INSERT INTO work_queue (article_id, article) VALUES ($1, $2) ON CONFLICT (article_id) DO NOTHING RETURNING id", [article.id, JSON.stringify(article)]);
    return rows.length > 0;
  }

  /**
   * Claims the oldest queued article no other worker holds and runs `work`
   * on it inside one transaction that also removes it from the queue:
   * stored and dequeued together, or (on a crash) neither. False when the
   * queue has nothing free.
   */
  async claimQueued(work: (article: Article, tx: SqlClient) => Promise<void>): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; article: Article | string }>(
        "SELECT id, article FROM work_queue ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1",
      );
      if (rows.length === 0) return false;
      const article = typeof rows[0].article === "string" ? (JSON.parse(rows[0].article) as Article) : rows[0].article;
      await work(article, tx);
      await tx.query("DELETE FROM work_queue WHERE id = $1", [rows[0].id]);
      return true;
    });
  }

  async queueLength(): Promise<number> {
    const [r] = await this.sql.query<{ n: string }>("SELECT count(*) AS n FROM work_queue");
    return Number(r.n);
  }

  /** Where to resume reading a long input, or 0. */
  async checkpoint(input: string): Promise<number> {
    const rows = await this.sql.query<{ next_offset: string | number }>("SELECT next_offset FROM checkpoints WHERE input = $1", [input]);
    return rows.length ? Number(rows[0].next_offset) : 0;
  }

  async saveCheckpoint(input: string, nextOffset: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO checkpoints (input, next_offset) VALUES ($1, $2)
       ON CONFLICT (input) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()`,
      [input, nextOffset],
    );
  }

  async counts(): Promise<StoreCounts> {
    const [r] = await this.sql.query<Record<keyof StoreCounts, string | number>>(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM entities) AS entities,
              (SELECT count(*) FROM failures) AS failures`,
    );
    return { articles: Number(r.articles), events: Number(r.events), quotes: Number(r.quotes), entities: Number(r.entities), failures: Number(r.failures) };
  }
}
