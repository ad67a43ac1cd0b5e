import csv
import io
import json

from screener.output import ResultWriter, prepare_resume, read_results
from screener.result import RESULT_KEYS, ScreeningResult


def _row(path, sha="s1"):
    return ScreeningResult(
        path=path,
        sha256=sha,
        probability=0.9,
        decision="strategic",
        strategic=True,
        dimensions=["technical", "analytics"],
    )


def test_jsonl_row_has_every_result_key():
    buf = io.StringIO()
    ResultWriter(buf).write(_row("a.pdf"))
    assert list(json.loads(buf.getvalue())) == list(RESULT_KEYS)


def test_file_name_with_newline_and_quotes_stays_one_jsonl_row():
    buf = io.StringIO()
    ResultWriter(buf).write(_row('we"ird\nname,ü.pdf'))
    (line,) = buf.getvalue().splitlines()
    assert json.loads(line)["path"] == 'we"ird\nname,ü.pdf'


def test_file_name_with_newline_round_trips_through_csv():
    buf = io.StringIO()
    ResultWriter(buf, "csv").write(_row('-x\n"y",z.pdf'))
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["path"] == '-x\n"y",z.pdf'


def test_csv_flattens_dimensions():
    buf = io.StringIO()
    ResultWriter(buf, "csv").write(_row("a.pdf"))
    assert next(csv.DictReader(io.StringIO(buf.getvalue())))["dimensions"] == "technical;analytics"


def test_prepare_resume_cuts_a_torn_last_line_and_returns_done_hashes(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text(json.dumps(_row("a", "s1").to_dict()) + "\n" + '{"path": "b", "sha2')
    assert prepare_resume(out) == {"s1"}
    assert out.read_text().count("\n") == 1 and out.read_text().endswith("\n")


def test_read_results_skips_a_torn_last_line(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text(json.dumps({"sha256": "a"}) + "\n" + '{"sha256": "b"')
    assert [r["sha256"] for r in read_results(out)] == ["a"]


def test_result_round_trips_through_to_dict():
    row = _row("a.pdf").to_dict()
    assert ScreeningResult.from_dict(row).to_dict() == row


def test_failure_row_has_no_score():
    row = ScreeningResult.failure("a.pdf", None, "encrypted", "locked").to_dict()
    assert (row["status"], row["strategic"], row["probability"], row["decision"]) == (
        "unreadable",
        None,
        None,
        None,
    )


def test_evidence_that_did_not_count_round_trips_as_not_counting():
    from screener.types import Evidence

    ev = Evidence("analytics", "pulled figures", "experience", 1, 0, 14, False, counts=False)
    assert Evidence.from_dict(ev.to_dict()) == ev
