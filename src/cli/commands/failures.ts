import { queryFailures } from "../../api/queries.js";
import { queryCommand } from "./query.js";

export default queryCommand({
  name: "failures",
  summary: "list inputs that could not be processed, and why",
  description: "Lists recorded failures and warnings: the input, the reason, how often it was met and when.",
  filters: [{ flag: "search", help: "words in the input name or the reason" }],
  tableColumns: ["input", "reason", "severity", "seen", "last_at"],
  query: queryFailures,
});
