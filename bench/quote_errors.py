"""Error analysis of quote attribution against PolNeAR-style gold (``quotes_polnear.jsonl``).

Parses the gold texts once (spaCy + actors stage) and caches the result, so that the quotes
stage can be re-run quickly after each change.  Buckets the source misses (gold
attributions with a source that no predicted quote matches) and the source false positives
(predicted quotes with a speaker that matches no gold attribution)::

    .venv/bin/python bench/quote_errors.py ../shared/gold/quotes_polnear.jsonl \
        --cache /tmp/bb_quotes_cache --start 150 --end 924 --show wrong_speaker --n 30

``--outlet huff-post,breitbart`` restricts the range to some publishers.

The source/content scores printed are those of ``bowerbird eval quotes`` on the same range.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from spacy.tokens import DocBin

from bowerbird.evaluation.quotes import _Counts, _score_article
from bowerbird.evaluation.runner import make_engine, read_jsonl
from bowerbird.lexicons import load_lexicon
from bowerbird.records import Article, Document, Quote, RawDocument
from bowerbird.stages.actors import ActorsStage
from bowerbird.stages.ingest import content_hash
from bowerbird.stages.quotes import QuotesStage


def _ov(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _build_cache(records: list[dict[str, Any]], cache: Path) -> None:
    engine = make_engine(None)
    actors = next(s for s in engine.after_nlp if isinstance(s, ActorsStage))
    cache.mkdir(parents=True, exist_ok=True)
    texts = [r["text"] for r in records]
    bin_ = DocBin(store_user_data=True)
    mentions = []
    for n, (rec, doc) in enumerate(
        zip(records, engine.nlp.pipe(texts, batch_size=16), strict=True)
    ):
        art = _article(rec, doc)
        art = actors(art, engine.settings)
        bin_.add(doc)
        mentions.append(art.mentions)
        if n % 50 == 0:
            print(f"parsed {n}", file=sys.stderr)
    (cache / "docs.spacy").write_bytes(bin_.to_bytes())
    (cache / "mentions.pkl").write_bytes(pickle.dumps(mentions))


def _article(rec: dict[str, Any], doc: Any, mentions: Any = ()) -> Article:
    text = rec["text"]
    h = content_hash(text)
    day = rec.get("published")
    raw = RawDocument(rec["id"], "eval", text, "text", h, day, "record" if day else "none")
    document = Document(rec["id"], "eval", h, text, text, None, day, "record" if day else "none")
    return Article(raw=raw, document=document, nlp=doc, mentions=mentions)


def _classify(rec: dict[str, Any], quotes: tuple[Quote, ...]) -> list[dict[str, Any]]:
    text = rec["text"]
    out: list[dict[str, Any]] = []
    gold = rec["attributions"]
    for g in gold:
        src = g.get("source")
        if not src:
            continue
        pieces = [(p["start"], p["end"]) for p in g["content"]]
        s = (src["start"], src["end"])
        hits = [q for q in quotes if any(_ov((q.start, q.end), p) for p in pieces)]
        if any(q.speaker_start >= 0 and _ov((q.speaker_start, q.speaker_end), s) for q in hits):
            continue
        if not hits:
            kind = "miss_no_quote"
        elif all(q.speaker_start < 0 for q in hits):
            kind = "miss_no_speaker"
        else:
            kind = "wrong_speaker"
        q0 = next((q for q in hits if q.speaker_start >= 0), hits[0] if hits else None)
        out.append(
            {
                "side": "gold",
                "kind": kind,
                "id": rec["id"],
                "gold_src": src["text"],
                "gold_cue": (g.get("cue") or {}).get("text"),
                "gold_content": " | ".join(p["text"] for p in g["content"])[:160],
                "pred_src": (
                    text[q0.speaker_start : q0.speaker_end]
                    if q0 and q0.speaker_start >= 0
                    else None
                ),
                "pred_cue": q0.cue if q0 else None,
                "direct": q0.direct if q0 else None,
                "ctx": text[max(0, s[0] - 100) : s[1] + 100].replace("\n", " / "),
            }
        )
    for q in quotes:
        if q.speaker_start < 0:
            continue
        sp = (q.speaker_start, q.speaker_end)
        ok = False
        content_hit = False
        for g in gold:
            pieces = [(p["start"], p["end"]) for p in g["content"]]
            if any(_ov((q.start, q.end), p) for p in pieces):
                content_hit = True
                src = g.get("source")
                if src and _ov(sp, (src["start"], src["end"])):
                    ok = True
                    break
        if ok:
            continue
        out.append(
            {
                "side": "pred",
                "kind": "fp_wrong_speaker" if content_hit else "fp_no_gold",
                "id": rec["id"],
                "pred_src": text[sp[0] : sp[1]],
                "pred_cue": q.cue,
                "direct": q.direct,
                "content": q.text[:160],
                "ctx": text[max(0, sp[0] - 100) : sp[1] + 100].replace("\n", " / "),
            }
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--cache", default="/tmp/bb_quotes_cache")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--end", type=int, default=150)
    ap.add_argument("--show", default="", help="bucket to print examples of")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--dump", default="", help="write all error rows as JSONL here")
    ap.add_argument("--outlet", default="", help="only these outlets (comma-separated)")
    args = ap.parse_args()
    records = read_jsonl(args.gold)
    cache = Path(args.cache)
    if not (cache / "docs.spacy").exists():
        _build_cache(records, cache)
    engine = make_engine(None)
    vocab = engine.nlp.vocab  # lexical attributes (is_quote, like_num) need the language
    docs = list(DocBin().from_bytes((cache / "docs.spacy").read_bytes()).get_docs(vocab))
    mentions = pickle.loads((cache / "mentions.pkl").read_bytes())
    stage = QuotesStage(load_lexicon(engine.settings.lexicons))
    total = _Counts()
    rows: list[dict[str, Any]] = []
    outlets = {o for o in args.outlet.split(",") if o}
    for i in range(args.start, min(args.end, len(records))):
        if outlets and records[i].get("outlet") not in outlets:
            continue
        art = stage(_article(records[i], docs[i], mentions[i]), engine.settings)
        _score_article(records[i]["attributions"], art.quotes, total)
        rows.extend(_classify(records[i], art.quotes))
    scores = {k: round(v, 3) for k, v in total.scores().items()}
    print(json.dumps(scores))
    print(collections.Counter(r["kind"] for r in rows).most_common())
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.show:
        for r in [r for r in rows if r["kind"] == args.show][: args.n]:
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
