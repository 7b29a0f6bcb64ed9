"""Hand-built records and a small JSON Schema validator shared by the store/query tests."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bowerbird.records import (
    Actor,
    ActorRef,
    Article,
    Document,
    DroppedSpan,
    Event,
    EventDate,
    EventStatus,
    Evidence,
    Location,
    Mention,
    Quote,
    RawDocument,
    Sentence,
    Stance,
)

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "src" / "bowerbird" / "schema"

USA = Actor("USA", "United States", "USA", None, "state")
USA_GOV = Actor("USA-GOV", "United States government", "USA", "GOV", "state")
CHN = Actor("CHN", "China", "CHN", None, "state")
RUS_MIL = Actor("RUS-MIL", "Russian military", "RUS", "MIL", "state")
WANG = Actor("person:wang-yi", "Wang Yi", "CHN", "GOV", "person")
UN = Actor("org:un", "United Nations", None, "IGO", "igo")


@dataclass(frozen=True)
class Timex:
    """Stand-in for dates.Timex (the store reads its attributes only)."""

    start: int
    end: int
    text: str
    kind: str
    value: str
    date: str | None
    precision: str | None


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_event(
    event_id: str,
    doc_id: str,
    sentence: Sentence,
    *,
    event_type: str = "ACCUSE",
    date: str = "2024-03-01",
    source: Actor | None = USA,
    targets: tuple[Actor, ...] = (CHN,),
    status: EventStatus = "occurred",
    location: Location | None = None,
) -> Event:
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        event_type=event_type,
        mode="verbal",
        context=("military", "cyber"),
        cameo_root="11",
        quad_class=3,
        score=-2.5,
        status=status,
        date=EventDate(date=date, precision="day", text="on Friday", source="text"),
        source=None if source is None else ActorRef(source, source.name, 0, 5),
        targets=tuple(ActorRef(t, t.name) for t in targets),
        location=location,
        evidence=(Evidence(doc_id, sentence.index, sentence.start, sentence.end, sentence.text),),
        confidence=0.75,
        trigger="accused",
        trigger_start=sentence.start + 2,
        trigger_end=sentence.start + 9,
    )


def make_article(
    doc_id: str,
    text: str,
    *,
    events: tuple[dict[str, Any], ...] = ({},),
    published: str | None = "2024-03-02",
    quote_text: str = "We will respond",
    title: str | None = "A title",
    stance_issue: str = "sanctions",
) -> Article:
    """An article with one sentence per line of ``text``; events get kwargs from ``events``."""
    sentences: list[Sentence] = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(Sentence(doc_id, i, pos, pos + len(line), line))
        pos += len(line) + 1
    first = sentences[0]
    doc = Document(
        doc_id=doc_id,
        origin=f"/data/{doc_id}.txt",
        content_hash=sha(text),
        text=text,
        pre_clean_text="Menu | Home\n" + text,
        title=title,
        published=published,
        published_source="record",
        url=f"https://example.org/{doc_id}",
        outlet="Example Times",
        author="A. Writer",
        sitename="example.org",
        fmt="text",
        dropped=(DroppedSpan(0, 11, "nav", "Menu | Home"),),
    )
    evs = tuple(make_event(f"{doc_id}-e{i}", doc_id, first, **kw) for i, kw in enumerate(events))
    stance = Stance(
        stance_id=f"{doc_id}-s0",
        doc_id=doc_id,
        actor=ActorRef(WANG, "Wang"),
        issue=stance_issue,
        position="oppose",
        target_country="USA" if evs else None,
        date=published,
        evidence=Evidence(doc_id, 0, first.start, first.end, first.text),
        cue="condemned",
        rule="quote",
        quote_id=f"{doc_id}-q0",
        event_id=evs[0].event_id if evs else None,
    )
    mentions = (
        Mention(doc_id, 0, first.start, first.start + 2, "US", USA, "lexicon"),
        Mention(doc_id, 0, first.start, first.start + 2, "someone", None, "unresolved"),
    )
    quote = Quote(
        quote_id=f"{doc_id}-q0",
        doc_id=doc_id,
        text=quote_text,
        direct=True,
        speaker=ActorRef(WANG, "Wang"),
        speaker_text="Wang",
        cue="said",
        start=first.start,
        end=first.end,
        date="2024-03-01",
        sentence_index=0,
        event_ids=tuple(e.event_id for e in evs[:1]),
    )
    raw = RawDocument(doc_id, doc.origin, text, "text", doc.content_hash)
    return Article(
        raw=raw,
        document=doc,
        sentences=tuple(sentences),
        mentions=mentions,
        events=evs,
        quotes=(quote,),
        stances=(stance,),
        timexes=(Timex(0, 6, "Friday", "relative", "2024-03-01", "2024-03-01", "day"),),
    )


def load_schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return data


_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def validate(value: Any, schema: dict[str, Any], root: dict[str, Any] | None = None) -> list[str]:
    """Check ``value`` against the JSON Schema subset our schema files use; return errors."""
    root = root if root is not None else schema
    errors: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return validate(value, root["$defs"][name], root)
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not validate(value, s, root)]
        if len(ok) != 1:
            errors.append(f"{value!r} matches {len(ok)} of oneOf")
        return errors
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            return [f"{value!r} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{value!r} too short")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{value} > {schema['maximum']}")
    if isinstance(value, list) and "items" in schema:
        for item in value:
            errors += validate(item, schema["items"], root)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"missing {key}")
        if schema.get("additionalProperties") is False:
            errors += [f"unexpected {k}" for k in value if k not in props]
        for key, sub in props.items():
            if key in value:
                errors += [f"{key}: {e}" for e in validate(value[key], sub, root)]
    return errors
