"""The issue taxonomy for stances and the stance verb list (``lexicon/issues.tsv``,
``lexicon/stance_verbs.tsv``), plus user files given with ``--issues PATH``.

Formats (documented in ``docs/stances.md``), tab-separated with a header, ``#`` comments:

* issues: ``issue  label  cues``; ``cues`` are lower-case words or phrases separated by
  ``|``; a cue starting with ``-`` names the opposite of the issue ("terrorism" under
  counterterrorism), so a position towards it counts the other way.
* stance verbs: ``lemma  polarity`` with polarity ``support``, ``oppose`` or ``reverse``
  (a verb or noun that undoes what it governs: "lift", "end", "withdrawal").

User files are recognised by their header and override built-in rows with the same key
(an issue row replaces the issue's cues).  Loaded once, passed explicitly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from bowerbird.errors import ConfigError

Polarity = Literal["support", "oppose", "reverse"]
ISSUE_HEADER = ("issue", "label", "cues")
VERB_HEADER = ("lemma", "polarity")
POLARITIES = frozenset({"support", "oppose", "reverse"})
E_BAD_ISSUES = "B215"


@dataclass(frozen=True, slots=True)
class Issue:
    issue: str
    label: str
    cues: tuple[tuple[str, int], ...]  # (phrase, sign): sign -1 for "-cue"


@dataclass(slots=True)
class IssueLexicon:
    """Issues by id, cue phrases as token tuples, and stance verbs by lemma."""

    issues: dict[str, Issue] = field(default_factory=dict)
    verbs: dict[str, Polarity] = field(default_factory=dict)

    def cue_index(self) -> dict[tuple[str, ...], list[tuple[str, int]]]:
        """Cue phrase (as a tuple of lower-case words) -> [(issue, sign)]."""
        out: dict[tuple[str, ...], list[tuple[str, int]]] = {}
        for issue in self.issues.values():
            for phrase, sign in issue.cues:
                out.setdefault(tuple(phrase.split()), []).append((issue.issue, sign))
        return out


def _rows(text: str, where: str) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ConfigError(f"{where}: empty issues file", code=E_BAD_ISSUES)
    header = tuple(h.strip() for h in lines[0].split("\t"))
    if header not in (ISSUE_HEADER, VERB_HEADER):
        raise ConfigError(f"{where}: unrecognised issues header {lines[0]!r}", code=E_BAD_ISSUES)
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return header, list(reader)


def _add(lex: IssueLexicon, text: str, where: str) -> None:
    header, rows = _rows(text, where)
    for n, r in enumerate(rows, start=2):
        if header == ISSUE_HEADER:
            key = (r.get("issue") or "").strip()
            if not key:
                raise ConfigError(f"{where}:{n}: issue row without an id", code=E_BAD_ISSUES)
            cues = []
            for c in (r.get("cues") or "").split("|"):
                c = " ".join(c.strip().lower().split())
                if c:
                    cues.append((c[1:].strip(), -1) if c.startswith("-") else (c, 1))
            lex.issues[key] = Issue(key, (r.get("label") or key).strip(), tuple(cues))
        else:
            lemma = " ".join((r.get("lemma") or "").strip().lower().split())
            pol = (r.get("polarity") or "").strip().lower()
            if not lemma or pol not in POLARITIES:
                raise ConfigError(
                    f"{where}:{n}: stance verb row needs a lemma and a polarity "
                    f"({', '.join(sorted(POLARITIES))}): {r}",
                    code=E_BAD_ISSUES,
                )
            lex.verbs[lemma] = pol  # type: ignore[assignment]


def load_issues(extra: Iterable[str | Path] = ()) -> IssueLexicon:
    """Load the built-in issue and stance verb files, then the user's (which override)."""
    lex = IssueLexicon()
    pkg = resources.files("bowerbird") / "lexicon"
    for name in ("issues.tsv", "stance_verbs.tsv"):
        _add(lex, (pkg / name).read_text(encoding="utf-8"), f"lexicon/{name}")
    for p in extra:
        path = Path(p)
        files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise ConfigError(
                    f"cannot read issues file {f}: not UTF-8 text ({exc.reason})",
                    code=E_BAD_ISSUES,
                ) from exc
            except OSError as exc:
                raise ConfigError(f"cannot read issues file {f}: {exc}", code=E_BAD_ISSUES) from exc
            _add(lex, text, str(f))
    return lex
