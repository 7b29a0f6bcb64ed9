// Network: actors as nodes, dyads as directed edges (width = events, colour = mean score).

import { api } from "../api.js";
import { h, s, route, section, fmtScore, scoreColour } from "../dom.js";
import { forceLayout } from "../charts.js";

export async function renderNetwork(root, { params }) {
  const minEvents = params.get("min_events") || "1";
  const args = { min_events: minEvents, limit: 300 };
  for (const k of ["actor", "since", "until"]) if (params.get(k)) args[k] = params.get(k);
  const res = await api("dyads", args);
  const dyads = res.items || [];
  const form = h(
    "form",
    { class: "filters", id: "network-form" },
    h("label", { class: "field" }, h("span", {}, "Actor"),
      h("input", { name: "actor", value: params.get("actor") || "", placeholder: "actor id" })),
    h("label", { class: "field" }, h("span", {}, "Min. events"),
      h("input", { name: "min_events", type: "number", min: "1", value: minEvents })),
    h("label", { class: "field" }, h("span", {}, "Since"),
      h("input", { name: "since", type: "date", value: params.get("since") || "" })),
    h("label", { class: "field" }, h("span", {}, "Until"),
      h("input", { name: "until", type: "date", value: params.get("until") || "" })),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Show")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    location.hash = route("network", null, Object.fromEntries(
      ["actor", "min_events", "since", "until"].map((k) => [k, String(d.get(k) || "").trim()])));
  });
  root.append(h("h1", {}, "Network"), form);
  if (!dyads.length) {
    root.append(h("p", { class: "empty" }, "No dyads for this selection."));
    return;
  }
  const nodes = new Map();
  const touch = (id, name, n) => {
    const nd = nodes.get(id) || { id, name: name || id, weight: 0 };
    nd.weight += n;
    nodes.set(id, nd);
  };
  for (const d of dyads) {
    touch(d.source, d.source_name, d.events);
    touch(d.target, d.target_name, d.events);
  }
  const list = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const W = 900;
  const H = Math.max(420, Math.min(900, 120 + list.length * 14));
  const pos = forceLayout(list, dyads.map((d) => ({ source: d.source, target: d.target, weight: d.events })), W, H);
  const maxEv = Math.max(...dyads.map((d) => d.events));
  const maxW = Math.max(...list.map((n) => n.weight));
  const radius = (n) => 5 + 14 * Math.sqrt(n.weight / maxW);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "img",
    "aria-label": "Actor network" });
  svg.append(s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
    markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
  s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }))));
  const edges = s("g", { class: "edges" });
  for (const d of dyads) {
    const a = pos.get(d.source);
    const b = pos.get(d.target);
    if (!a || !b || d.source === d.target) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.sqrt(dx * dx + dy * dy) || 1;
    const rb = radius(nodes.get(d.target)) + 2;
    // Slight curve so A->B and B->A do not overlap.
    const mx = (a.x + b.x) / 2 - (dy / len) * 18;
    const my = (a.y + b.y) / 2 + (dx / len) * 18;
    const ex = b.x - (dx / len) * rb;
    const ey = b.y - (dy / len) * rb;
    edges.append(s("path", {
      d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      class: "edge", stroke: scoreColour(d.mean_score),
      "stroke-width": (1 + 5 * Math.sqrt(d.events / maxEv)).toFixed(2), "marker-end": "url(#arrow)",
    }, s("title", {}, `${d.source_name} → ${d.target_name}: ${d.events} events, mean score ${fmtScore(d.mean_score)}`)));
  }
  const g = s("g", { class: "nodes" });
  for (const n of list) {
    const p = pos.get(n.id);
    const a = s("a", { href: route("actor", n.id), class: "node", "data-actor": n.id },
      s("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius(n).toFixed(1) }),
      s("text", { x: p.x.toFixed(1), y: (p.y + radius(n) + 12).toFixed(1), "text-anchor": "middle" }, n.name),
      s("title", {}, `${n.name} (${n.id}): ${n.weight} events`));
    g.append(a);
  }
  svg.append(edges, g);
  root.append(
    h("p", { class: "count" }, `${list.length} actors, ${dyads.length} dyads. Click an actor to open its page.`),
    section("Actors and dyads", h("p", { class: "muted" },
      "Edge width: number of events; colour: mean score (red conflict, grey neutral, green cooperation)."), svg),
  );
}
