// Event detail: coding, actors, date, place, and each evidence sentence highlighted in its
// article's cleaned text (offsets from the API), plus related events/reports.

import { api, idPath } from "../api.js";
import { h, route, section, actorLink, scoreBadge, quadName, highlightNested, trimEnd } from "../dom.js";

function dl(pairs) {
  return h(
    "dl",
    { class: "facts" },
    pairs.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [
      h("dt", {}, k),
      h("dd", {}, v),
    ]),
  );
}

/** The document text with the evidence span marked (and the trigger marked inside it). */
export function evidenceText(text, start, end, inner = []) {
  return highlightNested(text, [{ start, end: trimEnd(text, start, end) }], inner, "evidence", "trigger", (el) => {
    el.dataset.evidence = "1";
    el.title = "evidence sentence";
  });
}

async function evidenceBlock(ev, event, index) {
  let doc = null;
  try {
    doc = await api("documents/" + idPath(ev.doc_id));
  } catch {
    doc = null;
  }
  const head = h(
    "div",
    { class: "evidence-head" },
    h("a", { href: route("doc", ev.doc_id, { event: event.event_id }) }, ev.doc_title || doc?.title || ev.doc_id),
    " ",
    h("span", { class: "muted" }, [ev.outlet, ev.published].filter(Boolean).join(", ")),
  );
  const body = h("div", { class: "doctext", tabindex: "0" });
  if (doc && typeof doc.text === "string") {
    const extra = [];
    if (ev.doc_id === event.doc_id && Number.isInteger(event.trigger_start)
        && Number.isInteger(event.trigger_end)) {
      extra.push({ start: event.trigger_start, end: event.trigger_end, cls: "trigger" });
    } else if (event.trigger && ev.doc_id === event.doc_id) {
      // No offsets: find the trigger inside the evidence sentence by its text.
      const inSentence = doc.text.slice(ev.start, ev.end).indexOf(event.trigger);
      if (inSentence >= 0) {
        const s = ev.start + inSentence;
        extra.push({ start: s, end: s + event.trigger.length, cls: "trigger" });
      }
    }
    body.append(evidenceText(doc.text, ev.start, ev.end, extra));
  } else {
    body.append(h("mark", { class: "evidence", "data-evidence": "1" }, ev.text || ""));
  }
  const block = h("article", { class: "evidence-block" }, head, body);
  if (index === 0) block.dataset.focusEvidence = "1";
  return block;
}

function reportsSection(event) {
  // A merged event lists every report (document, outlet, date) and why it was joined.
  const reports = event.merged_reports;
  if (!Array.isArray(reports) || reports.length < 2) return null;
  return section(
    `Reports of this event (${event.reports} reports, ${event.sources} outlets)`,
    h("ul", { class: "plain" }, reports.map((r) => {
      if (typeof r === "string") return h("li", {}, h("a", { href: route("event", r) }, r));
      const id = r.event_id || r.doc_id;
      const href = r.event_id ? route("event", r.event_id) : r.doc_id ? route("doc", r.doc_id) : null;
      const label = [r.doc_title || r.title || id, r.outlet, r.published || r.date,
        r.copy_of ? "syndicated copy" : null,
        typeof r.score === "number" ? `merge score ${r.score.toFixed(2)}` : null]
        .filter(Boolean).join(" · ");
      return h("li", {}, href ? h("a", { href }, label) : label);
    })),
  );
}

async function relatedSection(ids, docId) {
  if (!Array.isArray(ids) || !ids.length) return null;
  const shown = ids.slice(0, 12);
  // Most related events come from the same document: one list call, then single fetches
  // only for the rest (e.g. other reports of a merged event).
  const sameDoc = await api("events", { doc: docId, limit: 500, unmerged: true })
    .then((r) => new Map((r.items || []).map((x) => [x.event_id, x])))
    .catch(() => new Map());
  const rows = await Promise.all(
    shown.map((id) => sameDoc.get(id)
      || api("events/" + idPath(id)).catch(() => ({ event_id: id }))),
  );
  return section(
    "Related events",
    h("ul", { class: "plain related" }, rows.map((e) =>
      h("li", {},
        h("a", { href: route("event", e.event_id) }, e.event_type ? `${e.event_type}` : e.event_id),
        " ",
        e.source ? actorLink(e.source) : null,
        e.targets && e.targets.length ? [" → ", e.targets.map((t, i) => [i ? ", " : "", actorLink(t)])] : null,
        e.date ? h("span", { class: "muted" }, " " + e.date) : null))),
    ids.length > shown.length ? h("p", { class: "muted" }, `and ${ids.length - shown.length} more`) : null,
  );
}

export async function renderEvent(root, { id }) {
  const e = await api("events/" + idPath(id));
  const loc = e.location;
  const targets = e.targets && e.targets.length
    ? e.targets.map((t, i) => [i ? ", " : "", actorLink(t)]) : "–";
  const date = e.date
    ? `${e.date}` + (e.date_precision && e.date_precision !== "day" ? ` (${e.date_precision})` : "")
      + (e.date_source ? ` · from ${e.date_source}` : "")
      + (e.date_text ? ` “${e.date_text}”` : "")
    : "undated";
  root.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/events" }, "Events"), " / ", e.event_id),
    h("h1", {}, e.event_type, e.mode ? h("span", { class: "muted" }, " · " + e.mode) : null),
    h("div", { class: "two-col" },
      section("Who did what to whom", dl([
        ["Source", actorLink(e.source)],
        ["Targets", h("span", {}, targets)],
        ["Trigger", e.trigger ? h("q", {}, e.trigger) : null],
        ["Status", e.status],
      ])),
      section("Coding", dl([
        ["Type", e.event_type],
        ["Context", Array.isArray(e.context) ? e.context.join(", ") : e.context],
        ["CAMEO root", e.cameo_root],
        ["Quad class", e.quad_class !== undefined ? `${e.quad_class} · ${quadName(e.quad_class)}` : null],
        ["Score", scoreBadge(e.score)],
        ["Date", date],
        ["Place", loc ? [loc.name, loc.country].filter(Boolean).join(", ") : null],
      ])),
    ),
  );
  const evidence = Array.isArray(e.evidence) && e.evidence.length
    ? e.evidence
    : [{ doc_id: e.doc_id, start: null, end: null, text: e.sentence }];
  const blocks = await Promise.all(evidence.map((ev, i) => evidenceBlock(ev, e, i)));
  root.append(section("Evidence", ...blocks));
  const reports = reportsSection(e);
  if (reports) root.append(reports);
  const related = await relatedSection(e.related, e.doc_id);
  if (related) root.append(related);
  const first = root.querySelector("mark.evidence");
  if (first) first.dataset.focus = "1";
}
