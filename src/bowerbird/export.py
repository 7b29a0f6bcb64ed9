"""Write query rows (lists of dicts from :mod:`bowerbird.query`) as table, CSV, JSONL or Parquet.

* ``table``: a rich table on stdout (or in ``out``), nested values shown compactly.
* ``csv``: nested objects flattened (``source.actor_id`` -> ``source_actor_id``), lists
  joined with ``;`` (for a list of objects, each field's values are joined).
* ``jsonl``: one JSON object per line, exactly the query's export shape (lossless).
* ``parquet``: nested columns kept as structs/lists; needs an output file.
* ``gdelt``: events only: a GDELT-like TSV, one row per event (see :mod:`bowerbird.gdelt`).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

from bowerbird.errors import E_BAD_OPTION, UsageError

FORMATS = ("table", "csv", "jsonl", "parquet", "gdelt")

ACTOR_KEYS = ("actor_id", "name", "country", "sector", "kind", "text")
LOCATION_KEYS = ("name", "country", "lat", "lon")
EVIDENCE_KEYS = ("doc_id", "sentence_index", "start", "end", "text")

#: Known nested fields, so flattened CSV columns are the same whatever the values.
NESTED_KEYS: dict[str, tuple[str, ...]] = {
    "source": ACTOR_KEYS,
    "target": ACTOR_KEYS,
    "speaker": ACTOR_KEYS,
    "actor": ACTOR_KEYS,
    "location": LOCATION_KEYS,
    "evidence": EVIDENCE_KEYS,
}

_S = pa.string()
_ACTOR_T = pa.struct([(k, _S) for k in ACTOR_KEYS])
_EVIDENCE_T = pa.struct(
    [
        ("doc_id", _S),
        ("sentence_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", _S),
    ]
)

#: Parquet schema of event rows (the export shape).
EVENT_ARROW_SCHEMA = pa.schema(
    [
        ("event_id", _S),
        ("event_type", _S),
        ("mode", _S),
        ("context", pa.list_(_S)),
        ("cameo_root", _S),
        ("quad_class", pa.int8()),
        ("score", pa.float64()),
        ("status", _S),
        ("date", _S),
        ("date_precision", _S),
        ("date_text", _S),
        ("date_source", _S),
        ("source", _ACTOR_T),
        ("target", _ACTOR_T),
        (
            "location",
            pa.struct(
                [("name", _S), ("country", _S), ("lat", pa.float64()), ("lon", pa.float64())]
            ),
        ),
        ("evidence", pa.list_(_EVIDENCE_T)),
        ("confidence", pa.float64()),
        ("reports", pa.int32()),
        ("sources", pa.int32()),
    ]
)

#: Parquet schema of quote rows (the export shape).
QUOTE_ARROW_SCHEMA = pa.schema(
    [
        ("quote_id", _S),
        ("doc_id", _S),
        ("text", _S),
        ("direct", pa.bool_()),
        ("speaker", _ACTOR_T),
        ("speaker_text", _S),
        ("cue", _S),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("date", _S),
        ("event_ids", pa.list_(_S)),
    ]
)

#: Parquet schema of stance rows (the export shape).
STANCE_ARROW_SCHEMA = pa.schema(
    [
        ("stance_id", _S),
        ("actor", _ACTOR_T),
        ("issue", _S),
        ("position", _S),
        ("target_country", _S),
        ("date", _S),
        ("evidence", _EVIDENCE_T),
        ("cue", _S),
        ("rule", _S),
        ("quote_id", _S),
        ("event_id", _S),
    ]
)


def _columns(rows: list[dict[str, Any]], columns: list[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flat_name(col: str, key: str, columns: list[str]) -> str:
    """``parent_key``, or ``parent.key`` when ``parent_key`` is itself a top-level column
    (quotes have both ``speaker.text`` and ``speaker_text``): no value is overwritten."""
    name = f"{col}_{key}"
    return f"{col}.{key}" if name in columns else name


def flatten(row: dict[str, Any], columns: list[str]) -> dict[str, str]:
    """Flatten one row for CSV: nested objects to ``parent_key`` columns, lists joined by ``;``."""
    flat: dict[str, str] = {}
    for col in columns:
        value = row.get(col)
        nested = NESTED_KEYS.get(col)
        if nested is None and isinstance(value, dict):
            nested = tuple(value)
        if nested is None and isinstance(value, list) and value and isinstance(value[0], dict):
            nested = tuple(value[0])
        if nested is None:
            if isinstance(value, list):
                flat[col] = ";".join(_scalar_text(v) for v in value)
            elif isinstance(value, dict):
                flat[col] = json.dumps(value, ensure_ascii=False)
            else:
                flat[col] = _scalar_text(value)
            continue
        for key in nested:
            name = _flat_name(col, key, columns)
            if isinstance(value, list):
                flat[name] = ";".join(
                    _scalar_text(item.get(key)) for item in value if isinstance(item, dict)
                )
            elif isinstance(value, dict):
                flat[name] = _scalar_text(value.get(key))
            else:
                flat[name] = ""
    return flat


def _truncate(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def compact(value: Any) -> str:
    """A short human rendering of a value for the terminal table."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if "actor_id" in value:
            tags = "/".join(str(v) for v in (value.get("country"), value.get("sector")) if v)
            name = str(value.get("name") or value["actor_id"])
            return f"{name} ({tags})" if tags else name
        if {"sentence_index", "text"} <= set(value):  # evidence
            return _truncate(str(value["text"]))
        if {"name", "lat", "lon"} <= set(value):
            country = value.get("country")
            return f"{value['name']} ({country})" if country else str(value["name"])
        return _truncate(json.dumps(value, ensure_ascii=False))
    if isinstance(value, list):
        if value and isinstance(value[0], dict) and "text" in value[0]:
            more = f" (+{len(value) - 1})" if len(value) > 1 else ""
            return _truncate(str(value[0]["text"])) + more
        return ", ".join(_scalar_text(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return _truncate(_scalar_text(value), 120)


def _arrow_table(
    rows: list[dict[str, Any]], columns: list[str], schema: pa.Schema | None
) -> pa.Table:
    if schema is not None and set(columns) == set(schema.names):
        return pa.Table.from_pylist(rows, schema=schema)
    keys = set(columns)
    for known in (EVENT_ARROW_SCHEMA, QUOTE_ARROW_SCHEMA, STANCE_ARROW_SCHEMA):
        if keys == set(known.names):
            return pa.Table.from_pylist(rows, schema=known)
    if not rows:
        return pa.table({c: pa.array([], _S) for c in columns})
    return pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])


