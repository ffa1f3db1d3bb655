import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Doc } from "../src/model/index.js";
import { codeActorSpan, codeActorText, loadActorLexicon, LexiconFormatError, ploverActor, ploverCode } from "../src/extract/actors/index.js";
import { parsePetrarchActors, parsePetrarchAgents, petrDate } from "../src/extract/actors/petrarch.js";

const lex = loadActorLexicon();

function code(text: string, date: string | null = "2017-04-12"): string | null {
  return codeActorText(lex, text, date).actor;
}

test("countries, demonyms, capitals and metonyms", () => {
  assert.equal(code("Russia"), "RUS");
  assert.equal(code("the Russian Federation"), "RUS");
  assert.equal(code("Moscow"), "RUSGOV", "capitals stand for their governments");
  assert.equal(code("the Kremlin"), "RUSGOV");
  assert.equal(code("the White House"), "USAGOV");
  assert.equal(code("the Pentagon"), "USAMIL");
  assert.equal(code("Washington"), "USAGOV");
  assert.equal(code("Beijing"), "CHNGOV");
  assert.equal(code("Whitehall"), "GBRGOV");
});

test("international organisations", () => {
  assert.equal(code("the U.N."), "IGOUNO");
  assert.equal(code("the U.N. Security Council"), "IGOUNO");
  assert.equal(code("United Nations Security Council"), "IGOUNO");
  assert.equal(code("the Organisation for the Prohibition of Chemical Weapons (OPCW)"), "IGO");
  assert.equal(code("NATO"), "IGOWSTNAT");
});

test("people with time-bounded roles follow the date", () => {
  assert.equal(code("Rex Tillerson", "2017-04-12"), "USAGOV");
  assert.equal(code("Rex Tillerson", "2016-04-12"), "USABUS");
  assert.equal(code("Trump", "2017-01-20"), "USAGOV");
  assert.equal(code("Trump", "2016-06-01"), "USABUS");
  assert.equal(code("Russian Foreign Minister Sergey Lavrov"), "RUSGOV");
  assert.equal(code("Sergei Lavrov"), "RUSGOV");
  assert.equal(code("presidential spokesman Dmitry Peskov"), "RUSGOV");
  assert.equal(code("Jens Stoltenberg"), "IGOWSTNAT");
  assert.equal(code("Jens Stoltenberg", "2010-01-01"), "NORGOV");
  assert.equal(code("Staffan de Mistura"), "IGOUNO");
  assert.equal(code("Assad's government"), "SYRGOV");
  assert.equal(code("Moammar Qaddafi", "2005-01-01"), "LBYGOV");
  assert.equal(code("Carlos Menem", "1995-01-01"), "ARGGOV", "a known name without its middle name");
  assert.equal(code("John Smith", "1995-01-01"), null, "a common surname is nobody in particular");
  assert.equal(code("former president Carlos Menem", null), "ARGELI", "undated: 'former' says out of office");
  assert.equal(code("former president Carlos Menem", "1995-01-01"), "ARGGOV", "dated: the date decides");
  assert.equal(code("Russian former defence ministers"), "RUSELI", "former officials are elites");
  assert.equal(code("former rebels"), "---REB");
});

test("role nouns combine with the country", () => {
  assert.equal(code("USA intelligence agencies"), "USASPY");
  assert.equal(code("Syrian rebels"), "SYRREB");
  assert.equal(code("Israeli troops"), "ISRMIL");
  assert.equal(code("the president of Russia"), "RUSGOV");
  assert.equal(code("the (US) secretary of state"), "USAGOV");
  assert.equal(code("intelligence agencies"), "---SPY");
});

test("case rules and possessors", () => {
  assert.equal(code("us"), null, "the pronoun 'us' is not the United States");
  assert.equal(code("Moscow's ally"), null, "the possessor of a relational noun is not the actor");
  assert.equal(code("the weather"), null);
});

