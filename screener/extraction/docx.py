"""DOCX reader working directly on the WordprocessingML parts.

Read in document order: page headers, then the body (paragraphs, tables row
by row, content controls, text boxes right after the paragraph that anchors
them), then page footers. Paragraphs with a heading or title style count as
bold; a paragraph's size comes from its runs, else its style chain, the
default paragraph style and the document defaults, as Word shows it; list
paragraphs (``w:numPr``) get a ``"- "`` bullet like the other
formats. Untrusted input: every zip entry is inflated through a byte budget
counted while reading (:attr:`Limits.max_inflated_bytes`, whatever sizes the
archive declares), XML elements are counted before parsing
(:attr:`Limits.max_docx_elements`: 60 KB of zip can hold seven million empty
paragraphs, 700 MB once parsed), and nesting past the recursion limit is
``malformed``.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from screener.errors import EncryptedError, MalformedError, TooLargeError
from screener.extraction.build import RawLine, RawPage

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHUNK = 1 << 16
_PART = re.compile(r"^word/(header|footer)\d*\.xml$")
_OFF = frozenset({"0", "false", "off", "none"})


@dataclass
class _Style:
    bold: bool | None = None
    size: float | None = None
    heading: bool = False
    listed: bool = False
    based_on: str | None = None


class _Budget:
    def __init__(self, limit: int, max_elements: int) -> None:
        self.left = limit
        self.limit = limit
        self.elements = max_elements
        self.max_elements = max_elements

    def read(self, archive: zipfile.ZipFile, name: str) -> bytes:
        chunks = []
        with archive.open(name) as fh:
            while chunk := fh.read(_CHUNK):
                self.left -= len(chunk)
                if self.left < 0:
                    raise TooLargeError(
                        f"the DOCX inflates to more than {self.limit // (1 << 20)} MB"
                    )
                chunks.append(chunk)
        xml = b"".join(chunks)
        self.elements -= xml.count(b"<") - xml.count(b"</")  # start tags (and comments)
        if self.elements < 0:
            raise TooLargeError(f"the DOCX holds more than {self.max_elements:,} XML elements")
        return xml


def read_docx(
    data: bytes, *, max_inflated_bytes: int, max_elements: int = 250_000
) -> tuple[list[RawPage], bool]:
    """Read a DOCX file into one page of blocks.

    Parameters
    ----------
    data : bytes
        The whole file (a zip holding ``word/document.xml``).
    max_inflated_bytes : int
        Most bytes inflated from the archive, all parts together.
    max_elements : int
        Most XML elements in the parts read, all together.

    Returns
    -------
    pages : list of RawPage
        One page (DOCX has no fixed pages).
    has_images : bool
        Whether the archive holds pictures (``word/media/``).

    Raises
    ------
    MalformedError, EncryptedError, TooLargeError
    """
    budget = _Budget(max_inflated_bytes, max_elements)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            reader = _Reader({})
            if "word/styles.xml" in names:
                root = _parse(budget.read(archive, "word/styles.xml"))
                reader = _Reader(_styles(root), *_defaults(root))
            parts = sorted(n for n in names if _PART.match(n))
            heads = [_parse(budget.read(archive, n)) for n in parts if "header" in n]
            feet = [_parse(budget.read(archive, n)) for n in parts if "footer" in n]
            body = _parse(budget.read(archive, "word/document.xml")).find(f"{_W}body")
            has_images = any(n.startswith("word/media/") for n in names)
    except RecursionError as e:
        raise MalformedError("the DOCX nests its XML deeper than Word ever does") from e
    except RuntimeError as e:  # zipfile: "File is encrypted, password required"
        raise EncryptedError("the DOCX is protected by a password") from e
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        struct.error,
        EOFError,
        OSError,
        NotImplementedError,
        ValueError,
        KeyError,
    ) as e:  # ValueError: bad seeks
        raise MalformedError(f"the DOCX archive is damaged ({e})") from e
    try:
        blocks = _blocks(reader, heads, body, feet)
    except RecursionError as e:
        raise MalformedError("the DOCX nests its XML deeper than Word ever does") from e
    return [RawPage(number=1, blocks=blocks)], has_images


def _blocks(
    reader: _Reader, heads: list[ET.Element], body: ET.Element | None, feet: list[ET.Element]
) -> list[list[RawLine]]:
    blocks: list[list[RawLine]] = []
    seen: set[str] = set()
    for root in heads:  # first/even/default headers often repeat each other
        for block in reader.container(root):
            key = "\n".join(ln.text for ln in block)
            if key not in seen:
                seen.add(key)
                blocks.append(block)
    if body is not None:
        blocks.extend(reader.container(body))
    for root in feet:
        for block in reader.container(root):
            key = "\n".join(ln.text for ln in block)
            if key not in seen:
                seen.add(key)
                blocks.append(block)
    return blocks


def _parse(xml: bytes) -> ET.Element:
    if not xml:
        return ET.Element("empty")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise MalformedError("the DOCX holds XML with a DTD, which Word never writes")
    try:
        return ET.fromstring(xml)
    except ET.ParseError as e:
        raise MalformedError(f"the DOCX holds broken XML ({e})") from e


def _on(elem: ET.Element | None) -> bool | None:
    if elem is None:
        return None
    return elem.get(f"{_W}val", "true").lower() not in _OFF


def _size(rpr: ET.Element | None) -> float | None:
    sz = rpr.find(f"{_W}sz") if rpr is not None else None
    try:
        return int(sz.get(f"{_W}val", "")) / 2 if sz is not None else None
    except ValueError:
        return None


def _styles(root: ET.Element) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for node in root.iter(f"{_W}style"):
        sid = node.get(f"{_W}styleId") or ""
        name_node = node.find(f"{_W}name")
        name = (name_node.get(f"{_W}val", "") if name_node is not None else "").lower()
        rpr = node.find(f"{_W}rPr")
        based = node.find(f"{_W}basedOn")
        ppr = node.find(f"{_W}pPr")
        heading = name.startswith(("heading", "title")) or (
            ppr is not None and ppr.find(f"{_W}outlineLvl") is not None
        )
        styles[sid] = _Style(
            bold=_on(rpr.find(f"{_W}b")) if rpr is not None else None,
            size=_size(rpr),
            heading=heading,
            listed=ppr is not None and ppr.find(f"{_W}numPr") is not None,
            based_on=based.get(f"{_W}val") if based is not None else None,
        )
    return styles


def _defaults(root: ET.Element) -> tuple[str | None, float | None]:
    """The default paragraph style's id and the document's default font size.

    A paragraph without ``w:pStyle`` has the style marked ``w:default``, and a
    size set nowhere in its style chain is the ``w:docDefaults`` one: Word's
    body text usually sets neither on its runs.
    """
    default = None
    for node in root.iter(f"{_W}style"):
        marked = node.get(f"{_W}default", "0").lower() in ("1", "true", "on")
        if marked and node.get(f"{_W}type") == "paragraph":
            default = node.get(f"{_W}styleId")
            break
    rpr = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    return default, _size(rpr)


#: A table cell this short (at most two lines of this many characters) beside
#: a longer one is a side field: the dates or place of a job.
_SIDE_CHARS = 40


def _row_lines(cells: list[list[RawLine]]) -> list[RawLine]:
    """The lines of a table row, cell by cell.

    Resumes often put a job's dates in a narrow cell beside its title,
    organisation and bullets. Read cell by cell, the dates would come after
    the bullets, where no reader of the entry looks for them. A PDF puts a
    right-aligned date on the title's line, so here a short side cell beside
    a longer one joins the longer cell's first line, after `` | ``.
    """
    filled = [c for c in cells if c]
    if len(filled) == 2:
        main, side = sorted(filled, key=len, reverse=True)
        if (
            len(main) > len(side)
            and len(side) <= 2
            and all(len(ln.text) <= _SIDE_CHARS and not ln.text.startswith("- ") for ln in side)
        ):
            first = main[0]
            joined = " | ".join([first.text, *(ln.text.strip() for ln in side)])
            return [RawLine(joined, first.bbox, first.font_size, first.bold), *main[1:]]
    return [ln for cell in cells for ln in cell]


class _Reader:
    """Turns WordprocessingML containers into blocks of lines."""

    def __init__(
        self,
        styles: dict[str, _Style],
        default_style: str | None = None,
        default_size: float | None = None,
    ) -> None:
        self.styles = styles
        self.default_style = default_style
        self.default_size = default_size

    def style(self, sid: str | None) -> _Style:
        out = _Style()
        for _ in range(16):  # follow basedOn, nearest definition wins
            st = self.styles.get(sid or "")
            if st is None:
                break
            out.bold = out.bold if out.bold is not None else st.bold
            out.size = out.size if out.size is not None else st.size
            out.heading = out.heading or st.heading
            out.listed = out.listed or st.listed
            sid = st.based_on
        return out

    def container(self, root: ET.Element) -> list[list[RawLine]]:
        blocks: list[list[RawLine]] = []
        for child in root:
            tag = child.tag
            if tag == f"{_W}p":
                lines, boxes = self.paragraph(child)
                if lines:
                    blocks.append(lines)
                for box in boxes:
                    blocks.extend(self.container(box))
            elif tag == f"{_W}tbl":
                for row in child.findall(f"{_W}tr"):
                    lines = _row_lines([self.cell(cell) for cell in row.findall(f"{_W}tc")])
                    if lines:
                        blocks.append(lines)
            elif tag in (f"{_W}sdtPr", f"{_W}sdtEndPr", f"{_MC}Fallback"):
                continue
            else:  # sdt, sdtContent, customXml, ins, mc:AlternateContent...
                blocks.extend(self.container(child))
        return blocks

    def cell(self, cell: ET.Element) -> list[RawLine]:
        return [ln for block in self.container(cell) for ln in block]

    def paragraph(self, par: ET.Element) -> tuple[list[RawLine], list[ET.Element]]:
        ppr = par.find(f"{_W}pPr")
        pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
        base = self.style(pstyle.get(f"{_W}val") if pstyle is not None else self.default_style)
        if base.size is None:
            base.size = self.default_size
        bullet = base.listed or (ppr is not None and ppr.find(f"{_W}numPr") is not None)
        runs: list[tuple[str, bool, float | None]] = []
        boxes: list[ET.Element] = []
        self._runs(par, base, runs, boxes)
        lines: list[RawLine] = []
        for text in "".join(t for t, _, _ in runs).split("\n"):
            if text.strip():
                lines.append(RawLine(("- " if bullet and not lines else "") + text))
        if not lines:
            return [], boxes
        n_chars = sum(len(t) for t, _, _ in runs) or 1
        bold = base.heading or 2 * sum(len(t) for t, b, _ in runs if b) > n_chars
        sizes = [s for t, _, s in sorted(runs, key=lambda r: -len(r[0])) if s]
        size = sizes[0] if sizes else base.size
        for line in lines:
            line.bold, line.font_size = bold, size
        return lines, boxes

    def _runs(
        self,
        node: ET.Element,
        base: _Style,
        runs: list[tuple[str, bool, float | None]],
        boxes: list[ET.Element],
    ) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_W}r":
                self._run(child, base, runs, boxes)
            elif tag == f"{_W}txbxContent":
                boxes.append(child)
            elif tag in (f"{_W}pPr", f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom"):
                continue
            else:  # hyperlink, ins, smartTag, fldSimple, sdt, AlternateContent...
                self._runs(child, base, runs, boxes)

    def _run(
        self,
        run: ET.Element,
        base: _Style,
        runs: list[tuple[str, bool, float | None]],
        boxes: list[ET.Element],
    ) -> None:
        rpr = run.find(f"{_W}rPr")
        rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
        style = self.style(rstyle.get(f"{_W}val") if rstyle is not None else None)
        b = _on(rpr.find(f"{_W}b")) if rpr is not None else None
        bold = next((v for v in (b, style.bold, base.bold) if v is not None), False)
        size = _size(rpr) or style.size or base.size
        parts = []
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}softHyphen":
                parts.append("\u00ad")
            elif tag != f"{_W}rPr":  # drawing, pict, AlternateContent: text boxes
                self._runs(child, base, [], boxes)
        if parts:
            runs.append(("".join(parts), bold, size))
