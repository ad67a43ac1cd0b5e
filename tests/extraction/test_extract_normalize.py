"""Text normalisation: one behaviour per test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from screener.errors import ExtractionError
from screener.extraction import extract
from screener.extraction.normalize import count_cid, dehyphenate, normalize_line, normalize_lines


def test_ligatures_become_letters():
    assert normalize_line("eﬃcient ﬁnance ﬂow oﬀer baﬄe") == "efficient finance flow offer baffle"


def test_no_break_and_odd_spaces_become_one_space():
    assert normalize_line("Social\u00a0Media\u2009Manager\u202fLead") == "Social Media Manager Lead"


def test_whitespace_runs_and_tabs_collapse():
    assert normalize_line("  Senior\t\tManager   Jan 2020  ") == "Senior Manager Jan 2020"


def test_nfkc_folds_compatibility_forms():
    assert normalize_line("Ｆｕｌｌｗｉｄｔｈ ½ №5") == "Fullwidth 1⁄2 No5"


def test_soft_hyphen_inside_a_word_is_removed():
    assert normalize_line("infor\u00admation") == "information"


def test_zero_width_and_control_characters_are_removed():
    assert normalize_line("Pro\u200bject\x07 lead\ufeff") == "Project lead"


def test_private_use_icon_glyphs_are_removed():
    assert normalize_line("\uf0e0 ava@example.com") == "ava@example.com"


def test_cid_placeholders_are_counted_and_removed():
    assert count_cid("(cid:12)(cid:7) Name") == 2
    assert normalize_line("(cid:12)(cid:7) Name") == "Name"


def test_leading_bullet_glyphs_become_dash_space():
    for glyph in "•▪●◦‣■►➢✓":
        assert normalize_line(f"{glyph} Ran the calendar") == "- Ran the calendar", glyph


def test_bullet_glyph_without_space_becomes_dash_space():
    assert normalize_line("•Ran the calendar") == "- Ran the calendar"


def test_leading_dash_or_star_with_space_becomes_dash_space():
    assert normalize_line("– Ran the calendar") == "- Ran the calendar"
    assert normalize_line("* Ran the calendar") == "- Ran the calendar"


def test_leading_minus_without_space_is_kept():
    assert normalize_line("-5% churn") == "-5% churn"


def test_inline_bullets_become_pipes():
    assert normalize_line("Canva • CapCut ▪ Later") == "Canva | CapCut | Later"


def test_a_lone_bullet_line_becomes_empty():
    assert normalize_line(" • ") == ""


def test_soft_hyphen_at_line_end_joins_the_word():
    assert dehyphenate(["ran the mar\u00ad", "keting plan"]) == ["ran the marketing", "plan"]


def test_hard_hyphen_at_line_end_is_kept_for_a_compound():
    assert dehyphenate(["cut claims-", "related posts"]) == ["cut claims-related", "posts"]


def test_hard_hyphen_is_dropped_when_the_whole_word_occurs_elsewhere():
    lines = ["ran the mar-", "keting plan"]
    assert dehyphenate(lines, {"marketing"}) == ["ran the marketing", "plan"]


def test_hyphen_before_a_capital_or_digit_is_not_joined():
    lines = ["Sales -", "North", "2019-", "2021"]
    assert dehyphenate(lines) == lines


def test_join_keeps_trailing_punctuation_with_the_word():
    assert dehyphenate(["a sup-", "port, then more"], {"support"}) == ["a support,", "then more"]


def test_normalize_lines_keeps_one_entry_per_line():
    out = normalize_lines(["ﬁrst mar\u00ad", "keting", "• third"])
    assert out == ["first marketing", "", "- third"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_line_is_idempotent_and_clean(text):
    once = normalize_line(text.replace("\n", " "))
    assert normalize_line(once) == once
    assert once == once.strip()
    assert not any(ch in once for ch in "\n\r\t\u00ad\u200b")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"])), max_size=8))
def test_text_files_give_a_consistent_document_or_a_typed_error(lines):
    try:
        doc = extract("\n".join(lines).encode("utf-8"))
    except ExtractionError:
        return
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        for line in block.lines:
            assert doc.text[line.start : line.end] == line.text
