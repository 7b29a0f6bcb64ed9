// Search results across actors, events, documents and quotes.

import { api } from "../api.js";
import { h, route, section, actorLink } from "../dom.js";

export async function renderSearch(root, { params }) {
  const q = params.get("q") || "";
  root.append(h("h1", {}, "Search: ", h("q", {}, q)));
  if (!q) return;
  const res = await api("search", { q, limit: 20 });
  const list = (items, make) =>
    items && items.length ? h("ul", { class: "plain" }, items.map((x) => h("li", {}, make(x))))
      : h("p", { class: "muted" }, "Nothing found.");
  root.append(
    section("Actors", list(res.actors, (a) => actorLink(a))),
    section("Events", list(res.events, (e) =>
      h("span", {}, h("a", { href: route("event", e.event_id) }, `${e.event_type} ${e.date || ""}`),
        " ", h("span", { class: "muted" }, e.sentence || "")))),
    section("Documents", list(res.documents, (d) =>
      h("span", {}, h("a", { href: route("doc", d.doc_id) }, d.title || d.doc_id),
        " ", h("span", { class: "muted" }, [d.outlet, d.published].filter(Boolean).join(", "))))),
    section("Quotes", list(res.quotes, (x) =>
      h("span", {}, h("q", {}, x.text), " — ", x.speaker ? actorLink(x.speaker) : x.speaker_text || "?",
        " ", h("a", { href: route("doc", x.doc_id) }, "source")))),
  );
}
