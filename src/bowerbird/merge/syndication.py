"""Syndicated and near-duplicate articles, found at ingest with MinHash (datasketch).

Each stored document gets a MinHash signature of its word 5-shingles and LSH band hashes
(``document_minhash``, ``document_bands``).  A new document is compared only with the
documents sharing a band (an indexed join, not all pairs); when the estimated Jaccard
similarity reaches ``syndication_threshold`` the two are copies.  Copies form groups
(connected components); the group's original is the earliest published document (ties:
the smallest doc id), so the result does not depend on ingest order.  Every other member
is linked to it in ``document_links`` with its similarity to the original; its events stay stored as evidence but are not
counted again as reports or sources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import pyarrow as pa
from datasketch import MinHash

from bowerbird.merge.cluster import UnionFind
from bowerbird.records import Article
from bowerbird.store.arrow import insert_table

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard almost always share a band
SHINGLE = 5
_WORD = re.compile(r"\w+")

_SIG = pa.schema([("doc_id", pa.string()), ("signature", pa.list_(pa.uint64()))])
_BANDS = pa.schema([("doc_id", pa.string()), ("band", pa.int32()), ("hash", pa.uint64())])
_LINKS = pa.schema(
    [("doc_id", pa.string()), ("original_doc_id", pa.string()), ("similarity", pa.float64())]
)


@cache
def _template() -> MinHash:
    """An empty ``MinHash(NUM_PERM, seed=1)`` whose permutations are reused: they are
    drawn once per process (drawing them costs more than hashing a short article)."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(text: str) -> list[int]:
    """MinHash signature of the text's word shingles (lower case, punctuation ignored)."""
    tokens = _WORD.findall(text.lower())
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=t.permutations, scheme=t.scheme)
    span = max(1, len(tokens) - SHINGLE + 1)
    m.update_batch([" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(span)])
    return [int(v) for v in m.hashvalues.tolist()]


def band_hashes(sig: Sequence[int]) -> list[int]:
    """One 64-bit hash per LSH band of the signature."""
    rows = len(sig) // BANDS
    out = []
    for b in range(BANDS):
        chunk = ",".join(str(v) for v in sig[b * rows : (b + 1) * rows])
        digest = hashlib.blake2b(f"{b}:{chunk}".encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big"))
    return out


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def link_copies(con: Any, articles: Sequence[Article], threshold: float) -> int:
    """Store signatures of the new documents and link copies; returns the links written.

    Runs in the caller's transaction, after the documents rows are inserted.
    """
    docs = [a.document for a in articles if a.document is not None]
    if not docs:
        return 0
    sigs = {d.doc_id: signature(d.text) for d in docs}
    insert_table(
        con,
        "document_minhash",
        pa.Table.from_pylist([{"doc_id": k, "signature": v} for k, v in sigs.items()], schema=_SIG),
    )
    insert_table(
        con,
        "document_bands",
        pa.Table.from_pylist(
            [
                {"doc_id": k, "band": i, "hash": h}
                for k, v in sigs.items()
                for i, h in enumerate(band_hashes(v))
            ],
            schema=_BANDS,
        ),
    )
    new_ids = sorted(sigs)
    pairs = con.execute(
        """SELECT DISTINCT a.doc_id, b.doc_id, sb.signature FROM document_bands a
           JOIN document_bands b ON a.band = b.band AND a.hash = b.hash AND a.doc_id <> b.doc_id
           JOIN document_minhash sb ON sb.doc_id = b.doc_id
           WHERE a.doc_id IN (SELECT unnest(?::VARCHAR[]))""",
        [new_ids],
    ).fetchall()
    uf = UnionFind()
    for a, b, sig_b in pairs:
        if similarity(sigs[a], sig_b) >= threshold:
            uf.union(str(a), str(b))
    if not uf.parent:
        return 0
    # bring in the groups the matched stored documents already belong to
    known = sorted(uf.parent)
    for doc_id, original in con.execute(
        """SELECT doc_id, original_doc_id FROM document_links
           WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
              OR original_doc_id IN (SELECT unnest(?::VARCHAR[]))
              OR original_doc_id IN (SELECT original_doc_id FROM document_links
                                     WHERE doc_id IN (SELECT unnest(?::VARCHAR[])))""",
        [known, known, known],
    ).fetchall():
        uf.union(str(doc_id), str(original))
    members = sorted(uf.parent)
    published = {
        str(d): (p.isoformat() if p is not None else "9999-12-31")
        for d, p in con.execute(
            "SELECT doc_id, published FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [members],
        ).fetchall()
    }
    stored = {
        str(d): list(sig)
        for d, sig in con.execute(
            "SELECT doc_id, signature FROM document_minhash "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [members],
        ).fetchall()
    }
    con.execute(
        "DELETE FROM document_links WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [members]
    )
    rows = []
    for group in uf.groups().values():
        original = min(group, key=lambda d: (published.get(d, "9999-12-31"), d))
        for d in group:
            if d != original:
                sim = similarity(stored[d], stored[original])
                rows.append({"doc_id": d, "original_doc_id": original, "similarity": sim})
    insert_table(con, "document_links", pa.Table.from_pylist(rows, schema=_LINKS))
    return len(rows)
