"""Ingest: turn paths into :class:`RawDocument` values (or :class:`Rejection` values).

Reads files and folders (recursively): ``.html``/``.htm``, ``.txt``, ``.jsonl``/``.json``
(one document per line with ``id``, ``text`` or ``html``, optional ``published``,
``url``, ``source`` (outlet) and ``title``; a ``.json`` file may also hold one array of
such objects), and ``.gz`` of any of these.  A document's id is its record ``id``, else
its path relative to the folder given (the file name for a file given directly; JSONL
lines without an id get ``path#line``).  A folder may hold a ``.bowerbirdignore`` file of
glob patterns (relative paths) to leave out, such as ``expected/``.

Nothing is lost: every file or line becomes either a RawDocument or a Rejection with a
reason code from :data:`bowerbird.errors.REJECTION_CODES`.
"""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from bowerbird.errors import E_PATH_MISSING, UsageError
from bowerbird.records import RawDocument, Rejection

HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt"}
RECORD_SUFFIXES = {".jsonl", ".json"}
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | RECORD_SUFFIXES

Item = RawDocument | Rejection


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    doc_id: str  # id derived from the path
    explicit: bool  # named on the command line (vs found in a folder walk)


def content_hash(content: str) -> str:
    """Content identity: sha256 of the NFC-normalised text with whitespace runs folded."""
    norm = " ".join(unicodedata.normalize("NFC", content).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) >= 2 else ""
    return suffixes[-1] if suffixes else ""


def collect_files(paths: Iterable[str | Path]) -> tuple[list[InputFile], int]:
    """Expand paths into input files (sorted, stable). Returns (files, skipped_count).

    A missing path is a usage error.  In folder walks, hidden files and files of types
    Bowerbird does not read are skipped (and counted); a file named explicitly is
    always taken (and rejected later as ``unsupported_format`` if needed).
    """
    files: list[InputFile] = []
    skipped = 0
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageError(f"path not found: {p}", code=E_PATH_MISSING)
        if p.is_dir():
            ignore = _ignore_patterns(p)
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                # not is_dir: a broken link or a pipe is taken, and rejected as unreadable
                if f.is_dir() or any(part.startswith(".") for part in rel.parts):
                    continue
                if _ignored(rel.as_posix(), ignore):
                    skipped += 1
                    continue
                if _inner_suffix(f) not in KNOWN_SUFFIXES:
                    skipped += 1
                    continue
                files.append(InputFile(f, rel.as_posix(), explicit=False))
        else:
            files.append(InputFile(p, p.name, explicit=True))
    return files, skipped


def _ignore_patterns(folder: Path) -> list[str]:
    """Patterns from ``folder/.bowerbirdignore`` (one glob per line, ``#`` comments)."""
    f = folder / ".bowerbirdignore"
    if not f.is_file():
        return []
    lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _ignored(rel: str, patterns: list[str]) -> bool:
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or rel.startswith(pat + "/"):
            return True
    return False


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters mean binary data."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


#: Byte-order marks of UTF-16/32 text (NUL bytes in it do not make it binary).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _WIDE_BOMS if data.startswith(bom)), None)


def decode_bytes(data: bytes) -> str | None:
    """Decode UTF-8 (with or without BOM) or UTF-16/32 with a BOM; accept Windows-1252
    only when it is clean.

    Returns None when the bytes are not reliably decodable (``bad_encoding``).
    """
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    # cp1252 decodes almost anything; only trust it when the non-ASCII characters are
    # letters or common typography, i.e. the text reads as Western European prose.
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return text
    ok = sum(1 for c in non_ascii if c.isalpha() or c in "–—‘’“”…€£°·«»")
    if ok / len(non_ascii) >= 0.9 and len(non_ascii) / max(len(text), 1) < 0.3:
        return text
    return None


