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

/** Filter values as text, whether from command-line flags or a URL's query string. */
export interface RawFilters {
  actor?: string;
  code?: string;
  from?: string;
  to?: string;
  speaker?: string;
  search?: string;
  limit?: string;
  /** Comma-separated modalities, or "all". */
  modality?: string;
  includeCopies?: boolean;
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
