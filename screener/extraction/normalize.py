"""Text normalisation shared by the PDF, DOCX and TXT readers.

What it does to every line, in this order:

- Unicode NFKC: ligatures (``ﬁ ﬂ ﬀ ﬃ ﬄ``) become letters, full-width and
  compatibility forms become plain ones, no-break spaces become spaces.
- Undecodable PDF glyphs ``(cid:N)``, soft hyphens, zero-width characters,
  control characters and private-use icon glyphs are removed.
- Any run of whitespace (tabs included) becomes one space; ends are trimmed.
- **Bullets**: a bullet glyph (``• ▪ ● ◦ ‣ ∙ ■ ► ➢ ✓`` ...) at the start of a
  line, or a dash or ``*`` followed by a space there, becomes ``"- "``. A
  bullet glyph standing between words (``Canva • CapCut``) becomes ``" | "``,
  the separator most resumes already use.

Across the lines of one block, a word split at a line end is joined back
onto the line where it starts: after a soft hyphen always (the hyphen goes);
after a hard hyphen between two lower-case letters, keeping the hyphen
(``claims-related``: Word, browsers and most resume tools do not hyphenate,
so a line-end hyphen is usually part of the word) unless the joined word
also occurs elsewhere in the document without it (``mar-keting`` where
``marketing`` occurs: TeX hyphenation).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["count_cid", "dehyphenate", "normalize_line", "normalize_lines", "vocabulary"]

CID = re.compile(r"\(cid:\d+\)")
_BULLETS = "•▪●◦‣∙■□◆◇►▸▹➢➤➣✓✔✗❖○◉⦿⁃◘➔→⚫⬤・"
_LEAD_BULLET = re.compile(rf"^(?:[{_BULLETS}]\s*|[-–—*·]\s+)+")
_INLINE_BULLET = re.compile(rf"\s+[{_BULLETS}·]\s+")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")
_SPLIT_END = re.compile(r"(?<=[a-zà-ÿ])(?:\u00ad+[-\u2010]?|[-\u2010])$")
_NEXT_WORD = re.compile(r"^([a-zà-ÿ][\w'’]*)([.,;:!?)]*)(?:\s+|$)")
_WORDS = re.compile(r"\w+")


def count_cid(text: str) -> int:
    """Return how many ``(cid:N)`` placeholders ``text`` holds."""
    return len(CID.findall(text)) if "(cid:" in text else 0


def _keep(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Co", "Cs", "Cn"):
        return ch == "\t"
    return True


def normalize_line(text: str) -> str:
    """Normalise one line of text (see the module docstring).

    Parameters
    ----------
    text : str
        A single line, without its line break.

    Returns
    -------
    str
        The cleaned line; may be empty.
    """
    if "(cid:" in text:
        text = CID.sub("", text)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    if not text.isascii() or not text.isprintable():
        text = "".join(ch for ch in text if _keep(ch))
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return ""
    text = _LEAD_BULLET.sub("- ", text, count=1)
    if text.rstrip() == "-":
        return ""
    return _INLINE_BULLET.sub(" | ", text)


def vocabulary(texts: list[str]) -> set[str]:
    """Lower-cased words of ``texts``, for :func:`dehyphenate`."""
    return {w for text in texts for w in _WORDS.findall(text.lower())}


def dehyphenate(lines: list[str], vocab: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Join words split across line ends within one block.

    Parameters
    ----------
    lines : list of str
        The raw lines of one block (soft hyphens still present).
    vocab : set of str, optional
        Lower-cased words of the whole document; a hard hyphen is dropped
        only when the joined word is in it.

    Returns
    -------
    list of str
        The same number of lines; a continued word moves up to the line
        where it starts, which may leave a later line empty.
    """
    out = list(lines)
    for i in range(len(out) - 1):
        head = out[i].rstrip()
        end = _SPLIT_END.search(head)
        if end is None:
            continue
        nxt = out[i + 1].lstrip()
        match = _NEXT_WORD.match(nxt)
        if match is None:
            continue
        stem = head[: end.start()]
        joined = (re.split(r"[\W_]", stem)[-1] + match.group(1)).lower()
        hyphen = "" if "\u00ad" in end.group() or joined in vocab else "-"
        out[i] = stem + hyphen + match.group(1) + match.group(2)
        out[i + 1] = nxt[match.end() :]
    return out


def normalize_lines(lines: list[str], vocab: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Dehyphenate a block's lines, then normalise each of them.

    Parameters
    ----------
    lines : list of str
        The lines of one block, top to bottom.
    vocab : set of str, optional
        Words of the whole document (see :func:`dehyphenate`).

    Returns
    -------
    list of str
        One normalised string per input line (empty strings kept, so the
        result lines up with the input).
    """
    return [normalize_line(line) for line in dehyphenate(lines, vocab)]
