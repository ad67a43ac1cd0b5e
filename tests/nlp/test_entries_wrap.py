from screener.nlp import analyze
from screener.types import Document

TEXT = """Experience
Community Manager — Harbour Hotels, Madrid | Mar 2019 - Present
- Rebuilt guest complaint handling on Instagram and answered every review within the
same week of 2021.
- Ran the loyalty campaign.
Marketing Assistant — Sol Group, Seville | 2016 - 2019
- Wrote the newsletter.
"""


def test_a_wrapped_bullet_line_with_a_year_is_not_a_new_entry():
    entries = analyze(Document.from_text(TEXT)).entries
    assert [e.title for e in entries] == ["Community Manager", "Marketing Assistant"]


def test_the_wrapped_line_joins_its_bullet():
    first = analyze(Document.from_text(TEXT)).entries[0]
    assert first.bullets[0].endswith("same week of 2021.")
