// Overview: totals, date range, top actors and dyads, event-type and quad-class mix.

import { api } from "../api.js";
import { h, route, section, table, fmtNumber, scoreBadge, actorLink, QUADS } from "../dom.js";

function stat(label, value, href) {
  const body = h("div", { class: "stat-value" }, fmtNumber(value));
  return h("div", { class: "stat" }, href ? h("a", { href }, body) : body, h("div", {}, label));
}

function barRows(items, labelOf, valueOf, colourOf, hrefOf) {
  const max = Math.max(1, ...items.map(valueOf));
  return h(
    "div",
    { class: "hbars" },
    items.map((it) =>
      h(
        "div",
        { class: "hbar" },
        hrefOf ? h("a", { href: hrefOf(it), class: "hbar-label" }, labelOf(it))
          : h("span", { class: "hbar-label" }, labelOf(it)),
        h(
          "span",
          { class: "hbar-track" },
          h("span", {
            class: "hbar-fill",
            style: { width: `${(100 * valueOf(it)) / max}%`, background: colourOf(it) },
          }),
        ),
        h("span", { class: "hbar-value" }, fmtNumber(valueOf(it))),
      ),
    ),
  );
}

export async function renderOverview(root) {
  const sm = await api("summary");
  root.append(
    h("h1", {}, "Overview"),
    h(
      "p",
      { class: "muted" },
      sm.first_date ? `Events dated ${sm.first_date} to ${sm.last_date}.` : "No dated events yet.",
    ),
    h(
      "div",
      { class: "stats" },
      stat("documents", sm.documents),
      stat("events", sm.events, route("events")),
      stat("actors", sm.actors),
      stat("quotes", sm.quotes),
      stat("rejected documents", sm.rejected),
    ),
  );
  const grid = h("div", { class: "two-col" });
  const actors = sm.top_actors || [];
  grid.append(
    section(
      "Top actors",
      actors.length
        ? table(
            ["Actor", "Country", "Events"],
            actors.map((a) =>
              h(
                "tr",
                {},
                h("td", {}, actorLink(a)),
                h("td", {}, a.country || "–"),
                h("td", { class: "num" }, fmtNumber(a.events)),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No actors."),
    ),
    section(
      "Top dyads",
      (sm.top_dyads || []).length
        ? table(
            ["Source", "Target", "Events", "Mean score", ""],
            sm.top_dyads.map((d) =>
              h(
                "tr",
                {},
                h("td", {}, actorLink({ actor_id: d.source, name: d.source_name })),
                h("td", {}, actorLink({ actor_id: d.target, name: d.target_name })),
                h(
                  "td",
                  { class: "num" },
                  h("a", { href: route("events", null, { source: d.source, target: d.target }) },
                    fmtNumber(d.events)),
                ),
                h("td", {}, scoreBadge(d.mean_score)),
                h("td", {}, h("a", {
                  href: route("timeline", null, { source: d.source, target: d.target }),
                }, "timeline")),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No dyads."),
    ),
    section(
      "Event types",
      barRows(
        sm.event_types || [],
        (t) => t.event_type,
        (t) => t.events,
        () => "#24527a",
        (t) => route("events", null, { type: t.event_type }),
      ),
    ),
    section(
      "Quad classes",
      barRows(
        QUADS.filter((q) => sm.quad_counts && sm.quad_counts[q.id] !== undefined),
        (q) => q.name,
        (q) => Number(sm.quad_counts[q.id] || 0),
        (q) => q.colour,
        null,
      ),
    ),
  );
  root.append(grid);
}
