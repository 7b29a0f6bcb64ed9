// Single-page app: hash routing (#/page/<id>?filters) to one render function per page.

import { h, clear } from "./dom.js";
import { ApiError } from "./api.js";
import { renderOverview } from "./pages/overview.js";
import { renderEvents } from "./pages/events.js";
import { renderEvent } from "./pages/event.js";
import { renderTimeline } from "./pages/timeline.js";
import { renderNetwork } from "./pages/network.js";
import { renderMap } from "./pages/map.js";
import { renderActor } from "./pages/actor.js";
import { renderDoc } from "./pages/doc.js";
import { renderSearch } from "./pages/search.js";

const PAGES = {
  "": { render: renderOverview, title: "Overview" },
  events: { render: renderEvents, title: "Events" },
  event: { render: renderEvent, title: "Event", needsId: true },
  timeline: { render: renderTimeline, title: "Timeline" },
  network: { render: renderNetwork, title: "Network" },
  map: { render: renderMap, title: "Map" },
  actor: { render: renderActor, title: "Actor", needsId: true },
  doc: { render: renderDoc, title: "Document", needsId: true },
  search: { render: renderSearch, title: "Search" },
};

/** "#/event/abc%2F1?x=1" -> {page: "event", id: "abc/1", params: URLSearchParams}. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const parts = path.split("/");
  let id = null;
  if (parts.length > 1 && parts[1] !== "") {
    try {
      id = decodeURIComponent(parts.slice(1).join("/"));
    } catch {
      id = parts.slice(1).join("/");
    }
  }
  return { page: parts[0] || "", id, params: new URLSearchParams(qs || "") };
}

let generation = 0;

async function show() {
  const view = document.getElementById("view");
  const { page, id, params } = parseHash(location.hash);
  const spec = PAGES[page];
  const mine = ++generation;
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.dataset.route === page);
  }
  const target = h("div", { class: "page", "data-page": page || "overview" });
  const isCurrent = () => mine === generation;
  try {
    if (!spec || (spec.needsId && !id)) {
      throw new ApiError(404, "HTTP_404", "No such page: " + location.hash);
    }
    document.title = spec.title + " · Bowerbird";
    await spec.render(target, { id, params, isCurrent });
  } catch (err) {
    clear(target).append(errorBox(err));
  }
  if (!isCurrent()) return;
  clear(view).append(target);
  view.dataset.ready = page || "overview";
  view.dataset.gen = String(mine);
  document.body.dataset.route = page || "overview";
  window.scrollTo(0, 0);
  const focus = target.querySelector("[data-focus]");
  if (focus) focus.scrollIntoView({ block: "center" });
}

function errorBox(err) {
  const status = err instanceof ApiError ? `${err.status} ${err.code}: ` : "";
  return h(
    "div",
    { class: "error", role: "alert" },
    h("strong", {}, "Could not show this page. "),
    status + (err && err.message ? err.message : String(err)),
  );
}

function start() {
  document.getElementById("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new FormData(ev.target).get("q");
    if (q) location.hash = "#/search?q=" + encodeURIComponent(String(q));
  });
  window.addEventListener("hashchange", show);
  show();
}

start();