test("codeActorSpan works on a Doc span and uses linked entities", () => {
  const text = "Sergey Lavrov met reporters. Later the minister left.";
  const doc = new Doc({ id: "t", title: null, published: "2017-04-12", url: null, source: null, language: "en", text });
  const m = codeActorSpan(lex, doc, 0, 13, "2017-04-12");
  assert.equal(m.actor, "RUSGOV");
  assert.equal(m.name, "Sergey Lavrov");
  assert.deepEqual([m.start, m.end], [0, 13]);
  const s = text.indexOf("the minister");
  assert.equal(codeActorSpan(lex, doc, s, s + 12, "2017-04-12").actor, "---GOV", "no entities: role only");
  // with a person entity before it, a bare role phrase refers back to that person
  const withPerson = new Doc({ id: "t2", title: null, published: "2017-04-12", url: null, source: null, language: "en", text });
  withPerson.sentences.push({ index: 0, start: 0, end: 28, tokenStart: 0, tokenEnd: 0 }, { index: 1, start: 29, end: text.length, tokenStart: 0, tokenEnd: 0 });
  withPerson.entities.push({ id: "p1", name: "Sergey Lavrov", type: "PER", actor: "RUSGOV", mentions: [{ start: 0, end: 13, text: "Sergey Lavrov", sentence: 0 }] });
  const back = codeActorSpan(lex, withPerson, s, s + 12, "2017-04-12");
  assert.equal(back.actor, "RUSGOV");
  assert.equal(back.entity, "p1");
  doc.entities.push({ id: "e1", name: "Sergey Lavrov", type: "PER", actor: "RUSGOV", mentions: [{ start: s, end: s + 12, text: "the minister", sentence: 1 }] });
  const linked = codeActorSpan(lex, doc, s, s + 12, "2017-04-12");
  assert.equal(linked.actor, "RUSGOV");
  assert.equal(linked.entity, "e1");
  // a linked possessor before a relational noun is still not the actor; a linked name after it is
  const allyText = "Missiles hit Moscow's ally Syria.";
  const ally = new Doc({ id: "t3", title: null, published: "2017-04-12", url: null, source: null, language: "en", text: allyText });
  const at = (w: string) => allyText.indexOf(w);
  ally.entities.push({ id: "m", name: "Moscow", type: "GPE", actor: "RUSGOV", mentions: [{ start: at("Moscow"), end: at("Moscow") + 6, text: "Moscow", sentence: 0 }] });
  assert.equal(codeActorSpan(lex, ally, at("Moscow"), at(" Syria"), "2017-04-12").actor, null, "Moscow's ally");
  ally.entities.push({ id: "s", name: "Syria", type: "GPE", actor: "SYR", mentions: [{ start: at("Syria"), end: at("Syria") + 5, text: "Syria", sentence: 0 }] });
  assert.equal(codeActorSpan(lex, ally, at("Moscow"), at("."), "2017-04-12").actor, "SYR", "Moscow's ally Syria");
  // bad spans never throw
  assert.equal(codeActorSpan(lex, doc, 10, 5, null).actor, null);
  assert.equal(codeActorSpan(lex, doc, 0, 10_000, null).actor, null);
});

test("PETRARCH reader: dates, synonyms, stems, agents with plurals", () => {
  assert.equal(petrDate("080508"), "2008-05-08");
  assert.equal(petrDate("700101"), "1970-01-01");
  assert.equal(petrDate("20040309"), "2004-03-09");
  const actors = parsePetrarchActors("# c\nFOOLAND_ [FOO]\n+FOOLANDIC\n\nJOHN_DOE_  # note\n+DOE\n\t[FOOGOV >150101]\n\t[FOOELI]\n<!-- x -->\n");
  assert.equal(actors.length, 2);
  assert.deepEqual(actors[0].names.map((n) => [n.words.join(" "), n.prefix]), [["FOOLAND", false], ["FOOLANDIC", true]]);
  assert.deepEqual(actors[1].codes, [{ code: "FOOGOV", from: "2015-01-01", to: null }, { code: "FOOELI", from: null, to: null }]);
  const spaced = parsePetrarchActors("BILBO [HOB]\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n");
  assert.deepEqual(spaced[0].codes.slice(1), [
    { code: "HOB", from: null, to: "1995-06-01" },
    { code: "HOBGOV", from: "1995-06-01", to: "1999-08-15" },
    { code: "HOBREB", from: "1999-08-16", to: null },
  ], "restrictions written with spaces are dated too");
  const agents = parsePetrarchAgents("!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nMILITIA!PERSON! [~REB]\nSOLDIER [~MIL]\n");
  assert.deepEqual(agents.map((a) => a.names.map((n) => n.words.join(" "))), [["POLICE"], ["MILITIAMAN", "MILITIAWOMAN"], ["SOLDIER", "SOLDIERS"]]);
});

