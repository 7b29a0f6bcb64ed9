"""Grid search of the ECB+ event-coreference settings on the TRAIN file (never dev).

Usage: ``.venv/bin/python bench/tune_merge_ecb.py ../shared/gold/coref_ecbplus/train.jsonl``
prints the best settings by CoNLL F1; copy them into ``CorefConfig`` by hand.
"""

from __future__ import annotations

import itertools
import sys

from bowerbird.evaluation.merge import CorefConfig, prepare, score_records
from bowerbird.evaluation.runner import make_engine, read_jsonl


def main(path: str) -> None:
    records = read_jsonl(path)
    lemmas, mentions = prepare(records, make_engine())
    results = []
    grid = itertools.product(
        [0.05, 0.07, 0.085, 0.1, 0.15],
        [0.3, 0.4, 0.5, 0.6, 0.7],
        [(0.6, 0.25, 0.15), (0.5, 0.3, 0.2), (0.7, 0.2, 0.1), (0.75, 0.15, 0.1)],
    )
    for doc_t, t, (wt, wa, wc) in grid:
        cfg = CorefConfig(doc_t, t, wt, wa, wc)
        r = score_records(records, lemmas, mentions, cfg)
        results.append((round(r["conll_f1"], 4), cfg))
    for score, cfg in sorted(results, key=lambda x: x[0])[-5:]:
        sys.stdout.write(f"{score}  {cfg}\n")


if __name__ == "__main__":
    main(sys.argv[1])
