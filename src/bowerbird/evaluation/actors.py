"""Actor resolution evaluation on NGEC-style test cases (``actors_ngec.jsonl``).

Each case names a method and its arguments.  We score every enabled case whose input is
known (``args`` not ``[null]``):

* ``agent_to_code`` (text, optional context, optional date): our resolution of the text
  as one noun phrase, on that date; ``country`` and ``code_1`` (sector) are checked where
  expected (an empty expected string means "no value": we must give none);
* ``search_nat`` (text): the country found in the text;
* ``short_text_to_agent`` (text): the sector.

``wiki`` titles are not scored: Bowerbird does not link to Wikipedia.

Sector codes are compared through :data:`GOLD_SECTORS`: NGEC's agent vocabulary (the
PLOVER/CAMEO agents file) names a few sectors differently from ours.  A context argument
(``agent_to_code(text, context)``) is the country the text is about ("German" for
"Defense Minister"): it gives an actor that names no country its country.
"""

from __future__ import annotations

from datetime import date, datetime
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
    if cur not in lexicon.orgs and cur.rsplit("-", 1)[0] in lexicon.orgs:
        cur = cur.rsplit("-", 1)[0]  # an organ of the body ("org:eu-LEG": EU legislators)
    while cur and cur not in seen:
        seen.add(cur)
        org = lexicon.orgs.get(cur)
        cur = org.parent if org is not None and org.parent else ""
    if "org:un" in seen:
        return "UNO"
    if "org:eu" in seen:
        return "EUR"
    return "IGO"


#: Our sector -> the NGEC codes that mean the same.  NGEC's vocabulary has no separate
#: insurgent code (insurgents are REB), calls the news media JRN, and uses MED (medical)
#: and HLH (health bodies) for what our HLH covers.  Our MED is the news media.
GOLD_SECTORS: dict[str, frozenset[str]] = {
    "INS": frozenset({"INS", "REB"}),
    "MED": frozenset({"JRN"}),
    "HLH": frozenset({"HLH", "MED"}),
}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d %Y", "%B %d, %Y", "%d %b %Y")


def sector_matches(ours: str | None, gold: str) -> bool:
    """Whether our sector is the gold code (``""`` and ``UNK``: no sector expected)."""
    if gold in {"", "UNK"}:
        return ours is None or (gold == "" and ours == "")
    return ours is not None and gold in GOLD_SECTORS.get(ours, frozenset({ours}))


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.lower() == "today":
        # "today" is the day the upstream check was written, which is not recorded: the
        # date is unknown (a person is then coded by their latest office)
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text if fmt != "%Y-%m-%d" else text[:10], fmt).date()
        except ValueError:
            continue
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
        context = str(args[1]) if method == "agent_to_code" and len(args) > 1 and args[1] else ""
        actor = stage.resolve_text(engine.nlp(text), day)
        if context:
            actor = stage.with_context_country(actor, engine.nlp(context), day)
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
            good = sector_matches(got_sector, want)
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
