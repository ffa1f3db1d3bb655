/**
 * Online story clustering: articles arrive in date order; each joins the
 * most similar recent story (TF-IDF cosine against the story's centroid or
 * its closest recent member, within a time window) or starts a new one. Document frequencies grow
 * with the collection, so early articles are compared with rougher IDF;
 * the window keeps a long-running archive from merging unrelated months.
 */
export interface StoryOptions {
  /** Cosine similarity at or above which an article joins a story. */
  threshold?: number;
  /** Days between an article and a story's latest article beyond which they never join. */
  windowDays?: number;
}

interface Story {
  id: string;
  /** Sum of member vectors (unnormalised), over the term ids. */
  centroid: Map<number, number>;
  /** Member vectors: an article may match one member closely but the blend loosely. */
  members: Map<number, number>[];
  lastDay: number;
  size: number;
}

/** Tuned on ../shared/gold/clusters dev (see docs/BENCHMARKS.md "stories"): stories there run for weeks. */
export const DEFAULT_STORY_THRESHOLD = 0.2;
export const DEFAULT_WINDOW_DAYS = 30;
/** Members an article is compared with, newest first: bounds the cost of long-running stories. */
const MAX_MEMBERS_COMPARED = 50;

export class StoryClusterer {
  private readonly termIds = new Map<string, number>();
  private readonly df: number[] = [];
  private docs = 0;
  private readonly stories: Story[] = [];
  private readonly threshold: number;
  private readonly windowDays: number;

  constructor(opts: StoryOptions = {}) {
    this.threshold = opts.threshold ?? DEFAULT_STORY_THRESHOLD;
    this.windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  }

  /** Assigns an article to a story and returns the story's id (`storyId` names a new one). */
  add(terms: Map<string, number>, date: string | null, storyId: string): { story: string; similarity: number } {
    const ids: number[] = [];
    for (const t of terms.keys()) {
      let id = this.termIds.get(t);
      if (id === undefined) {
        id = this.df.length;
        this.termIds.set(t, id);
        this.df.push(0);
      }
      ids.push(id);
      this.df[id]++;
    }
    this.docs++;
    const vec = this.vector(terms, ids);
    const day = date ? Math.floor(Date.parse(date) / 86_400_000) : Number.NaN;
    let best: Story | null = null;
    let bestSim = 0;
    for (const s of this.stories) {
      if (!Number.isNaN(day) && !Number.isNaN(s.lastDay) && Math.abs(day - s.lastDay) > this.windowDays) continue;
      let sim = cosine(vec, s.centroid);
      for (let i = s.members.length - 1, n = 0; i >= 0 && n < MAX_MEMBERS_COMPARED; i--, n++) sim = Math.max(sim, cosine(vec, s.members[i]));
      if (sim > bestSim) {
        bestSim = sim;
        best = s;
      }
    }
    if (best && bestSim >= this.threshold) {
      for (const [k, v] of vec) best.centroid.set(k, (best.centroid.get(k) ?? 0) + v);
      if (!Number.isNaN(day)) best.lastDay = Number.isNaN(best.lastDay) ? day : Math.max(best.lastDay, day);
      best.members.push(vec);
      best.size++;
      return { story: best.id, similarity: bestSim };
    }
    this.stories.push({ id: storyId, centroid: new Map(vec), members: [vec], lastDay: day, size: 1 });
    return { story: storyId, similarity: 1 };
  }

  /** Log-scaled TF times smoothed IDF, L2-normalised. */
  private vector(terms: Map<string, number>, ids: number[]): Map<number, number> {
    const v = new Map<number, number>();
    let norm = 0;
    let i = 0;
    for (const tf of terms.values()) {
      const id = ids[i++];
      const w = (1 + Math.log(tf)) * Math.log((1 + this.docs) / (1 + this.df[id]) + 1);
      v.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
    return v;
  }
}

function cosine(a: Map<number, number>, b: Map<number, number>): number {
  let dot = 0;
  let nb = 0;
  for (const w of b.values()) nb += w * w;
  if (nb === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, w] of small) {
    const o = large.get(k);
    if (o !== undefined) dot += w * o;
  }
  return dot / Math.sqrt(nb); // a is unit length
}
