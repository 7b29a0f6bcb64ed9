"""CLI misuse and hostile input: one-line coded errors or rejection records, never a
traceback, and one bad file never aborts a batch."""

from __future__ import annotations

import codecs
import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bowerbird.cli.main import cli
from bowerbird.stages.ingest import Ingester, collect_files


def _cli(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="bowerbird")


def _assert_one_line_error(r: Result, code: str, needle: str) -> None:
    assert r.exit_code == 2, (r.output, r.stderr)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"bowerbird: error: [{code}]"), lines[0]
    assert needle in lines[0], lines[0]


def _items(tmp_path: Path, max_bytes: int = 5_000_000) -> dict[str, tuple[str, str]]:
    """doc id -> (kind, reason code or '') for everything ingest reads under tmp_path."""
    files, _ = collect_files([tmp_path])
    out = {}
    for item in Ingester(max_bytes).iter_items(files):
        code = getattr(item, "code", "")
        out[item.doc_id] = ("rejected" if code else "document", code)
    return out


# --- query commands against the sample database ---------------------------------------


def test_merge_explain_unknown_id_is_an_error(sample_db: str) -> None:
    _assert_one_line_error(
        _cli("merge", "--db", sample_db, "--explain", "no-such-event"), "B103", "no-such-event"
    )


def test_merge_explain_known_id_still_works(sample_db: str) -> None:
    event_id = json.loads(
        _cli("events", "--db", sample_db, "--format", "jsonl").output.split("\n")[0]
    )["event_id"]
    r = _cli("merge", "--db", sample_db, "--explain", event_id)
    assert r.exit_code == 0, r.stderr
    body = json.loads(r.output)
    assert event_id in body["members"] and body["cluster_id"]


@pytest.mark.parametrize("command", ["events", "actors", "docs", "rejections", "merge"])
def test_directory_as_database_is_named_as_such(command: str, tmp_path: Path) -> None:
    _assert_one_line_error(_cli(command, "--db", str(tmp_path)), "B105", "is a directory")


def test_unknown_event_type_is_an_error_not_an_empty_result(sample_db: str) -> None:
    r = _cli("events", "--db", sample_db, "--type", "CONSULT,CONSULTS")
    _assert_one_line_error(r, "B103", "'CONSULTS'")
    ok = _cli("events", "--db", sample_db, "--type", "consult", "--format", "jsonl")
    assert ok.exit_code == 0
    rows = [json.loads(ln) for ln in ok.output.splitlines()]
    assert rows and {r["event_type"] for r in rows} == {"CONSULT"}


@pytest.mark.parametrize("bad", ["2021-02-30", "2021-13-01", "yesterday"])
@pytest.mark.parametrize("command", ["events", "docs", "quotes", "stances"])
def test_impossible_dates_are_rejected(command: str, bad: str, sample_db: str) -> None:
    _assert_one_line_error(_cli(command, "--db", sample_db, "--since", bad), "B102", bad)


def test_corrupt_database_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.duckdb"
    db.write_bytes(b"this is not a duckdb file" * 100)
    for command in ("events", "quotes", "merge"):
        r = _cli(command, "--db", str(db))
        assert r.exit_code == 2 and "Traceback" not in r.stderr
        assert r.stderr.startswith("bowerbird: error: [B4"), r.stderr


# --- gold, floors, lexicon and issues files that are not UTF-8 ------------------------


