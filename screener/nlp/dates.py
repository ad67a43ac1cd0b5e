"""Date ranges as people write them on resumes.

Recognised points: dates with a day, which count as their month (``15 March
2019``, ``March 15, 2019``, ``01.03.2019``, ``15/03/2019``, ``03/15/2019``,
``2019-03-15``; with slashes the day comes first unless the second number
is over 12); month names with or without a full stop (``Jan.``,
``Sept``, ``September``) or upper-case Roman numbers (``VII 2024``; not
``I``, ``V`` or ``X`` alone, nor right after a word: ``Level II 2019``
is a level), also in French, German, Spanish, Portuguese,
Italian, Dutch, Indonesian/Malay and Polish (``janv.``, ``März``, ``Ene``,
``fev``, ``Agu``, ``października``), before their year with a space, a comma,
a slash or ``de`` (``mar/2022``, ``marzo de 2019``); numeric months
(``03/2019``, ``08.2021``, ``3-2019``), year first (``2021.06``,
``2019/07``) and ISO months with a zero-padded month (``2019-03``,
``2020-11``); seasons (``Summer 2022``), quarters
(``Q3 2021``), four-digit years (1950-2049) and apostrophe years (``'22``,
``’22``).  Ranges join two points with a dash, an en or em dash, ``to``,
``until``, ``till``, ``through`` or ``~``; the end may be ongoing
(``present``, ``now``, ``current``, ``today``, ``date``, ``till date``,
``to date``, ``ongoing`` and the same words in the languages above:
``aujourd'hui``, ``heute``, ``actualidad``, ``atual``, ``oggi``, ``heden``,
``sekarang``, ``obecnie``..., and the Vietnamese ``nay``), or left open by
a dash that ends its line (``2019.03 –``) or before a bar (``2021– |
Palma``).  The end may give only the last two digits of its year
(``2019–21``, ``1998 – 02``; but ``1998-02`` is February 1998, and ``In 2019 – 21
stores`` counts stores); a school
year (``2008/09``, ``2010-11``) is the range of its two years, not a month.
Numeric months with two-digit years count in ranges only (``04/22 –
09/23``, ``4/22 - present``): alone, ``4/22`` may be a day or a score.
``since 2020`` (``seit``, ``depuis``, ``desde``...) is an ongoing range; ``Mar - Jun 2019``
and ``03–06/2022`` borrow the year of their end.  The Portuguese and Italian
``set`` and ``out`` are months only before a slash or ``de``: "rolled out
2019 plans" holds the year 2019, not October.

Rounding rule (documented because it decides ``experience_months``): a
point with a year only covers the whole year, so it starts in January when it
opens a range and ends in December when it closes one; a season covers its
three months (spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov, winter
Dec-Feb of the next year); a quarter covers its three months.  Month counts
are inclusive: ``Mar 2019 - Mar 2019`` is one month, ``2017-2020`` is 48.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable

from screener.types import DateSpan

__all__ = [
    "experience_months",
    "find_date_ranges",
    "is_day",
    "is_range",
    "months_of",
    "parse_date_range",
]

#: Month names and abbreviations by month: English, French, German, Spanish,
#: Portuguese, Italian, Dutch, Indonesian/Malay and Polish (nominative and
#: genitive).  Matched without case and with an optional full stop.
_MONTH_WORDS = {
    1: "jan january janv janvier januar jänner enero ene janeiro gennaio gen januari"
    " styczeń stycznia sty",
    2: "feb february fév févr février februar febrero fevereiro fev febbraio februari"
    " pebruari peb luty lutego lut",
    3: "mar march mars märz mär mrz marzo março maart mrt maret marzec marca",
    4: "apr april avr avril abril abr aprile kwiecień kwietnia kwi",
    5: "may mai mayo maio maggio mag mei maj maja",
    6: "jun june juin juni junio junho giugno giu czerwiec czerwca cze",
    7: "jul july juil juillet juli julio julho luglio lug lipiec lipca lip",
    8: "aug august août aout agosto ago augustus agustus agu agt ags ogos sierpień sierpnia sie",
    9: "sep sept september septembre septiembre setiembre setembro settembre wrzesień września wrz",
    10: "oct october octobre oktober okt octubre outubro ottobre ott październik października paź",
    11: "nov november novembre noviembre novembro listopad listopada lis",
    12: "dec december décembre déc dezember dez diciembre dic dezembro dicembre desember"
    " des disember grudzień grudnia gru",
}
_MONTHS = {word: month for month, words in _MONTH_WORDS.items() for word in words.split()}
#: Portuguese and Italian abbreviations that are English words ("set", "out"):
#: a month only before a slash or "de" ("set/2021", "out de 2019").
_MONTHS_GUARDED = {"set": 9, "out": 10}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 14)}  # fmt: skip
_QUARTERS = {"1": (1, 3), "2": (4, 6), "3": (7, 9), "4": (10, 12)}


def _trie(words: Iterable[str]) -> str:
    """One expression for any of ``words``, with shared prefixes factored out.

    ``re`` tries the branches of a flat alternation one by one at every word
    start; with the month names of nine languages that made
    :func:`find_date_ranges` several times slower.  Longer words are still
    tried before their prefixes (``sept`` before ``sep``).
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def expr(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + expr(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return expr(tree)


#: Roman month numbers, upper case only ("III 2019 – VI 2021", as Polish CVs write
#: them); not I, V and X alone, which are a pronoun, a letter and the platform.
_ROMAN_MONTHS = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11,
                 "XII": 12}  # fmt: skip
#: Where a Roman month may stand: not right after a word ("Level II 2019", "Manager II
#: 2019" are levels), unless the word joins a range ("VI 2019 to IX 2021", "od III 2019").
_AFTER_NO_WORD = r"(?:(?<=\bto\s)|(?<=\bod\s)|(?<=\bdo\s)|(?<![^\W\d_]\s))"
_MONTH = (
    rf"(?:{_trie(_MONTHS)}\.?"
    rf"|(?:{'|'.join(_MONTHS_GUARDED)})(?=\s*/|\s+de\s)"
    rf"|(?-i:(?=[IVX])){_AFTER_NO_WORD}"  # the cheap test first: most places hold no I, V, X
    rf"(?-i:{'|'.join(sorted(_ROMAN_MONTHS, key=len, reverse=True))})(?![A-Za-z])\.?)"
)
#: Between a month and its year: "Mar 2019", "Mar, 2019", "mar/2019", "marzo de 2019".
_MONTH_YEAR = r"(?:\s*/\s*|,?\s*(?:de\s+)?)"
_YEAR4 = r"(?:19[5-9]\d|20[0-4]\d)"
_YEAR = rf"(?:{_YEAR4}|['’‘]\d\d)"
#: "2008/09" ... "2048/49": school years written with a slash, a point covering both years,
#: tried before year-first months ("2019/07", not the next year, is July).
_SLASH_SCHOOL_YEARS = "|".join(f"{y}/{(y + 1) % 100:02d}" for y in range(1950, 2049))
#: Ordinal endings after a day ("1st March 2019").
_ORD = r"(?:st|nd|rd|th)?"
#: Points written with their day that open with a digit: "15 March 2019", "01.03.2019",
#: "2019-03-15" (``_POINT``, and ``is_day`` with "March 15, 2019").
_DAY_POINTS = (
    rf"(?P<{{p}}dd>[0-3]?\d){_ORD}\s+(?P<{{p}}dmon>{_MONTH}),?\s+(?P<{{p}}dy>{_YEAR4})"
    rf"|(?P<{{p}}n1>[0-3]?\d)(?P<{{p}}ns>[./])(?P<{{p}}n2>[0-3]?\d)(?P={{p}}ns)(?P<{{p}}n3>{_YEAR4})(?!\d)"
    rf"|(?P<{{p}}xy>{_YEAR4})-(?P<{{p}}xm>0[1-9]|1[0-2])-[0-3]\d(?!\d)"
)
#: A point: the ones that open with a digit or an apostrophe are tried only there,
#: the month names, seasons and quarters only elsewhere (same matches, fewer tries).
_POINT = (
    rf"(?:(?=[\d'’‘])(?:{_DAY_POINTS}"
    rf"|(?P<{{p}}ky>{_YEAR4})/\d\d(?<={_SLASH_SCHOOL_YEARS})(?![\d./])"
    rf"|(?P<{{p}}nm>0?[1-9]|1[0-2])\s*[/.\-]\s*(?P<{{p}}ny>{_YEAR4})(?!\d)"
    rf"|(?P<{{p}}iy>{_YEAR4})-(?P<{{p}}im>0[1-9]|1[0-2])(?![\d./])"
    rf"|(?P<{{p}}fy>{_YEAR4})[./](?P<{{p}}fm>0?[1-9]|1[0-2])(?![\d./])"
    rf"|(?P<{{p}}y>{_YEAR}))"
    rf"|(?P<{{p}}mon>{_MONTH})(?:\s+[0-3]?\d{_ORD},\s*|{_MONTH_YEAR})(?P<{{p}}my>{_YEAR})"
    rf"|(?P<{{p}}sea>spring|summer|autumn|fall|winter)\s+(?P<{{p}}sy>{_YEAR})"
    rf"|q(?P<{{p}}q>[1-4])\s*(?P<{{p}}qy>{_YEAR}))"
)
_ONGOING_WORDS = (
    r"(?:present|now|current(?:ly)?|today|ongoing|to\s+date|till\s+date"
    r"|until\s+now|till\s+now|date"
    r"|aujourd['’]hui|(?:à\s+)?ce\s+jour|présent|actuellement"  # French
    r"|(?:bis\s+)?heute|jetzt|aktuell|derzeit"  # German
    r"|actualidad|actualmente|actual|hoy|presente|(?:a\s+)?la\s+fecha"  # Spanish
    r"|atual|atualmente|hoje"  # Portuguese
    r"|oggi|in\s+corso"  # Italian
    r"|(?:tot\s+)?heden|nu"  # Dutch
    r"|sekarang|kini|saat\s+ini"  # Indonesian, Malay
    r"|obecnie|nadal"  # Polish
    r"|(?:hiện\s+)?nay)"  # Vietnamese
)
_ONGOING = rf"(?P<ongoing>{_ONGOING_WORDS})"
#: "since 2020" in the same languages.
_SINCE = r"(?:since|depuis|seit|desde|dal|sinds|sejak|od)"
#: What joins the two ends of a range ("2017-2020", "Jan 2018 to Dec 2020").
_JOIN = r"-{1,2}|–|—|‒|―|~|→|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b"
_SEP = rf"\s*(?:{_JOIN})\s*"
#: Every match of ``_RANGE_RE`` holds a year (each point has one), so a text
#: without one is answered before the large expression runs.
_YEARISH = re.compile(r"(?:19[5-9]|20[0-4])\d|['’‘]\d\d|\d/\d\d")
_LEAD_MONTH = rf"(?P<lm>{_MONTH})(?=\s*(?:-|–|—|\bto\b)\s*{_MONTH}{_MONTH_YEAR}{_YEAR})"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
#: "03–06/2022": two numeric months sharing the year of the second.
_LEAD_NUM = rf"(?P<ln>{_NUM_MONTH})(?=\s*[-–—]\s*{_NUM_MONTH}\s*[/.]\s*{_YEAR4}(?!\d))"

#: "2019–21", "1998–02", "2010-11": a range whose end gives only the last two digits of
#: its year.  "2019-03" is an ISO month (not 2019-2103) unless the two digits are the
#: next year ("2010-11", a school year).  Dashes only: "from 5 in 2019 to 21 in 2022"
#: counts people, and so does a spaced dash before a word in lower case ("In 2019 – 21
#: stores opened").
_SHORT_END = (
    rf"(?P<ya>{_YEAR4})(?:(?:(?!-{_NUM_MONTH}(?!\d))|(?<=2009)(?=-10)|(?<=2010)(?=-11)"
    rf"|(?<=2011)(?=-12))\s*[-–—]\s*(?P<yb>\d\d))(?![\d./])(?!(?<=\s\d\d)[ \t]+(?-i:[a-z]))"
)
#: "04/22 – 09/23", "4/22 - present": numeric months with two-digit years, in ranges only
#: (alone, "4/22" may be a day or a score).
_SHORT_NUM = (
    rf"(?P<na>{_NUM_MONTH}/\d\d)\s*(?:[-–—]|\bto\b)\s*"
    rf"(?:(?P<nongoing>{_ONGOING_WORDS})\b|(?P<nb>{_NUM_MONTH}/\d\d)(?![\d/]))"
)

_RANGE_RE = re.compile(
    rf"(?<![\w$£€¥₹/.])(?:{_SHORT_END}|{_SHORT_NUM}|{_SINCE}\s+(?P<since>{_POINT.format(p='s')})"
    rf"|(?:{_LEAD_MONTH}|{_LEAD_NUM}|(?P<a>{_POINT.format(p='a')}))"
    rf"(?:{_SEP}(?:{_ONGOING}\b|(?P<b>{_POINT.format(p='b')}))"
    rf"|[ \t]*[-–—][ \t]*(?P<open>)(?=\r?\n(?![ \t]*\d)|$|\|))"
    rf"|(?P<single>{_POINT.format(p='c')}))(?![\w%+])",
    re.IGNORECASE,
)


def _year(text: str) -> int:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4:
        return int(digits)
    value = int(digits)
    return 2000 + value if value <= (_dt.date.today().year % 100) + 5 else 1900 + value


def _month(name: str) -> int:
    """The number of a month written as a name or abbreviation (see ``_MONTH_WORDS``)."""
    word = name.rstrip(".").lower()
    return _MONTHS.get(word) or _MONTHS_GUARDED.get(word) or _ROMAN_MONTHS[name.rstrip(".")]


def _day_point(g: dict[str, str | None], p: str) -> tuple[int, int] | None:
    """The (year, month) of a date written with its day; month 0 for an impossible one.

    "15.03.2019" and "15/03/2019" are day first; "03/15/2019" (a day over 12 in
    second place) is month first; "03/04/2019" is read day first.
    """
    if g.get(p + "dmon"):
        return int(g[p + "dy"]), _month(g[p + "dmon"]) if 1 <= int(g[p + "dd"]) <= 31 else 0
    if g.get(p + "xy"):
        return int(g[p + "xy"]), int(g[p + "xm"])
    if g.get(p + "n1"):
        first, second = int(g[p + "n1"]), int(g[p + "n2"])
        day, month = (second, first) if second > 12 and g[p + "ns"] == "/" else (first, second)
        return int(g[p + "n3"]), month if 1 <= day <= 31 and 1 <= month <= 12 else 0
    return None


def _point(m: re.Match[str], p: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Return the first and last (year, month) a point covers."""
    g = m.groupdict()
    day = _day_point(g, p)
    if day is not None:
        return (day, day) if day[1] else None
    if g.get(p + "ky"):  # a school year: both of its years
        year = int(g[p + "ky"])
        return (year, 1), (year + 1, 12)
    if g.get(p + "mon"):
        year, month = _year(g[p + "my"]), _month(g[p + "mon"])
        return (year, month), (year, month)
    if g.get(p + "sea"):
        year = _year(g[p + "sy"])
        first, last = _SEASONS[g[p + "sea"].lower()]
        end = (year + 1, last - 12) if last > 12 else (year, last)
        return (year, first), end
    if g.get(p + "q"):
        year = _year(g[p + "qy"])
        first, last = _QUARTERS[g[p + "q"]]
        return (year, first), (year, last)
    if g.get(p + "nm"):
        year, month = _year(g[p + "ny"]), int(g[p + "nm"])
        return (year, month), (year, month)
    if g.get(p + "iy") or g.get(p + "fy"):
        year = int(g[p + "iy"] or g[p + "fy"])
        month = int(g[p + "im"] or g[p + "fm"])
        return (year, month), (year, month)
    if g.get(p + "y"):
        year = _year(g[p + "y"])
        return (year, 1), (year, 12)
    return None


def _short_span(m: re.Match[str]) -> DateSpan | None:
    """The span of a ``_SHORT_END`` or ``_SHORT_NUM`` match (None if it is no range)."""
    text = m.group(0)
    if m.group("ya"):
        first = int(m.group("ya"))
        last = first // 100 * 100 + int(m.group("yb"))
        last += 100 if last <= first else 0
        if last - first > 20:  # "2019 – 15 stores": no range, the year alone
            return DateSpan(text=m.group("ya"), start=(first, 1), end=(first, 12))
        return DateSpan(text=text, start=(first, 1), end=(last, 12))
    month, year = m.group("na").split("/")
    start = (_year(year), int(month))
    if m.group("nongoing"):
        return DateSpan(text=text, start=start, end=None, ongoing=True)
    month, year = m.group("nb").split("/")
    end = (_year(year), int(month))
    return DateSpan(text=text, start=start, end=end) if end >= start else None


def _span(m: re.Match[str]) -> DateSpan | None:
    text = m.group(0)
    if m.group("ya") or m.group("na"):
        return _short_span(m)
    if m.group("since"):
        first = _point(m, "s")
        return DateSpan(text=text, start=first[0], end=None, ongoing=True) if first else None
    if m.group("single"):
        point = _point(m, "c")
        return DateSpan(text=text, start=point[0], end=point[1]) if point else None
    end = _point(m, "b") if m.group("b") else None
    if m.group("lm") or m.group("ln"):
        if end is None:
            return None
        month = _month(m.group("lm")) if m.group("lm") else int(m.group("ln"))
        start: tuple[int, int] = (end[0][0], month)
    else:
        first = _point(m, "a")
        if first is None:
            return None
        start = first[0]
    if m.group("ongoing") or m.group("open") is not None:  # "2019.03 –" ends its line
        return DateSpan(text=text, start=start, end=None, ongoing=True)
    if end is None or end[1] < start:
        return None
    return DateSpan(text=text, start=start, end=end[1])


def find_date_ranges(text: str) -> list[tuple[int, int, DateSpan]]:
    """Find every date range or single date in ``text``.

    Parameters
    ----------
    text : str
        Any text; ranges are preferred over the single dates inside them.

    Returns
    -------
    list of (int, int, DateSpan)
        Start and end character offsets in ``text`` and the parsed span,
        in reading order, never overlapping.
    """
    if not _YEARISH.search(text):  # every date has a year; most lines have none
        return []
    # new spans on every call: a caller may change what it is given
    return [(a, b, DateSpan(*fields)) for a, b, fields in _parsed(text)]


_Fields = tuple[str, tuple[int, int], tuple[int, int] | None, bool]


@functools.lru_cache(maxsize=2048)
def _parsed(text: str) -> tuple[tuple[int, int, _Fields], ...]:
    """The matches of ``text``, kept: segmentation and entries read a header line's
    dates several times, and the expression costs about 90 µs on such a line."""
    found = []
    for m in _RANGE_RE.finditer(text):
        span = _span(m)
        if span is not None:
            end = m.start() + len(span.text)  # "2019 – 15 stores" gives the year alone
            found.append((m.start(), end, (span.text, span.start, span.end, span.ongoing)))
    return tuple(found)


#: What a range has and a single date has not: a join (``_JOIN``).
_RANGE_MARK = re.compile(rf"{_JOIN}|(?<=\d{{4}})/(?=\d\d(?!\d))", re.IGNORECASE)


def is_range(span: DateSpan) -> bool:
    """Whether ``span`` was written as a range ("2017-2020", "since 2020"), not one date.

    A year alone covers twelve months ("2019") but is one date: in "Senior
    Recruiter (Recruiter until 2021) | Jun 2019 - Present" the range is the
    job's dates, not the year.
    """
    return span.ongoing or (span.start != span.end and bool(_RANGE_MARK.search(span.text)))


#: A single date written with its day (the day-level points of ``_POINT``).
_DAY_DATE = re.compile(
    rf"{_DAY_POINTS.format(p='')}|{_MONTH}\s+[0-3]?\d{_ORD},\s*{_YEAR}", re.IGNORECASE
)


def is_day(span: DateSpan) -> bool:
    """Whether ``span`` is one date written with its day ("February 10, 2026"): the
    date a document was printed or a person was born, not a job's dates."""
    return not is_range(span) and _DAY_DATE.fullmatch(span.text) is not None


def parse_date_range(text: str) -> DateSpan | None:
    """Parse the first date range (or single date) written in ``text``.

    Parameters
    ----------
    text : str
        E.g. ``"Mar 2019 - Present"``, ``"03/2019-now"``, ``"2017-2020"``,
        ``"2019 – till date"``, ``"Jan. 2018 to Dec. 2020"``, ``"'22"``,
        ``"Summer 2022"``, ``"08.2021 – now"``, ``"since 2020"``,
        ``"2021.06 – present"``, ``"janv. 2019 – aujourd'hui"``.

    Returns
    -------
    DateSpan or None
        None when no date is found.  A range's end is None when it is
        ongoing (``ongoing`` is then True).  A single point gives a span
        from its first to its last month.
    """
    found = find_date_ranges(text)
    if not found:
        return None
    ranges = [f for f in found if is_range(f[2])]
    return (ranges or found)[0][2]


def _as_of(as_of: _dt.date | tuple[int, int] | None) -> tuple[int, int]:
    if as_of is None:
        today = _dt.date.today()
        return today.year, today.month
    if isinstance(as_of, tuple):
        return as_of
    return as_of.year, as_of.month


def months_of(span: DateSpan, as_of: _dt.date | tuple[int, int] | None = None) -> int:
    """Return the inclusive number of months ``span`` covers (0 if it ends before it starts)."""
    end = span.end if span.end is not None else _as_of(as_of)
    return max(0, (end[0] - span.start[0]) * 12 + end[1] - span.start[1] + 1)


def experience_months(
    spans: Iterable[DateSpan | None], as_of: _dt.date | tuple[int, int] | None = None
) -> int:
    """Total months covered by ``spans`` with overlapping periods counted once.

    Parameters
    ----------
    spans : iterable of DateSpan
        Date spans (None items are skipped).
    as_of : datetime.date or (year, month), optional
        What "present" means for ongoing spans; default today.  Spans that
        start after ``as_of`` count nothing, and ends are capped at it.

    Returns
    -------
    int
        Inclusive months of the union of all spans.
    """
    now = _as_of(as_of)
    now_i = now[0] * 12 + now[1] - 1
    ivals = []
    for span in spans:
        if span is None:
            continue
        a = span.start[0] * 12 + span.start[1] - 1
        end = span.end if span.end is not None else now
        b = min(end[0] * 12 + end[1] - 1, now_i)
        if b >= a:
            ivals.append((a, b))
    total, cur_a, cur_b = 0, None, None
    for a, b in sorted(ivals):
        if cur_b is None or a > cur_b + 1:
            if cur_b is not None:
                total += cur_b - cur_a + 1
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_b is not None:
        total += cur_b - cur_a + 1
    return total
