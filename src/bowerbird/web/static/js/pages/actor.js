// Actor page: identity and offices, event counts, counterparts, timeline, latest quotes,
// and stances by issue.

import { api, idPath } from "../api.js";
import { h, route, section, table, fmtNumber, fmtScore, scoreBadge, actorLink } from "../dom.js";
import { stackedBars, scoreLine, quadLegend } from "../charts.js";

function facts(actor) {
  const rows = [
    ["Id", actor.actor_id],
    ["Kind", actor.kind],
    ["Country", actor.country],
    ["Sector", actor.sector],
    ["Events", actor.events !== undefined ? fmtNumber(actor.events) : null],
    ["Mentions", actor.mentions !== undefined ? fmtNumber(actor.mentions) : null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== "");
  return h("dl", { class: "facts" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function stancesSection(profile) {
  // The profile's stances, one row per issue: counts per position and the latest evidence.
  const issues = profile.stances || [];
  if (!issues.length) return section("Stances", h("p", { class: "muted" }, "No stances recorded."));
  const rows = issues.map((e) => {
    const latest = e.latest || {};
    return h("tr", {},
      h("td", {}, String(e.issue || "–").replace(/_/g, " ")),
      h("td", { class: "num" }, fmtNumber(e.support || 0)),
      h("td", { class: "num" }, fmtNumber(e.oppose || 0)),
      h("td", { class: "num" }, fmtNumber(e.neutral || 0)),
      h("td", {},
        h("strong", {}, latest.position || "–"),
        latest.target_country ? ` (on ${latest.target_country})` : null,
        latest.date ? h("span", { class: "muted" }, " " + latest.date) : null,
        h("blockquote", {}, latest.text || ""),
        latest.doc_id ? h("a", { href: route("doc", latest.doc_id) }, "source") : null));
  });
  return section("Stances",
    table(["Issue", "Support", "Oppose", "Neutral", "Latest"], rows, { class: "grid stances" }));
}

export async function renderActor(root, { id }) {
  const p = await api("actors/" + idPath(id));
  const a = p.actor || { actor_id: id };
  root.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/network" }, "Network"), " / ", a.actor_id),
    h("h1", {}, a.name || a.actor_id),
    h("p", {},
      h("a", { href: route("events", null, { actor: a.actor_id }), class: "button secondary" }, "All events"),
      " ",
      h("a", { href: route("timeline", null, { actor: a.actor_id }), class: "button secondary" }, "Timeline page"),
      " ",
      h("a", { href: route("network", null, { actor: a.actor_id }), class: "button secondary" }, "Network")),
  );
  const offices = p.offices || [];
  const counts = p.event_counts || [];
  root.append(h("div", { class: "two-col" },
    section("Identity", facts(a),
      offices.length ? [h("h3", {}, "Offices"), table(["Office", "Organisation", "Country", "From", "To"],
        offices.map((o) => h("tr", {}, h("td", {}, String(o.office || "–").replace(/_/g, " ")), h("td", {}, o.org_name || o.org || "–"), h("td", {}, o.country || "–"),
          h("td", {}, o.start || "–"), h("td", {}, o.end || (o.start ? "incumbent" : "–")))))] : null),
    section("Events by type", counts.length
      ? table(["Type", "As source", "As target"], counts.map((c) => h("tr", {},
          h("td", {}, h("a", { href: route("events", null, { actor: a.actor_id, type: c.event_type }) }, c.event_type)),
          h("td", { class: "num" }, fmtNumber(c.as_source)), h("td", { class: "num" }, fmtNumber(c.as_target)))))
      : h("p", { class: "muted" }, "No events.")),
  ));
  const cps = p.counterparts || [];
  root.append(section("Counterparts", cps.length
    ? table(["Actor", "Events", "Mean score", ""], cps.map((c) => h("tr", {},
        h("td", {}, actorLink(c)), h("td", { class: "num" }, fmtNumber(c.events)),
        h("td", {}, scoreBadge(c.mean_score)),
        h("td", {}, h("a", { href: route("timeline", null, { source: a.actor_id, target: c.actor_id, symmetric: "true" }) }, "dyad timeline")))))
    : h("p", { class: "muted" }, "No counterparts.")));
  // The monthly series (gaps filled, stacked by quad class); the profile's own timeline
  // is the fallback.
  const series = await api("series", { actor: a.actor_id, interval: "month" }).catch(() => null);
  const tl = series && series.points && series.points.length
    ? series.points
    : (p.timeline || []).map((x) => ({ ...x, quad: { 0: x.count } }));
  if (tl.length) {
    const total = tl.reduce((s, x) => s + (x.score_sum || 0), 0);
    root.append(section("Timeline",
      h("p", { class: "muted" }, `Events per month by quad class; summed score ${fmtScore(total)}. `,
        h("a", { href: route("timeline", null, { actor: a.actor_id }) }, "open in Timeline")),
      quadLegend(),
      stackedBars(tl, { height: 180 }),
      scoreLine(tl, { height: 140 })));
  }
  const quotes = p.latest_quotes || [];
  root.append(section("Latest quotes", quotes.length
    ? h("ul", { class: "quotes" }, quotes.map((q) => h("li", {},
        h("blockquote", {}, q.text),
        h("div", { class: "muted" }, [q.date, q.cue ? `(${q.cue})` : null].filter(Boolean).join(" "), " ",
          q.doc_id ? h("a", { href: route("doc", q.doc_id) }, "source") : null))))
    : h("p", { class: "muted" }, "No quotes.")));
  root.append(stancesSection(p));
}
