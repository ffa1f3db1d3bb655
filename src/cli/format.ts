/** Prints rows as an aligned table, JSON lines or CSV. */
export function formatRows(rows: Record<string, unknown>[], format: string, columns?: string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (format === "json") return rows.map((r) => JSON.stringify(pick(r, cols))).join("\n") + (rows.length ? "\n" : "");
  if (format === "csv") return [cols.join(","), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(","))].join("\n") + "\n";
  if (rows.length === 0) return "(none)\n";
  const cells = rows.map((r) => cols.map((c) => cellText(r[c])));
  const widths = cols.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((row) => row[i].length))));
  const line = (vals: string[]) => vals.map((v, i) => (v.length > widths[i] ? v.slice(0, widths[i] - 1) + "…" : v.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(cols), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

function pick(r: Record<string, unknown>, cols: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const c of cols) o[c] = r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c];
  return o;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().replace("T", " ").slice(0, 19);
  return String(v).replace(/\s+/g, " ");
}

export function csvCell(v: unknown): string {
  const s = cellText(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
