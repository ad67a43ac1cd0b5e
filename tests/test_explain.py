"""Explanations: word contributions read as one factor."""


def test_word_contributions_are_one_factor_named_by_its_strongest_words():
    from screener.explain import _factors

    factors = _factors({"word=owned": 0.9, "word=the": 0.1, "word=asked": -0.2, "tools": 0.3})
    assert factors == {"tools": 0.3, "wording=owned|the|asked": 0.8}


def test_support_clause_words_read_as_support_work():
    from screener.explain import describe_feature

    text = describe_feature("wording=owner|support:the calendar")
    assert text == "the resume's wording ('owner', 'the calendar' in support work)"
