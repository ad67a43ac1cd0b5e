"""The spaCy pipeline: built the spaCy way, idempotent, cheap to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from screener.nlp.pipeline import PIPE_NAMES


def test_pipeline_components_in_order(nlp):
    assert tuple(nlp.pipe_names) == PIPE_NAMES


def test_build_nlp_twice_does_not_raise():
    from screener.nlp import build_nlp

    first, second = build_nlp(), build_nlp()
    assert first.pipe_names == second.pipe_names
    assert first("Own the plan.")._.clause_agency == second("Own the plan.")._.clause_agency


def test_registering_extensions_again_is_harmless():
    from screener.nlp.components import register_extensions

    register_extensions()
    register_extensions()


def test_span_ruler_writes_to_the_screener_key(nlp):
    doc = nlp("Handled complaints on Instagram.")
    labels = {s.label_ for s in doc.spans["screener"]}
    assert {"customer_engagement", "PLATFORM"} <= labels


def test_agency_cues_are_kept_apart(nlp):
    doc = nlp("Own the plan.")
    assert all(s.label_.startswith("AGENCY_") for s in doc.spans["screener_cues"])
    assert not any(s.label_.startswith("AGENCY_") for s in doc.spans["screener"])


def test_sentences_are_lines_and_clauses(nlp):
    doc = nlp("- Ran the plan; posted daily\n- Wrote copy")
    assert [s.text.strip(" -\n;") for s in doc.sents] == [
        "Ran the plan",
        "posted daily",
        "Wrote copy",
    ]


def test_import_screener_does_not_import_spacy():
    code = "import sys, screener, screener.nlp; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_lazy_exports_from_screener():
    import screener
    from screener.nlp import analyze, build_nlp

    assert screener.analyze is analyze and screener.build_nlp is build_nlp


def test_library_prints_nothing(capsys, analyze_text):
    analyze_text("Experience\nLead — Acme | 2019 - 2021\n- Ran the plan.\n")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_build_on_an_installed_model(tmp_path):
    import spacy

    from screener.nlp import analyze, build_nlp

    base = spacy.blank("en")
    base.add_pipe("sentencizer")
    base.to_disk(tmp_path / "my_model")
    nlp = build_nlp(model=str(tmp_path / "my_model"))
    assert nlp.pipe_names[0] == "sentencizer" and nlp.pipe_names[1:] == list(PIPE_NAMES)
    text = "Experience\nSocial Media Lead — Acme | 2019 - 2021\n- Wrote the escalation playbook.\n"
    assert "customer_engagement" in analyze(text, nlp=nlp).dimensions


_TRICKY = "C++ dev\nthe brand's — Ltd. (e.g. XD) 0.0% ^_^\n\tnew\n\nline: can't"


def test_identity_special_cases_are_dropped(nlp):
    rules = nlp.tokenizer.rules
    assert "\n" not in rules and "—" not in rules
    assert "'s" in rules and "Ltd." in rules  # these change the tokens


def test_dropping_special_cases_keeps_every_token(nlp):
    import spacy

    stock = spacy.blank("en").make_doc(_TRICKY)
    ours = nlp.make_doc(_TRICKY)
    assert [(t.text, t.idx, t.norm_) for t in ours] == [(t.text, t.idx, t.norm_) for t in stock]


def test_dropping_special_cases_twice_drops_nothing_more(nlp):
    from screener.nlp.pipeline import drop_identity_special_cases

    assert drop_identity_special_cases(nlp) == 0


_CASED = [
    {"label": "PLATFORM", "pattern": [{"ORTH": "X"}]},
    {"label": "TOOL", "pattern": [{"ORTH": "Later", "IS_SENT_START": False}], "id": "social"},
]
_CASED_TEXT = (
    "Later I scheduled posts in Later and on X.\n"
    "- Ran later checks, x-ray of the x account; X threads\n"
    "Later: Later"
)


def test_cased_phrases_turn_one_token_orth_patterns_into_phrases():
    from screener.nlp.pipeline import CASED_PREFIX, cased_phrases

    patterns, checks = cased_phrases(_CASED)
    assert [p["pattern"] for p in patterns] == ["x", "later"]
    assert all(p["id"].startswith(CASED_PREFIX) for p in patterns)
    assert sorted(checks.values(), key=lambda c: c["orth"]) == [
        {"orth": "Later", "not_sent_start": True, "id": "social"},
        {"orth": "X", "not_sent_start": False, "id": ""},
    ]


def test_cased_phrases_leave_other_token_patterns_alone():
    from screener.nlp.pipeline import cased_phrases

    kept = [
        {"label": "TOOL", "pattern": [{"ORTH": "Google"}, {"ORTH": "Ads"}]},
        {"label": "TOOL", "pattern": [{"LOWER": "sql"}]},
        {"label": "TOOL", "pattern": [{"ORTH": "R", "IS_SENT_START": True}]},
        {"label": "TOOL", "pattern": "hootsuite"},
    ]
    assert cased_phrases(kept) == (kept, {})


def _ruler_spans(patterns, checks, text):
    import spacy

    from screener.nlp.components import SPANS_KEY, _check_cased
    from screener.nlp.rows import span_rows

    nlp = spacy.blank("en")
    nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER"})
    nlp.get_pipe("span_ruler").add_patterns(patterns)
    nlp.add_pipe("screener_lines", before="span_ruler")
    doc = nlp(text)
    rows = _check_cased(doc, span_rows(doc, SPANS_KEY), checks)
    return sorted((r.start, r.end, r.label, r.id) for r in rows)


def test_cased_phrases_match_what_the_token_matcher_matches():
    from screener.nlp.pipeline import cased_phrases

    phrases, checks = cased_phrases(_CASED)
    by_matcher = _ruler_spans(_CASED, {}, _CASED_TEXT)
    # "in Later", "X threads", "Later: Later"; not a clause's first "Later", not "x", not "X."
    assert [(label, t) for _s, _e, label, t in by_matcher] == [
        ("TOOL", "social"),
        ("PLATFORM", ""),
        ("TOOL", "social"),
    ]
    assert _ruler_spans(phrases, checks, _CASED_TEXT) == by_matcher


def test_tokenizer_caches_more_chunks_than_spacys_default(nlp):
    # spaCy's 10,000 fill within about 100 resumes and are never evicted
    assert nlp.tokenizer.max_cache_size >= 100_000


def test_widening_the_tokenizer_cache_keeps_a_larger_limit():
    import spacy

    from screener.nlp.pipeline import widen_tokenizer_cache

    blank = spacy.blank("en")
    blank.tokenizer.max_cache_size = 5_000_000
    widen_tokenizer_cache(blank)
    assert blank.tokenizer.max_cache_size == 5_000_000


def test_cached_chunks_tokenize_as_the_rules_do(nlp):
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    fresh = Tokenizer(
        nlp.vocab,
        rules=tok.rules,
        prefix_search=tok.prefix_search,
        suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer,
        token_match=tok.token_match,
        url_match=tok.url_match,
    )
    text = "Cut first response (9h -> 47min), e.g. via Zendesk; see https://x.co/a-b!"
    tok(text)  # the second read comes from the cache
    assert [t.text for t in tok(text)] == [t.text for t in fresh(text)]


def test_a_doc_of_the_pipeline_serialises_with_its_results(nlp):
    # nlp.pipe(n_process=...) and DocBin send docs as bytes, extension values and all
    from spacy.tokens import DocBin

    doc = nlp("Post organic content from the plan the VP of Marketing owns.")
    assert doc._.others_verbs  # "owns": someone else's verb
    docs = DocBin(store_user_data=True, docs=[doc])
    (back,) = DocBin().from_bytes(docs.to_bytes()).get_docs(nlp.vocab)
    assert list(back._.others_verbs) == doc._.others_verbs  # msgpack gives tuples back
    assert list(back._.clause_agency) == doc._.clause_agency


@pytest.mark.parametrize("text", ["Ran the post-event survey.", "Pre- and post-moderation."])
def test_post_before_a_hyphen_is_a_prefix_not_posting(nlp, text):
    doc = nlp(text)
    spans = list(doc.spans["screener"]) + list(doc.spans["screener_cues"])
    assert [s.text for s in spans if s.text.lower() == "post"] == []


def test_post_before_a_spaced_dash_is_still_posting(nlp):
    doc = nlp("Post - daily, on Facebook.")
    assert "marketing_communications" in {s.label_ for s in doc.spans["screener"]}
