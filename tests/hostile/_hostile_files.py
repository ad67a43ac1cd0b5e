"""Builders for hostile resumes, made at test time (nothing large is committed).

Each builder returns the bytes of one crafted file; :func:`make_folder` writes
one file of every kind (plus special files and odd names) into a folder.
Run as a script to get such a folder for manual experiments::

    python tests/hostile/_hostile_files.py /tmp/hostile
"""

from __future__ import annotations

import io
import os
import random
import socket
import struct
import sys
import zipfile
import zlib
from pathlib import Path

_MB = 1 << 20
_LINE = b"BT /F1 12 Tf 72 700 Td (Social media manager, growth lead) Tj ET\n"


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF with ``objects`` numbered from 1 and a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """The body of a stream object holding ``data``."""
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(
    content: bytes,
    *,
    filters: bytes = b"",
    page_extra: bytes = b"",
    font_extra: bytes = b"",
) -> bytes:
    """Catalog, pages, one page with Helvetica and one content stream."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R " + page_extra + b">>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " + font_extra + b">>",
            stream(content, filters),
        ]
    )


def flate_bomb(inflated_mb: int = 600) -> bytes:
    """A ~2 MB PDF whose one content stream inflates to ``inflated_mb`` MB.

    The content is real text-drawing operators, so without a budget pdfminer
    would inflate it all and then interpret it. The deflate stream is built
    from one compressed megabyte repeated after full flushes, so making it
    takes a fraction of a second.
    """
    chunk = _LINE * (_MB // len(_LINE))
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(inflated_mb):
        checksum = zlib.adler32(chunk, checksum)
    body = first + middle * (inflated_mb - 1) + b"\x03\x00" + struct.pack(">I", checksum)
    return one_page_pdf(body, filters=b"/Filter /FlateDecode")


def layout_bomb() -> bytes:
    """A 4 KB PDF drawing one line of text 16,000 times at the same spot.

    Its stream inflates to only 1 MB, but pdfminer would hold 600,000 glyphs
    and run a layout analysis that is superlinear in overlapping lines.
    """
    return flate_bomb(1)


def lzw_bomb(cycles: int = 14) -> bytes:
    """LZW data (PDF flavour, early change) of ~7 MB of zeros per 5 KB cycle.

    Each cycle clears the table, sends one literal zero, then codes that each
    name the entry being defined (``KwKwK``), so every code outputs one byte
    more than the one before, until the 12-bit table is full.
    """
    codes: list[tuple[int, int]] = []
    for _ in range(cycles):
        nbits, table = 9, 258
        codes += [(256, nbits), (0, nbits)]
        while table < 4095:
            codes.append((table, nbits))
            table += 1
            nbits = {511: 10, 1023: 11, 2047: 12}.get(table, nbits)
        codes.append((256, nbits))
    codes.append((257, 9))
    value = bits = 0
    out = bytearray()
    for code, width in codes:
        value, bits = (value << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((value >> bits) & 0xFF)
        value &= (1 << bits) - 1
    if bits:
        out.append((value << (8 - bits)) & 0xFF)
    return bytes(out)


def nested_pdf(depth: int = 100_000, where: str = "widths") -> bytes:
    """A PDF with an array (or dictionary) nested ``depth`` deep.

    ``where``: ``widths`` (a font's /Widths, which pdfminer resolves
    recursively), ``page`` (an unused page key), ``dict`` (nested
    dictionaries in the page), ``content`` (a ``TJ`` operand) or ``kids``
    (a page tree ``depth`` levels deep).
    """
    nested = b"[" * depth + b"0" + b"]" * depth
    text = b"BT /F1 12 Tf 72 700 Td (Social media manager with a long career) Tj ET"
    if where == "widths":
        return one_page_pdf(text, font_extra=b"/FirstChar 32 /LastChar 33 /Widths " + nested)
    if where == "page":
        return one_page_pdf(text, page_extra=b"/Junk " + nested)
    if where == "dict":
        deep = b"<< /A " * depth + b"0" + b" >>" * depth
        return one_page_pdf(text, page_extra=b"/Junk " + deep)
    if where == "content":
        return one_page_pdf(b"BT /F1 12 Tf 72 700 Td " + nested + b" TJ ET")
    if where == "kids":
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        for level in range(depth):
            objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (level + 3))
        objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] >>")
        return raw_pdf(objects)
    raise ValueError(where)


def many_pages_pdf(pages: int = 5000) -> bytes:
    """A resume of ``pages`` pages (one shared content stream)."""
    kids = b" ".join(b"%d 0 R" % (n + 5) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(b"BT /F1 12 Tf 72 700 Td (Social media manager, page after page) Tj ET"),
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    return raw_pdf(objects + [page] * pages)


def docx_bomb(inflated_mb: int = 300) -> bytes:
    """A DOCX whose ``word/document.xml`` inflates to ``inflated_mb`` MB."""
    head = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            block = b"A" * _MB
            for _ in range(inflated_mb):
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def empty_docx() -> bytes:
    """A valid DOCX holding no text at all."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr(
            "word/document.xml",
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            b'main"><w:body/></w:document>',
        )
    return buf.getvalue()


