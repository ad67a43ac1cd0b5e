"""End to end: the `screener` command over real files with the shipped model."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screener import cli
from screener.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"


@pytest.fixture
def good_text() -> str:
    return (ROOT / "tests" / "fixtures" / "strategic.txt").read_text()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    enc = StandardEncryption("user-secret", "owner-secret", canPrint=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(72, 720, "Confidential resume text")
    c.save()


def _scanned_pdf(path: Path) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).text((20, 80), "Social Media Manager, 2019 - present", fill="black")
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(img), 50, 500, width=500, height=160)
    c.save()


@pytest.fixture
def mixed_folder(tmp_path, good_text) -> Path:
    """Good, corrupt, encrypted, scanned and non-PDF files, one each (+ a DOCX)."""
    import docx

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(good_text)
    d = docx.Document()
    for line in good_text.splitlines():
        d.add_paragraph(line)
    d.save(folder / "good.docx")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R")
    _encrypted_pdf(folder / "locked.pdf")
    _scanned_pdf(folder / "scan.pdf")
    (folder / "photo.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _stable(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "seconds"}


def test_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and "screener 0." in capsys.readouterr().out


def test_missing_command_is_a_usage_error():
    with pytest.raises(SystemExit) as e:
        main([])
    assert e.value.code == 2


def test_resume_without_output_is_a_usage_error(tmp_path):
    assert main(["screen", str(tmp_path), "--resume"]) == 2


def test_mixed_folder_gives_one_typed_row_per_file(mixed_folder, tmp_path):
    out = tmp_path / "r.jsonl"
    code = main(["screen", str(mixed_folder), "-o", str(out)])
    rows = {Path(r["path"]).name: r for r in _rows(out)}
    assert code == 1
    assert sorted(rows) == sorted(p.name for p in mixed_folder.iterdir())
    assert rows["good.txt"]["status"] == "ok"
    assert rows["corrupt.pdf"]["reason"] == "malformed"
    assert rows["locked.pdf"]["reason"] == "encrypted"
    assert rows["scan.pdf"]["reason"] == "no_text_layer"
    assert rows["photo.pdf"]["reason"] == "unsupported_format"


def test_unreadable_rows_carry_no_decision(mixed_folder, tmp_path):
    out = tmp_path / "r.jsonl"
    main(["screen", str(mixed_folder), "-o", str(out)])
    bad = [r for r in _rows(out) if r["status"] != "ok"]
    assert bad and all(r["decision"] is None and r["strategic"] is None for r in bad)


def test_every_file_is_read_exit_code_zero(tmp_path, good_text):
    (tmp_path / "a.txt").write_text(good_text)
    assert main(["screen", str(tmp_path), "-o", str(tmp_path / "r.jsonl")]) == 0


def test_two_jobs_give_the_same_rows_as_one(mixed_folder, tmp_path):
    main(["screen", str(mixed_folder), "-o", str(tmp_path / "1.jsonl")])
    main(["screen", str(mixed_folder), "-o", str(tmp_path / "2.jsonl"), "--jobs", "2"])
    one = sorted((_stable(r) for r in _rows(tmp_path / "1.jsonl")), key=lambda r: r["path"])
    two = sorted((_stable(r) for r in _rows(tmp_path / "2.jsonl")), key=lambda r: r["path"])
    assert one == two


def test_csv_output_has_a_header_and_one_row_per_file(mixed_folder, tmp_path):
    import csv

    out = tmp_path / "r.csv"
    main(["screen", str(mixed_folder), "-o", str(out), "--format", "csv"])
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == len(list(mixed_folder.iterdir()))


def test_table_format_ranks_readable_files_first(mixed_folder, capsys):
    main(["screen", str(mixed_folder), "--format", "table"])
    out = capsys.readouterr().out
    assert out.index("good.txt") < out.index("corrupt.pdf")


def test_summary_counts_outcomes_on_stderr(mixed_folder, tmp_path, capsys):
    main(["screen", str(mixed_folder), "-o", str(tmp_path / "r.jsonl")])
    err = capsys.readouterr().err
    assert "screened 6 file(s)" in err and "encrypted: 1" in err


def test_summary_counts_documents_too_short_for_a_resume(mixed_folder, tmp_path, capsys):
    (mixed_folder / "note.txt").write_text("Hello world, this is a test page.\n")
    main(["screen", str(mixed_folder), "-o", str(tmp_path / "r.jsonl")])
    assert "too_short: 1" in capsys.readouterr().err


def test_word_range_off_lets_the_model_decide_a_short_document(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Hello world, this is a test page.\n")
    main(["screen", str(note), "-o", str(tmp_path / "r.jsonl"), "--word-range", "off"])
    assert _rows(tmp_path / "r.jsonl")[0]["reason"] is None


def test_word_range_sets_the_limits(tmp_path, good_text):
    cv = tmp_path / "cv.txt"
    cv.write_text(good_text)
    main(["screen", str(cv), "-o", str(tmp_path / "r.jsonl"), "--word-range", "1:5"])
    assert _rows(tmp_path / "r.jsonl")[0]["reason"] == "too_long"


@pytest.mark.parametrize("bad", ["40", "a:b", "100:10"])
def test_a_bad_word_range_is_a_usage_error(bad, tmp_path, good_text, capsys):
    cv = tmp_path / "cv.txt"
    cv.write_text(good_text)
    assert main(["screen", str(cv), "--word-range", bad]) == 2
    assert "word" in capsys.readouterr().err


def test_any_language_screens_a_german_resume_as_it_is(tmp_path, german_resume):
    cv = tmp_path / "lebenslauf.txt"
    cv.write_text(german_resume)
    main(["screen", str(cv), "-o", str(tmp_path / "a.jsonl")])
    main(["screen", str(cv), "-o", str(tmp_path / "b.jsonl"), "--any-language"])
    assert _rows(tmp_path / "a.jsonl")[0]["reason"] == "not_english"
    assert _rows(tmp_path / "b.jsonl")[0]["reason"] is None


def _numbered_copies(tmp_path: Path, text: str, n: int) -> Path:
    """A folder of ``n`` copies of ``text``, each made distinct by a reference number."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"cv{i:02d}.txt").write_text(text + f"\nReference number {i}\n")
    return folder


