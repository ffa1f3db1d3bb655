import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, findTimexes } from "../src/extract/time/index.js";

const one = (s: string) => {
  const x = findTimexes(s);
  assert.equal(x.length, 1, s);
  return x[0];
};

test("weekdays: most recent on or before the article date, next one for future events", () => {
  // 2017-04-12 is a Wednesday
  assert.equal(one("on Wednesday").resolve("2017-04-12", false), "2017-04-12");
  assert.equal(one("on Monday").resolve("2017-04-12", false), "2017-04-10");
  assert.equal(one("on Thursday").resolve("2017-04-12", false), "2017-04-06");
  assert.equal(one("on Thursday").resolve("2017-04-12", true), "2017-04-13");
  assert.equal(one("on Wednesday").resolve("2017-04-12", true), "2017-04-19");
  assert.equal(one("on Monday").resolve(null, false), null);
});

test("explicit and relative dates", () => {
  const full = one("Wednesday April 12, 2017 at U.N. headquarters".slice(10));
  assert.equal(full.full, true);
  assert.equal(full.resolve(null, false), "2017-04-12");
  assert.equal(one("on 3 March 2016").resolve(null, false), "2016-03-03");
  assert.equal(one("2017-04-12").resolve(null, false), "2017-04-12");
  assert.equal(one("April 2").resolve("2017-04-12", false), "2017-04-02");
  assert.equal(one("December 30").resolve("2017-01-03", false), "2016-12-30");
  assert.equal(one("yesterday").resolve("2017-04-12", false), "2017-04-11");
  assert.equal(one("last week").resolve("2017-04-12", false), "2017-04-05");
  assert.equal(findTimexes("February 30, 2017").filter((x) => x.full).length, 0);
  assert.equal(addDays("2016-12-31", 1), "2017-01-01");
});
