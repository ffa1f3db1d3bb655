/** Boundary kinds after a token: a rule boundary (punctuation) or a hard one (line break, dateline). */
export const SOFT = 1;
export const HARD = 2;
