// Rebuilds trigrams.json from text/*.txt: `npm run build && node lexicons/languages/build.mjs`
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildProfiles } from "../../dist/src/ingest/language.js";
const here = dirname(fileURLToPath(import.meta.url));
const texts = {};
for (const f of readdirSync(join(here, "text")).sort()) if (f.endsWith(".txt")) texts[f.slice(0, -4)] = readFileSync(join(here, "text", f), "utf8");
const profile = buildProfiles(texts, "1.0");
writeFileSync(join(here, "trigrams.json"), JSON.stringify(profile) + "\n");
console.log(Object.entries(profile.languages).map(([l, p]) => `${l}:${p.total}`).join(" "));
