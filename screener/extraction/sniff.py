"""Decide a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import zipfile

from screener.errors import EncryptedError, MalformedError, UnsupportedFormatError

__all__ = ["sniff"]

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, .xls, encrypted OOXML
_MAGIC: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"RIFF": "a RIFF (WebP/WAV/AVI) file",
    b"{\\rtf": "an RTF document (save it as DOCX or PDF)",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"%!PS": "a PostScript file",
    b"\x7fELF": "a program",
}


def sniff(data: bytes) -> str:
    """Return ``"pdf"``, ``"docx"`` or ``"txt"`` for the content ``data``.

    Parameters
    ----------
    data : bytes
        The whole file (not empty).

    Returns
    -------
    str
        The format to read it as. ``"txt"`` means "not recognised as
        anything else"; the text reader still rejects binary content.

    Raises
    ------
    UnsupportedFormatError
        For legacy ``.doc``, images, archives and zips that are not DOCX.
    EncryptedError
        For a password-protected Office file (an OLE container holding an
        ``EncryptedPackage``).
    MalformedError
        For a zip whose directory cannot be read.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    if data.startswith(_CFB):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedError("the Office document is protected by a password")
        raise UnsupportedFormatError(
            "a legacy Word .doc (or other old Office) file; save it as DOCX or PDF"
        )
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormatError(f"the file is {what}, not a PDF, DOCX or text file")
    return "txt"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise MalformedError(f"the zip (DOCX) archive is damaged ({e})") from e
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise UnsupportedFormatError("an Excel or PowerPoint file; send the resume as DOCX or PDF")
    if "content.xml" in names:
        raise UnsupportedFormatError("an OpenDocument file; save it as DOCX or PDF")
    raise UnsupportedFormatError("a zip archive that is not a Word (DOCX) document")
