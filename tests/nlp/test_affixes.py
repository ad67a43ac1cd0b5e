"""Skipping the English affix rules on plain chunks: the same tokens, the same files."""

from __future__ import annotations

import re

import pytest
import spacy

from screener.nlp.affixes import PLAIN_CHUNK, skip_plain_chunks

# Chunks near the edge of "plain": units after digits, letters after digits,
# URLs, e-mails, possessives, currency, hyphens and slashes.
TRICKY = (
    "Managed 5km 10MB 3x Q3, Q3 2019 2019-2021 (2019) $250K US$5 €40k 35% +35% "
    "client's CEO’s e-mail A/B U.S. www.acme.com https://acme.io/x me@acme.co "
    "9h→40min No.1 #hashtag @handle 1st 2nd Hootsuite/Sprout don't ... ‘quoted’ "
    "naïve Zoë 4K 1080p MP4 24/7 B2B ROI: KPIs; Mr. ok.\n- bullet • dot "
    "Managed. USA. naïve, 5km. e.g. U.S.A. Q35km x-ray Gen-X follow-up C++ .NET "
    "Node.js acme.com/jobs 3.5x (3) ~20% 1,200 #1 Ltd.) 'twas rock'n'roll"
)


def _tokens(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in nlp.make_doc(text)]


@pytest.fixture
def skipping() -> spacy.language.Language:
    nlp = spacy.blank("en")
    assert skip_plain_chunks(nlp)
    return nlp


def test_tokens_are_the_ones_spacy_gives(skipping):
    assert _tokens(skipping, TRICKY) == _tokens(spacy.blank("en"), TRICKY)


def test_a_plain_chunk_gets_no_match_without_the_expression(skipping):
    assert skipping.tokenizer.suffix_search("Managed") is None
    assert list(skipping.tokenizer.infix_finditer("2019")) == []


def test_other_chunks_still_reach_the_expression(skipping):
    assert skipping.tokenizer.suffix_search("Managed,").group() == ","
    assert skipping.tokenizer.suffix_search("5km").group() == "km"


def test_a_suffix_after_letters_still_sees_them(skipping):
    # the search starts after "Managed", and its lookbehind reads the "d"
    assert skipping.tokenizer.suffix_search("Managed.").span() == (7, 8)
    assert skipping.tokenizer.suffix_search("USA.").span() == (3, 4)


def test_the_url_matcher_needs_a_dot(skipping):
    assert skipping.tokenizer.url_match("acme-jobs") is None
    assert skipping.tokenizer.url_match("acme.com/jobs") is not None


def test_plain_means_letters_then_digits():
    assert [bool(PLAIN_CHUNK.fullmatch(c)) for c in ("Q3", "2019", "5km", "e-mail")] == [
        True,
        True,
        False,
        False,
    ]


def test_a_tokenizer_with_other_rules_is_left_alone():
    nlp = spacy.blank("en")
    nlp.tokenizer.suffix_search = re.compile(r"ed$").search
    assert not skip_plain_chunks(nlp)
    assert nlp.tokenizer.suffix_search("Managed").group() == "ed"


def test_wrapping_twice_changes_nothing_more(skipping):
    method = skipping.tokenizer.suffix_search
    assert not skip_plain_chunks(skipping)
    assert skipping.tokenizer.suffix_search == method


def test_the_tokenizer_saves_spacys_expressions(skipping):
    loaded = spacy.blank("en")
    loaded.tokenizer.from_bytes(skipping.tokenizer.to_bytes())
    assert _tokens(loaded, TRICKY) == _tokens(skipping, TRICKY)
    assert loaded.tokenizer.suffix_search.__self__.pattern == (
        spacy.blank("en").tokenizer.suffix_search.__self__.pattern
    )


def test_build_nlp_skips_plain_chunks(nlp):
    assert not isinstance(nlp.tokenizer.suffix_search.__self__, re.Pattern)
    assert _tokens(nlp, TRICKY) == _tokens(spacy.blank("en"), TRICKY)


def test_the_special_cases_are_kept(skipping):
    assert skipping.tokenizer.rules == spacy.blank("en").tokenizer.rules
    assert [t.text for t in skipping.make_doc("don't")] == ["do", "n't"]
