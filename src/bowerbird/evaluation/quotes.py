"""Quote attribution evaluation on PolNeAR-style records (``quotes_polnear.jsonl``).

Each record is an article (``text``, ``published``, ``outlet``) with gold attributions:
``source`` (span or null), ``cue`` and ``content`` pieces.  The gold offsets are into the
record's own text, so the article is analysed as given (spaCy, actors, quotes), without
the cleaning stage that would move offsets.

* A predicted quote *matches* a gold attribution when their content spans overlap.
* ``source_precision``: predicted quotes with a speaker span whose matched gold
  attribution has an overlapping source span, over predicted quotes with a speaker span;
  ``source_recall``: gold attributions with a source for which a matching predicted quote
  has an overlapping speaker span, over gold attributions with a source; F1 from both.
* ``content_f1``: character overlap between all predicted and all gold content spans of
  each article (precision over predicted characters, recall over gold characters).

Results are also broken down by outlet.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date
from typing import Any

from bowerbird.evaluation.runner import make_engine, read_jsonl
from bowerbird.pipeline import Engine
from bowerbird.records import Article, Document, Quote, RawDocument
from bowerbird.stages.actors import ActorsStage
from bowerbird.stages.ingest import content_hash
from bowerbird.stages.quotes import QuotesStage


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclasses.dataclass
class _Counts:
    pred_src: int = 0
    pred_src_ok: int = 0
    gold_src: int = 0
    gold_src_ok: int = 0
    pred_chars: int = 0
    gold_chars: int = 0
    both_chars: int = 0

    def scores(self) -> dict[str, float]:
        sp = self.pred_src_ok / self.pred_src if self.pred_src else 0.0
        sr = self.gold_src_ok / self.gold_src if self.gold_src else 0.0
        cp = self.both_chars / self.pred_chars if self.pred_chars else 0.0
        cr = self.both_chars / self.gold_chars if self.gold_chars else 0.0
        return {
            "source_precision": sp,
            "source_recall": sr,
            "source_f1": _f1(sp, sr),
            "content_precision": cp,
            "content_recall": cr,
            "content_f1": _f1(cp, cr),
        }


def _score_article(gold: list[dict[str, Any]], quotes: tuple[Quote, ...], c: _Counts) -> None:
    gold_content = [[(p["start"], p["end"]) for p in g["content"]] for g in gold]
    pred = [(q, (q.start, q.end)) for q in quotes]
    for q, span in pred:
        if q.speaker_start < 0:
            continue
        c.pred_src += 1
        speaker = (q.speaker_start, q.speaker_end)
        for g, pieces in zip(gold, gold_content, strict=True):
            src = g.get("source")
            if (
                src
                and any(_overlap(span, p) for p in pieces)
                and _overlap(speaker, (src["start"], src["end"]))
            ):
                c.pred_src_ok += 1
                break
    for g, pieces in zip(gold, gold_content, strict=True):
        src = g.get("source")
        if not src:
            continue
        c.gold_src += 1
        for q, span in pred:
            if (
                q.speaker_start >= 0
                and any(_overlap(span, p) for p in pieces)
                and _overlap((q.speaker_start, q.speaker_end), (src["start"], src["end"]))
            ):
                c.gold_src_ok += 1
                break
    gold_chars = {i for pieces in gold_content for a, b in pieces for i in range(a, b)}
    pred_chars = {i for _, (a, b) in pred for i in range(a, b)}
    c.gold_chars += len(gold_chars)
    c.pred_chars += len(pred_chars)
    c.both_chars += len(gold_chars & pred_chars)


def evaluate_quotes(
    path: str, *, limit: int | None = None, model: str | None = None, engine: Engine | None = None
) -> dict[str, Any]:
    records = read_jsonl(path, limit)
    engine = engine or make_engine(model)
    actors = next(s for s in engine.after_nlp if isinstance(s, ActorsStage))
    quotes_stage = next(s for s in engine.after_nlp if isinstance(s, QuotesStage))
    settings = engine.settings
    total = _Counts()
    by_outlet: dict[str, _Counts] = defaultdict(_Counts)
    texts = [r["text"] for r in records]
    for rec, doc in zip(records, engine.nlp.pipe(texts, batch_size=16), strict=True):
        published = rec.get("published")
        day = published if published and date.fromisoformat(published[:10]) else None
        text = rec["text"]
        h = content_hash(text)
        raw = RawDocument(rec["id"], "eval", text, "text", h, day, "record" if day else "none")
        document = Document(
            rec["id"], "eval", h, text, text, None, day, "record" if day else "none"
        )
        art = Article(raw=raw, document=document, nlp=doc)
        art = quotes_stage(actors(art, settings), settings)
        for counts in (total, by_outlet[rec.get("outlet") or "?"]):
            _score_article(rec["attributions"], art.quotes, counts)
    result: dict[str, Any] = {"n": len(records), **total.scores()}
    result["gold_attributions_with_source"] = total.gold_src
    result["per_category"] = {
        k: {m: round(v, 3) for m, v in c.scores().items() if m in ("source_f1", "content_f1")}
        for k, c in sorted(by_outlet.items())
    }
    return result
