"""The words of a doc, read once: the same values the tokens give."""

from __future__ import annotations

import spacy

from screener.nlp.words import words_of

TEXT = "Cut response time from 9h to 40min (-92%); ran the TikTok ads.\n- Wrote copy"


def test_each_list_holds_what_the_tokens_say():
    doc = spacy.blank("en")(TEXT)
    words = words_of(doc)
    assert words.text == [t.text for t in doc]
    assert words.low == [t.lower_ for t in doc]
    assert words.punct == [t.is_punct for t in doc]
    assert words.spaced == [bool(t.whitespace_) for t in doc]
    assert words.idx == [t.idx for t in doc]
    assert [words.end_char(i) for i in range(len(doc))] == [t.idx + len(t) for t in doc]


def test_joined_is_the_doc_text():
    doc = spacy.blank("en")(TEXT)
    assert words_of(doc).joined == doc.text


def test_a_doc_is_read_once():
    doc = spacy.blank("en")(TEXT)
    assert words_of(doc) is words_of(doc)


def test_a_doc_whose_tokens_were_merged_is_read_again():
    doc = spacy.blank("en")(TEXT)
    before = words_of(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert words_of(doc) is not before
    assert words_of(doc).text[0] == "Cut response time"


def test_an_empty_doc_has_no_words():
    words = words_of(spacy.blank("en")(""))
    assert (words.text, words.joined) == ([], "")


def test_nothing_is_stored_on_the_doc():
    doc = spacy.blank("en")(TEXT)
    words_of(doc)
    assert doc.user_data == {}
