"""Actor resolution evaluation on NGEC-style test cases (``actors_ngec.jsonl``).

Each case names a method and its arguments.  We score every enabled case whose input is
known (``args`` not ``[null]``):

* ``agent_to_code`` (text, optional context, optional date): our resolution of the text
  as one noun phrase, on that date; ``country`` and ``code_1`` (sector) are checked where
  expected (an empty expected string means "no value": we must give none);
* ``search_nat`` (text): the country found in the text;
* ``short_text_to_agent`` (text): the sector.

``wiki`` titles are not scored: Bowerbird does not link to Wikipedia.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bowerbird.evaluation.runner import make_engine, read_jsonl
from bowerbird.lexicons import Lexicon
from bowerbird.pipeline import Engine
from bowerbird.records import Actor
from bowerbird.stages.actors import ActorsStage


def ngec_country(actor: Actor, lexicon: Lexicon) -> str | None:
    """Our actor's country in NGEC's convention: IGOs get "UNO" (the UN and its bodies),
    "EUR" (the EU and its institutions) or "IGO" (others) instead of no country."""
    if actor.country or actor.kind != "igo":
        return actor.country
    seen: set[str] = set()
    cur = actor.actor_id
    while cur and cur not in seen:
        seen.add(cur)
        org = lexicon.orgs.get(cur)
        cur = org.parent if org is not None and org.parent else ""
    if "org:un" in seen:
        return "UNO"
    if "org:eu" in seen:
        return "EUR"
    return "IGO"


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    if value == "today":
        return date.today()  # the case literally asks for the current office holder
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def evaluate_actors(
    path: str, *, limit: int | None = None, model: str | None = None, engine: Engine | None = None
) -> dict[str, Any]:
    cases = read_jsonl(path, limit)
    engine = engine or make_engine(model)
    stage = next(s for s in engine.after_nlp if isinstance(s, ActorsStage))
    country_ok = country_n = sector_ok = sector_n = 0
    errors: list[str] = []
    for case in cases:
        args = case.get("args") or []
        if not case.get("enabled", True) or not args or args[0] is None:
            continue
        method, expect = case["method"], case.get("expect") or {}
        if method not in {"agent_to_code", "search_nat", "short_text_to_agent"}:
            continue
        text = str(args[0])
        day = _day(args[2]) if method == "agent_to_code" and len(args) > 2 else None
        actor = stage.resolve_text(engine.nlp(text), day)
        got_country = ngec_country(actor, engine.lexicon) if actor else None
        got_sector = actor.sector if actor else None
        want_country = expect.get("country", expect.get("cc"))
        if want_country is not None:
            country_n += 1
            good = (got_country or "") == want_country
            country_ok += good
            if not good:
                errors.append(
                    f"{case['test']}: {text!r} country want {want_country!r} got {got_country!r}"
                )
        if "code_1" in expect:
            sector_n += 1
            want = expect["code_1"]
            good = (got_sector or "") == want or (want == "UNK" and got_sector is None)
            sector_ok += good
            if not good:
                errors.append(f"{case['test']}: {text!r} sector want {want!r} got {got_sector!r}")
    return {
        "n": max(country_n, sector_n),
        "country_n": country_n,
        "sector_n": sector_n,
        "country_accuracy": country_ok / country_n if country_n else 0.0,
        "sector_accuracy": sector_ok / sector_n if sector_n else 0.0,
        "errors": errors,
    }
