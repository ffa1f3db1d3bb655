import type { Store } from "../store/store.js";
import { StoryClusterer, type StoryOptions } from "../stories/cluster.js";

/**
 * Re-clusters every analysed article of the store into stories, in date
 * order, and records each article's story (named by its first article).
 * Deterministic: the same store always gives the same stories.
 */
export async function rebuildStories(store: Store, opts: StoryOptions = {}): Promise<{ articles: number; stories: number }> {
  const rows = await store.sql.query<{ id: string; published: string | null; story_terms: Record<string, number> | string }>(
    "SELECT id, published, story_terms FROM articles WHERE story_terms IS NOT NULL ORDER BY published NULLS LAST, ingested_at, id",
  );
  const clusterer = new StoryClusterer(opts);
  const assignment = new Map<string, string[]>();
  for (const r of rows) {
    const terms = typeof r.story_terms === "string" ? (JSON.parse(r.story_terms) as Record<string, number>) : r.story_terms;
    const { story } = clusterer.add(new Map(Object.entries(terms)), r.published, r.id);
    const members = assignment.get(story) ?? [];
    members.push(r.id);
    assignment.set(story, members);
  }
  await store.sql.transaction(async (tx) => {
    await tx.query("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL");
    for (const [story, ids] of assignment) await tx.query("UPDATE articles SET story_id = $1 WHERE id = ANY($2)", [story, ids]);
  });
  return { articles: rows.length, stories: assignment.size };
}
