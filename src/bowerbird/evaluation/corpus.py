"""Score the pipeline on a corpus folder with hand-written expected files.

The folder holds articles (``html/``, ``txt/``, ``*.jsonl``) and ``expected/<doc>.json``
files (format in ``corpus/README.md``), with a ``.bowerbirdignore`` that keeps
``expected/`` out of ingest.  Every article is ingested into a throw-away
DuckDB store through the real pipeline, then each expected event is looked for among the
events whose evidence sentence contains the expected ``sentence_contains`` text:

* an expected event is *found* when a predicted event in that sentence has the same
  category, a source that matches (ISO3 country or actor id; either side for symmetric
  events), a matching target (when one is expected) and the same status; its date is
  scored separately, where one is expected;
* a predicted event is *correct* when it matches an expected event's sentence, category
  and source (so precision counts events a careful coder would not have coded).

Expected quotes are found when a predicted quote contains the expected text and its
speaker matches.

Expected stances (``actor``, ``issue``, ``position``, ``sentence_contains``) list every
position a careful reader takes from the text on an issue of the taxonomy; a predicted
stance is *correct* when an expected one has its sentence, issue, position and actor, so
``stance_precision`` counts stances a reader would not have coded.  No gold set beyond
these hand-written files exists for stances.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from bowerbird import query, query_statements
from bowerbird.errors import EvalError
from bowerbird.lexicons import Lexicon, load_lexicon
from bowerbird.pipeline import Engine, build_engine, run
from bowerbird.plover import SYMMETRIC
from bowerbird.settings import Settings, load_settings
from bowerbird.store.writer import Store

#: PLOVER codes intentions: a planned CONSULT/SUPPORT/COOPERATE/AID is AGREE, a planned
#: RETREAT is CONCEDE (manual sections 3.1 and 3.4).  Expected files may state either.
PLANNED_AS = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
}


def expected_type(exp: dict[str, Any]) -> set[str]:
    t = str(exp["event_type"])
    if exp.get("status") == "planned" and t in PLANNED_AS:
        return {t, PLANNED_AS[t]}
    return {t}


class _ActorMatcher:
    """Does an exported actor match an expected code (ISO3 country or org id)?

    Organisations match themselves and their parents (``org:unsc`` is part of
    ``org:un``); a person matches the organisation whose office they hold on the date
    of the article (the UN Secretary-General is coded as the UN).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def ancestors(self, actor_id: str) -> set[str]:
        out = {actor_id}
        cur = self.lex.orgs.get(actor_id)
        while cur is not None and cur.parent and cur.parent not in out:
            out.add(cur.parent)
            cur = self.lex.orgs.get(cur.parent)
        return out

    def __call__(
        self, actor: dict[str, Any] | None, want: str | None, day: date | None = None
    ) -> bool:
        if want is None:
            return True
        if actor is None:
            return False
        actor_id = str(actor.get("actor_id", ""))
        if want == actor.get("country") or want in self.ancestors(actor_id):
            return True
        if actor_id.startswith("person:"):
            orgs = {o.org for o in self.lex.offices_of(actor_id, day)}
            return any(want in self.ancestors(org) for org in orgs)
        return False


def _event_matches(
    m: _ActorMatcher,
    ev: dict[str, Any],
    exp: dict[str, Any],
    *,
    need_target: bool,
    day: date | None,
) -> bool:
    if ev["event_type"] not in expected_type(exp):
        return False
    src, tgt = exp.get("source"), exp.get("target")
    direct = m(ev["source"], src, day) and (
        not need_target or tgt is None or m(ev["target"], tgt, day)
    )
    if direct:
        return True
    if exp.get("symmetric") or ev["event_type"] in SYMMETRIC:
        return m(ev["target"], src, day) and (not need_target or m(ev["source"], tgt, day))
    return False


def _same_date(got: str | None, want: str) -> bool:
    """Expected dates are YYYY-MM-DD, or YYYY-MM / YYYY for month and year precision."""
    return got is not None and (got == want or (len(want) < 10 and got.startswith(want)))


def _in_sentence(ev: dict[str, Any], needle: str) -> bool:
    return any(needle in e["text"] for e in ev["evidence"])


def load_expected(folder: Path) -> list[dict[str, Any]]:
    exp_dir = folder / "expected"
    if not exp_dir.is_dir():
        raise EvalError(f"{folder} has no expected/ folder", code="B503")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(exp_dir.glob("*.json"))]


