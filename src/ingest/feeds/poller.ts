/**
 * Polite feed polling for `eventwire watch`.
 *
 * - Conditional GET: every feed request sends If-None-Match / If-Modified-Since
 *   from the last answer; 304 means nothing new and costs the server nothing.
 * - A per-host rate limit (default one request per second per host) for feeds
 *   and pages alike, and a User-Agent naming eventwire.
 * - Backoff on errors: a failing feed (network error, timeout, 4xx/5xx, not a
 *   feed) waits base·2^failures (capped; Retry-After honoured) before its next try.
 * - New items: each item id not seen before has its page fetched, decoded and
 *   extracted, and is yielded as an article; a page that fails (404, timeout,
 *   no article) is retried on later polls up to `maxItemAttempts`, then given up
 *   with a final failure.
 * - Resumable: state (validators, seen ids, backoff) lives in a JSON file written
 *   atomically. An item is marked seen when the consumer asks for the next event
 *   (i.e. after it has stored the previous one), so a crash re-delivers at most
 *   the item in flight, never loses one.
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Article, InputFailure } from "../../model/index.js";
import { parseFeed, FeedError, type FeedItem } from "./parse.js";
import { htmlToArticle } from "../html/article.js";
import { ALLOW_ALL, parseRobots, robotsAllows, type RobotsRules } from "./robots.js";

export const DEFAULT_USER_AGENT = "eventwire/0.1 (news event extraction; +https://github.com/eventwire/eventwire)";

export interface PollerOptions {
  /** JSON file holding the poller's state (created when missing). */
  statePath: string;
  userAgent?: string;
  /** Minimum milliseconds between two requests to the same host. Default 1000. */
  hostIntervalMs?: number;
  /** Per-request timeout. Default 20000. */
  timeoutMs?: number;
  /** First backoff after an error; doubles per consecutive error. Default 60000. */
  backoffBaseMs?: number;
  /** Backoff cap. Default 6 hours. */
  backoffMaxMs?: number;
  /** Normal interval between polls of one feed. Default 15 minutes. */
  pollIntervalMs?: number;
  /** Largest page or feed accepted, bytes. Default 10 MB. */
  maxBytes?: number;
  /** Attempts at fetching one item's page before giving up on it. Default 3. */
  maxItemAttempts?: number;
  /** Seen item ids kept per feed (oldest dropped). Default 5000. */
  maxSeen?: number;
  /** Obey robots.txt (and its Crawl-delay) for item pages. Default true. */
  respectRobots?: boolean;
  /** Injected for tests. */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type PollEvent =
  | { kind: "article"; feed: string; item: FeedItem; article: Article; warnings: InputFailure[] }
  | { kind: "failure"; feed: string; failure: InputFailure }
  | { kind: "feed"; feed: string; status: "ok" | "not-modified"; newItems: number; nextPollAt: number };

interface FeedState {
  etag?: string | null;
  lastModified?: string | null;
  seen: string[];
  attempts: Record<string, number>;
  errors: number;
  nextPollAt: number;
  lastStatus?: string;
}

interface StateFile {
  version: 1;
  feeds: Record<string, FeedState>;
  /** robots.txt per origin, with when it was read (ms). */
  robots?: Record<string, RobotsRules & { fetchedAt: number }>;
}

