"""Event merging: syndicated copies, the pair score, clustering, and the stored result.

See ``docs/merge.md``.  ``score`` (the pair score and its settings), ``cluster``
(blocking and connected components), ``store`` (incremental merge inside the batch
transaction, rebuild, explanations), ``syndication`` (MinHash copies of documents).
"""
