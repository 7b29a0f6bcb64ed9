"""Event coding evaluation: PLOVER gold records and the five-way quad grouping.

``events`` (format of ``events_plover.jsonl``): each record is one sentence with one gold
event.  The gold file marks no trigger, so the predicted event scored is the sentence's
*first* event, and the events stage orders a sentence's events by the depth of their
trigger in the dependency tree (main clause first), then by position.  Scores:

* ``event_type_accuracy``: primary event's category equals the gold category (no
  prediction counts as wrong);
* ``source_country_accuracy``: over records with a coded gold source, the primary
  event's source code is among the gold source codes;
* ``target_country_accuracy``: over records whose gold event has a counterpart, the
  primary event's first target matches it.  The counterpart is the gold target (any of
  them), or, for a reciprocal gold event (the README's format: both actors as sources and
  an empty target), the gold source our source did not take: a reciprocal event coded
  "A -> B" is right when our source is A and our target B, in either order, and an event
  coded with no target, or with a target that repeats our source's party, misses B;
* ``event_precision``: predicted events whose category matches their sentence's gold
  category, over all predicted events (every gold sentence has exactly one event, so
  extra events of other categories count against precision).

Actor codes: our actor's ISO3 country.  Actors without a country are mapped to the gold
file's codes for bodies without a state (a mapping of conventions, not of our ontology):
intergovernmental organisations and NGOs both read as ``IGO`` or ``NGO``, because the gold
file codes transnational non-governmental bodies as IGO (Amnesty International, the Red
Cross) and others as NGO; armed groups without a country (al-Qaeda) read as ``IMG``, the
CAMEO code for international militant groups.  Gold's non-standard codes JAP, ITL and VTN
are read as JPN, ITA and VNM.

``quad`` (format of ``quad_conflibert.jsonl``): five labels, 0 statements and appeals
(CAMEO 01/02), 1 verbal cooperation (03–05), 2 material cooperation (06–08), 3 verbal
conflict (09–13, 16), 4 material conflict (14, 15, 17–20).  We map our primary event's
CAMEO root to that grouping; a sentence with no coded event is a statement (0).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from bowerbird.evaluation.runner import analyse, make_engine, read_jsonl
from bowerbird.pipeline import Engine
from bowerbird.records import Actor, Article, Event

GOLD_CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


STATELESS_BODY = frozenset({"IGO", "NGO"})
ARMED_SECTORS = frozenset({"REB", "INS"})


def actor_codes(actor: Actor | None) -> frozenset[str]:
    """The gold codes our actor matches (see the module docstring); empty = none."""
    if actor is None:
        return frozenset()
    if actor.country:
        return frozenset({actor.country})
    if actor.kind == "igo" or actor.sector in STATELESS_BODY:
        return STATELESS_BODY
    if actor.kind == "group" and actor.sector in ARMED_SECTORS:
        return frozenset({"IMG"})
    return frozenset()


def primary_event(article: Article) -> Event | None:
    """The sentence's first event: the events stage orders events main clause first."""
    return article.events[0] if article.events else None


def _codes(actors: list[dict[str, Any]]) -> set[str]:
    return {GOLD_CODE_FIX.get(a["code"], a["code"]) for a in actors if a.get("code")}


def counterpart_codes(
    gold_sources: list[dict[str, Any]], gold_targets: list[dict[str, Any]], source: frozenset[str]
) -> set[str]:
    """The codes a correct first target may have; empty when gold names no counterpart.

    Gold targets if there are any; for a reciprocal record (two or more coded sources, no
    target) the codes of the gold sources left once the one our source matches is set
    aside ("Hungarian and Romanian officials agreed": source HUN needs target ROU).
    """
    if gold_targets:
        return _codes(gold_targets)
    codes = [GOLD_CODE_FIX.get(a["code"], a["code"]) for a in gold_sources if a.get("code")]
    if len(codes) < 2:
        return set()
    taken = next((c for c in codes if c in source), None)
    if taken is not None:
        codes.remove(taken)
    return set(codes)


