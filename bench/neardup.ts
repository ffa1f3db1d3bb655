/**
 * `npm run bench -- neardup [--no-record]`: the near-duplicate threshold, measured on
 * ../shared/gold/clusters/dev.jsonl.gz (evaluation only). Reports the similarity of wire copies
 * (same headline, different sites), of other same-event pairs and of cross-event pairs, and the
 * recall on synthetic syndication (each article re-headlined, with a new byline and footer).
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { SHARED, recordBenchmark } from "./lib/record.js";
import { fingerprint, similarity, NEAR_DUPLICATE_THRESHOLD, NearDuplicateIndex } from "../src/ingest/near-duplicates.js";

export async function run(args: string[]): Promise<void> {
  const file = join(SHARED, "gold", "clusters", "dev.jsonl.gz");
  if (!existsSync(file)) {
    process.stderr.write(`bench neardup: ${file} not found\n`);
    process.exitCode = 1;
    return;
  }
  const rows = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { text: string; title: string; event_id: string; source_domain: string });
  const t0 = process.hrtime.bigint();
  const fp = rows.map((r) => fingerprint(r.text));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, " ").trim();
  let copies = 0, copiesHit = 0, sameOther = 0, sameOtherHit = 0, cross = 0, crossHit = 0;
  let maxCross = 0, maxSameOther = 0, minCopy = 1;
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const s = similarity(fp[i], fp[j]);
      const hit = s >= NEAR_DUPLICATE_THRESHOLD;
      if (rows[i].event_id !== rows[j].event_id) {
        cross++;
        if (hit) crossHit++;
        maxCross = Math.max(maxCross, s);
      } else if (norm(rows[i].title) === norm(rows[j].title) && rows[i].source_domain !== rows[j].source_domain) {
        copies++;
        if (hit) copiesHit++;
        minCopy = Math.min(minCopy, s);
      } else {
        sameOther++;
        if (hit) sameOtherHit++;
        maxSameOther = Math.max(maxSameOther, s);
      }
    }
  // synthetic syndication: new headline, byline and footer around the same body
  const idx = new NearDuplicateIndex<number>();
  rows.forEach((r, i) => idx.add(i, fp[i]));
  let synth = 0, synthHit = 0;
  rows.forEach((r, i) => {
    if (r.text.split(/\s+/).length < 150) return;
    synth++;
    const copy = `Breaking: ${r.title.split(" ").reverse().join(" ")}\n\nBy Staff and wire reports\n\n${r.text}\n\nCopyright 2024 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Follow us for more news every day.`;
    const m = idx.find(fingerprint(copy));
    if (m && m.id === i) synthHit++;
  });
  const lines = [
    `| pairs (threshold ${NEAR_DUPLICATE_THRESHOLD}) | count | flagged near-duplicate | similarity |`,
    `|---|---|---|---|`,
    `| wire copies (same headline, different sites) | ${copies} | ${copiesHit} | min ${minCopy.toFixed(3)} |`,
    `| same event, different stories | ${sameOther} | ${sameOtherHit} | max ${maxSameOther.toFixed(3)} |`,
    `| different events | ${cross} | ${crossHit} | max ${maxCross.toFixed(3)} |`,
    `| synthetic re-headlined copies (found via LSH index) | ${synth} | ${synthHit} | |`,
    ``,
    `Fingerprinting: ${(rows.length / (ms / 1000)).toFixed(0)} articles/s. Data: ../shared/gold/clusters/dev.jsonl.gz (evaluation only). Command: \`npm run bench -- neardup\`.`,
  ];
  if (args.includes("--no-record")) process.stdout.write(lines.join("\n") + "\n");
  else recordBenchmark("neardup (clusters dev)", lines);
}
