// DOM helpers.  All data from the API is untrusted: text goes into text nodes only,
// never through innerHTML; links are built from ids with encodeURIComponent.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    if (child instanceof Node) el.append(child);
    else if (typeof child === "object") throw new TypeError("not a DOM node: " + typeof child);
    else el.append(document.createTextNode(String(child)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (key === "style" && typeof value === "object") {
      Object.assign(el.style, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  return el;
}

/** h("a", {href: "#/"}, "text", child...) -> HTMLElement (children as text nodes). */
export function h(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

/** s("rect", {x: 1}) -> SVG element. */
export function s(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Link to a route: route("event", id) -> "#/event/<id>". */
export function route(page, id, params) {
  let out = "#/" + page;
  if (id !== undefined && id !== null) out += "/" + encodeURIComponent(id);
  const qs = params ? query(params) : "";
  return qs ? out + "?" + qs : out;
}

/** URLSearchParams text from an object, dropping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "" || v === false) continue;
    q.set(k, String(v));
  }
  return q.toString();
}

/** Only http(s) URLs become clickable links (a javascript: URL in data stays text). */
export function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Split ``text`` into text nodes and <mark> elements for ``spans``
 * ([{start, end, cls?, title?, href?, data?}], any order, may overlap).  Each piece of text
 * covered by one or more spans becomes one mark carrying all their classes and titles.
 * ``makeMark(piece, coveringSpans, offset)`` may build the element instead.
 */
export function highlight(text, spans, makeMark) {
  const frag = document.createDocumentFragment();
  const valid = (spans || []).filter(
    (sp) => Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.end > sp.start,
  );
  const cuts = new Set([0, text.length]);
  for (const sp of valid) {
    cuts.add(Math.max(0, Math.min(text.length, sp.start)));
    cuts.add(Math.max(0, Math.min(text.length, sp.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let pending = null; // {from, to, cover}
  const flush = () => {
    if (!pending) return;
    const piece = text.slice(pending.from, pending.to);
    if (pending.cover.length === 0) {
      frag.append(document.createTextNode(piece));
    } else {
      const mk = makeMark || defaultMark;
      frag.append(mk(piece, pending.cover, pending.from));
    }
    pending = null;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const cover = valid.filter((sp) => sp.start <= from && sp.end >= to);
    const key = cover.map((sp) => valid.indexOf(sp)).join(",");
    if (pending && pending.key === key) {
      pending.to = to;
    } else {
      flush();
      pending = { from, to, cover, key };
    }
  }
  flush();
  return frag;
}

/**
 * Outer spans (e.g. evidence sentences) as <mark class="outerCls"> elements that each hold
 * the text with the inner spans (e.g. triggers) marked inside them.
 */
export function highlightNested(text, outer, inner, outerCls, innerCls, decorate) {
  return highlight(text, outer, (piece, cover, from) => {
    const rel = (inner || [])
      .filter((sp) => sp.start < from + piece.length && sp.end > from)
      .map((sp) => ({ ...sp, start: sp.start - from, end: sp.end - from, cls: innerCls }));
    const el = h("mark", { class: outerCls }, highlight(piece, rel));
    if (decorate) decorate(el, cover);
    return el;
  });
}

function defaultMark(piece, cover) {
  const classes = [...new Set(cover.map((sp) => sp.cls).filter(Boolean))];
  const titles = [...new Set(cover.map((sp) => sp.title).filter(Boolean))];
  return h("mark", { class: classes.join(" ") || null, title: titles.join("; ") || null }, piece);
}

/** [start, end) without trailing whitespace (sentences keep their paragraph breaks). */
export function trimEnd(text, start, end) {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] || "")) e -= 1;
  return e;
}

export function fmtNumber(n) {
  return typeof n === "number" ? n.toLocaleString("en") : "–";
}

export function fmtScore(n) {
  if (typeof n !== "number" || Number.isNaN(n)) return "–";
  const r = Math.round(n * 10) / 10;
  return (r > 0 ? "+" : "") + r.toFixed(1);
}

/** Diverging colour for a cooperation (+) / conflict (−) score in [-10, 10]. */
export function scoreColour(score) {
  if (typeof score !== "number" || Number.isNaN(score)) return "#9aa0a6";
  const t = Math.max(-1, Math.min(1, score / 8));
  const grey = [154, 160, 166];
  const end = t < 0 ? [192, 57, 43] : [30, 132, 73];
  const a = Math.abs(t);
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * a));
  return `rgb(${mix[0]},${mix[1]},${mix[2]})`;
}

export const QUADS = [
  { id: "0", name: "Neutral / other", colour: "#9aa0a6" },
  { id: "1", name: "Verbal cooperation", colour: "#7fc97f" },
  { id: "2", name: "Material cooperation", colour: "#1b7837" },
  { id: "3", name: "Verbal conflict", colour: "#f4a261" },
  { id: "4", name: "Material conflict", colour: "#b2182b" },
];

export function quadName(q) {
  const row = QUADS.find((x) => x.id === String(q));
  return row ? row.name : "–";
}

export function scoreBadge(score) {
  return h("span", { class: "score", style: { background: scoreColour(score) } }, fmtScore(score));
}

/** Actor link (or plain text when there is no id). */
export function actorLink(actor) {
  if (!actor) return h("span", { class: "muted" }, "–");
  const label = actor.name || actor.actor_id || "?";
  if (!actor.actor_id) return h("span", {}, label);
  return h(
    "a",
    { href: route("actor", actor.actor_id), class: "actor", title: actor.actor_id },
    label,
  );
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function table(headers, rows, attrs) {
  return h(
    "table",
    attrs || { class: "grid" },
    h("thead", {}, h("tr", {}, headers.map((x) => (x instanceof Node ? x : h("th", {}, x))))),
    h("tbody", {}, rows),
  );
}