def evaluate_events(
    path: str, *, limit: int | None = None, model: str | None = None, engine: Engine | None = None
) -> dict[str, Any]:
    gold = read_jsonl(path, limit)
    engine = engine or make_engine(model)
    articles = list(analyse(engine, [g["text"] for g in gold]))
    n = len(gold)
    type_ok = src_ok = src_n = tgt_ok = tgt_n = 0
    predicted = matched = 0
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[str] = []
    for g, art in zip(gold, articles, strict=True):
        ev = primary_event(art)
        gold_type = g["event_type"]
        pred_type = ev.event_type if ev else "NONE"
        confusion[gold_type][pred_type] += 1
        type_ok += pred_type == gold_type
        predicted += len(art.events)
        matched += sum(e.event_type == gold_type for e in art.events)
        gsrc = _codes(g.get("source") or [])
        psrc = actor_codes(ev.source.actor if ev and ev.source else None)
        if gsrc:
            src_n += 1
            src_ok += bool(psrc & gsrc)
        ptgt = actor_codes(ev.targets[0].actor) if ev and ev.targets else frozenset()
        counterpart = counterpart_codes(g.get("source") or [], g.get("target") or [], psrc)
        if counterpart:
            tgt_n += 1
            tgt_ok += bool(ptgt & counterpart)
        if pred_type != gold_type and len(errors) < 60:
            errors.append(f"{g['id']}: gold {gold_type} predicted {pred_type}: {g['text'][:90]}")
    return {
        "n": n,
        "event_type_accuracy": type_ok / n if n else 0.0,
        "source_country_accuracy": src_ok / src_n if src_n else 0.0,
        "source_n": src_n,
        "target_country_accuracy": tgt_ok / tgt_n if tgt_n else 0.0,
        "target_n": tgt_n,
        "event_precision": matched / predicted if predicted else 0.0,
        "event_recall": sum(
            1
            for g, a in zip(gold, articles, strict=True)
            if any(e.event_type == g["event_type"] for e in a.events)
        )
        / n
        if n
        else 0.0,
        "predicted_events": predicted,
        "confusion": {k: dict(v) for k, v in confusion.items()},
        "errors": errors,
    }


QUAD_OF_ROOT = {
    "01": 0,
    "02": 0,
    "03": 1,
    "04": 1,
    "05": 1,
    "06": 2,
    "07": 2,
    "08": 2,
    "09": 3,
    "10": 3,
    "11": 3,
    "12": 3,
    "13": 3,
    "16": 3,
    "14": 4,
    "15": 4,
    "17": 4,
    "18": 4,
    "19": 4,
    "20": 4,
}


def quad_label(event: Event | None) -> int:
    if event is None:
        return 0
    if event.cameo_root in QUAD_OF_ROOT:
        return QUAD_OF_ROOT[event.cameo_root]
    return event.quad_class  # PLOVER quad classes 1-4 are the same groups


def evaluate_quad(
    path: str, *, limit: int | None = None, model: str | None = None, engine: Engine | None = None
) -> dict[str, Any]:
    gold = read_jsonl(path, limit)
    engine = engine or make_engine(model)
    articles = list(analyse(engine, [g["text"] for g in gold]))
    confusion: dict[int, Counter[int]] = defaultdict(Counter)
    ok = 0
    for g, art in zip(gold, articles, strict=True):
        pred = quad_label(primary_event(art))
        confusion[int(g["quad_label"])][pred] += 1
        ok += pred == int(g["quad_label"])
    n = len(gold)
    per_label = {
        str(k): round(v[k] / sum(v.values()), 3) for k, v in sorted(confusion.items()) if v
    }
    return {
        "n": n,
        "accuracy": ok / n if n else 0.0,
        "per_category": per_label,
        "confusion": {str(k): {str(p): c for p, c in v.items()} for k, v in confusion.items()},
    }