def _print_table(
    rows: list[dict[str, Any]], cols: list[str], title: str | None, fh: IO[str]
) -> None:
    """Render a rich table; short columns never wrap, long ones fold."""
    if not cols:  # no rows and no known columns: say so rather than print nothing
        fh.write(f"{title or 'Rows'}: none\n")
        return
    cells = [[compact(row.get(c)) for c in cols] for row in rows]
    table = Table(title=title)
    for i, col in enumerate(cols):
        short = all(len(r[i]) <= 12 for r in cells)
        table.add_column(col, no_wrap=short, overflow="ellipsis" if short else "fold")
    for r in cells:
        table.add_row(*r)
    # a pipe or file has no width: use a wide page unless COLUMNS says otherwise
    wide = not fh.isatty() and "COLUMNS" not in os.environ
    Console(file=fh, soft_wrap=False, width=160 if wide else None).print(table)


@contextmanager
def _text_out(out: str | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    try:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror}", code=E_BAD_OPTION) from exc


def write_rows(
    rows: list[dict[str, Any]],
    fmt: str,
    out: str | None,
    *,
    columns: list[str] | None = None,
    title: str | None = None,
    schema: pa.Schema | None = None,
    urls: Mapping[str, str] | None = None,
) -> None:
    """Write ``rows`` in ``fmt`` to the file ``out`` (None: stdout; parquet needs a file).

    ``columns`` selects and orders the top-level keys (default: all keys, in first-seen
    order, or ``schema``'s names when there are no rows); it applies to every format
    except jsonl, which always writes whole rows.  ``schema`` (one of the ``*_ARROW_SCHEMA``)
    pins the Parquet types and the CSV header, so an empty result still has its columns.
    ``urls`` maps document ids to URLs for the gdelt format's ``SOURCEURL``.
    """
    if fmt not in FORMATS:
        raise UsageError(
            f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})",
            code=E_BAD_OPTION,
        )
    if fmt == "gdelt":
        from bowerbird.gdelt import write_gdelt

        with _text_out(out) as fh:
            write_gdelt(rows, fh, urls)
        return
    cols = _columns(rows, columns)
    if not cols and schema is not None:
        cols = list(schema.names)
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet output needs a file: pass -o FILE", code=E_BAD_OPTION)
        try:
            pq.write_table(_arrow_table(rows, cols, schema), out)
        except OSError as exc:
            raise UsageError(f"cannot write {out}: {exc}", code=E_BAD_OPTION) from exc
        return
    with _text_out(out) as fh:
        if fmt == "jsonl":
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            flat = [flatten(row, cols) for row in rows]
            header: dict[str, None] = {}
            for frow in flat or [flatten({}, cols)]:
                header.update(dict.fromkeys(frow))
            if not header:  # nothing to write, not even a header: an empty file
                return
            writer = csv.DictWriter(fh, fieldnames=list(header), restval="", lineterminator="\n")
            writer.writeheader()
            writer.writerows(flat)
        else:
            _print_table(rows, cols, title, fh)
