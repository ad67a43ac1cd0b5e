"""Glyphs to pieces: pdfminer's line rule, word gaps, duplicates, icon fonts."""

from screener.extraction.glyphs import PdfPage, group_lines, to_pieces


def glyphs(text, x=10.0, y=700.0, w=5.0, h=10.0, font="Helvetica", gap=0.0):
    out = []
    for ch in text:
        out.append((x, y, x + w, y + h, ch, font, h))
        x += w + gap
    return out


def page_of(gl):
    page = PdfPage(number=1, width=600, height=800)
    to_pieces(page, gl)
    return page


def test_glyphs_on_one_baseline_form_one_line():
    assert [len(line) for line in group_lines(glyphs("abc"))] == [3]


def test_a_glyph_on_the_next_line_starts_a_new_line():
    lines = list(group_lines(glyphs("ab") + glyphs("cd", y=680)))
    assert ["".join(g[4] for g in line) for line in lines] == ["ab", "cd"]


def test_a_far_glyph_on_the_same_baseline_starts_a_new_line():
    lines = list(group_lines(glyphs("ab") + glyphs("cd", x=300)))
    assert len(lines) == 2


def test_a_gap_wider_than_the_word_margin_is_a_space():
    assert page_of(glyphs("ab") + glyphs("cd", x=23)).pieces[0].text == "ab cd"


def test_the_piece_has_a_top_left_origin():
    piece = page_of(glyphs("ab")).pieces[0]
    assert (piece.top, piece.bottom) == (90.0, 100.0)


def test_a_glyph_drawn_twice_at_one_place_is_read_once():
    assert page_of(glyphs("ab") + glyphs("ab")).pieces[0].text == "ab"


def test_a_space_drawn_twice_still_separates_words():
    first = glyphs("ab") + glyphs(" ", x=20) + glyphs("cd", x=25)
    assert page_of(glyphs(" ", x=20) + first).pieces[0].text.split() == ["ab", "cd"]


def test_icon_font_glyphs_become_spaces():
    gl = glyphs("x", font="FontAwesome") + glyphs("mail", x=15)
    assert page_of(gl).pieces[0].text.strip() == "mail"


def test_bold_is_decided_by_the_majority_of_glyphs():
    assert page_of(glyphs("Skills", font="ABCDEF+Arial-BoldMT")).pieces[0].bold


def test_a_line_without_height_is_dropped_as_pdfminer_drops_it():
    assert page_of(glyphs("hidden", h=0.0)).pieces == []


def test_letter_spaced_headings_are_respaced():
    gl = glyphs("EXPERIENCE", gap=3.0)
    assert page_of(gl).pieces[0].text == "EXPERIENCE"