test("user lexicons override, bad files fail with file and line", () => {
  const dir = mkdtempSync(join(tmpdir(), "ew-actors-"));
  const good = join(dir, "mine.tsv");
  writeFileSync(good, "#eventwire-actors v1\nperson\tJane Roe\tFRAGOV@2020-01-01..\tJane Roe|Roe\tminister\ncountry\tRussia override\tRUS\tRuthenia\t\n");
  const mine = loadActorLexicon({ userFiles: [good] });
  assert.equal(codeActorText(mine, "Jane Roe", "2021-01-01").actor, "FRAGOV");
  assert.equal(codeActorText(mine, "Ruthenia", null).actor, "RUS");
  assert.equal(codeActorText(mine, "Sergey Lavrov", "2017-01-01").actor, "RUSGOV", "defaults still loaded");
  const bad = join(dir, "bad.tsv");
  writeFileSync(bad, "#eventwire-actors v1\nperson\tNo Codes\n");
  assert.throws(() => loadActorLexicon({ userFiles: [bad] }), (e: unknown) => e instanceof LexiconFormatError && /bad\.tsv:2:/.test((e as Error).message));
  assert.throws(() => loadActorLexicon({ userFiles: [join(dir, "missing.tsv")] }), /missing\.tsv: cannot read lexicon \(ENOENT\)/);
});

const dicts = "../shared/gold/events/petrarch2_validate_dicts";
test("PETRARCH validation dictionaries (fictional countries)", { skip: existsSync(dicts) ? false : `${dicts} not present` }, () => {
  const fx = loadActorLexicon({ replaceDefault: true, petrarch: { actors: [join(dicts, "PETR.Validate.actors.txt")], agents: [join(dicts, "PETR.Validate.agents.txt")] } });
  assert.equal(codeActorText(fx, "Arnor", null).actor, "ARN");
  assert.equal(codeActorText(fx, "the foreign minister of Mordor", null).actor, "MORGOVFRM");
  assert.equal(codeActorText(fx, "Sergey Lavrov", null).actor, null, "defaults replaced");
});

test("phrase structure: the head's role noun, post-modifiers and contradicted one-word names", () => {
  assert.equal(code("King Hassan of Morocco", null), "MARGOV", "'Hassan' alone is Jordan's prince; the phrase says Morocco");
  assert.equal(code("Hassan", null), "JORGOV");
  assert.equal(code("Militants loyal to Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi", null), "IRQREB", "a person after the head role only qualifies it");
  assert.equal(code("a spokesman for Vladimir Putin"), "RUSGOV");
  assert.equal(code("workers of the United Bus Company of Tehran"), "IRNLAB", "the head's role noun, the capital's country");
  assert.equal(code("the Albanians of southern Serbia"), "SRBCVL", "a people is coded with the country it lives in");
  assert.equal(code("the Palestinians of the Israeli-occupied West Bank"), "PSECVL");
});

