"""The budget pdfminer runs under: inflated stream bytes per document.

**Streams.** pdfminer inflates a stream's filters (``FlateDecode``,
``LZWDecode``, ``RunLengthDecode``...) fully in memory the first time
anything asks for the stream's data, so a 2 MB PDF whose content stream
inflates to 600 MB costs 600 MB and minutes of parsing. Here every stream is
decoded through a :class:`StreamBudget` shared by the whole document: the
expanding filters inflate incrementally (``zlib.decompressobj().decompress(
data, max_length)``, the LZW decoder's generator, a counting run-length
decoder) and stop with :class:`~screener.errors.TooLargeError` as soon as the
document's total passes the budget, in time and memory proportional to the
budget, not to the bomb.

How it is wired in, and why this way: :class:`BudgetParser` is the
``PDFParser`` given to ``PDFDocument``. Every stream object of the file is
created by that parser's ``stream`` keyword (object streams cannot hold
streams, and cross-reference streams go through the same parser), so the
parser re-classes each new ``PDFStream`` as :class:`BudgetedStream`, whose
``decode`` is the budgeted one. Nothing in pdfminer is patched: other users
of pdfminer in the process, and other threads, are unaffected. Scanning the
raw bytes for ``stream``/``endstream`` before parsing was rejected: it
cannot see through encryption (an empty user password is enough to hide a
bomb from it), indirect ``/Length`` values or filter chains, and it would
inflate every stream twice.

Decoding follows ``pdfminer.pdftypes.PDFStream.decode`` (decryption, filter
chain, predictors, pdfminer's lenient recovery of damaged Flate data). Only
the expanding filters are counted: ASCIIHex/ASCII85 and the predictors never
produce more bytes than they are given. CCITT fax data is image data that
text extraction never needs; it is decoded only when its worst case fits in
what is left of the budget.

The other budget, objects drawn per page, is counted by the device pages
are drawn on (:mod:`screener.extraction.pdf_device`).
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from pdfminer import settings
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.ccitt import ccittfaxdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfexceptions import PDFException, PDFNotImplementedError
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import (
    LITERAL_CRYPT,
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_CCITTFAX_DECODE,
    LITERALS_DCT_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_JBIG2_DECODE,
    LITERALS_JPX_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
    int_value,
)
from pdfminer.psparser import PSKeyword
from pdfminer.utils import apply_png_predictor, apply_tiff_predictor

from screener.errors import TooLargeError

__all__ = ["BudgetParser", "BudgetedStream", "StreamBudget"]

_PROBE = 4096  # input bytes per step when locating an error in damaged Flate data


class StreamBudget:
    """Bytes that the expanding filters of one document may still produce."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def spend(self, n: int) -> None:
        """Count ``n`` inflated bytes; raise ``TooLargeError`` once over the limit."""
        self.left -= n
        if self.left < 0:
            raise TooLargeError(
                f"the PDF's streams inflate to more than {self.limit / (1 << 20):g} MB"
            )


class BudgetParser(PDFParser):
    """A ``PDFParser`` whose stream objects decode under ``budget``."""

    def __init__(self, fp: Any, budget: StreamBudget) -> None:
        super().__init__(fp)
        self.budget = budget

    def do_keyword(self, pos: int, token: PSKeyword) -> None:
        super().do_keyword(pos, token)
        if token is self.KEYWORD_STREAM and self.curstack:
            obj = self.curstack[-1][1]
            if type(obj) is PDFStream:
                obj.__class__ = BudgetedStream
                obj.budget = self.budget  # type: ignore[attr-defined]


class BudgetedStream(PDFStream):
    """A ``PDFStream`` whose ``decode`` counts inflated bytes against a budget."""

    budget: StreamBudget

    def decode(self) -> None:
        """Decode ``rawdata`` into ``data`` like pdfminer, under the budget."""
        assert self.data is None and self.rawdata is not None
        data = self.rawdata
        if self.decipher:
            assert self.objid is not None and self.genno is not None
            data = self.decipher(self.objid, self.genno, data, self.attrs)
        for f, params in self.get_filters():
            data = _apply_filter(f, params, data, self.budget)
            if params and "Predictor" in params:
                data = _predict(params, data)
        self.data = data
        self.rawdata = None


