// Document page: cleaned text with every event's evidence highlighted (click -> event),
// metadata, and the furniture the cleaner removed, marked in the original text.

import { api, idPath } from "../api.js";
import { h, route, section, table, safeUrl, highlight, highlightNested, trimEnd } from "../dom.js";

export async function renderDoc(root, { id, params }) {
  const d = await api("documents/" + idPath(id));
  const url = safeUrl(d.url);
  const events = Array.isArray(d.events) ? d.events : [];
  const focus = params.get("event");
  const sentences = Array.isArray(d.sentences) ? d.sentences : [];
  // Each event's evidence is the sentence holding its trigger (start/end are the trigger).
  const sentenceOf = (e) =>
    sentences.find((sn) => sn.start <= e.start && e.start < sn.end) || { start: e.start, end: e.end };
  const outer = [];
  for (const e of events) {
    const found = sentenceOf(e);
    const sn = { start: found.start, end: Math.max(trimEnd(d.text || "", found.start, found.end), e.end) };
    const same = outer.find((o) => o.start === sn.start && o.end === sn.end);
    if (same) same.events.push(e);
    else outer.push({ start: sn.start, end: sn.end, events: [e] });
  }
  const triggers = events.map((e) => ({ start: e.start, end: e.end, title: e.event_type }));
  const decorate = (el, cover) => {
    const evs = cover.flatMap((sp) => sp.events);
    el.title = evs.map((e) => e.event_type + (e.trigger ? ` (${e.trigger})` : "")).join(", ");
    el.dataset.evidence = "1";
    el.dataset.events = evs.map((e) => e.event_id).join(" ");
    if (focus && evs.some((e) => e.event_id === focus)) el.dataset.focus = "1";
    el.tabIndex = 0;
    const go = () => { location.hash = route("event", evs[0].event_id); };
    el.addEventListener("click", go);
    el.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go(); });
  };
  root.append(
    h("p", { class: "crumbs" }, "Document / ", d.doc_id),
    h("h1", {}, d.title || d.doc_id),
    h("p", { class: "muted" },
      [d.outlet, d.published ? `published ${d.published}` + (d.published_source ? ` (${d.published_source})` : "") : null]
        .filter(Boolean).join(" · "),
      url ? [" · ", h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null),
    section("Cleaned text",
      h("p", { class: "muted" }, `${events.length} event${events.length === 1 ? "" : "s"} coded; highlighted sentences are evidence (click to open the event).`),
      h("div", { class: "doctext", id: "doc-text" }, highlightNested(d.text || "", outer, triggers, "evidence", "trigger", decorate))),
  );
  if (events.length) {
    root.append(section("Events in this document", h("ul", { class: "plain" }, events.map((e) =>
      h("li", {}, h("a", { href: route("event", e.event_id) }, e.event_type), " ",
        h("span", { class: "muted" }, (d.text || "").slice(sentenceOf(e).start, sentenceOf(e).end)))))));
  }
  const furniture = Array.isArray(d.furniture) ? d.furniture : [];
  const pre = typeof d.pre_clean_text === "string" ? d.pre_clean_text : "";
  const removed = section("Removed furniture",
    furniture.length
      ? table(["Reason", "Removed text"], furniture.map((f) => h("tr", {},
          h("td", {}, f.reason || "–"), h("td", { class: "sentence" }, f.text || pre.slice(f.start, f.end)))),
        { class: "grid furniture" })
      : h("p", { class: "muted" }, "The cleaner removed nothing."));
  if (pre && furniture.length) {
    const orig = highlight(pre, furniture.map((f) => ({ start: f.start, end: f.end, reason: f.reason })),
      (piece, cover) => h("del", { class: "furniture", title: cover.map((c) => c.reason).join(", ") }, piece));
    removed.append(h("details", {}, h("summary", {}, "Original text with removed spans struck through"),
      h("div", { class: "doctext pre" }, orig)));
  }
  root.append(removed);
}
