/**
 * TEMPORARY adapter until the actor coder (src/extract/actors: loadActorLexicon,
 * codeActorSpan and its PETRARCH dictionary reader) is merged into main.
 * A minimal reader of PETRARCH actor/agent dictionaries so the event coder can
 * be tested and benchmarked on the fictional-actor suites. Not a product actor
 * dictionary: delete once src/extract/actors lands.
 */
import { readFileSync } from "node:fs";
import type { Doc } from "../../src/model/index.js";
import type { ActorMatch } from "../../src/extract/events/actors.js";

export interface TempActorLexicon {
  actors: Map<string, string>; // "UPPER WORDS" -> code
  agents: Map<string, string>; // "UPPER WORDS" -> agent suffix
  maxWords: number;
}

function norm(s: string): string {
  return s.replace(/_+$/, "").replace(/_/g, " ").replace(/\s+/g, " ").trim().toUpperCase();
}

export function loadPetrarchActors(actorFiles: string[], agentFiles: string[]): TempActorLexicon {
  const lex: TempActorLexicon = { actors: new Map(), agents: new Map(), maxWords: 1 };
  const put = (m: Map<string, string>, name: string, code: string) => {
    const k = norm(name);
    if (!k || m.has(k)) return;
    m.set(k, code);
    lex.maxWords = Math.max(lex.maxWords, k.split(" ").length);
  };
  for (const f of actorFiles) {
    let group: string[] = [];
    let groupHasCode = false;
    for (let line of readFileSync(f, "utf8").split("\n")) {
      line = line.replace(/#.*$/, "").replace(/<!--.*?-->/g, "").trim();
      if (!line || line.startsWith("<") || line.startsWith("-->")) continue;
      const code = /\[([^\]\s]+)[^\]]*\]/.exec(line)?.[1] ?? null;
      const name = line.replace(/\[[^\]]*\]/g, "").trim();
      if (line.startsWith("+")) {
        group.push(name.slice(1));
        if (code) for (const g of group) put(lex.actors, g, code);
        continue;
      }
      if (line.startsWith("[")) {
        if (code && !groupHasCode) for (const g of group) put(lex.actors, g, code);
        groupHasCode = true;
        continue;
      }
      group = [name];
      groupHasCode = !!code;
      if (code) put(lex.actors, name, code);
    }
  }
  for (const f of agentFiles) {
    for (let line of readFileSync(f, "utf8").split("\n")) {
      line = line.replace(/#.*$/, "").trim();
      const m = /^([^\[{!<]+?)\s*(\{[^}]*\})?\s*\[~?([^\]\s]+)\]/.exec(line);
      if (!m) continue;
      put(lex.agents, m[1], m[3]);
      if (m[2]) for (const p of m[2].slice(1, -1).split(/\s+/)) if (p) put(lex.agents, p, m[3]);
      const base = norm(m[1]);
      if (!base.includes(" ")) put(lex.agents, base + "S", m[3]);
    }
  }
  return lex;
}

export function codeTempActor(lex: TempActorLexicon, doc: Doc, start: number, end: number): ActorMatch | null {
  const words: { w: string; s: number; e: number }[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}.'\-]*/gu;
  const text = doc.text.slice(start, end);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0].replace(/'s$/i, "").replace(/\.$/, "");
    words.push({ w: w.toUpperCase(), s: start + m.index, e: start + m.index + w.length });
  }
  let actor: { code: string; s: number; e: number } | null = null;
  let agent: string | null = null;
  for (let i = 0; i < words.length && !actor; i++) {
    for (let n = Math.min(lex.maxWords, words.length - i); n >= 1; n--) {
      const key = words.slice(i, i + n).map((x) => x.w).join(" ");
      const c = lex.actors.get(key);
      if (c) {
        actor = { code: c, s: words[i].s, e: words[i + n - 1].e };
        break;
      }
    }
  }
  for (let i = 0; i < words.length && !agent; i++) {
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const key = words.slice(i, i + n).map((x) => x.w).join(" ");
      const c = lex.agents.get(key);
      if (c) {
        agent = c;
        break;
      }
    }
  }
  if (!actor) return null;
  const code = agent && actor.code.length === 3 ? actor.code + agent : actor.code;
  return { actor: code, entity: null, name: doc.text.slice(actor.s, actor.e), confidence: 0.9, start: actor.s, end: actor.e };
}
