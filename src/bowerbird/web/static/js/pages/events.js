// Events: filter form, sortable table, cursor paging.  Filters and sort live in the hash
// (#/events?actor=USA&sort=date&order=desc) so a view can be bookmarked; the stack of
// cursors for "previous" lives in memory for the current filter.

import { api } from "../api.js";
import { h, route, query, fmtNumber, scoreBadge, actorLink, table } from "../dom.js";

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
const STATUSES = ["occurred", "planned", "hypothetical", "negated"];
const FILTERS = ["actor", "source", "target", "type", "status", "since", "until", "q"];
const SORTABLE = { date: "Date", type: "Type", source: "Source", score: "Score" };
const PAGE = 25;

// Cursor stack per filter string: going back needs the cursors of earlier pages.
const cursorStacks = new Map();

function field(label, input) {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

function select(name, values, current) {
  return h(
    "select",
    { name },
    h("option", { value: "" }, "any"),
    values.map((v) => h("option", { value: v, selected: v === current }, v)),
  );
}

function filterForm(params, actors) {
  const text = (name, placeholder, type = "text", list = null) =>
    h("input", { name, type, value: params.get(name) || "", placeholder, list });
  const form = h(
    "form",
    { class: "filters", id: "event-filters" },
    field("Actor", text("actor", "id, country or name", "text", "actor-ids")),
    field("Source", text("source", "actor id", "text", "actor-ids")),
    field("Target", text("target", "actor id", "text", "actor-ids")),
    field("Type", select("type", EVENT_TYPES, params.get("type"))),
    field("Status", select("status", STATUSES, params.get("status"))),
    field("Since", text("since", "YYYY-MM-DD", "date")),
    field("Until", text("until", "YYYY-MM-DD", "date")),
    field("Text", text("q", "words in the sentence")),
    h("div", { class: "buttons" },
      h("button", { type: "submit" }, "Apply"),
      h("a", { href: "#/events", class: "button secondary" }, "Reset")),
    h("datalist", { id: "actor-ids" },
      actors.map((a) => h("option", { value: a.actor_id }, `${a.name} (${a.events} events)`))),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const next = {};
    for (const k of FILTERS) next[k] = String(data.get(k) || "").trim();
    next.sort = params.get("sort");
    next.order = params.get("order");
    location.hash = route("events", null, next);
  });
  return form;
}

function sortHeader(key, params) {
  const cur = params.get("sort") || "date";
  const order = params.get("order") || "desc";
  const next = Object.fromEntries(params);
  delete next.cursor;
  next.sort = key;
  next.order = cur === key && order === "desc" ? "asc" : "desc";
  const arrow = cur === key ? (order === "desc" ? " ▼" : " ▲") : "";
  return h("th", { "aria-sort": cur === key ? (order === "desc" ? "descending" : "ascending") : null },
    h("a", { href: route("events", null, next), class: "sort", "data-sort": key },
      SORTABLE[key] + arrow));
}

export function eventRow(e) {
  const targets = e.targets && e.targets.length
    ? e.targets.map((t, i) => [i ? ", " : "", actorLink(t)]) : h("span", { class: "muted" }, "–");
  return h(
    "tr",
    { "data-event": e.event_id },
    h("td", { class: "nowrap" }, h("a", { href: route("event", e.event_id) }, e.date || "undated")),
    h("td", {}, h("a", { href: route("event", e.event_id), class: "etype" }, e.event_type),
      e.status && e.status !== "occurred" ? h("span", { class: "tag" }, e.status) : null),
    h("td", {}, actorLink(e.source)),
    h("td", {}, targets),
    h("td", {}, scoreBadge(e.score)),
    h("td", { class: "sentence" }, e.sentence || ""),
  );
}

export async function renderEvents(root, { params }) {
  const filters = {};
  for (const k of FILTERS) if (params.get(k)) filters[k] = params.get(k);
  const sort = params.get("sort") || "date";
  const order = params.get("order") || "desc";
  const key = query({ ...filters, sort, order });
  const stack = cursorStacks.get(key) || [];
  const cursor = params.get("cursor") || "";
  // Keep the stack consistent with the cursor we are asked for.
  const at = stack.indexOf(cursor);
  let trimmed;
  if (at >= 0) trimmed = stack.slice(0, at + 1);
  else if (!cursor) trimmed = [""];
  else trimmed = [...(stack.length ? stack : [""]), cursor];
  cursorStacks.clear();
  cursorStacks.set(key, trimmed);
  const pageNo = trimmed.length;

  const [res, actors] = await Promise.all([
    api("events", { ...filters, sort, order, limit: PAGE, cursor }),
    api("actors", { limit: 200 }).then((r) => r.items || []).catch(() => []),
  ]);
  const rows = res.items.map(eventRow);
  const prevCursor = pageNo > 1 ? trimmed[pageNo - 2] : null;
  const pager = h(
    "div",
    { class: "pager" },
    pageNo > 1
      ? h("a", { href: route("events", null, { ...filters, sort, order, cursor: prevCursor }),
          class: "button secondary", id: "prev-page" }, "← Previous")
      : null,
    h("span", { class: "muted" }, `Page ${pageNo}`),
    res.next_cursor
      ? h("a", { href: route("events", null, { ...filters, sort, order, cursor: res.next_cursor }),
          class: "button secondary", id: "next-page" }, "Next →")
      : null,
  );
  root.append(
    h("h1", {}, "Events"),
    filterForm(params, actors),
    h("p", { class: "count", id: "event-count" },
      `${fmtNumber(res.total)} event${res.total === 1 ? "" : "s"} match.`),
    rows.length
      ? table(
          [sortHeader("date", params), sortHeader("type", params), sortHeader("source", params),
            "Targets", sortHeader("score", params), "Evidence sentence"],
          rows,
          { class: "grid events", id: "events-table" },
        )
      : h("p", { class: "empty" }, "No events match these filters."),
    pager,
  );
}
