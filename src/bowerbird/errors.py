"""One exception tree with coded messages, and the catalogue of rejection reasons.

Every error Bowerbird raises is a :class:`BowerbirdError` whose message starts with a
code such as ``[B201]``; the CLI prints that one line and exits with the error's
``exit_code``.  Documents that cannot be processed are not exceptions: they become
:class:`~bowerbird.records.Rejection` rows whose ``code`` is one of
:data:`REJECTION_CODES`.
"""

from __future__ import annotations


class BowerbirdError(Exception):
    """Base class. ``code`` is stable; the message may be reworded."""

    code = "B000"
    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")


class UsageError(BowerbirdError):
    """Bad command-line use: missing path, bad flag value, unwritable database."""

    code = "B100"
    exit_code = 2


class ConfigError(BowerbirdError):
    """A settings file or lexicon file is invalid."""

    code = "B200"
    exit_code = 2


class ModelError(BowerbirdError):
    """The spaCy model named in the settings cannot be loaded."""

    code = "B300"
    exit_code = 2


class StoreError(BowerbirdError):
    """The DuckDB store cannot be opened, migrated or written."""

    code = "B400"
    exit_code = 2


class EvalError(BowerbirdError):
    """An evaluation file is missing or malformed, or a quality floor failed."""

    code = "B500"
    exit_code = 2


# Usage error codes (message catalogue, kept in one place).
E_PATH_MISSING = "B101"
E_BAD_DATE = "B102"
E_BAD_OPTION = "B103"
E_DB_UNWRITABLE = "B104"
E_DB_MISSING = "B105"
E_NO_INPUT = "B106"

#: Reason codes for rejected documents, with their meaning (documented in docs/schema.md).
REJECTION_CODES: dict[str, str] = {
    "empty": "the document has no text (or only whitespace)",
    "binary": "the file looks like binary data, not text or HTML",
    "too_large": "the text is larger than the size limit (settings.max_text_bytes)",
    "bad_encoding": "the bytes are not valid UTF-8 and no other encoding could be detected reliably",
    "truncated_html": "the HTML is cut off or malformed and yields no main text",
    "not_english": "the text is not in English",
    "malformed_record": "a JSON/JSONL line is not valid JSON or lacks required fields",
    "no_text_after_cleaning": "nothing is left once page furniture is removed",
    "unreadable": "the file could not be read (permissions, I/O error, bad gzip)",
    "unsupported_format": "the file type is not one Bowerbird reads",
    "undated": "no publication date is given (record, HTML, --published) or can be inferred from the text",
    "duplicate_content": "the same content was given twice in one run under another id",
    "internal_error": "an unexpected error in a pipeline stage (a bug: please report it)",
}


class RejectedDocument(BowerbirdError):
    """Raised inside a stage to reject the current document; turned into a Rejection."""

    code = "B600"

    def __init__(self, reason: str, detail: str) -> None:
        if reason not in REJECTION_CODES:
            raise ValueError(f"unknown rejection code {reason!r}")
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")
