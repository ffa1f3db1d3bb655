/**
 * robots.txt (RFC 9309) for the pages `eventwire watch` fetches: the group for
 * our product token (else "*"), Allow/Disallow with "*" and "$" patterns, the
 * longest matching rule wins (Allow on a tie), and Crawl-delay (non-standard,
 * widely used) as a minimum interval between requests to the host.
 */

export interface RobotsRules {
  /** [allow, pattern] in file order. */
  rules: [boolean, string][];
  /** Seconds, when the group sets one. */
  crawlDelay: number | null;
}

export const ALLOW_ALL: RobotsRules = { rules: [], crawlDelay: null };

/** Parses robots.txt text for the user-agent product token `agent` (e.g. "eventwire"). */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  type Group = { agents: string[]; rules: [boolean, string][]; delay: number | null };
  const groups: Group[] = [];
  let cur: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const c = line.indexOf(":");
    if (c < 0) continue;
    const key = line.slice(0, c).trim().toLowerCase();
    const value = line.slice(c + 1).trim();
    if (key === "user-agent") {
      if (!cur || !lastWasAgent) {
        cur = { agents: [], rules: [], delay: null };
        groups.push(cur);
      }
      cur.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!cur) continue;
    if (key === "allow" || key === "disallow") {
      if (value || key === "allow") cur.rules.push([key === "allow", value]);
    } else if (key === "crawl-delay") {
      const d = Number(value);
      if (Number.isFinite(d) && d >= 0) cur.delay = d;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== "*" && token.includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes("*"));
  return { rules: chosen.flatMap((g) => g.rules), crawlDelay: chosen.find((g) => g.delay !== null)?.delay ?? null };
}

function patternToRegExp(p: string): RegExp {
  const anchored = p.endsWith("$");
  const body = (anchored ? p.slice(0, -1) : p)
    .split("*")
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/** Whether `pathAndQuery` (e.g. "/news/a?x=1") may be fetched. */
export function robotsAllows(r: RobotsRules, pathAndQuery: string): boolean {
  let best: [boolean, number] | null = null;
  for (const [allow, pattern] of r.rules) {
    if (!pattern) continue;
    if (!patternToRegExp(pattern).test(pathAndQuery)) continue;
    const len = pattern.length;
    if (!best || len > best[1] || (len === best[1] && allow)) best = [allow, len];
  }
  return best ? best[0] : true;
}
