import { test } from "node:test";
import assert from "node:assert/strict";
import { GDELT_EVENT_COLUMNS, gdeltEventRecord, splitActorCode } from "../src/api/gdelt.js";
import { csvCell, formatRows } from "../src/cli/format.js";

test("CAMEO actor codes split into GDELT's country, known-group and type columns", () => {
  assert.deepEqual(splitActorCode("RUSGOV"), { country: "RUS", group: "", types: ["GOV"] });
  assert.deepEqual(splitActorCode("IGOUNO"), { country: "", group: "UNO", types: ["IGO"] });
  assert.deepEqual(splitActorCode("USAMILREB"), { country: "USA", group: "", types: ["MIL", "REB"] });
  assert.deepEqual(splitActorCode("---REB"), { country: "", group: "", types: ["REB"] });
  assert.deepEqual(splitActorCode(null), { country: "", group: "", types: [] });
});

test("a stored event becomes a 61-column GDELT 2.0 Events record", () => {
  assert.equal(GDELT_EVENT_COLUMNS.length, 61);
  const row = {
    article_id: "abc", id: "e1", event_date: "2017-04-12", code: "129", root: "12", quad_class: 3, goldstein: -5,
    source_actor: "RUS", source_text: "Russia", target_actor: "IGOUNO", target_text: "U.N.", sentence: 1,
    mentions: [{ start: 1, end: 2 }], ingested_at: new Date("2017-04-12T10:11:12Z"), url: "http://example.test/a",
  };
  const rec = gdeltEventRecord(row);
  assert.equal(rec.length, 61);
  const col = (name: string) => rec[GDELT_EVENT_COLUMNS.indexOf(name)];
  assert.equal(col("SQLDATE"), "20170412");
  assert.equal(col("MonthYear"), "201704");
  assert.equal(col("FractionDate"), "2017.3616");
  assert.equal(col("Actor1Code"), "RUS");
  assert.equal(col("Actor1Name"), "RUSSIA");
  assert.equal(col("Actor1CountryCode"), "RUS");
  assert.equal(col("Actor2KnownGroupCode"), "UNO");
  assert.equal(col("Actor2Type1Code"), "IGO");
  assert.equal(col("EventCode"), "129");
  assert.equal(col("EventRootCode"), "12");
  assert.equal(col("QuadClass"), "3");
  assert.equal(col("GoldsteinScale"), "-5");
  assert.equal(col("NumMentions"), "2");
  assert.equal(col("DATEADDED"), "20170412101112");
  assert.equal(col("SOURCEURL"), "http://example.test/a");
  assert.equal(gdeltEventRecord({ ...row, target_actor: null, target_text: null })[GDELT_EVENT_COLUMNS.indexOf("Actor2Code")], "");
});

test("CSV cells are quoted when needed and tables align", () => {
  assert.equal(csvCell('He said "no", twice'), '"He said ""no"", twice"');
  assert.equal(csvCell(null), "");
  const t = formatRows([{ a: "x", b: 1 }, { a: "longer", b: 22 }], "table");
  assert.equal(t, "a       b\n------  --\nx       1\nlonger  22\n");
});

test("filter values are checked the same way for the CLI and the API", async () => {
  const { parseFilters, FilterError } = await import("../src/api/filters.js");
  assert.deepEqual(parseFilters({ from: "2017-04-12", modality: "asserted,alleged", limit: "5" }), {
    actor: undefined, code: undefined, from: "2017-04-12", to: undefined, speaker: undefined, search: undefined,
    modalities: ["asserted", "alleged"], limit: 5, includeCopies: false,
  });
  assert.deepEqual(parseFilters({ modality: "all" }).modalities, []);
  assert.throws(() => parseFilters({ to: "soon" }), (e: unknown) => e instanceof FilterError && e.message === "to must be YYYY-MM-DD");
  assert.throws(() => parseFilters({ limit: "0" }), FilterError);
  assert.throws(() => parseFilters({ modality: "maybe" }), /unknown value maybe/);
});
