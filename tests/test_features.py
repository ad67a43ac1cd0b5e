"""Word features: lowercase words and pairs only, scaled to a fixed length."""

import math

from screener.features import TEXT_WEIGHT, text_features


def test_word_features_are_lowercase_words_and_pairs():
    assert set(text_features("owned the budget")) == {
        "word=owned",
        "word=the",
        "word=budget",
        "word=owned the",
        "word=the budget",
    }


def test_capitalised_names_places_and_numbers_are_not_features():
    feats = text_features("Maria Lopez, Lagos, Nigeria 2019 ran the page")
    assert not any(k[5:6].isupper() or any(c.isdigit() for c in k) for k in feats)
    assert "word=ran" in feats


def test_redacted_text_gives_no_features():
    assert text_features("____ ______ 1999") == {}


def test_word_features_have_a_fixed_length():
    feats = text_features("answered complaints and complaints and more complaints")
    assert math.isclose(math.sqrt(sum(v * v for v in feats.values())), TEXT_WEIGHT)


def test_repeats_count_sublinearly():
    feats = text_features("budget budget budget budget plan")
    assert feats["word=budget"] / feats["word=plan"] == 1 + math.log(4)


def test_reweight_words_drops_unknown_words_and_weights_the_rest():
    from screener.features import reweight_words

    row = {"word=a": 1.0, "word=b": 1.0, "word=gone": 1.0, "mix4": 1.0}
    out = reweight_words(row, {"word=a": 1.0, "word=b": 3.0})
    assert set(out) == {"word=a", "word=b", "mix4"}
    assert abs(out["word=b"] / out["word=a"] - 3.0) < 1e-12
    assert abs(out["word=a"] ** 2 + out["word=b"] ** 2 - 3.0) < 1e-9  # length of all three


SWAP_A = "Experience\nSocial Media Lead, Acme\n- I set the budget and the agency ran the ads.\n"
SWAP_B = "Experience\nSocial Media Lead, Acme\n- The agency set the budget and I ran the ads.\n"


def _words(text: str, **options: bool) -> dict[str, float]:
    from screener.features import WORD_PREFIX, featurize
    from screener.nlp import analyze

    feats = featurize(analyze(text), **options)
    return {k: v for k, v in feats.items() if k.startswith(WORD_PREFIX)}


def test_words_of_support_clauses_are_named_apart():
    words = _words(SWAP_A)
    assert "word=support:the ads" in words and "word=the ads" not in words
    assert "word=the budget" in words and "word=support:the budget" not in words


def test_role_swapped_twins_get_different_word_features():
    assert set(_words(SWAP_A)) != set(_words(SWAP_B))


def test_without_the_agency_split_role_swapped_twins_share_their_words():
    def single(text: str) -> set[str]:
        return {k for k in _words(text, by_agency=False) if " " not in k}

    assert single(SWAP_A) == single(SWAP_B)


def test_support_words_and_the_rest_share_one_length():
    feats = text_features("owned the plan", support="posted the calendar")
    assert math.isclose(math.sqrt(sum(v * v for v in feats.values())), TEXT_WEIGHT)
    assert "word=support:posted" in feats and "word=owned" in feats


def test_a_word_pair_is_two_words_with_only_white_space_between():
    feats = text_features("ran Hootsuite campaigns; weekly\nreports")
    assert "word=weekly reports" in feats
    assert "word=ran campaigns" not in feats and "word=campaigns weekly" not in feats


def test_the_order_of_header_fields_does_not_change_the_word_features():
    txt = text_features("Dance society admin, University of Nottingham (Sept 2023 - present)")
    pdf = text_features("Dance society admin Sept 2023 - present\nUniversity of Nottingham")
    assert pdf == txt


NUMBERS = (
    "Experience\nField Manager, Acme Research, 2019 - 2024\n"
    "- Cut fieldwork costs by 30% in two years\n"
    "- Grew the Instagram page from 2K to 9K followers with a weekly campaign\n"
)


def test_only_outcomes_on_a_line_with_social_evidence_count():
    from screener.features import featurize
    from screener.nlp import analyze

    analysis = analyze(NUMBERS)
    outcomes = [e.text for e in analysis.entities if e.dimension == "OUTCOME"]
    assert outcomes == ["30%", "from 2K to 9K followers"]
    assert featurize(analysis)["outcomes"] == math.log1p(1)
