"""``bowerbird eval merge``: cross-document event coreference on ECB+ (gold mentions).

The same scoring idea as the event merge (:mod:`bowerbird.merge.score`) applied to the
gold event mentions of ECB+: within each topic, documents are first grouped into
sub-topics by lexical similarity (TF-IDF cosine, average link), then the mentions of a
sub-topic are clustered (average link) by a weighted pair score of trigger-lemma
agreement, argument overlap (the entity mentions of the mention's sentence) and sentence
context.  Weights and thresholds are tuned on ``train.jsonl`` (see
``bench/tune_merge_ecb.py``) and fixed here; the dev file is only reported.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bowerbird.evaluation.coref_metrics import conll
from bowerbird.evaluation.runner import make_engine, read_jsonl
from bowerbird.merge.score import jaccard, stem
from bowerbird.pipeline import Engine

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


@dataclass(frozen=True, slots=True)
class CorefConfig:
    """Weights and thresholds of the ECB+ clustering (tuned on train.jsonl)."""

    doc_threshold: float = 0.085  # TF-IDF cosine for documents in one sub-topic
    threshold: float = 0.4  # average pair score for joining two mention clusters
    w_trigger: float = 0.7
    w_args: float = 0.2
    w_context: float = 0.1


@dataclass(frozen=True, slots=True)
class Mention:
    key: tuple[str, int, tuple[int, ...]]  # (doc id, sentence, tokens)
    doc_id: str
    lemma: str
    args: frozenset[str]
    context: frozenset[str]


def _lemmatise(engine: Engine, sentences: list[list[str]]) -> list[list[tuple[str, str]]]:
    """(lemma, POS) of every token of pre-tokenised sentences."""
    from spacy.tokens import Doc

    nlp = engine.nlp
    docs = [Doc(nlp.vocab, words=s) if s else Doc(nlp.vocab, words=["."]) for s in sentences]
    names = [n for n in nlp.pipe_names if n not in {"parser", "ner"}]
    out = []
    with nlp.select_pipes(enable=names):
        for doc in nlp.pipe(docs, batch_size=256):
            out.append([(t.lemma_.lower(), t.pos_) for t in doc])
    return out


def _mentions(record: dict[str, Any], lemmas: list[list[tuple[str, str]]]) -> list[Mention]:
    args_by_sent: dict[int, set[str]] = {}
    for ent in record.get("entity_mentions", []):
        sent = lemmas[ent["sent"]]
        words = {sent[i][0] for i in ent["tokens"] if i < len(sent) and sent[i][1] in _CONTENT_POS}
        args_by_sent.setdefault(ent["sent"], set()).update(words)
    out = []
    for m in record["event_mentions"]:
        sent = lemmas[m["sent"]]
        toks = [sent[i] for i in m["tokens"] if i < len(sent)]
        heads = [lem for lem, pos in toks if pos in {"VERB", "NOUN"}] or [lem for lem, _ in toks]
        context = frozenset(lem for lem, pos in sent if pos in _CONTENT_POS)
        out.append(
            Mention(
                key=(record["id"], m["sent"], tuple(m["tokens"])),
                doc_id=record["id"],
                lemma=heads[0] if heads else m["text"].lower(),
                args=frozenset(args_by_sent.get(m["sent"], set())),
                context=context,
            )
        )
    return out


def _tfidf(docs: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    df: Counter[str] = Counter()
    for bag in docs.values():
        df.update(bag.keys())
    n = len(docs)
    vecs = {}
    for d, bag in docs.items():
        v = {w: c * (math.log((1 + n) / (1 + df[w])) + 1.0) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[d] = {w: x / norm for w, x in v.items()}
    return vecs


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def average_link(n: int, sim: list[list[float]], threshold: float) -> list[list[int]]:
    """Agglomerative clustering of ``n`` items: join the two clusters with the highest
    average pairwise similarity while it is at least ``threshold``."""
    clusters: list[list[int]] = [[i] for i in range(n)]
    while len(clusters) > 1:
        best, pair = threshold, None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                a, b = clusters[i], clusters[j]
                avg = sum(sim[x][y] for x in a for y in b) / (len(a) * len(b))
                if avg >= best:
                    best, pair = avg, (i, j)
        if pair is None:
            break
        i, j = pair
        clusters[i] = clusters[i] + clusters[j]
        del clusters[j]
    return clusters


def pair_score(a: Mention, b: Mention, cfg: CorefConfig) -> float:
    """Weighted mean of trigger-lemma agreement, argument overlap and context overlap."""
    trig = 1.0 if a.lemma == b.lemma else (0.5 if stem(a.lemma) == stem(b.lemma) else 0.0)
    total = cfg.w_trigger + cfg.w_args + cfg.w_context
    return (
        cfg.w_trigger * trig
        + cfg.w_args * jaccard(a.args, b.args)
        + cfg.w_context * jaccard(a.context, b.context)
    ) / total


def subtopics(
    records: Sequence[dict[str, Any]], lemmas: dict[str, Any], cfg: CorefConfig
) -> list[list[str]]:
    """Documents of each topic grouped by lexical similarity."""
    by_topic: dict[str, list[str]] = {}
    for r in records:
        by_topic.setdefault(str(r["topic"]), []).append(r["id"])
    groups: list[list[str]] = []
    for ids in by_topic.values():
        bags = {
            d: Counter(lem for sent in lemmas[d] for lem, pos in sent if pos in _CONTENT_POS)
            for d in ids
        }
        vecs = _tfidf(bags)
        sim = [[_cosine(vecs[a], vecs[b]) for b in ids] for a in ids]
        groups.extend([ids[i] for i in c] for c in average_link(len(ids), sim, cfg.doc_threshold))
    return groups


def cluster_mentions(mentions: Sequence[Mention], cfg: CorefConfig) -> list[list[Mention]]:
    n = len(mentions)
    sim = [[pair_score(mentions[i], mentions[j], cfg) for j in range(n)] for i in range(n)]
    return [[mentions[i] for i in c] for c in average_link(n, sim, cfg.threshold)]


def prepare(
    records: Sequence[dict[str, Any]], engine: Engine
) -> tuple[dict[str, Any], dict[str, list[Mention]]]:
    flat = [s for r in records for s in r["sentences"]]
    analysed = iter(_lemmatise(engine, flat))
    lemmas = {r["id"]: [next(analysed) for _ in r["sentences"]] for r in records}
    mentions = {r["id"]: _mentions(r, lemmas[r["id"]]) for r in records}
    return lemmas, mentions


def score_records(
    records: Sequence[dict[str, Any]],
    lemmas: dict[str, Any],
    mentions: dict[str, list[Mention]],
    cfg: CorefConfig,
) -> dict[str, Any]:
    """Cluster the gold mentions and score them against the gold chains."""
    gold: dict[str, set[Any]] = {}
    for r in records:
        for m, g in zip(mentions[r["id"]], r["event_mentions"], strict=True):
            gold.setdefault(g["chain"], set()).add(m.key)
    predicted: list[set[Any]] = []
    groups = subtopics(records, lemmas, cfg)
    for docs in groups:
        ms = [m for d in docs for m in mentions[d]]
        predicted.extend({m.key for m in c} for c in cluster_mentions(ms, cfg))
    scores: dict[str, Any] = conll(gold.values(), predicted)
    scores.update(
        n=sum(len(v) for v in mentions.values()),
        documents=len(records),
        gold_clusters=len(gold),
        predicted_clusters=len(predicted),
        subtopics=len(groups),
    )
    return scores


def evaluate_merge(
    path: str,
    *,
    limit: int | None = None,
    model: str | None = None,
    engine: Engine | None = None,
    config: CorefConfig | None = None,
) -> dict[str, Any]:
    """Score event coreference on an ECB+ JSONL file (records as in the gold README)."""
    records = read_jsonl(path, limit)
    engine = engine or make_engine(model)
    lemmas, mentions = prepare(records, engine)
    return score_records(records, lemmas, mentions, config or CorefConfig())
