/**
 * The page `eventwire serve` shows at /: find events and quotes, and click
 * one to read it highlighted in its article, so every fact is checked
 * against the exact characters it came from. Plain HTML and script, no
 * build step; it only calls the JSON API beside it.
 */
export const BROWSER_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>eventwire</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
  header { padding: 10px 16px; background: #14213d; color: #fff; display: flex; gap: 16px; align-items: baseline; }
  header h1 { font-size: 18px; margin: 0; }
  header span { opacity: .8; }
  form { display: flex; flex-wrap: wrap; gap: 8px; padding: 10px 16px; background: #f1f3f6; border-bottom: 1px solid #d8dbe0; }
  form label { display: flex; flex-direction: column; font-size: 12px; color: #555; }
  form input, form select { font: inherit; padding: 3px 6px; }
  form button { align-self: end; font: inherit; padding: 4px 14px; }
  main { display: grid; grid-template-columns: minmax(420px, 1fr) minmax(360px, 1fr); height: calc(100vh - 112px); }
  #list { overflow: auto; border-right: 1px solid #d8dbe0; }
  #reader { overflow: auto; padding: 12px 20px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eceef1; vertical-align: top; }
  th { position: sticky; top: 0; background: #fff; font-size: 12px; color: #555; }
  tbody tr { cursor: pointer; }
  tbody tr:hover, tbody tr.on { background: #eef4ff; }
  .code { font-family: ui-monospace, monospace; }
  .muted { color: #777; }
  #reader h2 { font-size: 17px; margin: 4px 0; }
  #text { white-space: pre-wrap; font-size: 15px; line-height: 1.6; }
  mark { background: #ffe27a; padding: 1px 0; }
  mark.actor { background: #bfe3ff; }
  .tabs button { font: inherit; padding: 4px 12px; border: 1px solid #ccd; background: #fff; cursor: pointer; }
  .tabs button.on { background: #14213d; color: #fff; }
</style>
</head>
<body>
<header><h1>eventwire</h1><span id="counts"></span></header>
<form id="filters">
  <div class="tabs"><button type="button" data-kind="events" class="on">Events</button><button type="button" data-kind="quotes">Quotes</button></div>
  <label>Actor or speaker<input name="actor" placeholder="RUS, Lavrov"></label>
  <label>CAMEO code<input name="code" size="5" placeholder="12"></label>
  <label>From<input name="from" type="date"></label>
  <label>To<input name="to" type="date"></label>
  <label>Words<input name="search"></label>
  <label>Modality<select name="modality"><option value="">asserted</option><option value="all">all</option>
    <option>negated</option><option>hypothetical</option><option>counterfactual</option><option>future</option><option>alleged</option></select></label>
  <button>Search</button>
</form>
<main><section id="list"></section><section id="reader"><p class="muted">Click an event or a quote to read it in its article.</p></section></main>
<script>
const $ = (s) => document.querySelector(s);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
let kind = "events";

async function getJson(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function query() {
  const f = new FormData($("#filters"));
  const q = new URLSearchParams();
  const actor = f.get("actor").trim();
  if (actor) q.set(kind === "quotes" && !/^[A-Z-]{3,}$/.test(actor) ? "speaker" : "actor", actor);
  for (const k of ["from", "to", "search"]) if (f.get(k)) q.set(k, f.get(k));
  if (kind === "events" && f.get("code")) q.set("code", f.get("code"));
  if (kind === "events" && f.get("modality")) q.set("modality", f.get("modality"));
  q.set("limit", "500");
  return q;
}

async function search() {
  const list = $("#list");
  list.innerHTML = '<p class="muted" style="padding:12px">Searching…</p>';
  try {
    const rows = await getJson("/" + kind + "?" + query());
    if (!rows.length) { list.innerHTML = '<p class="muted" style="padding:12px">Nothing found.</p>'; return; }
    const head = kind === "events"
      ? "<tr><th>Date</th><th>Who</th><th>Did what</th><th>To whom</th></tr>"
      : "<tr><th>Date</th><th>Speaker</th><th>Cue</th><th>Quote</th></tr>";
    const body = rows.map((r, i) => kind === "events"
      ? "<tr data-i=" + i + "><td>" + esc(r.date) + "</td><td>" + esc(r.source_text) + ' <span class="code muted">' + esc(r.source_actor) + "</span></td><td>" +
        esc(r.name) + ' <span class="code muted">' + esc(r.code) + (r.modality !== "asserted" ? " · " + esc(r.modality) : "") + "</span></td><td>" +
        esc(r.target_text) + ' <span class="code muted">' + esc(r.target_actor) + "</span></td></tr>"
      : "<tr data-i=" + i + "><td>" + esc(r.date) + "</td><td>" + esc(r.speaker || "(unattributed)") + ' <span class="code muted">' + esc(r.speaker_actor) + "</span></td><td>" +
        esc(r.cue) + "</td><td>" + esc(r.text.length > 160 ? r.text.slice(0, 159) + "…" : r.text) + "</td></tr>").join("");
    list.innerHTML = "<table><thead>" + head + "</thead><tbody>" + body + "</tbody></table>";
    list.querySelectorAll("tbody tr").forEach((tr) => tr.addEventListener("click", () => {
      list.querySelectorAll("tr.on").forEach((x) => x.classList.remove("on"));
      tr.classList.add("on");
      const r = rows[Number(tr.dataset.i)];
      kind === "events" ? read(r.article_id, [[r.evidence_start, r.evidence_end, ""]]) : read(r.article_id, [[r.start, r.end, ""]]);
    }));
  } catch (e) {
    list.innerHTML = '<p style="padding:12px;color:#b00">' + esc(e.message) + "</p>";
  }
}

/** Shows an article with the given [start, end) spans marked: offsets are string indices into its text. */
async function read(id, spans) {
  const a = await getJson("/article?id=" + encodeURIComponent(id));
  const text = a.text;
  let html = "";
  let at = 0;
  for (const [s, e] of spans.slice().sort((x, y) => x[0] - y[0])) {
    if (s < at) continue;
    html += esc(text.slice(at, s)) + '<mark id="hit">' + esc(text.slice(s, e)) + "</mark>";
    at = e;
  }
  html += esc(text.slice(at));
  $("#reader").innerHTML = "<h2>" + esc(a.title || "(untitled)") + '</h2><p class="muted">' + esc(a.published || "") + " " +
    (a.url ? '<a href="' + esc(a.url) + '" rel="noreferrer">' + esc(a.url) + "</a>" : esc(a.source || "")) +
    " · characters " + spans.map((s) => s[0] + "–" + s[1]).join(", ") + '</p><div id="text">' + html + "</div>";
  const hit = document.getElementById("hit");
  if (hit) hit.scrollIntoView({ block: "center" });
}

document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => {
  document.querySelectorAll(".tabs button").forEach((x) => x.classList.toggle("on", x === b));
  kind = b.dataset.kind;
  search();
}));
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); search(); });
getJson("/counts").then((c) => { $("#counts").textContent = c.articles + " articles · " + c.events + " events · " + c.quotes + " quotes"; });
search();
</script>
</body>
</html>
`;
