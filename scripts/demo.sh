#!/usr/bin/env bash
# Set up, then ingest the bundled sample corpus into an embedded DuckDB file and print
# a summary plus where the database and the HTML report were written.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
exec .venv/bin/bowerbird ingest corpus \
  --db out/sample.duckdb --report out/sample-report.html "$@"
