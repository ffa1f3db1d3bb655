import { MODALITIES } from "../model/index.js";
import { normaliseDate } from "../ingest/text-article.js";
import type { QueryFilters } from "./queries.js";

/** A filter value that cannot be used; `field` names it the way the caller's user wrote it. */
export class FilterError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/** The text-valued filters, named as the CLI's flags and the API's parameters name them. */
export const FILTER_FIELDS = ["actor", "code", "from", "to", "speaker", "search", "limit", "modality"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Filter values as text, whether from command-line flags or a URL's query string. */
export type RawFilters = Partial<Record<FilterField, string>> & { includeCopies?: boolean };

/** Reads every text-valued filter through `get` (a flag or a query-string lookup). */
export function rawFilters(get: (field: FilterField) => string | undefined, includeCopies: boolean): RawFilters {
  const raw: RawFilters = { includeCopies };
  for (const f of FILTER_FIELDS) raw[f] = get(f);
  return raw;
}

/** Checks and converts filter values: anything malformed is an error, never a guess. */
export function parseFilters(raw: RawFilters): QueryFilters {
  const date = (field: "from" | "to") => {
    if (raw[field] === undefined) return undefined;
    const d = normaliseDate(raw[field]);
    if (!d) throw new FilterError(field, "must be YYYY-MM-DD");
    return d;
  };
  let limit: number | undefined;
  if (raw.limit !== undefined) {
    limit = Number(raw.limit);
    if (!Number.isInteger(limit) || limit <= 0) throw new FilterError("limit", "must be a positive whole number");
  }
  let modalities: string[] | undefined;
  if (raw.modality === "all") modalities = [];
  else if (raw.modality) {
    modalities = raw.modality.split(",").map((m) => m.trim());
    const bad = modalities.find((m) => !(MODALITIES as readonly string[]).includes(m));
    if (bad) throw new FilterError("modality", `has an unknown value ${bad} (one of ${MODALITIES.join(", ")}, or all)`);
  }
  const text = (v: string | undefined) => (v ? v : undefined);
  return {
    actor: text(raw.actor),
    code: text(raw.code),
    from: date("from"),
    to: date("to"),
    speaker: text(raw.speaker),
    search: text(raw.search),
    modalities,
    limit,
    includeCopies: raw.includeCopies === true,
  };
}
