import { readFileSync } from "node:fs";
import { HashedPerceptron } from "../_ml/perceptron.js";
import { strHash } from "../_ml/hash.js";
import { TokenAtoms, normWord, taggerFeatures } from "./features.js";

export interface TaggerMeta {
  format: "eventwire-tagger";
  version: number;
  /** Class labels, "UPOS\tXPOS". */
  classes: string[];
  /** Normalised word -> ambiguity class (sorted UPOS|XPOS set seen in training). */
  ambiguity: Record<string, string>;
  settings: Record<string, unknown>;
  training: Record<string, unknown>;
  dev: Record<string, number>;
}

/**
 * How far below the best tag a finite-verb reading may score and still be taken when a
 * sentence came out without a clause verb (see `headlineVerbSlot`), in one model's score units.
 * Chosen on EWT dev with train-only taggers (with both directions the pass costs 0.02 dev UPOS,
 * 95.10 -> 95.08; 50 costs the same, 30 costs 0.01) and on headlines written for test/nlp.test.ts.
 */
export const HEADLINE_VERB_MAX_LOSS = 65;

/** Temporal prepositions that also open clauses ("after he left", "until the talks resume"). */
const CLAUSE_OPENERS = new Set(["after", "before", "since", "until", "till"]);
const FINITE_XPOS = new Set(["VBD", "VBZ", "VBP", "MD"]);
/** Tags that start a noun phrase: what follows a verb with an object. */
const OBJECT_START = new Set(["DT", "PRP$", "PRP", "NN", "NNS", "NNP", "NNPS", "CD", "JJ"]);

/**
 * Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS+XPOS class, with an
 * optional right-to-left model asked about the words it is unsure of (`rightToLeft`) and a pass
 * for prepositions that open clauses (`clauseOpeners`).
 * A sentence tagged without a clause verb gets one more chance: headlines drop their articles and
 * auxiliaries ("Russia vetoes U.N. resolution", "Trump fires missiles at Syria"), which the
 * tagger, trained on running text, reads as noun strings.
 */
export class TaggerModel {
  readonly upos: string[];
  readonly xpos: string[];
  readonly ambiguity: Map<string, number>;
  private readonly atoms = new TokenAtoms();
  private feats = new Uint32Array(64);
  /** Extended feature set (settings.features >= 48). */
  private readonly ext: boolean;
  private scores: Int32Array;

  private readonly atomsRtl = new TokenAtoms();
  /** Per word and class: the score (the mean over directions once `decide` has combined them). */
  private rows = new Float32Array(0);
  /** Per word, from the last pass: its best score, and by how much it led the second (left-to-right). */
  private top = new Float64Array(256);
  private lead = new Float64Array(256);
  /** Classes of a subordinating conjunction (SCONJ, IN) and of a past-tense verb (VERB, VBD), or -1. */
  private readonly sconj: number;
  private readonly pastVerb: number;
  /** The right-to-left model is asked about a word only when the left-to-right one's best class leads the second by less. */
  private readonly rtlGate: number;
  /** Per class: 1 for a finite verb, a modal or a past participle (what makes a clause, or a headline's "Man killed"). */
  private readonly clauseVerb: Uint8Array;
  /** Classes of a finite main verb (VERB with VBZ, VBD or VBP), the candidates for a headline's verb. */
  private readonly finite: Int32Array;
  /** Per class: 1 for a noun, proper noun or pronoun (what stands before a headline's verb). */
  private readonly nominal: Uint8Array;
  /** Per position of the last final-pass run: best tag score minus best finite-verb score, and that verb class. */
  private verbLoss = new Float64Array(256);
  private verbClass = new Int32Array(256);

  constructor(
    readonly meta: TaggerMeta,
    readonly model: HashedPerceptron,
    /** Optional right-to-left tagger whose scores are averaged with the left-to-right ones (see `tag`). */
    readonly rtl: HashedPerceptron | null = null,
  ) {
    this.ext = Number(meta.settings.features ?? 40) >= 48;
    this.sconj = meta.classes.indexOf("SCONJ\tIN");
    this.pastVerb = meta.classes.indexOf("VERB\tVBD");
    this.rtlGate = typeof meta.settings.rtlGate === "number" ? meta.settings.rtlGate : Infinity;
    this.upos = meta.classes.map((c) => c.split("\t")[0]);
    this.xpos = meta.classes.map((c) => c.split("\t")[1]);
    this.ambiguity = ambiguityMap(meta.ambiguity);
    this.scores = new Int32Array(meta.classes.length);
    this.clauseVerb = Uint8Array.from(this.xpos, (x) => (/^(VB[ZDPN]|MD)$/.test(x) ? 1 : 0));
    this.nominal = Uint8Array.from(this.upos, (u) => (u === "NOUN" || u === "PROPN" || u === "PRON" ? 1 : 0));
    this.finite = Int32Array.from(meta.classes.flatMap((c, i) => (/^VERB\tVB[ZDP]$/.test(c) ? [i] : [])));
  }

