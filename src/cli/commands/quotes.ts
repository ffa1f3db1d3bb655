import { queryQuotes } from "../../api/queries.js";
import { queryCommand } from "./query.js";

export default queryCommand({
  name: "quotes",
  summary: "list stored quotes with their speakers",
  description: "Lists stored quotes (direct and indirect) with speaker, cue and offsets into the article text.",
  filters: [
    { flag: "speaker", help: "words of the speaker's name (Lavrov)" },
    { flag: "actor", help: "speaker's CAMEO actor code prefix (RUSGOV)" },
    { flag: "from", help: "articles published on or after this date (YYYY-MM-DD)" },
    { flag: "to", help: "articles published on or before this date (YYYY-MM-DD)" },
    { flag: "search", help: "words in the quote" },
    { flag: "include-copies", help: "also list near-duplicate copies of an article (by default counted once, in the copies column)" },
  ],
  tableColumns: ["date", "speaker", "speaker_actor", "cue", "direct", "text"],
  query: queryQuotes,
});
