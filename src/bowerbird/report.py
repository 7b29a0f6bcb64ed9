"""A self-contained HTML summary report of a database (every value escaped)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from bowerbird import query, query_docs
from bowerbird.errors import E_BAD_OPTION, UsageError

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border-bottom:1px solid #ddd;
padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}th{background:#f4f4f4}
.q1{color:#1a7f37}.q2{color:#0b6e4f;font-weight:600}.q3{color:#b35900}.q4{color:#b00020;font-weight:600}
.ev{color:#555;font-size:.85rem}
"""


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "—"
    tag = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
    return f"{escape(str(a['name']))} <small>{escape(tag)}</small>"


def render_report(con: Any, *, max_events: int = 300) -> str:
    s = query_docs.summary(con)
    events = query.events(con, query.EventFilter(limit=max_events))
    rows = []
    for e in events:
        ev = e["evidence"][0] if e["evidence"] else {}
        rows.append(
            f"<tr><td>{escape(e['date'] or '')}</td>"
            f"<td class='q{int(e['quad_class'])}'>{escape(e['event_type'])}"
            f"{(' / ' + escape(e['mode'])) if e['mode'] else ''}</td>"
            f"<td>{escape(e['status'])}</td><td>{_actor(e['source'])}</td><td>{_actor(e['target'])}</td>"
            f"<td class='ev'>{escape(str(ev.get('text', '')))}<br><small>{escape(str(ev.get('doc_id', '')))}"
            f"</small></td></tr>"
        )
    dyads = "".join(
        f"<tr><td>{escape(str(d['source_name']))}</td><td>{escape(str(d['target_name']))}</td>"
        f"<td>{int(d['events'])}</td><td>{float(d['mean_score']):+.1f}</td></tr>"
        for d in s.get("top_dyads", [])
    )
    rej = "".join(
        f"<tr><td>{escape(str(r['doc_id']))}</td><td>{escape(str(r['code']))}</td>"
        f"<td>{escape(str(r['detail']))}</td></tr>"
        for r in query_docs.rejections(con, limit=200)
    )
    types = "".join(
        f"<tr><td>{escape(str(t['event_type']))}</td><td>{int(t['events'])}</td></tr>"
        for t in s.get("event_types", [])
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Bowerbird report</title><style>{CSS}</style></head><body>
<h1>Bowerbird report</h1>
<p>{int(s["documents"])} documents processed, {int(s["rejected"])} rejected;
{int(s["events"])} events; {int(s["actors"])} actors; events dated
{escape(str(s.get("first_date") or "—"))} to {escape(str(s.get("last_date") or "—"))}.</p>
<h2>Top dyads</h2><table><tr><th>Source</th><th>Target</th><th>Events</th><th>Mean score</th></tr>{dyads}</table>
<h2>Event types</h2><table><tr><th>Type</th><th>Events</th></tr>{types}</table>
<h2>Events</h2><table><tr><th>Date</th><th>Type</th><th>Status</th><th>Source</th><th>Target</th>
<th>Evidence</th></tr>{"".join(rows)}</table>
<h2>Rejections</h2><table><tr><th>Document</th><th>Code</th><th>Detail</th></tr>{rej}</table>
</body></html>"""


def write_report(con: Any, path: Path) -> Path:
    """Write the HTML report to ``path``; a one-line error if it cannot be written."""
    html = render_report(con)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"cannot write the report {path}: {exc.strerror or exc}", code=E_BAD_OPTION
        ) from exc
    return path
