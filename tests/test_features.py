"""Word features: lowercase words and pairs only, scaled to a fixed length."""

import math

from screener.features import TEXT_WEIGHT, text_features


def test_word_features_are_lowercase_words_and_pairs():
    assert set(text_features("owned the budget")) == {
        "word=owned", "word=the", "word=budget", "word=owned the", "word=the budget",
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