test("ethnic groups take the country the sentence names", () => {
  const text = "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.";
  const doc = new Doc({ id: "eth", title: null, published: null, url: null, source: null, language: "en", text });
  doc.sentences.push({ index: 0, start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 });
  const s = text.indexOf("ethnic");
  assert.equal(codeActorSpan(lex, doc, s, s + 16, null).actor, "ALBCVL", "no other country named: the group's own");
  const at = text.indexOf("Serbia");
  doc.entities.push({ id: "g1", name: "Serbia", type: "LOC", actor: "SRB", mentions: [{ start: at, end: at + 6, text: "Serbia", sentence: 0 }] });
  assert.equal(codeActorSpan(lex, doc, s, s + 16, null).actor, "SRBCVL");
  assert.equal(code("Albanians", null), "ALBCVL", "without 'ethnic' the demonym is the country's people");
});

test("cities, regions, ethnic groups and groups added in curated.tsv", () => {
  assert.equal(code("Jericho"), "PSE");
  assert.equal(code("the largest Protestant extremist organization in Northern Ireland"), "GBRREB", "Northern Ireland is not Ireland");
  assert.equal(code("Dublin"), "IRL");
  assert.equal(code("Khatmandu"), "NPLGOV", "capital spelling variant");
  assert.equal(code("the government of Sindh province"), "PAKGOV");
  assert.equal(code("Juba", "2005-03-01"), "SDN");
  assert.equal(code("Juba", "2015-03-01"), "SSD");
  assert.equal(code("Tamil civilian refugees"), "LKAREF");
  assert.equal(code("Tamil Nadu"), "IND");
  assert.equal(code("Igbo traditional elders"), "NGAELI");
  assert.equal(code("Iraqi Kurds"), "IRQCVL");
  assert.equal(code("the NPFL"), "LBRREB");
  assert.equal(code("Jewish settlers in the West Bank city of Hebron"), "ISRCVL");
  assert.equal(code("British militants"), "GBRREB");
  assert.equal(code("Bosnian Serbs"), "BIHCVL", "a people living in another state");
  assert.equal(code("the Israeli peace movement"), "ISROPP");
  assert.equal(code("Iraqi towns"), "IRQCVL");
  assert.equal(code("the Syrian people"), "SYRCVL", "CAMEO has no PPL: civilians");
  assert.equal(code("the Rwandan Patriotic Front", "1993-01-01"), "RWAREB");
  assert.equal(code("the Rwandan Patriotic Front", "2003-01-01"), "RWAPTY");
});

test("a name coded with a sector alone is an organisation, not a country", () => {
  const bbc = codeActorText(lex, "the BBC", null);
  assert.equal(bbc.actor, "MED");
  assert.equal(bbc.kind, "org", "Phoenix's 'BBC [MED]' is media, so the NER gazetteer sees an ORG");
  assert.equal(codeActorText(lex, "France", null).kind, "country");
  assert.equal(codeActorText(lex, "Chevron", null).kind, "org", "a company [MNC] is not a state");
  assert.equal(codeActorText(lex, "Amnesty International", null).kind, "ngo");
  assert.equal(codeActorText(lex, "the ruling Fatah party", null).kind, "group", "Fatah is a party, not a name of Palestine");
  assert.equal(codeActorText(lex, "the ruling Fatah party", null).actor, "PSE");
});

test("PLOVER form: top-level code and sector, without CAMEO's organisation identifiers", () => {
  const plover = (text: string) => ploverActor(code(text));
  assert.deepEqual(plover("Russian Foreign Minister Sergey Lavrov"), { code: "RUS", sector: "GOV" });
  assert.deepEqual(plover("the U.N."), { code: "IGO", sector: "" }, "IGOUNO: UNO names the organisation, not a sector");
  assert.deepEqual(plover("NATO"), { code: "IGO", sector: "" }, "IGOWSTNAT: region and organisation dropped");
  assert.deepEqual(plover("the UN refugee agency"), { code: "IGO", sector: "REF" });
  assert.deepEqual(plover("Amnesty International"), { code: "NGO", sector: "SOC" }, "human rights groups are civil society");
  assert.deepEqual(plover("Swiss doctors"), { code: "CHE", sector: "MED" }, "CAMEO HLH (health) is PLOVER MED");
  assert.deepEqual(plover("Danish newspapers"), { code: "DNK", sector: "JRN" }, "CAMEO MED (media) is PLOVER JRN");
  assert.equal(ploverCode("NGMENV"), "ISMSOC", "CAMEO NGM (non-governmental movement) is PLOVER ISM");
  assert.deepEqual(plover("rebels"), { code: "---", sector: "REB" });
  assert.equal(ploverCode("IGOUNOMIL"), "IGOMIL", "UN troops");
  assert.equal(ploverCode("USAMILGOV"), "USAMILGOV");
  assert.equal(ploverCode("IMGMUSALQ"), "IMGMOS", "a religion stays (Islam is MOS in the CAMEO RCS), the group's identifier goes");
  assert.equal(ploverCode("EGYREBMUSRAD"), "EGYREBMOS", "primary and one secondary code; RAD is not a sector");
  assert.equal(ploverCode("USAGOVDEV"), "USAGOV");
  assert.equal(ploverCode(null), null);
  assert.deepEqual(ploverActor("GRYFFINDOR HEAD"), { code: "GRYFFINDOR HEAD", sector: "" }, "not a code: kept whole");
});

