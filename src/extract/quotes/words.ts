/** Closed word classes the attribution rules use when no parse is available. */

export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"]);
export const PERSONAL = new Set(["he", "she", "him", "her"]);

/** Words that end a subject noun phrase when walking left from a cue. */
export const NP_STOP_LEFT = new Set([
  "that", "which", "who", "whom", "whose", "or", "but", "because", "if", "when", "while", "as", "since",
  "after", "before", "although", "though", "so", "where", "than", "then", "however", "whether", "what",
  "how", "why", "until", "unless", "once", "is", "are", "was", "were", "be", "been", "has", "have", "had",
  "will", "would", "could", "should", "may", "might", "must", "can", "did", "do", "does", "not", "to",
  "and", "nor", "yet", "says", "said", "for", "with", "in", "on", "at", "by", "from", "into", "about", "over",
  "during", "against", "without", "between", "among", "through", "under", "also", "even", "just", "only",
  "there", "here", "now", "still", "this", "these", "those", "it's", "if", "all", "both",
]);

/** Bare time words that end a clause's adjuncts, not its noun phrases ("the resolution Wednesday that ..."). */
export const TIME_WORDS = ["yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const TIME_WORD_SET = new Set(TIME_WORDS);
export const isTimeWord = (w: string): boolean => TIME_WORD_SET.has(w);

/** Auxiliaries and adverbs skipped between a subject and its cue ("has also said", "reportedly told"). */
export const AUX_ADV = new Set([
  "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "should", "may",
  "might", "must", "can", "did", "do", "does", "also", "previously", "later", "then", "reportedly", "repeatedly",
  "recently", "publicly", "privately", "often", "still", "even", "just", "not", "never", "already", "again",
  "further", "quickly", "flatly", "explicitly", "long", "first", "subsequently", "separately", "specifically",
  "initially", "frequently", "openly", "once", "clearly", "simply", "actually", "now", "originally", "always",
  "immediately", "too", "has't", "didn't", "doesn't", "don't", "hasn't", "haven't", "won't", "wouldn't",
  "n't", "not", "isn't", "wasn't", "aren't", "weren't", "can't", "couldn't", "personally", "generally", "largely", "broadly",
  "strongly", "firmly", "sharply", "angrily", "bluntly", "loudly", "quietly", "famously", "memorably", "last",
  "week", ...TIME_WORDS,
]);

/** Words before a cue word that show it is a noun ("the report", "his call"). */
export const DETERMINERS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "no",
  "any", "each", "every", "some", "whose", "which", "of", "'s", "’s", "such", "own", "new", "first", "second",
  "final", "public", "official", "written", "recent", "latest", "annual",
]);

/** Words that open an adjunct between a cue and its content ("said in a statement that"). */
export const PREPOSITIONS = new Set([
  "in", "on", "at", "through", "during", "via", "to", "with", "from", "after", "before", "last", "earlier",
  "later", "this", "on", "by", "for", "over", "while", "when", "outside", "inside", "about", "of", "under",
  ...TIME_WORDS,
]);

/** Verbs that take a person object before their content ("told reporters that"). */
export const OBJECT_FIRST = new Set(["tell", "inform", "assure", "reassure", "remind", "warn", "urge", "ask", "advise", "notify", "convince", "call on", "thank", "accuse", "blame", "promise", "charge", "praise", "criticize", "criticise"]);

/** Role nouns that make a description ("the spokesman") refer to a person. */
export const ROLE_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "president", "minister", "secretary", "official", "officials",
  "senator", "governor", "candidate", "nominee", "leader", "chairman", "chairwoman", "chair", "director",
  "ambassador", "envoy", "diplomat", "general", "commander", "mayor", "prime", "premier", "chancellor", "king",
  "queen", "prince", "aide", "adviser", "advisor", "lawyer", "attorney", "businessman", "businesswoman", "woman",
  "man", "congressman", "congresswoman", "representative", "lawmaker", "speaker", "head", "chief", "manager",
  "strategist", "source", "sources", "campaign", "administration", "government", "ministry", "department",
  "agency", "party", "company", "organization", "organisation", "group", "committee", "council", "court",
  "judge", "prosecutor", "analyst", "expert", "researcher", "professor", "economist", "pollster", "poll",
  "survey", "report", "study", "newspaper", "paper", "outlet", "network", "magazine", "billionaire", "mogul",
  "democrat", "republican", "host", "author", "writer", "reporter", "columnist", "officer", "police",
]);
