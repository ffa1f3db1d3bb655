// Regenerates codes.tsv from ../shared/gold/codebooks (run from the repo root:
// `node lexicons/cameo/build.mjs`). Conventions: docs/CONVENTIONS.md.
import { readFileSync, writeFileSync } from "node:fs";
const dir = process.argv[2] ?? "../shared/gold/codebooks";
function parseCsv(text) {
  const rows = []; let row = []; let f = ""; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ",") { row.push(f); f = ""; }
    else if (c === "\n") { row.push(f); rows.push(row); row = []; f = ""; }
    else if (c !== "\r") f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
}
const codes = parseCsv(readFileSync(`${dir}/cameo_event_codes.csv`, "utf8"));
const c2p = new Map(parseCsv(readFileSync(`${dir}/cameo_to_plover.csv`, "utf8")).map((r) => [r.cameo_code, r]));
const plover = (code) => { for (let n = code.length; n >= 2; n--) { const r = c2p.get(code.slice(0, n)); if (r && r.plover_event) return r; } return null; };
const out = ["# code\troot\tname\tquad\tgoldstein\tplover\tplover_mode\tname_gdelt"];
const seen = new Set();
for (const r of codes) {
  if (seen.has(r.code)) continue; seen.add(r.code);
  const root = r.code.slice(0, 2);
  const p = root === "01" || root === "02" ? null : plover(r.code);
  const g = r.goldstein_gdelt !== "" ? r.goldstein_gdelt : r.goldstein_icews;
  const quad = r.quad_gdelt || { "01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 2 }[root] || (Number(root) <= 14 ? 3 : 4);
  const mode = p ? (c2p.get(r.code)?.plover_mode || p.plover_mode || "") : "";
  out.push([r.code, root, r.name_icews || r.name, quad, g === "" ? "" : Number(g), p ? p.plover_event : "", mode, r.name].join("\t"));
}
writeFileSync(new URL("./codes.tsv", import.meta.url), out.join("\n") + "\n");
console.log(`wrote ${out.length - 1} codes`);
