"""Static checks of the web UI files (no browser): CSP, no HTML sinks, nothing remote,
imports resolve, the vendored country table is fresh and the vendored files are listed."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from bowerbird.web import STATIC_DIR
from bowerbird.web.countries import table

JS = sorted((STATIC_DIR / "js").rglob("*.js"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_script = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_script = True


def test_index_has_a_strict_csp_and_no_inline_code() -> None:
    parser = _Tags()
    parser.feed((STATIC_DIR / "index.html").read_text(encoding="utf-8"))
    csp = [
        a["content"] or ""
        for t, a in parser.tags
        if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(csp) == 1
    policy = dict((part.split()[0], part.split()[1:]) for part in csp[0].split(";") if part.strip())
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp[0] and "'unsafe-eval'" not in csp[0]
    assert not parser.inline_script
    assert all(not k.startswith("on") for _, attrs in parser.tags for k in attrs)
    for tag, attrs in parser.tags:
        for key in ("src", "href"):
            ref = attrs.get(key)
            if ref and not ref.startswith("#"):
                assert (STATIC_DIR / ref).is_file(), f"<{tag} {key}={ref}> is missing"


def test_scripts_use_no_html_sinks_and_nothing_remote() -> None:
    sinks = re.compile(r"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|\beval\(")
    for path in JS:
        text = path.read_text(encoding="utf-8")
        assert not sinks.search(text), f"{path.name} uses an HTML sink"
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in text, f"{path.name} refers to a remote URL"


def test_module_imports_resolve() -> None:
    imp = re.compile(r'^import .* from "(\./[^"]+|\.\./[^"]+)";$', re.M)
    for path in JS:
        for ref in imp.findall(path.read_text(encoding="utf-8")):
            assert (path.parent / ref).resolve().is_file(), f"{path.name}: {ref}"


def test_country_table_is_fresh_and_covers_the_map() -> None:
    vendor = STATIC_DIR / "vendor"
    shipped = json.loads((vendor / "iso3-numeric.json").read_text(encoding="utf-8"))
    assert shipped == table()
    world = json.loads((vendor / "countries-110m.json").read_text(encoding="utf-8"))
    ids = {g.get("id") for g in world["objects"]["countries"]["geometries"]}
    nums = {row["num"] for row in shipped.values()}
    unmatched = {i for i in ids if i is not None} - nums
    assert not unmatched
    for code in ("USA", "CHN", "RUS", "UKR", "AFG", "PSE"):
        assert shipped[code]["num"] in ids


def test_vendored_files_are_listed_with_their_hashes() -> None:
    vendor = STATIC_DIR / "vendor"
    notes = (vendor / "VENDORED.md").read_text(encoding="utf-8")
    for name in ("topojson-client.min.js", "countries-110m.json"):
        digest = hashlib.sha256((vendor / name).read_bytes()).hexdigest()
        assert f"{digest}  {name}" in notes
    for path in Path(vendor).iterdir():
        assert path.name in notes or path.name == "VENDORED.md", path.name