def normalise_published(value: Any) -> str | None:
    """Return an ISO date/datetime string, or None when the value is not a valid date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return None
    v = value.strip()
    try:
        if len(v) == 10:
            return date.fromisoformat(v).isoformat()
        return datetime.fromisoformat(v.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def parse_cli_date(value: str) -> str:
    """Validate a --published/--since/--until flag value (YYYY-MM-DD)."""
    from bowerbird.errors import E_BAD_DATE

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise UsageError(f"invalid date {value!r}: expected YYYY-MM-DD", code=E_BAD_DATE) from exc


class Ingester:
    """Reads input files into RawDocuments or Rejections, lazily."""

    def __init__(self, max_text_bytes: int) -> None:
        self.max_text_bytes = max_text_bytes

    def iter_items(self, files: Iterable[InputFile]) -> Iterator[Item]:
        for f in files:
            yield from self._read_file(f)

    def _reject(self, doc_id: str, origin: str, code: str, detail: str) -> Rejection:
        return Rejection(doc_id=doc_id, origin=origin, stage="ingest", code=code, detail=detail)

    def _read_file(self, f: InputFile) -> Iterator[Item]:
        origin = str(f.path)
        suffix = _inner_suffix(f.path)
        if suffix not in KNOWN_SUFFIXES:
            yield self._reject(
                f.doc_id, origin, "unsupported_format", f"unknown file type {suffix!r}"
            )
            return
        if not f.path.is_file():
            detail = "not a regular file (a broken link, a pipe or a device)"
            yield self._reject(f.doc_id, origin, "unreadable", detail)
            return
        # a document (not a record file) is read no further than the size limit, so a
        # small .gz that inflates to gigabytes is rejected without filling the memory
        cap = None if suffix in RECORD_SUFFIXES else self.max_text_bytes + 1
        try:
            if f.path.suffix.lower() == ".gz":
                with gzip.open(f.path, "rb") as gz:
                    data = gz.read() if cap is None else gz.read(cap)
            else:
                data = f.path.read_bytes()
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield self._reject(f.doc_id, origin, "unreadable", f"{type(exc).__name__}: {exc}")
            return
        if cap is not None and len(data) >= cap and f.path.suffix.lower() == ".gz":
            detail = f"decompresses to more than {self.max_text_bytes} bytes"
            yield self._reject(f.doc_id, origin, "too_large", detail)
            return
        if suffix in RECORD_SUFFIXES:
            yield from self._read_records(f, data)
            return
        fmt: Literal["html", "text"] = "html" if suffix in HTML_SUFFIXES else "text"
        yield self._from_bytes(f.doc_id, origin, data, fmt, {})

    def _from_bytes(
        self,
        doc_id: str,
        origin: str,
        data: bytes,
        fmt: Literal["html", "text"],
        meta: dict[str, Any],
    ) -> Item:
        if not data.strip():
            return self._reject(doc_id, origin, "empty", "the file has no content")
        if _wide_encoding(data) is None and looks_binary(data):
            return self._reject(doc_id, origin, "binary", "NUL or control bytes: not text")
        if len(data) > self.max_text_bytes:
            return self._reject(
                doc_id, origin, "too_large", f"{len(data)} bytes > limit {self.max_text_bytes}"
            )
        text = decode_bytes(data)
        if text is None:
            return self._reject(
                doc_id, origin, "bad_encoding", "not valid UTF-8 and not clean Windows-1252"
            )
        return self._make(doc_id, origin, text, fmt, meta)

    def _make(
        self,
        doc_id: str,
        origin: str,
        text: str,
        fmt: Literal["html", "text"],
        meta: dict[str, Any],
    ) -> Item:
        if not text.strip():
            return self._reject(doc_id, origin, "empty", "the document has no text")
        if len(text.encode("utf-8")) > self.max_text_bytes:
            return self._reject(
                doc_id, origin, "too_large", f"text larger than {self.max_text_bytes} bytes"
            )
        published = normalise_published(meta.get("published"))
        return RawDocument(
            doc_id=doc_id,
            origin=origin,
            content=text,
            fmt=fmt,
            content_hash=content_hash(text),
            published=published,
            published_from="record" if published else "none",
            url=_opt_str(meta.get("url")),
            outlet=_opt_str(meta.get("source")),
            title=_opt_str(meta.get("title")),
        )

    def _read_records(self, f: InputFile, data: bytes) -> Iterator[Item]:
        origin = str(f.path)
        text = decode_bytes(data)
        if text is None:
            yield self._reject(f.doc_id, origin, "bad_encoding", "record file is not valid UTF-8")
            return
        stripped = text.lstrip()
        if stripped.startswith("["):
            try:
                records = json.loads(stripped)
            except (json.JSONDecodeError, RecursionError) as exc:
                yield self._reject(
                    f.doc_id, origin, "malformed_record", f"invalid JSON array: {exc}"
                )
                return
            lines: list[tuple[int, Any]] = list(enumerate(records, start=1))
        else:
            lines = []
            for lineno, line in enumerate(text.splitlines(), start=1):
                if not line.strip():
                    continue
                try:
                    lines.append((lineno, json.loads(line)))
                except (json.JSONDecodeError, RecursionError) as exc:
                    why = (
                        f"{exc.msg} at column {exc.colno}"
                        if isinstance(exc, json.JSONDecodeError)
                        else "nested too deeply"
                    )
                    yield self._reject(
                        f"{f.doc_id}#{lineno}",
                        f"{origin}:{lineno}",
                        "malformed_record",
                        f"invalid JSON: {why}",
                    )
        for lineno, rec in lines:
            yield self._from_record(f, lineno, rec)

    def _from_record(self, f: InputFile, lineno: int, rec: Any) -> Item:
        origin = f"{f.path}:{lineno}"
        fallback_id = f"{f.doc_id}#{lineno}"
        if not isinstance(rec, dict):
            return self._reject(
                fallback_id, origin, "malformed_record", "a record must be a JSON object"
            )
        raw_id = rec.get("id")
        doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
        html, body = rec.get("html"), rec.get("text")
        if isinstance(html, str) and html.strip():
            return self._make(doc_id, origin, html, "html", rec)
        if isinstance(body, str):
            if not body.strip():
                return self._reject(doc_id, origin, "empty", "the record's text is empty")
            return self._make(doc_id, origin, body, "text", rec)
        return self._reject(
            doc_id, origin, "malformed_record", "the record has no 'text' or 'html' string"
        )


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None
