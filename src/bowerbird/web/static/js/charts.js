// Small SVG charts drawn by hand: stacked quad-class bars, a score line, a force layout.

import { s, h, QUADS, fmtScore } from "./dom.js";

const W = 900;

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function xLabels(points, x, bw, y) {
  const step = Math.max(1, Math.ceil(points.length / 10));
  return points
    .map((p, i) =>
      i % step === 0
        ? s("text", { x: x(i) + bw / 2, y, class: "axis", "text-anchor": "middle" }, p.period)
        : null,
    )
    .filter(Boolean);
}

/** Stacked bars of events per period by quad class; points[{period, count, quad{...}}]. */
export function stackedBars(points, opts = {}) {
  const height = opts.height || 240;
  const m = { l: 44, r: 12, t: 12, b: 28 };
  const iw = W - m.l - m.r;
  const ih = height - m.t - m.b;
  const max = niceMax(Math.max(1, ...points.map((p) => p.count || 0)));
  const slot = iw / Math.max(1, points.length);
  const bw = Math.max(1, Math.min(40, slot * 0.8));
  const x = (i) => m.l + i * slot + (slot - bw) / 2;
  const y = (v) => m.t + ih - (v / max) * ih;
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${height}`,
    class: "chart bars",
    role: "img",
    "aria-label": "Events per period by quad class",
  });
  for (const v of [0, max / 2, max]) {
    svg.append(
      s("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: "gridline" }),
      s("text", { x: m.l - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, String(v)),
    );
  }
  points.forEach((p, i) => {
    let base = 0;
    const quad = p.quad || { 0: p.count || 0 };
    for (const q of QUADS) {
      const n = Number(quad[q.id] || 0);
      if (!n) continue;
      svg.append(
        s(
          "rect",
          {
            x: x(i),
            width: bw,
            y: y(base + n),
            height: Math.max(0.5, y(base) - y(base + n)),
            fill: q.colour,
            class: "bar",
            "data-quad": q.id,
          },
          s("title", {}, `${p.period}: ${n} ${q.name.toLowerCase()}`),
        ),
      );
      base += n;
    }
  });
  svg.append(...xLabels(points, x, bw, height - 8));
  return svg;
}

/** Line of ``key`` (score_sum by default) per period, zero line marked. */
export function scoreLine(points, opts = {}) {
  const key = opts.key || "score_sum";
  const height = opts.height || 170;
  const m = { l: 44, r: 12, t: 12, b: 28 };
  const iw = W - m.l - m.r;
  const ih = height - m.t - m.b;
  const vals = points.map((p) => Number(p[key] || 0));
  const lim = niceMax(Math.max(1, ...vals.map(Math.abs)));
  const slot = iw / Math.max(1, points.length);
  const x = (i) => m.l + i * slot + slot / 2;
  const y = (v) => m.t + ih / 2 - (v / lim) * (ih / 2);
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${height}`,
    class: "chart line",
    role: "img",
    "aria-label": "Summed cooperation–conflict score per period",
  });
  for (const v of [-lim, 0, lim]) {
    svg.append(
      s("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: v ? "gridline" : "zeroline" }),
      s("text", { x: m.l - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, fmtScore(v)),
    );
  }
  if (points.length) {
    const d = vals.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
    svg.append(s("path", { d, class: "scoreline" }));
    vals.forEach((v, i) =>
      svg.append(
        s(
          "circle",
          { cx: x(i), cy: y(v), r: 3, class: v < 0 ? "dot neg" : v > 0 ? "dot pos" : "dot zero" },
          s("title", {}, `${points[i].period}: ${fmtScore(v)}`),
        ),
      ),
    );
  }
  svg.append(...xLabels(points, (i) => x(i) - 0.5, 1, height - 8));
  return svg;
}

export function quadLegend() {
  return h(
    "ul",
    { class: "legend" },
    QUADS.map((q) =>
      h("li", {}, h("span", { class: "swatch", style: { background: q.colour } }), q.name),
    ),
  );
}

/**
 * Deterministic force layout: nodes [{id, weight}], edges [{source, target, weight}].
 * Returns Map id -> {x, y} within [0, width] x [0, height].
 */
export function forceLayout(nodes, edges, width, height, iterations = 300) {
  const n = nodes.length;
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    return { x: Math.cos(a) * width * 0.35, y: Math.sin(a) * height * 0.35, vx: 0, vy: 0 };
  });
  const links = edges
    .map((e) => ({ a: index.get(e.source), b: index.get(e.target), w: e.weight || 1 }))
    .filter((l) => l.a !== undefined && l.b !== undefined && l.a !== l.b);
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  for (let it = 0; it < iterations; it++) {
    const temp = 1 - it / iterations;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = 0.1 * (i - j);
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        const f = (k * k) / d2;
        pos[i].vx += dx * f * 0.05;
        pos[i].vy += dy * f * 0.05;
        pos[j].vx -= dx * f * 0.05;
        pos[j].vy -= dy * f * 0.05;
      }
    }
    for (const l of links) {
      const dx = pos[l.b].x - pos[l.a].x;
      const dy = pos[l.b].y - pos[l.a].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = ((d - k) / d) * 0.05 * Math.min(3, 1 + Math.log(l.w));
      pos[l.a].vx += dx * f;
      pos[l.a].vy += dy * f;
      pos[l.b].vx -= dx * f;
      pos[l.b].vy -= dy * f;
    }
    for (const p of pos) {
      p.vx -= p.x * 0.01;
      p.vy -= p.y * 0.01;
      const v = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
      const cap = 20 * temp + 0.5;
      if (v > cap) {
        p.vx *= cap / v;
        p.vy *= cap / v;
      }
      p.x += p.vx;
      p.y += p.vy;
      p.vx *= 0.5;
      p.vy *= 0.5;
    }
  }
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs, 0), Math.max(...xs, 0)];
  const [y0, y1] = [Math.min(...ys, 0), Math.max(...ys, 0)];
  // Wide side margins: labels are centred under the nodes.
  const padX = 110;
  const padY = 40;
  const sx = (width - 2 * padX) / Math.max(1, x1 - x0);
  const sy = (height - 2 * padY - 16) / Math.max(1, y1 - y0);
  const out = new Map();
  nodes.forEach((nd, i) => {
    out.set(nd.id, { x: padX + (pos[i].x - x0) * sx, y: padY + (pos[i].y - y0) * sy });
  });
  return out;
}
