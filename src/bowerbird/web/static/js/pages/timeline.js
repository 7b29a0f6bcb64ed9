// Timeline: events per period for an actor or a dyad, stacked by quad class, and the
// summed cooperation–conflict score as a line.

import { api } from "../api.js";
import { h, route, section, fmtNumber, fmtScore, actorLink } from "../dom.js";
import { stackedBars, scoreLine, quadLegend } from "../charts.js";

const KEYS = ["actor", "source", "target", "symmetric", "interval", "since", "until"];

function controls(params, dyads) {
  const input = (name, placeholder, type = "text") =>
    h("label", { class: "field" }, h("span", {}, name[0].toUpperCase() + name.slice(1)),
      h("input", { name, type, value: params.get(name) || "", placeholder }));
  const interval = params.get("interval") || "month";
  const form = h(
    "form",
    { class: "filters", id: "timeline-form" },
    input("actor", "actor id (either side)"),
    input("source", "actor id"),
    input("target", "actor id"),
    h("label", { class: "field check" },
      h("input", { type: "checkbox", name: "symmetric", value: "true",
        checked: params.get("symmetric") === "true" }),
      h("span", {}, "both directions")),
    h("label", { class: "field" }, h("span", {}, "Interval"),
      h("select", { name: "interval" },
        ["day", "week", "month"].map((v) => h("option", { value: v, selected: v === interval }, v)))),
    input("since", "", "date"),
    input("until", "", "date"),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Show")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const next = {};
    for (const k of KEYS) next[k] = String(data.get(k) || "").trim();
    location.hash = route("timeline", null, next);
  });
  const picks = dyads.length
    ? h("p", { class: "picks" }, "Top dyads: ", dyads.map((d) =>
        h("a", { href: route("timeline", null, { source: d.source, target: d.target, interval }),
          class: "chip" }, `${d.source_name} → ${d.target_name}`)))
    : null;
  return [form, picks];
}

export async function renderTimeline(root, { params }) {
  const args = {};
  for (const k of KEYS) if (params.get(k)) args[k] = params.get(k);
  if (!args.interval) args.interval = "month";
  const [sm, series] = await Promise.all([api("summary"), api("series", args)]);
  const points = series.points || [];
  let subject = "all events";
  if (args.source && args.target) subject = `${args.source} → ${args.target}` + (args.symmetric ? " (both ways)" : "");
  else if (args.actor) subject = `events involving ${args.actor}`;
  else if (args.source) subject = `events by ${args.source}`;
  else if (args.target) subject = `events targeting ${args.target}`;
  const total = points.reduce((a, p) => a + (p.count || 0), 0);
  const score = points.reduce((a, p) => a + (p.score_sum || 0), 0);
  root.append(
    h("h1", {}, "Timeline"),
    ...controls(params, (sm.top_dyads || []).slice(0, 6)),
    h("p", { class: "count", id: "timeline-summary" },
      `${subject}: ${fmtNumber(total)} events in ${points.length} ${series.interval || args.interval} periods, summed score ${fmtScore(score)}.`,
      " ", args.source && args.target
        ? h("a", { href: route("events", null, { source: args.source, target: args.target }) }, "list these events")
        : args.actor ? h("a", { href: route("events", null, { actor: args.actor }) }, "list these events") : null),
  );
  if (!points.length) {
    root.append(h("p", { class: "empty" }, "No dated events for this selection."));
    return;
  }
  root.append(
    section("Events per period by quad class", quadLegend(), stackedBars(points)),
    section("Summed cooperation–conflict score", scoreLine(points)),
  );
  if (args.source && !args.target) root.append(h("p", {}, actorLink({ actor_id: args.source, name: args.source })));
}