def run_corpus(folder: Path, db: str, settings: Settings, engine: Engine | None = None) -> None:
    store = Store.open(db)
    try:
        run(
            [str(folder)],
            settings,
            write=store.write_batch,
            known_hashes=store.known_hashes,
            engine=engine,
        )
    finally:
        store.close()


def score_store(
    con: Any, expected: list[dict[str, Any]], lexicon: Lexicon | None = None
) -> dict[str, Any]:
    m = _ActorMatcher(lexicon or load_lexicon())
    found = dated = date_ok = 0
    n = 0
    missing: list[str] = []
    predicted_ok = predicted = 0
    q_found = q_n = 0
    st_found = st_n = st_ok = st_pred = 0
    for exp_doc in expected:
        doc_id = exp_doc["doc_id"]
        day = date.fromisoformat(exp_doc["published"]) if exp_doc.get("published") else None
        # extraction is scored per report: merged events would bring other articles' evidence
        events = query.events(con, query.EventFilter(doc=doc_id, unmerged=True))
        exp_events = exp_doc.get("events", [])
        for exp in exp_events:
            n += 1
            cands = [e for e in events if _in_sentence(e, exp["sentence_contains"])]
            hits = [
                e
                for e in cands
                if _event_matches(m, e, exp, need_target=True, day=day)
                and e["status"] == exp.get("status", "occurred")
            ]
            if hits:
                found += 1
                if exp.get("date"):
                    dated += 1
                    date_ok += any(_same_date(h["date"], exp["date"]) for h in hits)
            else:
                got = [
                    (
                        e["event_type"],
                        e["status"],
                        (e["source"] or {}).get("actor_id"),
                        (e["target"] or {}).get("actor_id"),
                    )
                    for e in cands
                ]
                missing.append(
                    f"{doc_id}: {exp['event_type']} {exp.get('source')}->{exp.get('target')} "
                    f"{exp.get('status')} [{exp['sentence_contains']}] got {got}"
                )
        seen: set[str] = set()
        for ev in events:
            if ev["event_id"] in seen:
                continue
            seen.add(ev["event_id"])
            predicted += 1
            predicted_ok += any(
                _in_sentence(ev, x["sentence_contains"])
                and _event_matches(m, ev, x, need_target=False, day=day)
                for x in exp_events
            )
        quotes = query_statements.quotes(con, doc=doc_id)
        for eq in exp_doc.get("quotes", []):
            q_n += 1
            q_found += any(
                eq["contains"] in q["text"] and m(q["speaker"], eq.get("speaker"), day)
                for q in quotes
            )
        st_exp = exp_doc.get("stances", [])
        found_st = query_statements.stances(con, doc=doc_id)

        def same(st: dict[str, Any], x: dict[str, Any], day: date | None = day) -> bool:
            return (
                x["sentence_contains"] in st["evidence"]["text"]
                and st["issue"] == x["issue"]
                and st["position"] == x["position"]
                and m(st["actor"], x["actor"], day)
            )

        st_n += len(st_exp)
        for x in st_exp:
            if any(same(st, x) for st in found_st):
                st_found += 1
            else:
                missing.append(
                    f"{doc_id}: stance {x['actor']} {x['issue']} {x['position']} "
                    f"[{x['sentence_contains']}]"
                )
        st_pred += len(found_st)
        st_ok += sum(1 for st in found_st if any(same(st, x) for x in st_exp))
    return {
        "n": n,
        "event_recall": found / n if n else 0.0,
        "event_precision": predicted_ok / predicted if predicted else 0.0,
        "predicted_events": predicted,
        "date_accuracy": date_ok / dated if dated else 0.0,
        "dated_n": dated,
        "quote_n": q_n,
        "quote_recall": q_found / q_n if q_n else 0.0,
        "stance_n": st_n,
        "stance_recall": st_found / st_n if st_n else 0.0,
        "predicted_stances": st_pred,
        "stance_precision": st_ok / st_pred if st_pred else 0.0,
        "errors": missing,
    }


def evaluate_corpus(
    path: str, *, limit: int | None = None, model: str | None = None, engine: Engine | None = None
) -> dict[str, Any]:
    folder = Path(path)
    if not folder.is_dir():
        raise EvalError(f"{path} is not a corpus folder", code="B504")
    engine = engine or build_engine(load_settings({"model": model}))
    settings = engine.settings
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "corpus.duckdb")
        run_corpus(folder, db, settings, engine)
        store = Store.open(db, read_only=True)
        try:
            return score_store(store.con, load_expected(folder), engine.lexicon)
        finally:
            store.close()
