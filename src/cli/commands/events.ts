import { queryEvents } from "../../api/queries.js";
import { MODALITIES } from "../../model/index.js";
import { queryCommand } from "./query.js";

export default queryCommand({
  name: "events",
  summary: "list stored events: who did what to whom, with evidence",
  description: "Lists stored events with their evidence sentence. Only asserted events are listed unless --modality or --all-modalities says otherwise.",
  filters: [
    { flag: "actor", help: "CAMEO actor code prefix (RUS, USAGOV) or words of the actor's name, as source or target" },
    { flag: "code", help: "CAMEO event code prefix (12 = all disapproval, 129 = veto)" },
    { flag: "from", help: "events on or after this date (YYYY-MM-DD)" },
    { flag: "to", help: "events on or before this date (YYYY-MM-DD)" },
    { flag: "search", help: "words in the evidence sentence" },
    { flag: "modality", help: `comma-separated: ${MODALITIES.join(", ")} (default asserted)` },
    { flag: "all-modalities", help: "events of every modality" },
    { flag: "include-copies", help: "also list near-duplicate copies of an article (by default counted once, in the copies column)" },
  ],
  tableColumns: ["date", "source_actor", "source_text", "code", "name", "target_actor", "target_text", "modality", "copies", "evidence"],
  query: queryEvents,
});
