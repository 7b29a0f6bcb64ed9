"""A synthetic Bowerbird database for the HTTP load test (and pagination tests).

Realistic in shape, not in content: about 300 actors (states, their governments and
militaries, people, organisations) whose popularity follows a Zipf-like curve, documents
spread over several years with five events each, 0-2 targets per event, one evidence
sentence per event, geocoded locations for about a third of the events, one quote and a
few mentions per document.  Rows are inserted table by table through Arrow, never one by
one.  Deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from bowerbird.plover import CATEGORIES, DEFAULT_CAMEO_ROOT, QUAD, score
from bowerbird.store.writer import Store

COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "UKR",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "PAK",
    "AFG",
    "IRN",
    "IRQ",
    "ISR",
    "PSE",
    "SYR",
    "TUR",
    "SAU",
    "EGY",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "MEX",
    "ARG",
    "ZAF",
    "NGA",
    "ETH",
    "KEN",
    "SDN",
    "LBY",
    "VEN",
    "COL",
    "CAN",
    "AUS",
    "IDN",
    "PHL",
    "VNM",
    "MMR",
    "POL",
    "BLR",
]
CITIES = (
    ("Kyiv", "UKR", 50.45, 30.52),
    ("Moscow", "RUS", 55.75, 37.62),
    ("Beijing", "CHN", 39.91, 116.39),
    ("Washington", "USA", 38.9, -77.04),
    ("Gaza", "PSE", 31.5, 34.47),
    ("Kabul", "AFG", 34.53, 69.17),
    ("Tehran", "IRN", 35.69, 51.39),
    ("Khartoum", "SDN", 15.5, 32.56),
    ("Caracas", "VEN", 10.49, -66.88),
    ("Manila", "PHL", 14.6, 120.98),
)
TRIGGERS = {"AGREE": "agreed", "CONSULT": "met", "ASSAULT": "attacked", "ACCUSE": "accused"}
STATUSES = ("occurred",) * 8 + ("planned", "negated")
START = date(2018, 1, 1)
DAYS = 365 * 7 + 180


def _actors(rng: random.Random) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for c in COUNTRIES:
        rows.append(
            {"actor_id": c, "name": f"Country {c}", "country": c, "sector": None, "kind": "state"}
        )
        for sector in ("GOV", "MIL"):
            rows.append(
                {
                    "actor_id": f"{c}-{sector}",
                    "name": f"Country {c} ({sector.lower()})",
                    "country": c,
                    "sector": sector,
                    "kind": "state",
                }
            )
    for i in range(150):
        c = rng.choice(COUNTRIES)
        rows.append(
            {
                "actor_id": f"person:synth-{i}",
                "name": f"Person {i} of {c}",
                "country": c,
                "sector": "GOV",
                "kind": "person",
            }
        )
    for i in range(30):
        rows.append(
            {
                "actor_id": f"org:synth-{i}",
                "name": f"Organisation {i}",
                "country": None,
                "sector": "IGO",
                "kind": "igo",
            }
        )
    rng.shuffle(rows)
    return rows


def _hex(*parts: object) -> str:
    return hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).hexdigest()


def build(path: str, n_events: int, seed: int = 7) -> dict[str, int]:
    """Create the database at ``path`` (must not exist) with about ``n_events`` events."""
    Store.open(path).close()  # creates the schema through the real migrations
    rng = random.Random(seed)
    actors = _actors(rng)
    ids = [a["actor_id"] for a in actors]
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(ids))]
    persons = [a["actor_id"] for a in actors if a["kind"] == "person"]
    type_weights = [3, 6, 3, 1, 2, 1, 1, 3, 4, 2, 2, 2, 1, 1, 1, 3]
    t: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "documents",
            "sentences",
            "events",
            "event_targets",
            "evidence",
            "quotes",
            "mentions",
        )
    }
    now = datetime.now(UTC).replace(tzinfo=None)
    n_docs = max(1, n_events // 5)
    for d in range(n_docs):
        doc_id = f"synth/{d:07d}"
        published = START + timedelta(days=rng.randrange(DAYS))
        sentences, pos = [], 0
        picks = []
        for s in range(6):
            src = rng.choices(ids, weights)[0]
            tgt = rng.choices(ids, weights)[0]
            etype = rng.choices(CATEGORIES, type_weights)[0]
            verb = TRIGGERS.get(etype, etype.lower() + "ed")
            text = f"Officials said {src} {verb} {tgt} after talks in week {s}. "
            sentences.append((s, pos, pos + len(text), text))
            picks.append((src, tgt, etype, verb))
            pos += len(text)
        body = "".join(s[3] for s in sentences)
        t["documents"].append(
            {
                "doc_id": doc_id,
                "content_hash": _hex("doc", d),
                "origin": f"/synth/{d}.txt",
                "fmt": "text",
                "title": f"Synthetic report {d}",
                "published": published,
                "published_source": "record",
                "url": None,
                "outlet": f"Outlet {d % 17}",
                "author": None,
                "sitename": None,
                "text": body,
                "pre_clean_text": body,
                "dropped": "[]",
                "n_sentences": 6,
                "n_events": 5,
                "status": "processed",
                "ingested_at": now,
            }
        )
        t["sentences"] += [
            {"doc_id": doc_id, "sentence_index": i, "start": a, "end": b, "text": x}
            for i, a, b, x in sentences
        ]
        for e in range(5):
            s_index, s_start, s_end, s_text = sentences[e]
            src, tgt, etype, verb = picks[e]
            event_id = _hex("event", d, e)
            source = None if rng.random() < 0.1 else src
            n_targets = rng.choices((0, 1, 2), (2, 7, 1))[0]
            targets = [tgt] + [rng.choices(ids, weights)[0] for _ in range(n_targets - 1)]
            city = rng.choice(CITIES) if rng.random() < 0.33 else None
            trig = s_start + s_text.index(verb)
            t["events"].append(
                {
                    "event_id": event_id,
                    "doc_id": doc_id,
                    "event_type": etype,
                    "mode": None,
                    "context": ["military"] if QUAD[etype] == 4 else [],
                    "cameo_root": DEFAULT_CAMEO_ROOT.get(etype),
                    "quad_class": QUAD[etype],
                    "score": score(etype, None),
                    "status": rng.choice(STATUSES),
                    "date": published - timedelta(days=rng.choice((0, 0, 0, 1, 2))),
                    "date_precision": "day",
                    "date_text": None,
                    "date_source": "published",
                    "source_actor_id": source,
                    "source_text": source,
                    "location_name": city[0] if city else None,
                    "location_country": city[1] if city else None,
                    "lat": city[2] if city else None,
                    "lon": city[3] if city else None,
                    "confidence": 0.8,
                    "trigger": verb,
                    "trigger_start": trig,
                    "trigger_end": trig + len(verb),
                }
            )
            t["event_targets"] += [
                {"event_id": event_id, "position": i, "actor_id": a, "text": a}
                for i, a in enumerate(targets[:n_targets])
            ]
            t["evidence"].append(
                {
                    "event_id": event_id,
                    "position": 0,
                    "doc_id": doc_id,
                    "sentence_index": s_index,
                    "start": s_start,
                    "end": s_end,
                    "text": s_text,
                }
            )
            t["mentions"].append(
                {
                    "doc_id": doc_id,
                    "sentence_index": s_index,
                    "start": s_start,
                    "end": s_start + 3,
                    "text": src,
                    "actor_id": src,
                    "rule": "lexicon",
                }
            )
        speaker = rng.choice(persons)
        t["quotes"].append(
            {
                "quote_id": _hex("quote", d),
                "doc_id": doc_id,
                "text": f"We will respond, part {d}",
                "direct": True,
                "speaker_actor_id": speaker,
                "speaker_ref_text": speaker,
                "speaker_text": speaker,
                "cue": "said",
                "start": 0,
                "end": 10,
                "date": published,
                "sentence_index": 0,
            }
        )
    con = duckdb.connect(path)
    try:
        con.execute("BEGIN TRANSACTION")
        for name, rows in [("actors", actors), *t.items()]:
            table = pa.Table.from_pylist(rows)
            con.register("incoming", table)
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM incoming")
            con.unregister("incoming")
        # every synthetic report is its own merged event (the reports are random, so the
        # merge rule would join almost none); the API lists merged events through this table
        con.execute("INSERT INTO event_clusters SELECT event_id, event_id FROM events")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return {"documents": n_docs, "events": len(t["events"]), "actors": len(actors)}
