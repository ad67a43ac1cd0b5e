"""Fuzzing: mutated PDFs and DOCX files end in a Document or one of our typed errors.

A seeded generator (so every run, and every failure, is reproducible) takes
small good files and damages them the ways files get damaged or crafted:
bit flips, truncation, deleted and duplicated ranges, objects spliced in
from another file, numbers swapped for huge or negative ones, keywords
swapped for other keywords; DOCX files are damaged both as zips and in
their XML (then zipped again). Each mutant goes through
``screener.extract`` with a 3 s limit; anything but a ``Document`` or a
``ScreenerError`` fails the test, naming the case and saving the file.
"""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
import zlib
from pathlib import Path

import _hostile_files as h
import pytest

from screener.errors import ScreenerError
from screener.extraction import Limits, extract
from screener.types import Document

ROOT = Path(__file__).resolve().parents[2]
LIMITS = Limits(timeout=3.0)
PER_CALL = 6.0  # seconds: the limit, plus pdfminer finishing its current step
CHUNK = 25
_KEYWORDS = [
    b"obj",
    b"endobj",
    b"stream",
    b"endstream",
    b" R",
    b"[",
    b"]",
    b"<<",
    b">>",
    b"/Type",
    b"/Pages",
    b"/Kids",
    b"/Length",
    b"/Filter",
    b"xref",
    b"trailer",
    b"startxref",
    b"BT",
    b"ET",
    b"Tj",
    b"TJ",
    b"Tf",
    b"Do",
    b"q",
    b"Q",
]
_NUMBER = re.compile(rb"(?<![\w.])\d{1,7}(?![\w.])")


def _resume_pdf(encrypt: bool = False) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(
        buf, invariant=1, encrypt=StandardEncryption("", "owner", canPrint=0) if encrypt else None
    )
    lines = (ROOT / "tests" / "fixtures" / "strategic.txt").read_text().splitlines()
    for page in range(2):
        pdf.setFont("Helvetica-Bold" if page else "Times-Roman", 10)
        for i, line in enumerate(lines[:40]):
            pdf.drawString(60 + 250 * (i % 2) * page, 780 - 14 * i, line[:70])
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _filtered_pdf() -> bytes:
    text = b"BT /F1 11 Tf 72 700 Td (Social media manager, community and analytics) Tj ET"
    packed = zlib.compress(text)
    return h.raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            h.stream(packed.hex().encode() + b">", b"/Filter [/ASCIIHexDecode /FlateDecode]"),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>",
            h.stream(bytes([len(text) - 1]) + text + b"\x80", b"/Filter /RunLengthDecode"),
        ]
    )


def _resume_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Alex Doe", 0)
    for line in (ROOT / "tests" / "fixtures" / "strategic.txt").read_text().splitlines()[:30]:
        document.add_paragraph(line, style="List Bullet" if line.startswith("-") else None)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "Skills", "Brandwatch, Looker"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf_seeds() -> list[bytes]:
    return [
        _resume_pdf(),
        _resume_pdf(encrypt=True),
        _filtered_pdf(),
        (ROOT / "data" / "samples" / "henrik-lindqvist.pdf").read_bytes(),
    ]


@pytest.fixture(scope="module")
def docx_seeds() -> list[bytes]:
    return [_resume_docx(), (ROOT / "data" / "samples" / "priya-raghunathan.docx").read_bytes()]


def mutate(data: bytes, rng: random.Random, donors: list[bytes]) -> tuple[bytes, str]:
    """Damage ``data`` once or a few times; return the mutant and what was done."""
    out = bytearray(data)
    done = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        kind = rng.choice(
            ("flip", "truncate", "delete", "duplicate", "splice", "number", "keyword")
        )
        n = len(out)
        if n < 2:
            break
        a = rng.randrange(n)
        b = min(n, a + rng.choice((1, 8, 64, 512, 4096)))
        if kind == "flip":
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(n)] ^= 1 << rng.randrange(8)
        elif kind == "truncate":
            del out[a:]
        elif kind == "delete":
            del out[a:b]
        elif kind == "duplicate":
            out[b:b] = out[a:b] * rng.choice((1, 2, 50))
        elif kind == "splice":
            donor = rng.choice(donors)
            c = rng.randrange(len(donor))
            out[a:b] = donor[c : c + rng.choice((16, 256, 4096))]
        elif kind == "number":
            found = list(_NUMBER.finditer(out))
            if found:
                m = rng.choice(found)
                out[m.start() : m.end()] = rng.choice(
                    (b"0", b"-1", b"99999999", b"4294967296", b"1e308", b"3.5")
                )
        else:
            old, new = rng.sample(_KEYWORDS, 2)
            at = out.find(old, a)
            if at >= 0:
                out[at : at + len(old)] = new
        done.append(f"{kind}@{a}")
    return bytes(out), ",".join(done)


def _mutate_docx(data: bytes, rng: random.Random, donors: list[bytes]) -> tuple[bytes, str]:
    if rng.random() < 0.4:  # damage the zip itself
        return mutate(data, rng, donors)
    source = zipfile.ZipFile(io.BytesIO(data))
    target = rng.choice([n for n in source.namelist() if n.endswith(".xml")])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            part = source.read(name)
            if name == target:
                part, how = mutate(part, rng, [source.read("word/document.xml")])
            archive.writestr(name, part)
    return buf.getvalue(), f"{target}:{how}"


def _check(data: bytes, case: str, tmp_path: Path) -> None:
    start = time.monotonic()
    try:
        outcome = extract(data, limits=LIMITS)
    except ScreenerError:
        outcome = None
    except BaseException as e:
        (tmp_path / "failing.bin").write_bytes(data)
        raise AssertionError(f"{case}: {type(e).__name__}: {e} (file: {tmp_path})") from e
    seconds = time.monotonic() - start
    assert outcome is None or isinstance(outcome, Document), case
    assert seconds < PER_CALL, f"{case} took {seconds:.1f} s"


@pytest.mark.parametrize("chunk", range(12))  # 300 PDFs
def test_mutated_pdfs_end_typed(chunk, pdf_seeds, tmp_path):
    rng = random.Random(f"pdf-{chunk}")
    for i in range(CHUNK):
        seed = rng.randrange(len(pdf_seeds))
        data, how = mutate(pdf_seeds[seed], rng, pdf_seeds)
        _check(data, f"pdf chunk {chunk} case {i} seed {seed} {how}", tmp_path)


@pytest.mark.parametrize("chunk", range(6))  # 150 DOCX files
def test_mutated_docx_files_end_typed(chunk, docx_seeds, tmp_path):
    rng = random.Random(f"docx-{chunk}")
    for i in range(CHUNK):
        seed = rng.randrange(len(docx_seeds))
        data, how = _mutate_docx(docx_seeds[seed], rng, docx_seeds)
        _check(data, f"docx chunk {chunk} case {i} seed {seed} {how}", tmp_path)