  static load(binPath: string, metaPath: string, rtlPath?: string): TaggerModel {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as TaggerMeta;
    if (meta.format !== "eventwire-tagger") throw new Error(`${metaPath}: not a tagger model`);
    const model = HashedPerceptron.deserialize(readFileSync(binPath));
    if (model.classes !== meta.classes.length) throw new Error(`${binPath}: class count ${model.classes} does not match ${metaPath}`);
    const rtl = rtlPath ? HashedPerceptron.deserialize(readFileSync(rtlPath)) : null;
    if (rtl && rtl.classes !== meta.classes.length) throw new Error(`${rtlPath}: class count ${rtl.classes} does not match ${metaPath}`);
    return new TaggerModel(meta, model, rtl);
  }

  /**
   * Tags one sentence; returns class indices. With a right-to-left model, a word the left-to-right
   * model is unsure of takes the class with the best mean of the two directions' scores: each
   * direction sees predicted tags on one side only, and their errors differ.
   */
  tag(forms: readonly string[], out = new Int32Array(forms.length)): Int32Array {
    const n = forms.length;
    const C = this.meta.classes.length;
    if (this.verbLoss.length < n) {
      this.verbLoss = new Float64Array(n * 2);
      this.verbClass = new Int32Array(n * 2);
      this.top = new Float64Array(n * 2);
      this.lead = new Float64Array(n * 2);
    }
    if (this.rows.length < n * C) {
      this.rows = new Float32Array(n * C * 2);
    }
    this.atoms.prepare(forms, this.ambiguity);
    if (this.rtl) this.atomsRtl.reverseOf(this.atoms);
    this.decide(n, out, -1);
    const slot = this.headlineVerbSlot(forms, out);
    if (slot >= 0) this.decide(n, out, slot);
    this.clauseOpeners(forms, out);
    return out;
  }

  /**
   * "after the new USA leader fired ...": a temporal preposition followed by one noun phrase and a finite
   * verb opens a clause (SCONJ), which a greedy tagger cannot see from the preposition (EWT dev UPOS
   * 95.06 -> 95.08: 4 words change, all to the gold tag; train and GUM dev unchanged at two decimals);
   * so does "for" + noun phrase + "to" + verb (on EWT dev 4 of 5 changes right, train 22 of 28, GUM dev
   * 14 of 16; "with" + noun phrase + -ing and "as" + clause were wrong more often than right on train).
   * The parse then gives the clause its subject.
   */
  private clauseOpeners(forms: readonly string[], out: Int32Array): void {
    if (this.sconj < 0) return;
    const n = forms.length;
    const up = this.upos;
    const xp = this.xpos;
    for (let i = 0; i + 2 < n; i++) {
      if (up[out[i]] !== "ADP") continue;
      const w = forms[i].toLowerCase();
      const forTo = w === "for";
      if (!forTo && !CLAUSE_OPENERS.has(w)) continue;
      let k = i + 1;
      if (xp[out[k]] === "DT" || xp[out[k]] === "PRP$") k++;
      while (k < n && (up[out[k]] === "ADJ" || up[out[k]] === "NUM")) k++;
      let heads = 0;
      while (k < n && (up[out[k]] === "NOUN" || up[out[k]] === "PROPN")) {
        heads++;
        // a plural noun ends the phrase ("before the elections Pakistan closed ...")
        if (xp[out[k++]] === "NNS") break;
      }
      if (heads === 0 || k >= n) continue;
      // "for investors to make a profit": the subject of an infinitive ("for years to come" is an idiom)
      if (forTo) {
        if (xp[out[k]] === "TO" && k + 1 < n && xp[out[k + 1]] === "VB" && forms[k + 1].toLowerCase() !== "come") out[i] = this.sconj;
      } else if (FINITE_XPOS.has(xp[out[k]])) out[i] = this.sconj;
      else if (xp[out[k]] === "VBN" && this.pastVerb >= 0 && k + 1 < n && OBJECT_START.has(xp[out[k + 1]])) {
        // "after the leader fired missiles": a participle with an object is the clause's past tense
        out[i] = this.sconj;
        out[k] = this.pastVerb;
      }
    }
  }

  /** Runs the model(s) and fills `out` and the per-word verb losses; `forced` >= 0 gives that word its best finite-verb class. */
  private decide(n: number, out: Int32Array, forced: number): void {
    const C = this.meta.classes.length;
    const rows = this.rows;
    const verb = forced >= 0 ? this.verbClass[forced] : -1;
    this.run(this.model, this.atoms, n, out, forced, verb, rows);
    if (this.rtl) this.rightToLeft(n, out, forced);
    for (let i = 0; i < n; i++) {
      const o = i * C;
      let v = this.finite[0];
      for (const c of this.finite) if (rows[o + c] > rows[o + v]) v = c;
      this.verbClass[i] = v;
      this.verbLoss[i] = this.top[i] - rows[o + v];
      if (i === forced) out[i] = v;
    }
  }