def test_resume_after_kill_gives_every_file_exactly_once(tmp_path, good_text):
    folder = _numbered_copies(tmp_path, good_text, 40)
    out = tmp_path / "r.jsonl"
    cmd = [sys.executable, "-m", "screener.cli", "screen", str(folder), "-o", str(out)]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 3):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < out.read_text().count("\n") < 40, "the kill should land mid-run"
    subprocess.run([*cmd, "--resume"], check=False, stderr=subprocess.DEVNULL, timeout=300)
    shas = [r["sha256"] for r in _rows(out)]
    assert len(shas) == 40 and len(set(shas)) == 40


def test_sigterm_to_the_group_stops_a_run_that_resume_completes(tmp_path, good_text):
    folder = _numbered_copies(tmp_path, good_text, 40)
    out = tmp_path / "r.jsonl"
    cmd = [sys.executable, "-m", "screener.cli", "screen", str(folder), "-o", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--jobs", "2"], stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 3):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGTERM)  # what systemd or Kubernetes does to a service
    err = proc.communicate(timeout=60)[1]
    first = _rows(out)
    assert 0 < len(first) < 40, "the signal should land mid-run"
    assert proc.returncode == 143 and "terminated" in err and "Traceback" not in err
    assert all(r["status"] == "ok" for r in first)  # no worker_died row for files in flight
    subprocess.run([*cmd, "--resume"], check=False, stderr=subprocess.DEVNULL, timeout=300)
    assert len({r["sha256"] for r in _rows(out)}) == len(_rows(out)) == 40


def test_the_sigterm_handler_is_put_back_after_a_command(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(cli, "_run", lambda args: seen.append(signal.getsignal(signal.SIGTERM)))
    before = signal.getsignal(signal.SIGTERM)
    main(["screen", str(tmp_path)])
    assert seen[0] != before and signal.getsignal(signal.SIGTERM) == before


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["train", ".", "-o", "model"], False),
        (["screen", "."], False),  # rows went to stdout: nothing to resume
        (["screen", ".", "-o", "rows.jsonl"], True),
    ],
)
def test_an_interruption_points_to_resume_only_where_it_works(monkeypatch, capsys, argv, hint):
    def stop(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", stop)
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert err.startswith("screener: interrupted") and ("--resume" in err) == hint


def test_a_process_forked_during_a_command_dies_of_sigterm_as_usual(monkeypatch, tmp_path):
    import multiprocessing

    def run(args):
        child = multiprocessing.get_context("fork").Process(target=_sigterm_self)
        child.start()
        child.join(30)
        return child.exitcode

    monkeypatch.setattr(cli, "_run", run)
    assert main(["screen", str(tmp_path)]) == -signal.SIGTERM


def _sigterm_self() -> None:
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(30)


def test_output_closed_early_stops_quietly(tmp_path, good_text):
    folder = _numbered_copies(tmp_path, good_text, 30)
    cmd = [sys.executable, "-m", "screener.cli", "screen", str(folder), "--memory-mb", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().startswith("{")
    proc.stdout.close()  # as `screener screen ... | head -1` does
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 141 and "Traceback" not in err


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts descriptors in /proc")
def test_pointing_stdout_at_the_null_device_leaves_no_descriptor_open(monkeypatch, tmp_path):
    with open(tmp_path / "out.txt", "w") as out:
        monkeypatch.setattr(sys, "stdout", out)
        before = len(os.listdir("/proc/self/fd"))
        cli._discard_stdout()
        assert len(os.listdir("/proc/self/fd")) == before


def test_dask_local_cluster_gives_the_same_rows(mixed_folder):
    distributed = pytest.importorskip("dask.distributed")
    from screener import Screener

    screener = Screener.load()
    local = sorted(
        (_stable(r.to_dict()) for r in screener.screen_many([mixed_folder])),
        key=lambda r: r["path"],
    )
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        rows = screener.screen_many([mixed_folder], executor=client.get_executor())
        remote = sorted((_stable(r.to_dict()) for r in rows), key=lambda r: r["path"])
    assert remote == local


def test_audit_command_prints_a_table(tmp_path, capsys):
    res = tmp_path / "r.jsonl"
    res.write_text(
        "".join(
            json.dumps(
                {
                    "sha256": f"s{i}",
                    "status": "ok",
                    "probability": i / 10,
                    "strategic": i > 4,
                    "model_version": "m",
                }
            )
            + "\n"
            for i in range(10)
        )
    )
    demo = tmp_path / "d.csv"
    demo.write_text(
        "sha256,sex,race_ethnicity\n"
        + "".join(f"s{i},{'Female' if i % 2 else 'Male'},White\n" for i in range(10))
    )
    assert main(["audit", str(res), str(demo)]) == 0
    assert "Female" in capsys.readouterr().out


def test_samples_folder_screens_with_expected_outcomes(tmp_path):
    if not SAMPLES.exists():
        pytest.skip("no data/samples")
    out = tmp_path / "r.jsonl"
    main(["screen", str(SAMPLES), "-o", str(out)])
    rows = {Path(r["path"]).name: r for r in _rows(out)}
    assert rows["scanned-resume.pdf"]["reason"] == "no_text_layer"
    assert rows["broken-resume.pdf"]["status"] == "unreadable"
    assert (rows["cover-note.txt"]["decision"], rows["cover-note.txt"]["reason"]) == (
        "review",
        "too_short",
    )
    assert sum(r["status"] == "ok" for r in rows.values()) >= 5


def _package_source(tmp_path: Path) -> Path:
    """A copy of what a source distribution holds (no venv, data, notebooks or tests)."""
    build = tmp_path / "src"
    shutil.copytree(
        ROOT,
        build,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "*.egg-info", "build", "__pycache__", "notebooks", "data", "tests"
        ),
    )
    return build


def test_the_package_builds_without_deprecated_metadata(tmp_path):
    """setuptools stops building projects with deprecated license metadata after 2027-02-18."""
    build = _package_source(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), str(build)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    assert "deprecated" not in done.stdout + done.stderr


def test_a_non_editable_install_screens_offline(tmp_path):
    """Model and pattern files travel inside the built package, not beside the repo."""
    target = tmp_path / "site"
    build = _package_source(tmp_path)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(build),
        ],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(build)  # nothing may be read from the source tree
    code = (
        "import screener, sys; "
        "assert screener.__file__.startswith(sys.argv[2]), screener.__file__; "
        "r = screener.Screener.load().screen_text(open(sys.argv[1]).read()); "
        "print(r.status, r.decision, r.model_version)"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(ROOT / "tests" / "fixtures" / "strategic.txt"),
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok ")


def test_an_untrusted_model_is_a_usage_error_and_no_row(tmp_path, good_text, capsys):
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    sio.dump(make_pipeline(FunctionTransformer(print)), tmp_path / "screener-model.skops")
    (tmp_path / "cv.txt").write_text(good_text)
    out = tmp_path / "out.jsonl"
    code = main(["screen", str(tmp_path / "cv.txt"), "--model", str(tmp_path), "-o", str(out)])
    assert code == 2
    assert "untrusted" in capsys.readouterr().err
    assert out.read_text() == ""


def test_screening_leaves_the_garbage_collector_as_it_was(tmp_path, good_text):
    import gc

    (tmp_path / "cv.txt").write_text(good_text)
    before = gc.get_threshold(), gc.get_freeze_count()
    assert main(["screen", str(tmp_path / "cv.txt"), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_patterns_option_adds_the_users_evidence(tmp_path):
    resume = tmp_path / "r.txt"
    resume.write_text(
        "Experience\nSocial Media Lead, Kafe Oy, 2019 - 2024\n"
        "- Ran fika feedback rounds with regulars to learn what made them share our posts\n"
    )
    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"label": "psychology", "pattern": "fika feedback rounds"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["screen", str(resume), "--patterns", str(mine), "-o", str(out)]) == 0
    texts = [e["text"] for e in _rows(out)[0]["evidence"]]
    assert "fika feedback rounds" in texts


def test_an_invalid_patterns_file_is_a_usage_error_naming_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "psychology"}\n')
    code = main(["screen", str(tmp_path), "--patterns", str(bad), "-o", str(tmp_path / "o")])
    assert code == 2
    assert "bad.jsonl, line 1" in capsys.readouterr().err
