/**
 * Arc-eager transition system (Nivre 2003) over words 1..n with an artificial
 * root 0 at the bottom of the stack, and the dynamic oracle of Goldberg &
 * Nivre (2012): the cost of a transition is the number of gold arcs it makes
 * unreachable. All state lives in typed arrays reused across sentences.
 */
export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
export const N_ACTIONS = 4;

export class ParseState {
  n = 0;
  stack = new Int32Array(0);
  sp = 0;
  /** Front of the buffer (words b0..n are in the buffer); b0 > n means empty. */
  b0 = 1;
  head = new Int32Array(0);
  label = new Int32Array(0);
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  nLeft = new Int32Array(0);
  nRight = new Int32Array(0);
  /** Label sets of left/right dependents as 2 x 32-bit masks each. */
  lmask0 = new Int32Array(0);
  lmask1 = new Int32Array(0);
  rmask0 = new Int32Array(0);
  rmask1 = new Int32Array(0);
  inStack = new Uint8Array(0);
  rootChildren = 0;
  /**
   * Root placement: false = artificial root 0 at the bottom of the stack;
   * true = root token at the END of the buffer (index n + 1, Ballesteros &
   * Nivre 2013), so the root word is chosen last, by a LEFT-ARC from it.
   */
  rootEnd = false;
  /** Index of the root token (0, or n + 1 when rootEnd). */
  root = 0;

  reset(words: number, rootEnd = false): void {
    this.rootEnd = rootEnd;
    const n = rootEnd ? words + 1 : words;
    this.root = rootEnd ? n : 0;
    const cap = n + 2;
    if (this.head.length < cap) {
      const c = cap * 2;
      this.stack = new Int32Array(c);
      this.head = new Int32Array(c);
      this.label = new Int32Array(c);
      this.lc1 = new Int32Array(c);
      this.lc2 = new Int32Array(c);
      this.rc1 = new Int32Array(c);
      this.rc2 = new Int32Array(c);
      this.nLeft = new Int32Array(c);
      this.nRight = new Int32Array(c);
      this.lmask0 = new Int32Array(c);
      this.lmask1 = new Int32Array(c);
      this.rmask0 = new Int32Array(c);
      this.rmask1 = new Int32Array(c);
      this.inStack = new Uint8Array(c);
    }
    this.n = n;
    for (let i = 0; i <= n + 1; i++) {
      this.head[i] = -1;
      this.label[i] = -1;
      this.lc1[i] = -1;
      this.lc2[i] = -1;
      this.rc1[i] = -1;
      this.rc2[i] = -1;
      this.nLeft[i] = 0;
      this.nRight[i] = 0;
      this.lmask0[i] = 0;
      this.lmask1[i] = 0;
      this.rmask0[i] = 0;
      this.rmask1[i] = 0;
      this.inStack[i] = 0;
    }
    this.sp = 0;
    if (!rootEnd) {
      this.stack[this.sp++] = 0;
      this.inStack[0] = 1;
    }
    this.b0 = 1;
    this.rootChildren = 0;
  }

  /**
   * Makes this state a copy of o (a beam item branching from its parent),
   * reusing this state's arrays. Transitions only write at indices <= b0, so
   * past both states' b0 every array holds its reset value: between states
   * of the same length only 0..max(b0) is copied.
   */
  copyFrom(o: ParseState): void {
    if (this.head.length < o.n + 2) this.reset(o.n, o.rootEnd);
    const m = this.n === o.n ? Math.min(Math.max(o.b0, this.b0) + 1, o.n + 2) : o.n + 2;
    this.rootEnd = o.rootEnd;
    this.root = o.root;
    this.n = o.n;
    this.sp = o.sp;
    this.b0 = o.b0;
    this.rootChildren = o.rootChildren;
    for (let i = 0; i < o.sp; i++) this.stack[i] = o.stack[i];
    for (let i = 0; i < m; i++) {
      this.head[i] = o.head[i];
      this.label[i] = o.label[i];
      this.lc1[i] = o.lc1[i];
      this.lc2[i] = o.lc2[i];
      this.rc1[i] = o.rc1[i];
      this.rc2[i] = o.rc2[i];
      this.nLeft[i] = o.nLeft[i];
      this.nRight[i] = o.nRight[i];
      this.lmask0[i] = o.lmask0[i];
      this.lmask1[i] = o.lmask1[i];
      this.rmask0[i] = o.rmask0[i];
      this.rmask1[i] = o.rmask1[i];
      this.inStack[i] = o.inStack[i];
    }
  }