  /**
   * For a sentence tagged without a clause verb (finite, modal, past participle or imperative), the word that
   * should be its finite verb, or -1. Candidates are lower-case words after a noun and before the
   * sentence's last word, whose verb tag scored at most HEADLINE_VERB_MAX_LOSS below the tag chosen.
   * Words the training data saw as verbs come first; then plural nouns never seen as verbs but
   * standing after a name ("Trump fires"), and words never seen at all ("vetoes", "seize").
   * Within a rank the least costly word wins.
   */
  headlineVerbSlot(forms: readonly string[], tags: Int32Array): number {
    let n = forms.length;
    while (n > 0 && !/[\p{L}\p{N}]/u.test(forms[n - 1])) n--;
    if (n < 3 || forms[forms.length - 1] === "?") return -1;
    for (let i = 0; i < n; i++) {
      if (this.clauseVerb[tags[i]]) return -1;
      // a bare verb is an imperative ("Come visit ...") unless an infinitive ("to condemn")
      if (this.xpos[tags[i]] === "VB" && (i === 0 || forms[i - 1].toLowerCase() !== "to")) return -1;
    }
    let best = -1;
    let bestRank = 3;
    for (let i = 1; i < n - 1; i++) {
      const loss = this.verbLoss[i];
      if (loss > HEADLINE_VERB_MAX_LOSS || !this.nominal[tags[i - 1]] || this.xpos[tags[i]] === "VBG" || !/^[a-z]+$/.test(forms[i])) continue;
      const seen = this.meta.ambiguity[normWord(forms[i])];
      const rank = seen === undefined ? 2 : seen.includes("VERB") ? 1 : seen.includes("NNS") && /^\p{Lu}/u.test(forms[i - 1]) ? 2 : 3;
      if (rank === 3) continue;
      if (rank < bestRank || (rank === bestRank && loss < this.verbLoss[best])) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  /**
   * The right-to-left model's second opinion on the words where the left-to-right one was unsure
   * (best score less than `rtlGate` above the second): right to left, each such word conditioned on the
   * final tags of the two words after it, takes the class with the best mean of the two directions' scores.
   */
  private rightToLeft(n: number, out: Int32Array, forced: number): void {
    const model = this.rtl!;
    const C = model.classes;
    const rows = this.rows;
    const scores = this.scores;
    const unit = 1 / model.scale;
    const gate = this.rtlGate;
    for (let j = 0; j < n; j++) {
      const i = n - 1 - j;
      if (i === forced) continue;
      const o = i * C;
      if (this.lead[i] >= gate) continue;
      const p1 = i + 1 < n ? out[i + 1] : -1;
      const p2 = i + 2 < n ? out[i + 2] : i + 1 < n ? -1 : -2;
      const k = taggerFeatures(this.atomsRtl, j, p1, p2, this.feats, this.ext);
      model.score(this.feats, k, scores);
      let top = 0;
      for (let c = 0; c < C; c++) {
        // the mean keeps scores, and so HEADLINE_VERB_MAX_LOSS, in one model's units
        rows[o + c] = 0.5 * (rows[o + c] + scores[c] * unit);
        if (rows[o + c] > rows[o + top]) top = c;
      }
      out[i] = top;
      this.top[i] = rows[o + top];
    }
  }

  /**
   * One greedy pass over `atoms` (a sentence, or its reverse for the right-to-left model), each
   * word's tag conditioned on the two before it; `rows` receives every word's class scores in weight units.
   * The word at `forced` (if >= 0) takes class `forcedClass`.
   */
  private run(model: HashedPerceptron, atoms: TokenAtoms, n: number, out: Int32Array, forced: number, forcedClass: number, rows: Float32Array): Int32Array {
    const C = model.classes;
    const scores = this.scores;
    const unit = 1 / model.scale;
    let p1 = -1;
    let p2 = -2;
    for (let i = 0; i < n; i++) {
      const k = taggerFeatures(atoms, i, p1, p2, this.feats, this.ext);
      model.score(this.feats, k, scores);
      const o = i * C;
      let best = 0;
      let second = -Infinity;
      for (let c = 0; c < C; c++) {
        rows[o + c] = scores[c] * unit;
        const x = rows[o + c];
        if (x > rows[o + best]) {
          second = rows[o + best];
          best = c;
        } else if (c > 0 && x > second) second = x;
      }
      this.top[i] = rows[o + best];
      this.lead[i] = rows[o + best] - second;
      if (i === forced) best = forcedClass;
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
    return out;
  }
}

export function ambiguityMap(amb: Record<string, string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [w, c] of Object.entries(amb)) m.set(w, strHash(c));
  return m;
}
