#!/usr/bin/env bash
# Set up, then run the whole test suite: lint, types, unit/golden/property tests and
# the quality gate on ../shared/gold (skipped with a notice when that folder is absent).
# The web UI browser tests need Debian's chromium: scripts/browser.sh installs it when
# missing (they skip without it, and fail under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/browser.sh
echo "== ruff"; .venv/bin/ruff check src tests bench; .venv/bin/ruff format --check --quiet src tests bench
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest "$@"
