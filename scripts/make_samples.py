"""Render the hand-written demo resumes in ``data/sample-sources/`` into ``data/samples/``.

The samples show the tool (``make demo`` screens this folder); they are not
training data. The output mixes producers on purpose: three PDFs in different
layouts, two DOCX files, one plain-text file, a scanned (image-only) PDF, a
broken PDF and a covering note saved beside the resumes (a few words: the
tool sends it to review as ``too_short`` instead of calling it "not
strategic"). Rendering is deterministic, so re-running leaves the files
byte-identical.

Usage::

    python scripts/make_samples.py [--src data/sample-sources] [--out data/samples]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC_DIR = ROOT / "data" / "sample-sources"
OUT_DIR = ROOT / "data" / "samples"
#: Each generated file must stay small enough to commit.
MAX_BYTES = 200 * 1024


@dataclass(frozen=True)
class Sample:
    """One output file: which source resume, which renderer and its options."""

    source: str  # stem of the JSON file in the source folder
    output: str  # file name in the output folder
    kind: str  # pdf | docx | txt | scanned | broken
    options: dict[str, Any] = field(default_factory=dict)


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "sofia-martinez-ruiz",
        "sofia-martinez-ruiz.pdf",
        "pdf",
        {"layout": "classic", "font": "helvetica"},
    ),
    Sample("aroha-ngata", "aroha-ngata.pdf", "pdf", {"layout": "sidebar_left", "font": "vera"}),
    Sample(
        "henrik-lindqvist",
        "henrik-lindqvist.pdf",
        "pdf",
        {"layout": "header_split", "font": "times", "paper": "A4"},
    ),
    Sample("priya-raghunathan", "priya-raghunathan.docx", "docx", {"style": "table"}),
    Sample("megan-oconnell", "megan-oconnell.docx", "docx", {"style": "textbox"}),
    Sample("jayden-brooks", "jayden-brooks.txt", "txt"),
    Sample("priya-raghunathan", "scanned-resume.pdf", "scanned"),
    Sample("sofia-martinez-ruiz", "broken-resume.pdf", "broken"),
    Sample("aroha-ngata", "cover-note.txt", "note"),
)


def _render() -> ModuleType:
    """Import ``scripts.render`` whether run as a script or imported as a module."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("scripts.render")


def load_resume(path: Path) -> dict[str, Any]:
    """Load a labelled resume JSON file and check the fields the demo relies on."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("id", "label", "dimensions", "rationale", "resume"):
        if key not in data:
            raise ValueError(f"{path}: missing {key!r}")
    if data["label"] not in ("strategic", "consumer", "off_target"):
        raise ValueError(f"{path}: bad label {data['label']!r}")
    for section in data["resume"].get("sections", []):
        kinds = [k for k in ("entries", "items", "text") if k in section]
        if len(kinds) != 1:
            raise ValueError(
                f"{path}: section {section.get('title')!r} needs exactly one of entries/items/text"
            )
    return data


def render_sample(sample: Sample, resume: dict[str, Any], out_dir: Path) -> Path:
    """Render one sample file and return its path."""
    render = _render()
    target = out_dir / sample.output
    if sample.kind == "pdf":
        render.to_pdf(resume, target, **sample.options)
    elif sample.kind == "docx":
        render.to_docx(resume, target, **sample.options)
    elif sample.kind == "txt":
        target.write_text(render.to_text(resume), encoding="utf-8")
    elif sample.kind == "scanned":
        render.to_scanned_pdf(resume, target, **sample.options)
    elif sample.kind == "broken":
        render.to_broken_pdf(resume, target, **sample.options)
    elif sample.kind == "note":
        target.write_text(cover_note(resume), encoding="utf-8")
    else:
        raise ValueError(f"unknown sample kind {sample.kind!r}")
    return target


def cover_note(resume: dict[str, Any]) -> str:
    """The short e-mail a candidate sends with a resume: text, but not a resume."""
    return (
        "Kia ora,\n\n"
        "Please find my CV attached for the social media role. "
        f"My current role: {resume['headline']}.\n\n"
        f"Ngā mihi,\n{resume['name']}\n"
    )


def make_samples(src_dir: Path = SRC_DIR, out_dir: Path = OUT_DIR) -> list[Path]:
    """Render every sample in :data:`SAMPLES`; fail if a file is over :data:`MAX_BYTES`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for sample in SAMPLES:
        data = load_resume(src_dir / f"{sample.source}.json")
        path = render_sample(sample, data["resume"], out_dir)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RuntimeError(f"{path} is {size} bytes, over the {MAX_BYTES} byte limit")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC_DIR, help="folder of resume JSON files")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    for path in make_samples(args.src, args.out):
        print(f"{path.stat().st_size:>8,d}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
