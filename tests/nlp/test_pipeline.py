"""The spaCy pipeline: built the spaCy way, idempotent, cheap to import."""

from __future__ import annotations

import subprocess
import sys

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
