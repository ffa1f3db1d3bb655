import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Store } from "../store/store.js";
import { BROWSER_PAGE } from "./browser-page.js";
import { FilterError, parseFilters, rawFilters } from "./filters.js";
import { queryArticle, queryArticles, queryEvents, queryFailures, queryProfile, queryQuotes, type QueryFilters } from "./queries.js";

class BadRequest extends Error {}
class NotFound extends Error {}

/** Query-string parameters to filters (the same checks as the CLI's flags); anything malformed is a 400. */
export function filtersFromQuery(q: URLSearchParams): QueryFilters {
  try {
    return parseFilters(rawFilters((f) => q.get(f) ?? undefined, q.get("include_copies") === "1"));
  } catch (err) {
    throw err instanceof FilterError ? new BadRequest(err.message) : err;
  }
}

type Handler = (store: Store, q: URLSearchParams) => Promise<unknown>;

const ROUTES: Record<string, Handler> = {
  "/events": (s, q) => queryEvents(s, filtersFromQuery(q)),
  "/quotes": (s, q) => queryQuotes(s, filtersFromQuery(q)),
  "/articles": (s, q) => queryArticles(s, filtersFromQuery(q)),
  "/failures": (s, q) => queryFailures(s, filtersFromQuery(q)),
  "/profile": (s, q) => {
    const who = q.get("who");
    if (!who) throw new BadRequest("who is required");
    return queryProfile(s, who, filtersFromQuery(q));
  },
  "/counts": (s) => s.counts(),
  "/article": async (s, q) => {
    const id = q.get("id");
    if (!id) throw new BadRequest("id is required");
    const article = await queryArticle(s, id);
    if (!article) throw new NotFound(`no article ${id}`);
    return article;
  },
};

/**
 * A read-only JSON API over a store: GET /events, /quotes, /articles,
 * /article?id=, /failures, /profile?who=, /counts, with the same filters as
 * the CLI; GET / is a page to browse events and check each against the
 * sentence it came from.
 */
export function createApiServer(store: Store): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      const json = JSON.stringify(body, (_k, v) => (v instanceof Date ? v.toISOString() : v));
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(json + "\n");
    };
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET") return send(405, { error: "only GET is served" });
    if (url.pathname === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return res.end(BROWSER_PAGE);
    }
    if (url.pathname === "/api") return send(200, { endpoints: Object.keys(ROUTES), filters: ["actor", "code", "from", "to", "speaker", "search", "modality", "include_copies", "limit"] });
    const route = ROUTES[url.pathname];
    if (!route) return send(404, { error: `no endpoint ${url.pathname}` });
    Promise.resolve().then(() => route(store, url.searchParams)).then(
      (body) => send(200, body),
      (err) => send(err instanceof BadRequest ? 400 : err instanceof NotFound ? 404 : 500, { error: (err as Error).message }),
    );
  });
}
