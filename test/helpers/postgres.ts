import { randomBytes } from "node:crypto";

/** The PostgreSQL server the store tests use when one answers (CI makes sure it does). */
export const PG_URL = process.env.EVENTWIRE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Creates a private schema on the test server and returns a URL whose
 * connections use it, or the reason no server answered.
 */
export async function freshPgSchema(): Promise<{ url: string; drop: () => Promise<void> } | { skip: string }> {
  const pg = (await import("pg")).default;
  const schema = `ew_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    await admin.end().catch(() => undefined);
    return { skip: `no PostgreSQL server answered at ${PG_URL} (${(err as Error).message})` };
  }
  await admin.end();
  const sep = PG_URL.includes("?") ? "&" : "?";
  return {
    url: `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