const ROBOTS_TTL_MS = 24 * 3600 * 1000;
const ROBOTS_RETRY_MS = 3600 * 1000;
const MAX_CRAWL_DELAY_MS = 60_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}`);
  }
}

export class FeedPoller {
  private state: StateFile;
  private readonly o: Required<Omit<PollerOptions, "fetch" | "now" | "sleep">> & Pick<PollerOptions, "fetch" | "now" | "sleep">;
  private readonly lastHit = new Map<string, number>();
  private readonly crawlDelay = new Map<string, number>();
  private seenSets = new Map<string, Set<string>>();

  constructor(
    readonly feeds: string[],
    opts: PollerOptions,
  ) {
    this.o = {
      userAgent: DEFAULT_USER_AGENT,
      hostIntervalMs: 1000,
      timeoutMs: 20000,
      backoffBaseMs: 60000,
      backoffMaxMs: 6 * 3600 * 1000,
      pollIntervalMs: 15 * 60 * 1000,
      maxBytes: 10 * 1024 * 1024,
      maxItemAttempts: 3,
      maxSeen: 5000,
      respectRobots: true,
      ...opts,
    };
    this.state = this.load();
  }

  private now(): number {
    return this.o.now ? this.o.now() : Date.now();
  }
  private sleep(ms: number): Promise<void> {
    return this.o.sleep ? this.o.sleep(ms) : new Promise((r) => setTimeout(r, ms));
  }

  private load(): StateFile {
    try {
      const s = JSON.parse(readFileSync(this.o.statePath, "utf8")) as StateFile;
      if (s && s.version === 1 && s.feeds) return s;
    } catch {
      /* missing or unreadable: start fresh */
    }
    return { version: 1, feeds: {} };
  }

  /** Writes the state file atomically (temp file + rename). */
  save(): void {
    mkdirSync(dirname(this.o.statePath), { recursive: true });
    const tmp = `${this.o.statePath}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.o.statePath);
  }

  private feedState(feed: string): FeedState {
    let f = this.state.feeds[feed];
    if (!f) f = this.state.feeds[feed] = { seen: [], attempts: {}, errors: 0, nextPollAt: 0 };
    return f;
  }

  private seenSet(feed: string): Set<string> {
    let s = this.seenSets.get(feed);
    if (!s) {
      s = new Set(this.feedState(feed).seen);
      this.seenSets.set(feed, s);
    }
    return s;
  }

  private markSeen(feed: string, id: string): void {
    const f = this.feedState(feed);
    const s = this.seenSet(feed);
    if (!s.has(id)) {
      s.add(id);
      f.seen.push(id);
      if (f.seen.length > this.o.maxSeen) for (const old of f.seen.splice(0, f.seen.length - this.o.maxSeen)) s.delete(old);
    }
    delete f.attempts[id];
  }

  /** Milliseconds until the earliest feed is due (0 when one is due now). */
  msUntilNextPoll(): number {
    const t = this.now();
    let min = Infinity;
    for (const feed of this.feeds) min = Math.min(min, Math.max(0, this.feedState(feed).nextPollAt - t));
    return min === Infinity ? 0 : min;
  }

  /** Waits for the per-host slot, then fetches with UA, timeout and size cap. */
  private async get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Buffer }> {
    let host = "";
    try {
      host = new URL(url).host;
    } catch {
      throw new Error(`invalid URL`);
    }
    const last = this.lastHit.get(host);
    if (last !== undefined) {
      const wait = last + Math.max(this.o.hostIntervalMs, this.crawlDelay.get(host) ?? 0) - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    this.lastHit.set(host, this.now());
    try {
      return await this.fetchOnce(url, headers);
    } finally {
      // The interval runs from the end of a request: a slow host is also asked less often.
      this.lastHit.set(host, this.now());
    }
  }

  private async fetchOnce(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const f = this.o.fetch ?? fetch;
    let res: Response;
    try {
      res = await f(url, { headers: { "User-Agent": this.o.userAgent, Accept: "*/*", ...headers }, redirect: "follow", signal: AbortSignal.timeout(this.o.timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      if (e.name === "TimeoutError" || e.name === "AbortError") throw new Error(`timeout after ${this.o.timeoutMs} ms`);
      throw new Error(`network error: ${e.cause?.code ?? e.message}`);
    }
    if (res.status === 304) return { status: 304, headers: res.headers, body: Buffer.alloc(0) };
    if (res.status >= 400) {
      const ra = res.headers.get("retry-after");
      const raMs = ra ? (/^\d+$/.test(ra) ? Number(ra) * 1000 : Math.max(0, Date.parse(ra) - Date.now())) : null;
      await res.body?.cancel().catch(() => undefined);
      throw new HttpError(res.status, raMs);
    }
    const len = Number(res.headers.get("content-length") ?? NaN);
    if (Number.isFinite(len) && len > this.o.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`too large: ${len} bytes (limit ${this.o.maxBytes})`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      if (res.body) {
        for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += c.length;
          if (size > this.o.maxBytes) throw new Error(`too large: over ${this.o.maxBytes} bytes`);
          chunks.push(Buffer.from(c));
        }
      }
    } catch (err) {
      const e = err as Error;
      if (e.name === "TimeoutError" || e.name === "AbortError") throw new Error(`timeout after ${this.o.timeoutMs} ms`);
      throw e;
    }
    return { status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
  }

  /** robots.txt verdict for a page URL (fetched once per origin per day; unreadable means allowed). */
  private async robotsAllow(url: string): Promise<boolean> {
    if (!this.o.respectRobots) return true;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return true;
    }
    const robots = (this.state.robots ??= {});
    let r = robots[u.origin];
    if (!r || this.now() - r.fetchedAt > (r.rules.length || r.crawlDelay !== null ? ROBOTS_TTL_MS : ROBOTS_RETRY_MS)) {
      let rules: RobotsRules = ALLOW_ALL;
      try {
        const res = await this.get(`${u.origin}/robots.txt`, { Accept: "text/plain,*/*;q=0.5" });
        if (res.status === 200) rules = parseRobots(res.body.toString("utf8"), "eventwire");
      } catch {
        /* 4xx: no rules; network errors and 5xx: allowed, asked again in an hour */
      }
      r = robots[u.origin] = { ...rules, fetchedAt: this.now() };
    }
    if (r.crawlDelay !== null) this.crawlDelay.set(u.host, Math.min(MAX_CRAWL_DELAY_MS, r.crawlDelay * 1000));
    return robotsAllows(r, u.pathname + u.search);
  }

  private backoff(f: FeedState, retryAfterMs: number | null): void {
    f.errors++;
    const ms = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** (f.errors - 1));
    f.nextPollAt = this.now() + Math.max(ms, retryAfterMs ?? 0);
  }

  /**
   * Polls every feed that is due (all of them when `force`), yielding events.
   * State is saved after each feed and after each delivered article.
   */
  async *pollOnce(force = false): AsyncGenerator<PollEvent> {
    for (const feed of this.feeds) {
      const f = this.feedState(feed);
      if (!force && f.nextPollAt > this.now()) continue;
      const headers: Record<string, string> = { Accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5" };
      if (f.etag) headers["If-None-Match"] = f.etag;
      if (f.lastModified) headers["If-Modified-Since"] = f.lastModified;
      let res;
      try {
        res = await this.get(feed, headers);
      } catch (err) {
        this.backoff(f, err instanceof HttpError ? err.retryAfterMs : null);
        f.lastStatus = (err as Error).message;
        this.save();
        yield { kind: "failure", feed, failure: { input: feed, reason: `feed fetch failed: ${(err as Error).message}; next try in ${Math.round((f.nextPollAt - this.now()) / 1000)} s`, severity: "error" } };
        continue;
      }
      if (res.status === 304) {
        f.errors = 0;
        f.nextPollAt = this.now() + this.o.pollIntervalMs;
        f.lastStatus = "304";
        this.save();
        yield { kind: "feed", feed, status: "not-modified", newItems: 0, nextPollAt: f.nextPollAt };
        continue;
      }
      let items: FeedItem[];
      try {
        items = parseFeed(res.body, { contentType: res.headers.get("content-type"), url: feed }).items;
      } catch (err) {
        this.backoff(f, null);
        f.lastStatus = (err as Error).message;
        this.save();
        const reason = err instanceof FeedError ? err.message : `feed parse error: ${(err as Error).message}`;
        yield { kind: "failure", feed, failure: { input: feed, reason, severity: "error" } };
        continue;
      }
      f.etag = res.headers.get("etag");
      f.lastModified = res.headers.get("last-modified");
      f.errors = 0;
      f.nextPollAt = this.now() + this.o.pollIntervalMs;
      f.lastStatus = String(res.status);
      this.save();
      const seen = this.seenSet(feed);
      // Oldest first, so a restart resumes in publication order.
      const fresh = items.filter((it) => !seen.has(it.id)).reverse();
      yield { kind: "feed", feed, status: "ok", newItems: fresh.length, nextPollAt: f.nextPollAt };
      for (const item of fresh) {
        const input = item.url ?? item.id;
        if (!item.url) {
          this.markSeen(feed, item.id);
          this.save();
          yield { kind: "failure", feed, failure: { input: `${feed} item ${item.id}`, reason: "feed item has no link", severity: "error" } };
          continue;
        }
        if (!(await this.robotsAllow(item.url))) {
          this.markSeen(feed, item.id);
          this.save();
          yield { kind: "failure", feed, failure: { input, reason: "disallowed by the site's robots.txt", severity: "error" } };
          continue;
        }
        let page;
        try {
          page = await this.get(item.url, { Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" });
        } catch (err) {
          const n = (f.attempts[item.id] = (f.attempts[item.id] ?? 0) + 1);
          const final = n >= this.o.maxItemAttempts;
          if (final) this.markSeen(feed, item.id);
          this.save();
          yield { kind: "failure", feed, failure: { input, reason: `page fetch failed: ${(err as Error).message}${final ? ` (giving up after ${n} attempts)` : " (will retry)"}`, severity: "error" } };
          continue;
        }
        const pct = page.headers.get("content-type") ?? "";
        if (pct && !/html|xml|text\/plain/i.test(pct)) {
          this.markSeen(feed, item.id);
          this.save();
          yield { kind: "failure", feed, failure: { input, reason: `not an HTML page (Content-Type ${pct})`, severity: "error" } };
          continue;
        }
        const r = htmlToArticle(page.body, input, { url: item.url, source: feed, contentType: pct, fallbackDate: item.published });
        if (!r.ok) {
          this.markSeen(feed, item.id);
          this.save();
          yield { kind: "failure", feed, failure: r.failure };
          continue;
        }
        if (!r.article.title && item.title) r.article.title = item.title;
        yield { kind: "article", feed, item, article: r.article, warnings: r.warnings };
        // The consumer asked for the next event: the article is stored.
        this.markSeen(feed, item.id);
        this.save();
      }
    }
  }

  /** Polls forever (until `signal` aborts), sleeping until the next feed is due. */
  async *run(signal?: AbortSignal): AsyncGenerator<PollEvent> {
    while (!signal?.aborted) {
      yield* this.pollOnce();
      const wait = this.msUntilNextPoll();
      if (signal?.aborted) break;
      await this.sleepUnlessAborted(Math.max(1000, wait), signal);
    }
  }

  private sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => {
        clearTimeout(t);
        resolve();
      }, { once: true });
    });
  }
}