def _apply_filter(f: Any, params: Any, data: bytes, budget: StreamBudget) -> bytes:
    if f in LITERALS_FLATE_DECODE:
        return inflate(data, budget)
    if f in LITERALS_LZW_DECODE:
        return _lzw(data, budget)
    if f in LITERALS_ASCII85_DECODE:
        return ascii85decode(data)
    if f in LITERALS_ASCIIHEX_DECODE:
        return asciihexdecode(data)
    if f in LITERALS_RUNLENGTH_DECODE:
        return run_length(data, budget)
    if f in LITERALS_CCITTFAX_DECODE:
        columns = int_value((params or {}).get("Columns", 1728))
        if (max(columns, 0) + 7) // 8 * (8 * len(data) + 1) > budget.left:
            raise TooLargeError("a CCITT fax stream of the PDF may inflate past the budget")
        out = ccittfaxdecode(data, params)
        budget.spend(len(out))
        return out
    if f in LITERALS_DCT_DECODE or f in LITERALS_JBIG2_DECODE or f in LITERALS_JPX_DECODE:
        return data  # images, passed through undecoded as pdfminer does
    if f == LITERAL_CRYPT:
        raise PDFNotImplementedError("/Crypt filter is unsupported")
    raise PDFNotImplementedError(f"Unsupported filter: {f!r}")


def _predict(params: dict[str, Any], data: bytes) -> bytes:
    pred = int_value(params["Predictor"])
    if pred == 1:
        return data
    colors = int_value(params.get("Colors", 1))
    columns = int_value(params.get("Columns", 1))
    bits = int_value(params.get("BitsPerComponent", 8))
    if pred == 2:
        return apply_tiff_predictor(colors, columns, bits, data)
    if pred >= 10:
        return apply_png_predictor(pred, colors, columns, bits, data)
    raise PDFNotImplementedError(f"Unsupported predictor: {pred!r}")


def inflate(data: bytes, budget: StreamBudget) -> bytes:
    """Inflate zlib data, stopping as soon as the output passes the budget.

    Damaged data is recovered as ``pdfminer.pdftypes.decompress_corrupted``
    does: when the error lies in the last four bytes (the checksum) the
    output so far is kept, otherwise the stream is empty.
    """
    inflater = zlib.decompressobj()
    try:
        # One call, but never more than one byte past the budget: the rest of a
        # bomb stays in ``unconsumed_tail`` (``flush()`` would inflate it, so it
        # is never called). With the limit not reached, all output is here.
        out = inflater.decompress(data, max(budget.left, 0) + 1)
    except zlib.error as e:
        if settings.STRICT:
            raise PDFException(f"Invalid zlib bytes: {e!r}") from e
        return _inflate_damaged(data, budget)
    budget.spend(len(out))
    return out


def _inflate_damaged(data: bytes, budget: StreamBudget) -> bytes:
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    start = 0
    try:  # find the 4 KB step holding the error, counting what comes before it
        while start < len(data):
            parts.append(inflater.decompress(data[start : start + _PROBE]))
            budget.spend(len(parts[-1]))
            start += _PROBE
        return b"".join(parts)
    except zlib.error:
        pass
    inflater = zlib.decompressobj()  # replay up to that step, then go byte by byte
    parts = [inflater.decompress(data[:start])]
    for i in range(start, min(start + _PROBE, len(data))):
        try:
            parts.append(inflater.decompress(data[i : i + 1]))
            budget.spend(len(parts[-1]))
        except zlib.error:
            return b"".join(parts) if i >= len(data) - 3 else b""
    return b"".join(parts)  # pragma: no cover - the error was found above


def _lzw(data: bytes, budget: StreamBudget) -> bytes:
    parts = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        budget.spend(len(piece))
        parts.append(piece)
    return b"".join(parts)


def run_length(data: bytes, budget: StreamBudget) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5), counted; a truncated run ends the data."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            run = data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            if i + 1 >= n:
                break
            run = data[i + 1 : i + 2] * (257 - length)
            i += 2
        budget.spend(len(run))
        out += run
    return bytes(out)