test("towns and capitals: a capital named as a location is not its government; PLOVER codes a town's people CVL", () => {
  const m = (text: string) => codeActorText(lex, text, "2017-04-12");
  assert.deepEqual([m("Baghdad").actor, m("Baghdad").place], ["IRQGOV", "capital"]);
  assert.deepEqual([m("in central Baghdad").actor, m("in central Baghdad").place], ["IRQ", "city"], "a location, not the government");
  assert.deepEqual([m("Tel Aviv").actor, m("Tel Aviv").place], ["ISR", "city"]);
  assert.deepEqual([m("Aleppo").actor, m("Aleppo").place], ["SYR", "city"]);
  assert.equal(m("Lebanon").place, undefined, "a state's own name is not a town, though towns are called Lebanon");
  assert.equal(m("Syrians").place, undefined);
  const plover = (text: string) => ploverCode(m(text).actor, m(text).place);
  assert.equal(plover("Tel Aviv"), "ISRCVL", "PLOVER GSR documentation: cities go to sector CVL");
  assert.equal(plover("in central Baghdad"), "IRQCVL");
  assert.equal(plover("Baghdad"), "IRQGOV", "a capital as subject or object: GOV");
  assert.equal(plover("Lebanon"), "LBN");
});

test("peacekeepers are IGOPKO (CAMEO manual 3.1.9); a primary-code role noun is not doubled", () => {
  assert.equal(code("peacekeepers"), "IGOPKO", "affiliation unknown");
  assert.equal(code("U.N. peacekeepers"), "IGOUNOPKO");
  assert.equal(code("U.N. peacekeeping troops"), "IGOUNOPKO", "not IGOIGOUNO");
  assert.equal(code("Senegalese peacekeepers"), "IGOPKOSEN", "the generic code with the country attached");
  assert.equal(ploverCode(code("U.N. peacekeepers")), "IGOMIL", "in PLOVER's form, troops of an IGO");
});

test("a parenthesised PETRARCH word is a second name only when it is an acronym", () => {
  const names = (line: string) => parsePetrarchActors(line + "  [XXX]\n")[0].names.map((n) => n.words.join(" "));
  assert.deepEqual(names("IRISH_REPUBLICAN_ARMY_(IRA)_"), ["IRISH REPUBLICAN ARMY", "IRA"]);
  assert.deepEqual(names("COMMUNIST_PARTY_OF_NEPAL-MAOIST_(CPN-M)_"), ["COMMUNIST PARTY OF NEPAL MAOIST", "CPN M"]);
  assert.deepEqual(names("SAMOA_(AMERICAN)_"), ["SAMOA AMERICAN"], "a qualifier, not the name 'American'");
  assert.deepEqual(names("KOREA_(NORTH)_"), ["KOREA NORTH"]);
  // the generated lexicons: "American" was American Samoa's
  assert.equal(code("American officials"), "USAGOV");
  assert.equal(code("Samoa"), "WSM");
  assert.equal(code("Occupied"), null);
});