def png() -> bytes:
    """A small valid PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = b"".join(b"\x00" + b"\x80" * 16 for _ in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def binary_blob(size: int = 64 * 1024, seed: int = 9) -> bytes:
    """Random bytes (what a binary file named ``.txt`` holds)."""
    return random.Random(seed).randbytes(size)


def sparse_file(path: Path, size: int = 200 * _MB) -> None:
    """A ``size``-byte text file written sparse (instant, no disk used)."""
    with open(path, "wb") as fh:
        fh.write(b"Social media manager\n" * 100)
        fh.truncate(size)


#: Expected ``(status, reasons)`` of every file :func:`make_folder` writes.
#: Special files follow the documented policy: one row each, never opened.
EXPECTED: dict[str, tuple[str, tuple[str | None, ...]]] = {
    "bomb-flate.pdf": ("unreadable", ("too_large",)),
    "bomb-zip.docx": ("unreadable", ("too_large",)),
    # the nested TJ operand is dropped (empty page), or a pdfminer warning that
    # formats it recurses too deeply (malformed), depending on logging
    "nested-array.pdf": ("unreadable", ("empty", "malformed")),
    "nested-kids.pdf": ("unreadable", ("malformed",)),
    "many-pages.pdf": ("unreadable", ("too_large",)),
    "layout-bomb.pdf": ("unreadable", ("too_large",)),
    "huge.txt": ("unreadable", ("too_large",)),
    "binary.txt": ("unreadable", ("unsupported_format",)),
    "photo.pdf": ("unreadable", ("unsupported_format",)),
    "empty.docx": ("unreadable", ("empty",)),
    "zero-bytes.docx": ("unreadable", ("empty",)),
    "resume.pdf": ("unreadable", ("special_file",)),  # a FIFO
    "socket.pdf": ("unreadable", ("special_file",)),
    "dangling.pdf": ("unreadable", ("broken_link",)),
    "loop-a.pdf": ("unreadable", ("broken_link",)),
    "loop-b.pdf": ("unreadable", ("broken_link",)),
}
#: Files that are special (not regular) or links that lead nowhere.
SPECIAL = ("resume.pdf", "socket.pdf", "dangling.pdf", "loop-a.pdf", "loop-b.pdf")
#: Copies of a good resume under awkward names: each must be an ``ok`` row.
ODD_NAMES = (
    "new\nline.txt",
    "quo\"te's.txt",
    "Zoë Ünïcødé 履歴書.txt",
    "-rf.txt",
    "--help.txt",
    os.fsdecode(b"not-utf8-\xff\xfe.txt"),
)


def make_folder(folder: Path, good_text: str) -> dict[str, tuple[str, tuple[str | None, ...]]]:
    """Write one hostile file of each kind into ``folder``; return what to expect.

    ``good_text`` is a resume used for the UTF-16 file and the odd names.
    A symlinked-directory loop (``sub/up -> ..``) is added too: the walk
    must neither run forever nor screen a file twice. The open socket is
    closed before returning (its file stays).
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "bomb-flate.pdf": flate_bomb(600),
        "bomb-zip.docx": docx_bomb(300),
        "nested-array.pdf": nested_pdf(100_000, "content"),
        "layout-bomb.pdf": layout_bomb(),
        "nested-kids.pdf": nested_pdf(100_000, "kids"),
        "many-pages.pdf": many_pages_pdf(5000),
        "binary.txt": binary_blob(),
        "photo.pdf": png(),
        "empty.docx": empty_docx(),
        "zero-bytes.docx": b"",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    sparse_file(folder / "huge.txt")
    os.mkfifo(folder / "resume.pdf")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.pdf"))
    sock.close()
    os.symlink(folder / "gone.pdf", folder / "dangling.pdf")
    os.symlink(folder / "loop-a.pdf", folder / "loop-b.pdf")
    os.symlink(folder / "loop-b.pdf", folder / "loop-a.pdf")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    (folder / "utf16.txt").write_bytes(good_text.encode("utf-16"))  # with a BOM
    expected = dict(EXPECTED)
    expected["utf16.txt"] = ("ok", (None,))
    for name in ODD_NAMES:
        (folder / name).write_text(good_text, encoding="utf-8")
        expected[name] = ("ok", (None,))
    return expected


if __name__ == "__main__":  # pragma: no cover
    root = Path(__file__).resolve().parents[2]
    text = (root / "tests" / "fixtures" / "strategic.txt").read_text(encoding="utf-8")
    for name, outcome in make_folder(Path(sys.argv[1]), text).items():
        print(f"{name!r}: {outcome}")
