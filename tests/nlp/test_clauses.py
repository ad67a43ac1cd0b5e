"""Analysis.clauses: every clause with its offsets and agency."""

from screener.nlp import analyze

TEXT = "WORK EXPERIENCE\nSocial Media Lead, Acme\n- I set the budget and the agency ran the ads.\n"


def _clauses():
    analysis = analyze(TEXT)
    return [(analysis.text[c.start : c.end], c.agency, c.others) for c in analysis.clauses]


def test_a_coordinated_new_subject_gives_two_clauses_with_their_own_agency():
    clauses = _clauses()
    assert ("I set the budget and", "own", False) in clauses
    assert ("the agency ran the ads.", "support", True) in clauses


def test_a_heading_that_opens_with_a_support_verb_is_neutral():
    assert ("WORK EXPERIENCE", "neutral", False) in _clauses()


def test_clauses_serialise_with_the_analysis():
    analysis = analyze(TEXT)
    clause = analysis.clauses[-1]
    assert analysis.to_dict()["clauses"][-1] == {
        "start": clause.start,
        "end": clause.end,
        "agency": "support",
        "others": True,
    }


class _NoHeaders:
    def in_header(self, offset: int) -> bool:
        return False


def test_others_marks_only_the_clause_that_holds_the_verb(nlp):
    from screener.nlp.lookup import Clauses

    doc = nlp.make_doc("we post daily owns the plan")
    doc._.clauses = [(0, 3, 0), (3, 6, 0)]
    doc._.clause_starts = [0, 3]
    doc._.clause_agency = ["neutral", "support"]
    doc._.clause_handoff = [False, False]
    doc._.others_verbs = [3]  # "owns": first token of the second clause, just past the first
    spans = Clauses(doc).spans(doc, _NoHeaders())
    assert [(doc.text[c.start : c.end], c.others) for c in spans] == [
        ("we post daily", False),
        ("owns the plan", True),
    ]
