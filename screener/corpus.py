"""Labelled resume folders: reading labels and rendering JSON resumes to text.

A labelled folder holds ``<id>.json`` files in the format of the shared spec
(``label``, ``dimensions``, ``resume``...), optionally with rendered files
beside them (``<id>.pdf``, ``<id>.docx``, ``<id>.txt``), or a CSV of
``path,label``. Training reads the resume JSON rendered to text; evaluation
reads the rendered file a user would have.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["LABELS", "LabelledResume", "iter_labelled", "render_text"]

LABELS = ("strategic", "consumer", "off_target")
_RENDERED = (".pdf", ".docx", ".txt")


@dataclass
class LabelledResume:
    """One labelled resume.

    ``text`` is set when the label came with a JSON resume (rendered text);
    ``files`` lists rendered files found beside it (or the CSV's path).
    """

    id: str
    label: str
    dimensions: list[str] = field(default_factory=list)
    hard_case: str | None = None
    pair_of: str | None = None
    group: str | None = None
    text: str | None = None
    files: list[Path] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def strategic(self) -> bool:
        return self.label == "strategic"


def render_text(resume: dict[str, Any]) -> str:
    """Render a resume object of the JSON format to plain text.

    The layout imitates a one-column resume: name, headline, contact line,
    summary, then each section title on its own line followed by entries
    (``Title — Org, Location | Dates`` then ``- bullet`` lines), items or text.
    """
    parts: list[str] = []
    head = [resume.get("name") or "", resume.get("headline") or ""]
    contact = resume.get("contact") or {}
    bits = [contact.get(k) for k in ("email", "phone", "location")]
    bits += list(contact.get("links") or [])
    head.append(" | ".join(b for b in bits if b))
    parts.append("\n".join(h for h in head if h))
    if resume.get("summary"):
        parts.append(f"Summary\n{resume['summary']}")
    for section in resume.get("sections") or []:
        parts.append(_render_section(section))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def _render_section(section: dict[str, Any]) -> str:
    lines = [section.get("title") or ""]
    if section.get("entries") is not None:
        for entry in section["entries"]:
            where = ", ".join(x for x in (entry.get("org"), entry.get("location")) if x)
            head = " — ".join(x for x in (entry.get("title"), where) if x)
            if entry.get("dates"):
                head = f"{head} | {entry['dates']}"
            lines.append(head)
            lines += [f"- {b}" for b in entry.get("bullets") or []]
    elif section.get("items") is not None:
        lines.append(", ".join(str(i) for i in section["items"]))
    elif section.get("text"):
        lines.append(str(section["text"]))
    return "\n".join(lines)


def iter_labelled(folder: str | Path) -> Iterator[LabelledResume]:
    """Yield the labelled resumes of a folder, sorted by id.

    Parameters
    ----------
    folder : str or Path
        A folder of ``*.json`` labels (searched recursively), or a CSV file
        with ``path,label`` columns (paths relative to the CSV).

    Raises
    ------
    ValueError
        If a label is not one of ``strategic``, ``consumer``, ``off_target``.
    """
    folder = Path(folder)
    if folder.is_file() and folder.suffix.lower() == ".csv":
        yield from _iter_csv(folder)
        return
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "label" not in data:
            continue
        yield _from_json(path, data)


def _check_label(label: str, where: Path) -> str:
    if label not in LABELS:
        raise ValueError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
    return label


def _from_json(path: Path, data: dict[str, Any]) -> LabelledResume:
    rid = str(data.get("id") or path.stem)
    files = [path.with_suffix(ext) for ext in _RENDERED if path.with_suffix(ext).exists()]
    resume = data.get("resume")
    return LabelledResume(
        id=rid,
        label=_check_label(data["label"], path),
        dimensions=list(data.get("dimensions") or []),
        hard_case=data.get("hard_case"),
        pair_of=data.get("pair_of"),
        group=data.get("pair_of") or rid,
        text=render_text(resume) if isinstance(resume, dict) else None,
        files=files,
        meta={"writer": data.get("writer") or path.parent.name, "source": str(path)},
    )


def _iter_csv(path: Path) -> Iterator[LabelledResume]:
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            file = (path.parent / row["path"]).resolve()
            rid = row.get("id") or file.stem
            yield LabelledResume(
                id=rid,
                label=_check_label(row["label"].strip(), path),
                hard_case=row.get("hard_case") or None,
                pair_of=row.get("pair_of") or None,
                group=row.get("pair_of") or rid,
                files=[file],
            )
