import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LEXICON_DIR } from "./lexicon.js";

/** One CAMEO event code with the values eventwire attaches (docs/CONVENTIONS.md). */
export interface CameoCode {
  code: string;
  root: string;
  name: string;
  quadClass: number;
  goldstein: number | null;
  plover: string | null;
  ploverMode: string | null;
}

/** lexicons/cameo/codes.tsv, looked up by longest known prefix (e.g. 075A -> 075). */
export class Codebook {
  private byCode = new Map<string, CameoCode>();

  constructor(path = join(LEXICON_DIR, "cameo", "codes.tsv")) {
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const f = line.split("\t");
      this.byCode.set(f[0], {
        code: f[0],
        root: f[1],
        name: f[2],
        quadClass: Number(f[3]),
        goldstein: f[4] === "" ? null : Number(f[4]),
        plover: f[5] || null,
        ploverMode: f[6] || null,
      });
    }
  }

  /** Exact entry, or the entry of the longest prefix (with the asked code kept). */
  get(code: string): CameoCode | null {
    const exact = this.byCode.get(code);
    if (exact) return exact;
    for (let n = code.length - 1; n >= 2; n--) {
      const p = this.byCode.get(code.slice(0, n));
      if (p) return { ...p, code };
    }
    return null;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }
}
