"""RareWordFilter keeps the word features the training rows share."""

from screener.vocabulary import RareWordFilter

ROWS = [
    {"breadth": 0.5, "word=budget": 1.0, "word=once": 1.0},
    {"breadth": 0.1, "word=budget": 2.0},
    {"breadth": 0.9, "word=budget": 1.0, "word=twice": 1.0},
    {"breadth": 0.2, "word=twice": 1.0},
]


def test_words_in_fewer_rows_than_min_docs_are_dropped():
    f = RareWordFilter(min_docs=2).fit(ROWS)
    assert f.vocabulary_ == ["word=budget", "word=twice"]


def test_evidence_features_always_pass():
    out = RareWordFilter(min_docs=3).fit(ROWS).transform(ROWS)
    assert [r["breadth"] for r in out] == [0.5, 0.1, 0.9, 0.2]


def test_words_never_seen_in_training_are_dropped_when_screening():
    f = RareWordFilter(min_docs=1).fit(ROWS)
    assert f.transform([{"word=unseen": 1.0, "breadth": 1.0}]) == [{"breadth": 1.0}]


def test_fit_records_how_many_word_features_it_saw():
    assert RareWordFilter(min_docs=2).fit(ROWS).n_seen_ == 3


def test_rarer_words_weigh_more():
    f = RareWordFilter(min_docs=2).fit(ROWS)
    w = f.weights()
    assert w["word=twice"] > w["word=budget"]  # in 2 rows against 3


def test_weighting_keeps_the_length_of_a_rows_words():
    f = RareWordFilter(min_docs=2).fit(ROWS)
    (row,) = f.transform([{"word=budget": 3.0, "word=twice": 4.0, "breadth": 0.5}])
    assert abs(row["word=budget"] ** 2 + row["word=twice"] ** 2 - 25.0) < 1e-9
    assert row["breadth"] == 0.5


def test_without_idf_kept_words_keep_their_values():
    f = RareWordFilter(min_docs=2, idf=False).fit(ROWS)
    assert f.weights() is None
    assert f.transform([{"word=budget": 3.0, "word=once": 1.0}]) == [{"word=budget": 3.0}]