@pytest.mark.parametrize("content", [os.urandom(4096), "naïve".encode("utf-16")])
def test_eval_and_gate_non_utf8_files(content: bytes, tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_bytes(content)
    _assert_one_line_error(_cli("eval", "events", str(bad)), "B502", "not UTF-8")
    _assert_one_line_error(_cli("gate", "--floors", str(bad)), "B502", "not UTF-8")


def test_ingest_non_utf8_lexicon_or_issues_file(tmp_path: Path) -> None:
    bad = tmp_path / "extra.tsv"
    bad.write_bytes(b"\xff\xfe\x00garbage\x81\x82")
    doc = tmp_path / "a.txt"
    doc.write_text("Iran attacked Israel on Saturday.", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    r = _cli("ingest", str(doc), "--db", db, "--lexicon", str(bad))
    _assert_one_line_error(r, "B214", "not UTF-8")
    r = _cli("ingest", str(doc), "--db", db, "--issues", str(tmp_path))  # a folder of .tsv
    _assert_one_line_error(r, "B215", "not UTF-8")


def test_ingest_report_or_db_that_is_a_directory_fails_before_work(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Iran attacked Israel on Saturday.", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    r = _cli("ingest", str(doc), "--db", str(tmp_path / "x.duckdb"), "--report", str(folder))
    _assert_one_line_error(r, "B103", "--report")
    assert not (tmp_path / "x.duckdb").exists()  # nothing was ingested
    _assert_one_line_error(_cli("ingest", str(doc), "--db", str(folder)), "B103", "--db")


def test_serve_directory_as_database(tmp_path: Path) -> None:
    _assert_one_line_error(_cli("serve", "--db", str(tmp_path)), "B105", "is a directory")


# --- ingest: every bad file becomes a rejection with a reason code ----------------------


def test_deeply_nested_json_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    depth = 50_000
    (tmp_path / "deep.json").write_text("[" * depth + "]" * depth, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text(
        '{"id": "x", "text": ' + "[" * depth + "]" * depth + "}\n"
        '{"id": "fine", "text": "Iran attacked Israel.", "published": "2021-01-01"}\n',
        encoding="utf-8",
    )
    items = _items(tmp_path)
    assert items["deep.json"] == ("rejected", "malformed_record")
    assert items["deep.jsonl#1"] == ("rejected", "malformed_record")
    assert items["fine"] == ("document", "")  # the next line of the same file is read


def test_broken_links_and_pipes_are_rejected_as_unreadable(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "no-such-target.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "ok.txt").write_text("Iran attacked Israel on Saturday.", encoding="utf-8")
    items = _items(tmp_path)
    assert items["gone.txt"] == ("rejected", "unreadable")
    assert items["pipe.txt"] == ("rejected", "unreadable")
    assert items["ok.txt"] == ("document", "")
    # named on the command line, a pipe is rejected too (not read, so no hang)
    files, _ = collect_files([tmp_path / "pipe.txt"])
    (only,) = list(Ingester(1000).iter_items(files))
    assert getattr(only, "code", "") == "unreadable"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text_not_binary(encoding: str, tmp_path: Path) -> None:
    text = "Iran’s foreign minister met his Saudi counterpart in Beijing on Friday."
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    (tmp_path / "wide.txt").write_bytes(bom + text.encode(encoding))
    files, _ = collect_files([tmp_path])
    (doc,) = list(Ingester(5_000_000).iter_items(files))
    assert getattr(doc, "code", "") == ""
    assert "Saudi counterpart in Beijing" in str(getattr(doc, "content", ""))


def test_gzip_bomb_is_rejected_without_inflating_it_all(tmp_path: Path) -> None:
    limit = 100_000
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"war " * 5_000_000))  # 20 MB
    (tmp_path / "small.txt.gz").write_bytes(gzip.compress(b"Iran attacked Israel."))
    files, _ = collect_files([tmp_path])
    items = {it.doc_id: it for it in Ingester(limit).iter_items(files)}
    bomb = items["bomb.txt.gz"]
    assert getattr(bomb, "code", "") == "too_large"
    # read no further than the limit: the detail cannot know the inflated size
    assert getattr(bomb, "detail", "") == f"decompresses to more than {limit} bytes"
    assert getattr(items["small.txt.gz"], "code", "") == ""


def test_one_bad_batch_still_ingests_the_good_document(tmp_path: Path) -> None:
    """A folder of hostile files plus one article: exit 0, the article is stored, every
    other file is a rejection with a reason code."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "garbage.txt").write_bytes(os.urandom(20_000).replace(b"\x00", b"\x01") + b"\x00")
    (src / "empty.txt").write_bytes(b"")
    (src / "bad.txt.gz").write_bytes(b"not gzip")
    (src / "feed.jsonl").write_text('not json\n{"id": 3}\n', encoding="utf-8")
    (src / "gone.html").symlink_to(src / "missing.html")
    (src / "big.txt").write_bytes(b"word " * 1_100_000)  # 5.5 MB, over the 5 MB default
    (src / "article.txt").write_text(
        "China and Russia held talks in Moscow on Monday, 3 May 2021, officials said.",
        encoding="utf-8",
    )
    db = str(tmp_path / "x.duckdb")
    r = _cli("ingest", str(src), "--db", db, "--published", "2021-05-03", "--quiet")
    assert r.exit_code == 0, (r.output, r.stderr, r.exception)
    assert "Documents processed: 1" in r.output
    rej = _cli("rejections", "--db", db, "--format", "jsonl")
    codes = {
        row["origin"].split("/")[-1]: row["code"]
        for row in map(json.loads, rej.output.splitlines())
    }
    assert codes == {
        "garbage.txt": "binary",
        "empty.txt": "empty",
        "bad.txt.gz": "unreadable",
        "feed.jsonl:1": "malformed_record",
        "feed.jsonl:2": "malformed_record",
        "gone.html": "unreadable",
        "big.txt": "too_large",
    }


@pytest.mark.parametrize("command", ["events", "actors", "quotes", "stances", "docs", "rejections"])
def test_huge_limit_is_a_usage_error_not_a_database_overflow(command: str, sample_db: str) -> None:
    r = _cli(command, "--db", sample_db, "--limit", "99999999999999999999")
    assert r.exit_code == 2, (r.output, r.exception)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("bowerbird: error:") and "--limit" in lines[0]


def test_empty_input_folder_is_an_error_and_creates_no_database(tmp_path: Path) -> None:
    empty = tmp_path / "in"
    empty.mkdir()
    (empty / "scan.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "x.duckdb"
    r = _cli("ingest", str(empty), "--db", str(db))
    _assert_one_line_error(r, "B106", "1 file(s) ignored")
    assert not db.exists()


@pytest.mark.parametrize("command", ["events", "quotes", "stances", "docs", "actors"])
def test_output_onto_the_database_is_refused(command: str, sample_db: str, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(Path(sample_db).read_bytes())
    size = db.stat().st_size
    r = _cli(command, "--db", str(db), "--format", "csv", "-o", str(db))
    _assert_one_line_error(r, "B103", "is the database itself")
    assert db.stat().st_size == size  # not truncated
    assert _cli("events", "--db", str(db), "--limit", "1").exit_code == 0


def test_docs_audit_honours_output_and_rejects_flat_formats(sample_db: str, tmp_path: Path) -> None:
    doc_id = json.loads(_cli("docs", "--db", sample_db, "--format", "jsonl").output.split("\n")[0])[
        "doc_id"
    ]
    out = tmp_path / "audit.jsonl"
    r = _cli(
        "docs", "--db", sample_db, "--audit", "--doc", doc_id, "--format", "jsonl", "-o", str(out)
    )
    assert r.exit_code == 0 and r.output == ""  # written to the file, not to stdout
    (row,) = _jsonl_lines(out)
    assert row["doc_id"] == doc_id and row["text"] and isinstance(row["dropped"], list)
    r = _cli("docs", "--db", sample_db, "--audit", "--doc", doc_id, "--format", "csv")
    _assert_one_line_error(r, "B103", "--audit")


def _jsonl_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


def test_library_readers_turn_undecodable_files_into_coded_errors(tmp_path: Path) -> None:
    """Not only the CLI: the library's gold reader and issue loader raise coded errors
    (never a bare UnicodeDecodeError) for a file that is not UTF-8."""
    from bowerbird.errors import BowerbirdError
    from bowerbird.evaluation.runner import read_jsonl
    from bowerbird.issues import E_BAD_ISSUES, load_issues

    bad = tmp_path / "bad.tsv"
    bad.write_bytes("issue\tnaïve".encode("utf-16"))
    with pytest.raises(BowerbirdError) as gold:
        read_jsonl(bad)
    assert gold.value.code == "B502"
    with pytest.raises(BowerbirdError) as issues:
        load_issues([bad])
    assert issues.value.code == E_BAD_ISSUES
    assert "not UTF-8 text" in str(issues.value)
