"""Header lines of work-history entries cut into fields: job title and employer.

:func:`split_header` cuts a header (dates already removed) on ``|``, dashes,
`` at ``, ``@`` and commas, but not inside brackets nor before a legal form
("Acme, Inc."); the part with a job-title word is the title and the next
part the organisation, unless it is a place code ("CA", "UK"; else the part
before the title).  An em dash parts more strongly than commas and en dashes
do.  :func:`title_org` does the same for a header of several lines, reading
the employer on the title's own line first.
"""

from __future__ import annotations

import re

__all__ = ["PLACE_CODES", "ROLE", "fields", "split_header", "title_org"]

#: A company's legal form after a comma belongs to its name ("Acme, Inc.", "Kaze Co., Ltd.").
_LEGAL_FORM = r"(?:Ltd|Inc|LLC|LLP|Corp|GmbH|PLC|plc|Pty|Limited)(?![\w-])"
_SPLIT = re.compile(rf"\s+[—–-]\s+|\s*\|\s*|\s+(?:at|@)\s+|,\s+(?!{_LEGAL_FORM})|\t+|\s{{3,}}")
_EDGES = " ,|–—-"
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: A job-title word: the field that holds one is the title.
ROLE = re.compile(
    r"\b(manager|lead|specialist|coordinator|director|executive|officer|assistant|intern|"
    r"analyst|head|associate|consultant|designer|agent|representative|strategist|editor|"
    r"writer|creator|producer|supervisor|founder|owner|volunteer|member|president|chair|"
    r"ambassador|administrator|planner|buyer|advisor|adviser|trainee|staff|nurse|cook|chef|"
    r"barista|accountant|engineer|developer|teacher|tutor|officer|vp|cmo|ceo|architect|"
    r"scientist|researcher|technician|clerk|secretary|reporter|journalist|photographer|"
    r"programmer|instructor|lecturer|professor|recruiter|curator|moderator|leader)\b",
    re.IGNORECASE,
)


def fields(text: str, split: re.Pattern[str] = _SPLIT) -> list[str]:
    """``text`` split at ``split`` outside brackets, keeping the fields with a letter.

    Only a closed bracket protects what it holds: the ")" of "Care Executive
    (Voice)" may have gone with the dates after it.
    """
    held = [m.span() for m in _BRACKETS.finditer(text)]
    bounds = [0]
    for m in split.finditer(text):
        if not any(a < m.start() < b for a, b in held):
            bounds += m.span()
    bounds.append(len(text))
    parts = [text[a:b].strip(_EDGES) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    return [p for p in parts if any(c.isalpha() for c in p)]  # not "/ 09" left of a date


#: Place codes that end a header ("NVIDIA Research, Research Intern, Santa Clara, CA"):
#: US states, Canadian provinces, Australian states and a few countries.
_PLACES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
    "NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY "
    "AB BC MB NB NL NS ON PE QC SK NSW VIC QLD TAS ACT NT UK US USA UAE NZ"
)
PLACE_CODES = frozenset(_PLACES.split())


def split_header(text: str) -> tuple[str, str]:
    """Split a header (dates already removed) into ``(title, org)``.

    The header is cut at every bar, dash, comma, tab, `` at `` and ``@``,
    but not inside brackets ("Alföldi Reggel (daily, print)"); a part
    without a letter is dropped.  The title is the first part with a
    job-title word (else the first part) and the organisation the part
    after it, unless that is a place code ("CA", "UK"); else the part before.
    An em dash is the heavier mark: the title before the first one keeps its
    commas and en dashes ("Marketing Manager, Social & CRM — Kaze Fitness,
    Tokyo"; unless only a part after the dash has a job-title word), and the
    organisation is the first part after it.
    """
    em = _em_dash_title(text)
    if em is not None:
        return em
    parts = fields(text)
    if not parts:
        return "", ""
    i = next((i for i, part in enumerate(parts) if ROLE.search(part)), 0)
    return parts[i], _beside(parts, i)


def _beside(parts: list[str], i: int) -> str:
    """The organisation beside the title ``parts[i]``: the part after it unless that is
    a place code ("CA", "UK"), else the part before it ("" when there is none)."""
    if i + 1 < len(parts) and parts[i + 1] not in PLACE_CODES:
        return parts[i + 1]
    return parts[i - 1] if i else ""


_EM_DASH = re.compile(r"\s+—\s+")
#: What parts a header more strongly than a comma or an en dash.
_STRONG = re.compile(r"\s*\|\s*|\s+(?:at|@)\s+|\t+|\s{3,}")


def _em_dash_title(text: str) -> tuple[str, str] | None:
    """``(title, org)`` of "Title, Speciality — Org, Place", or None for other headers."""
    groups = fields(text, _EM_DASH)
    if len(groups) < 2 or len(fields(groups[0])) < 2:
        return None
    title = groups[0]
    if _STRONG.search(title) or not text.startswith(title):
        return None  # another mark parts it first: the rule below
    if not ROLE.search(title) and any(ROLE.search(group) for group in groups[1:]):
        return None  # "Acme Studio — Designer, Brand": the job title comes after
    after = fields(groups[1])
    if not after or after[0] in PLACE_CODES:
        return None
    return title, after[0]


def title_org(lines: list[str]) -> tuple[str, str]:
    """Title and organisation of a header of one or more lines (dates removed).

    The organisation is looked for on the title's own line first ("PHABRICATOR |
    OPEN SOURCE CONTRIBUTOR", over "Palo Alto, CA": the line of the dates).  A
    title alone on its line under "Dunamu Inc. Seoul, S.Korea" takes that line's
    first part: an employer, then its place.
    """
    title, org = split_header(" | ".join(lines))
    if len(lines) < 2:
        return title, org
    for k, line in enumerate(lines):
        parts = fields(line)
        if title not in parts or org in parts:
            continue
        here = _beside(parts, parts.index(title))
        if here:
            return title, here
        before = fields(lines[k - 1]) if k else []
        if len(before) > 1 and org == before[-1]:
            return title, before[0]
        break
    return title, org