  get done(): boolean {
    return this.rootEnd ? this.b0 === this.n && this.sp === 0 : this.b0 > this.n;
  }

  s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1] : -1;
  }
  s1(): number {
    return this.sp > 1 ? this.stack[this.sp - 2] : -1;
  }

  valid(a: number): boolean {
    const s0 = this.s0();
    if (this.rootEnd) {
      switch (a) {
        case SHIFT:
          return this.b0 < this.n;
        case REDUCE:
          return s0 > 0 && this.head[s0] >= 0;
        case LEFT:
          return s0 > 0 && this.head[s0] < 0;
        case RIGHT:
          return s0 > 0 && this.b0 < this.n;
      }
      return false;
    }
    switch (a) {
      case SHIFT:
        return this.b0 <= this.n;
      case REDUCE:
        return s0 > 0 && this.head[s0] >= 0;
      case LEFT:
        return s0 > 0 && this.head[s0] < 0 && this.b0 <= this.n;
      case RIGHT:
        return s0 >= 0 && this.b0 <= this.n && (s0 !== 0 || this.rootChildren === 0);
    }
    return false;
  }

  private addArc(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    const bit = l & 31;
    if (d < h) {
      if (this.lc1[h] < 0 || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] < 0 || d < this.lc2[h]) this.lc2[h] = d;
      this.nLeft[h]++;
      if (l < 32) this.lmask0[h] |= 1 << bit;
      else this.lmask1[h] |= 1 << bit;
    } else {
      if (d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (d > this.rc2[h]) this.rc2[h] = d;
      this.nRight[h]++;
      if (l < 32) this.rmask0[h] |= 1 << bit;
      else this.rmask1[h] |= 1 << bit;
    }
    if (h === this.root) this.rootChildren++;
  }

  apply(a: number, l: number): void {
    switch (a) {
      case SHIFT:
        this.stack[this.sp++] = this.b0;
        this.inStack[this.b0] = 1;
        this.b0++;
        return;
      case REDUCE: {
        const s = this.stack[--this.sp];
        this.inStack[s] = 0;
        return;
      }
      case LEFT: {
        const s = this.stack[--this.sp];
        this.inStack[s] = 0;
        this.addArc(this.b0, s, l);
        return;
      }
      case RIGHT:
        this.addArc(this.stack[this.sp - 1], this.b0, l);
        this.stack[this.sp++] = this.b0;
        this.inStack[this.b0] = 1;
        this.b0++;
        return;
    }
  }

  /** Dynamic-oracle cost of action a given gold heads gh (1-based words, gh[d] = head). */
  cost(a: number, gh: Int32Array): number {
    const s0 = this.s0();
    const b = this.b0;
    const n = this.n;
    let c = 0;
    switch (a) {
      case SHIFT: {
        if (gh[b] >= 0 && this.inStack[gh[b]]) c++;
        for (let i = this.rootEnd ? 0 : 1; i < this.sp; i++) {
          const k = this.stack[i];
          if (this.head[k] < 0 && gh[k] === b) c++;
        }
        return c;
      }
      case REDUCE: {
        for (let k = b; k <= n; k++) if (gh[k] === s0) c++;
        return c;
      }
      case LEFT: {
        if (gh[s0] > b) c++;
        for (let k = b; k <= n; k++) if (gh[k] === s0) c++;
        return c;
      }
      case RIGHT: {
        const g = gh[b];
        if (g !== s0 && (g > b || (g >= 0 && this.inStack[g]))) c++;
        for (let i = this.rootEnd ? 0 : 1; i < this.sp; i++) {
          const k = this.stack[i];
          if (this.head[k] < 0 && gh[k] === b) c++;
        }
        return c;
      }
    }
    return 1 << 20;
  }
}
