// Map: world country shapes (vendored Natural Earth 1:110m TopoJSON) in an equirectangular
// projection, countries shaded by events located there, places as circles.

import { api, staticJson } from "../api.js";
import { h, s, route, section, table, fmtNumber } from "../dom.js";

const W = 960;
const H = 480;
const px = (lon) => ((lon + 180) / 360) * W;
const py = (lat) => ((90 - lat) / 180) * H;

function ringPath(ring) {
  let d = "";
  let prevLon = null;
  for (const [lon, lat] of ring) {
    // Start a new sub-path where a ring jumps across the antimeridian.
    const jump = prevLon !== null && Math.abs(lon - prevLon) > 180;
    d += (d === "" || jump ? "M" : "L") + px(lon).toFixed(1) + "," + py(lat).toFixed(1);
    prevLon = lon;
  }
  return d + "Z";
}

function geometryPath(geom) {
  if (!geom) return "";
  const polys = geom.type === "Polygon" ? [geom.coordinates]
    : geom.type === "MultiPolygon" ? geom.coordinates : [];
  return polys.map((poly) => poly.map(ringPath).join("")).join("");
}

function shade(n, max) {
  if (!n) return null;
  const t = Math.sqrt(n / max);
  const light = [222, 235, 247];
  const dark = [33, 102, 172];
  const c = light.map((l, i) => Math.round(l + (dark[i] - l) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export async function renderMap(root, { params }) {
  const args = {};
  for (const k of ["since", "until", "type"]) if (params.get(k)) args[k] = params.get(k);
  const [world, iso, places] = await Promise.all([
    staticJson("vendor/countries-110m.json"),
    staticJson("vendor/iso3-numeric.json"),
    api("places", args),
  ]);
  if (!window.topojson) throw new Error("map library did not load");
  const countries = window.topojson.feature(world, world.objects.countries).features;
  const byNum = new Map();
  for (const row of places.by_country || []) {
    const code = iso[row.country];
    if (code) byNum.set(code.num, { ...row, name: code.name });
  }
  const maxC = Math.max(1, ...[...byNum.values()].map((r) => r.events));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart map", role: "img",
    "aria-label": "World map of event locations" });
  svg.append(s("rect", { x: 0, y: 0, width: W, height: H, class: "ocean" }));
  const land = s("g", { class: "countries" });
  for (const f of countries) {
    const hit = byNum.get(f.id);
    const name = (f.properties && f.properties.name) || "";
    const path = s("path", { d: geometryPath(f.geometry), class: hit ? "country hit" : "country",
      style: hit ? { fill: shade(hit.events, maxC) } : null, "data-country": hit ? hit.country : null },
    s("title", {}, hit ? `${name}: ${hit.events} events` : name));
    if (hit) {
      land.append(s("a", { href: route("events", null, { actor: hit.country }) }, path));
    } else {
      land.append(path);
    }
  }
  svg.append(land);
  const items = (places.items || []).filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
  const maxP = Math.max(1, ...items.map((p) => p.events));
  const dots = s("g", { class: "places" });
  for (const p of [...items].sort((a, b) => b.events - a.events)) {
    dots.append(s("circle", { cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1),
      r: (3 + 9 * Math.sqrt(p.events / maxP)).toFixed(1), class: "place", "data-place": p.name },
    s("title", {}, `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} events`)));
  }
  svg.append(dots);
  root.append(
    h("h1", {}, "Map"),
    h("p", { class: "count", id: "map-summary" },
      `${fmtNumber(items.length)} places, ${fmtNumber((places.by_country || []).length)} countries with located events.`),
    section("Where events happened", svg, h("p", { class: "muted" },
      "Countries shaded by located events; circles are places (size = events). Shapes: Natural Earth 1:110m via world-atlas.")),
    section("Places", items.length
      ? table(["Place", "Country", "Events"], items.map((p) => h("tr", {},
          h("td", {}, p.name), h("td", {}, p.country || "–"), h("td", { class: "num" }, fmtNumber(p.events)))))
      : h("p", { class: "muted" }, "No geocoded events.")),
  );
}
