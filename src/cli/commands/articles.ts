import { queryArticles } from "../../api/queries.js";
import { queryCommand } from "./query.js";

export default queryCommand({
  name: "articles",
  summary: "list stored articles with their event and quote counts",
  description: "Lists stored articles.",
  filters: [
    { flag: "actor", help: "articles naming an entity with this CAMEO actor code prefix" },
    { flag: "from", help: "published on or after this date (YYYY-MM-DD)" },
    { flag: "to", help: "published on or before this date (YYYY-MM-DD)" },
    { flag: "search", help: "words in the title or text" },
  ],
  tableColumns: ["id", "published", "title", "events", "quotes", "urls", "duplicate_of", "story", "status"],
  query: queryArticles,
});
