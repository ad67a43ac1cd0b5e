"""Budgets of the extractors: bombs, nesting and size end typed, fast and small.

The big bombs run in a child process so that their time and peak memory
(``ru_maxrss``) are measured on their own, away from the test process.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import _hostile_files as h
import pytest
from pdfminer.pdftypes import decompress_corrupted
from pdfminer.runlength import rldecode

from screener.errors import MalformedError, ScreenerError, TooLargeError
from screener.extraction import Limits, extract
from screener.extraction import limits as limits_module
from screener.extraction.pdf_budget import StreamBudget, inflate, run_length

HERE = Path(__file__).resolve().parent
GOOD = "BT /F1 12 Tf 72 700 Td (Social media manager with a long career) Tj ET"

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
import _hostile_files as h
from screener.extraction import extract
data = {expr}
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    extract(data)
    outcome = "ok"
except Exception as e:
    outcome = getattr(e, "reason", type(e).__name__)
print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - start,
                  "base_mb": base / 1024,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _measure(expr: str) -> dict[str, float | str]:
    code = _CHILD.format(here=str(HERE), expr=expr)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("expr", "inflated_mb"),
    [("h.flate_bomb(600)", 600), ("h.docx_bomb(300)", 300)],
)
def test_a_decompression_bomb_is_too_large_in_bounded_time_and_memory(expr, inflated_mb):
    # measured: 0.3 s and +110 MB (PDF), 0.15 s and +50 MB (DOCX); unbudgeted, the
    # PDF ran 30 s into its timeout at 1.4 GB, and python-docx took 18 GB.
    m = _measure(expr)
    assert m["outcome"] == "too_large"
    assert m["seconds"] < 5
    assert m["peak_mb"] - m["base_mb"] < 250, m


def test_the_bomb_pdf_is_small_and_really_inflates_that_much():
    data = h.flate_bomb(50)
    body = data[data.index(b"stream\n") + 7 : data.rindex(b"\nendstream")]
    assert len(data) < 250_000
    inflater = zlib.decompressobj()
    total = 0
    while body:
        total += len(inflater.decompress(body, 1 << 24))
        body = inflater.unconsumed_tail
    assert total == 50 * ((1 << 20) // len(h._LINE)) * len(h._LINE)  # ~50 MB


def _stream_pdf(data: bytes, filters: bytes) -> bytes:
    return h.one_page_pdf(data, filters=b"/Filter " + filters)


@pytest.mark.parametrize(
    ("make", "filters"),
    [
        (lambda: h.lzw_bomb(14), b"/LZWDecode"),  # 70 KB -> 100 MB
        (lambda: bytes([129, 32]) * 500_000, b"/RunLengthDecode"),  # 1 MB -> 64 MB
        (lambda: zlib.compress(b" " * (80 << 20)).hex().encode() + b">", b"[/AHx /Fl]"),
    ],
    ids=["lzw", "runlength", "hex-then-flate"],
)
def test_every_expanding_filter_is_budgeted(make, filters):
    data = make()
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="inflate"):
        extract(_stream_pdf(data, filters))
    assert time.monotonic() - start < 10


def _pdf_with_streams(count: int) -> bytes:
    chunk = zlib.compress(GOOD.encode() + b" " * 600_000)  # 600 KB once inflated
    refs = b" ".join(b"%d 0 R" % (5 + i) for i in range(count))
    return h.raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents [" + refs + b"] >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *[h.stream(chunk, b"/Filter /FlateDecode")] * count,
        ]
    )


def test_the_budget_is_for_the_whole_document_not_per_stream():
    small = Limits(max_inflated_bytes=1_000_000)
    assert extract(_pdf_with_streams(1), limits=small).text
    with pytest.raises(TooLargeError):
        extract(_pdf_with_streams(3), limits=small)


def test_a_bomb_hidden_by_encryption_is_still_counted():
    # an empty user password opens the file for anyone, and hides the streams
    # from any scan of the raw bytes: the budget applies after decryption
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, encrypt=StandardEncryption("", "owner", canPrint=0))
    for i in range(30_000):
        pdf.drawString(72, 700 - (i % 60) * 10, "Social media manager, growth lead")
    pdf.save()
    with pytest.raises(TooLargeError, match="inflate"):
        extract(buf.getvalue(), limits=Limits(max_inflated_bytes=500_000))


def _pdfminer_inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:
        try:
            return decompress_corrupted(data)
        except zlib.error:
            return b""


def test_damaged_flate_data_is_recovered_exactly_as_pdfminer_does():
    rng = random.Random(7)
    for case in range(300):
        data = bytearray(zlib.compress(rng.randbytes(rng.randint(0, 300)) * rng.randint(1, 60)))
        kind = case % 4
        if kind == 0:  # bit flips
            for _ in range(rng.randint(1, 3)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:  # truncation
            del data[rng.randint(1, len(data)) :]
        elif kind == 2:  # a broken checksum
            data[-1] ^= 0xFF
        else:  # trailing junk
            data += rng.randbytes(rng.randint(1, 20))
        ours = inflate(bytes(data), StreamBudget(1 << 30))
        assert ours == _pdfminer_inflate(bytes(data)), (case, bytes(data))


def test_run_length_matches_pdfminer_on_valid_data():
    rng = random.Random(3)
    for _ in range(200):
        parts = []
        for _ in range(rng.randint(0, 30)):
            if rng.random() < 0.5:
                n = rng.randint(1, 128)
                parts.append(bytes([n - 1]) + rng.randbytes(n))
            else:
                parts.append(bytes([rng.randint(129, 255), rng.randrange(256)]))
        data = b"".join(parts) + b"\x80"
        assert run_length(data, StreamBudget(1 << 30)) == rldecode(data)


def test_a_page_drawing_too_much_is_too_large_quickly():
    # unbudgeted: past 60 s and 2.4 GB for this 4 KB file
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="draws more than"):
        extract(h.layout_bomb())
    assert time.monotonic() - start < 10


def test_form_xobjects_fanning_out_are_counted():
    forms = []
    for level in range(30):  # each form draws the next one twice: 2**30 uses
        body = b"/X Do /X Do" if level < 29 else b""
        forms.append(
            h.stream(
                body,
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                b"/Resources << /XObject << /X %d 0 R >> >>" % (level + 7),
            )
        )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
        b"<< /F1 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        h.stream(GOOD.encode() + b" /X Do"),
        *forms,
    ]
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="draws more than"):
        extract(h.raw_pdf(objects))
    assert time.monotonic() - start < 15


@pytest.mark.parametrize("where", ["kids", "content", "page", "dict"])
def test_deep_nesting_in_a_pdf_is_read_or_typed(where):
    try:
        extract(h.nested_pdf(100_000, where))
    except ScreenerError as e:
        assert e.reason in ("malformed", "empty")


def test_a_deep_page_tree_is_malformed_even_under_a_raised_recursion_limit():
    # with the limit at 50,000 this file overflowed the C stack (a segfault)
    # before extraction capped the limit; run in a child so a crash shows
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); sys.setrecursionlimit(200_000)\n"
        "import _hostile_files as h\nfrom screener.extraction import extract\n"
        "try:\n    extract(h.nested_pdf(100_000, 'kids'))\n"
        "except Exception as e:\n    print(e.reason, sys.getrecursionlimit())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["malformed", "200000"]


def test_recursion_cap_lowers_and_restores_the_limit():
    old = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(50_000)
        with limits_module.recursion_cap(3000):
            assert sys.getrecursionlimit() == 3000
        assert sys.getrecursionlimit() == 50_000
        sys.setrecursionlimit(1000)
        with limits_module.recursion_cap(3000):
            assert sys.getrecursionlimit() == 1000
    finally:
        sys.setrecursionlimit(old)


def _docx(xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    return buf.getvalue()


_W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
_PARA = b"<w:p><w:r><w:t>Social media manager with a long career</w:t></w:r></w:p>"


def test_deeply_nested_docx_xml_is_malformed():
    depth = 100_000
    xml = _W + b"<w:body>" + b"<w:sdt>" * depth + _PARA + b"</w:sdt>" * depth + b"</w:body>"
    with pytest.raises(MalformedError):
        extract(_docx(xml + b"</w:document>"))


def test_millions_of_docx_elements_are_too_large_before_parsing():
    # 60 KB of zip; parsed whole it took 29 s and 700 MB
    xml = _W + b"<w:body>" + _PARA + b"<w:p/>" * 7_000_000 + b"</w:body></w:document>"
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="XML elements"):
        extract(_docx(xml))
    assert time.monotonic() - start < 5


def test_text_over_max_chars_is_too_large_before_it_is_split():
    data = b"Social media manager. " * 30_000
    with pytest.raises(TooLargeError, match="characters"):
        extract(data)
    assert extract(data, limits=Limits(max_chars=1_000_000)).text


@pytest.mark.parametrize(
    ("raised", "expected"), [(RecursionError, MalformedError), (MemoryError, TooLargeError)]
)
def test_recursion_and_memory_errors_never_escape_extract(monkeypatch, raised, expected):
    from screener.extraction import txt

    def boom(*args, **kwargs):
        raise raised

    monkeypatch.setattr(txt, "read_txt", boom)
    with pytest.raises(expected):
        extract(b"Social media manager with a long career in brands")
