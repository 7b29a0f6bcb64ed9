"""A GDELT-like tab-separated export of merged events, one row per event.

Columns follow GDELT 2.0's event table where Bowerbird has an analogue: the CAMEO root
code stands in for ``EventRootCode``, the PLOVER type for ``EventCode``, the PLOVER score
for ``GoldsteinScale``.  ``NumMentions`` is the number of reports (evidence items,
syndicated copies not counted), ``NumSources`` the number of distinct outlets and
``NumArticles`` the number of distinct documents holding evidence (copies included).
Events with several targets keep the first as Actor2 and list the others in
``Actor2Others`` (';'-separated ids).  ``Actor1Code``/``Actor2Code`` are Bowerbird actor
ids (``USA``, ``USA-GOV``, ``person:wang-yi``), not CAMEO actor codes; the country and the
sector are in ``Actor*CountryCode`` and ``Actor*Type1Code``.  ``SOURCEURL`` is the URL of the document holding
the first evidence sentence (its document id when the document has no URL); ``DateAdded``
repeats ``Day`` (Bowerbird keeps no per-event insertion time).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from typing import IO, Any

from bowerbird.errors import E_BAD_OPTION, UsageError

COLUMNS = (
    "GlobalEventID",
    "Day",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "Actor2Others",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DateAdded",
    "SOURCEURL",
)


def _actor(a: dict[str, Any] | None) -> list[str]:
    if not a:
        return ["", "", "", ""]
    return [a["actor_id"], a.get("name") or "", a.get("country") or "", a.get("sector") or ""]


def _text(v: Any) -> str:
    return "" if v is None else str(v)


def gdelt_rows(
    rows: list[dict[str, Any]], urls: Mapping[str, str] | None = None
) -> list[list[str]]:
    """Event rows (one per event and target, from query.events) -> one list per event.

    ``urls`` maps document ids to their URLs (for ``SOURCEURL``).
    """
    urls = urls or {}
    by_id: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if "event_type" not in row or "evidence" not in row:
            raise UsageError("the gdelt format is for events only", code=E_BAD_OPTION)
        by_id.setdefault(row["event_id"], []).append(row)
    out = []
    for event_id, group in by_id.items():
        e = group[0]
        targets = [r["target"] for r in group if r.get("target")]
        loc = e.get("location") or {}
        evidence = e.get("evidence") or []
        out.append(
            [
                event_id,
                (e["date"] or "").replace("-", ""),
                *_actor(e.get("source")),
                *_actor(targets[0] if targets else None),
                ";".join(t["actor_id"] for t in targets[1:]),
                e["event_type"],
                _text(e.get("cameo_root")),
                _text(e.get("quad_class")),
                _text(e.get("score")),
                _text(e.get("reports", len(evidence))),
                _text(e.get("sources", 1)),
                str(len({v["doc_id"] for v in evidence})),
                _text(loc.get("name")),
                _text(loc.get("country")),
                _text(loc.get("lat")),
                _text(loc.get("lon")),
                (e["date"] or "").replace("-", ""),
                _source_url(evidence, urls),
            ]
        )
    return out


def _source_url(evidence: list[dict[str, Any]], urls: Mapping[str, str]) -> str:
    if not evidence:
        return ""
    doc_id = str(evidence[0]["doc_id"])
    return urls.get(doc_id) or doc_id


def write_gdelt(
    rows: list[dict[str, Any]], fh: IO[str], urls: Mapping[str, str] | None = None
) -> None:
    """Write the header and one tab-separated line per event."""
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(gdelt_rows(rows, urls))
