/**
 * The one SQL surface the store uses, so the same code runs on embedded
 * PGlite and on a PostgreSQL server. Parameters are $1, $2, ... in both.
 */
export interface SqlClient {
  readonly kind: "pglite" | "postgres";
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the store's database: a postgres:// URL, or else a PGlite data directory. */
export async function connect(location: string): Promise<SqlClient> {
  return isPostgresUrl(location) ? connectPostgres(location) : connectPglite(location);
}

async function connectPglite(dir: string): Promise<SqlClient> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { mkdirSync } = await import("node:fs");
  if (dir !== "memory://") mkdirSync(dir, { recursive: true });
  // dates stay strings (YYYY-MM-DD), as on the PostgreSQL backend
  const parsers = { 1082: (v: string) => v };
  const db = await PGlite.create(dir === "memory://" ? { parsers } : { dataDir: dir, parsers });
  type Q = Pick<typeof db, "query" | "exec">;
  const wrap = (q: Q, top: boolean): SqlClient => ({
    kind: "pglite",
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>) {
      if (!top) return fn(wrap(q, false));
      return db.transaction((tx) => fn(wrap(tx, false)));
    },
    async close() {
      if (top) await db.close();
    },
  });
  return wrap(db, true);
}

async function connectPostgres(url: string): Promise<SqlClient> {
  const pg = (await import("pg")).default;
  // dates stay strings (YYYY-MM-DD): no time-zone shifts on the way out
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // fail now, with the server's own reason, rather than on first use
  const probe = await pool.connect();
  probe.release();
  type Client = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };
  const wrap = (c: Client, inTx: boolean): SqlClient => ({
    kind: "postgres",
    async query<T>(sql: string, params?: unknown[]) {
      return (await c.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>) {
      if (inTx) return fn(wrap(c, true));
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(wrap(client, true));
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (!inTx) await pool.end();
    },
  });
  return wrap(pool, false);
}
