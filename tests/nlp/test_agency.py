"""Agency: the strategic twin owns the work, the consumer twin carries out others' plans."""

from __future__ import annotations

import pytest

HEAD = "Ada Lovelace\nSocial Media Manager\nada@example.com\n\n"

PAIRS = [
    (
        "Own the annual social plan and a $2.1M budget.",
        "Post organic content from the plan the VP of Marketing owns.",
    ),
    (
        "Rebuilt social care with the CS team; first response fell from 9h to 47min.",
        "Answer comments with Legal's approved replies.",
    ),
    (
        "Set up the weekly dashboard for the leadership team.",
        "Pull numbers for the analyst's dashboard.",
    ),
    (
        "Ran audience research that split followers into three segments.",
        "Helped the research team book interviews with followers.",
    ),
    (
        "Led the crisis response and wrote the escalation playbook.",
        "Pass complaints to the community specialist.",
    ),
    (
        "Managed a $40k paid social budget and negotiated creator fees.",
        "Upload ads; the budget is managed by the director.",
    ),
]


def clause_labels(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return list(doc._.clause_agency)


@pytest.mark.parametrize(("own", "support"), PAIRS)
def test_owned_sentence_is_own(nlp, own, support):
    assert set(clause_labels(nlp, own)) == {"own"}


@pytest.mark.parametrize(("own", "support"), PAIRS)
def test_carried_out_sentence_is_support(nlp, own, support):
    assert set(clause_labels(nlp, support)) == {"support"}


@pytest.mark.parametrize(
    "text",
    [
        "Posted on Instagram as per the SOP.",
        "Replied under the supervision of the lead.",
        "Scheduled posts as directed by the manager.",
        "Updated the calendar the agency built.",
        "Ran the A/B tests the growth lead specified.",
        "The paid social budget belongs to the account director.",
        "Kept the budget tracker for the launch.",
    ],
)
def test_support_cues(nlp, text):
    assert clause_labels(nlp, text) == ["support"]


def test_plain_execution_is_neutral(nlp):
    assert clause_labels(nlp, "Photos of the new menu on Instagram.") == ["neutral"]


def test_neutral_clause_takes_its_lines_label(nlp):
    assert clause_labels(nlp, "Own the plan; post daily on TikTok.") == ["own", "own"]


def test_each_line_is_its_own_unit(nlp):
    doc = nlp("- Own the plan.\n- Post from the calendar the manager writes.")
    assert list(doc._.clause_agency) == ["own", "support"]
    assert [s.text.strip(" -\n") for s in doc.sents] == [
        "Own the plan.",
        "Post from the calendar the manager writes.",
    ]


def test_approval_by_the_board_is_still_own(nlp):
    assert clause_labels(nlp, "Wrote the digital plan, agreed by the board.") == ["own"]


def test_work_taken_over_from_a_role_is_not_support(nlp):
    text = "Took over the Facebook page from the marketing team in 2018."
    assert clause_labels(nlp, text) == ["neutral"]


def test_briefs_from_a_role_are_still_support(nlp):
    assert clause_labels(nlp, "Posted the briefs from the marketing team.") == ["support"]


def test_deciding_what_oneself_is_not_support(nlp):
    assert clause_labels(nlp, "I wrote the rules and decide what is hidden.") == ["own"]


def test_what_the_audience_does_is_not_someone_elses_work(nlp):
    text = "Surveyed 1,200 students about how they chose the university."
    assert clause_labels(nlp, text) == ["own"]


def test_a_plural_role_before_a_bare_verb_is_its_subject(nlp):
    assert clause_labels(nlp, "Post what the editors decide.") == ["support"]


def test_a_singular_role_before_a_bare_verb_is_a_compound_noun(nlp):
    assert clause_labels(nlp, "Write the monthly PR committee report.") == ["own"]


def test_work_brought_in_house_from_an_agency_is_not_support(nlp):
    text = "Brought the social channels in-house from the agency."
    assert clause_labels(nlp, text) == ["neutral"]


def test_which_after_a_thing_leaves_the_work_the_persons(nlp):
    text = "Launched a referral campaign which grew sign-ups 40%."
    assert clause_labels(nlp, text) == ["own"]


@pytest.mark.parametrize(
    "text",
    ["Brief the agency which runs our paid social.", "Brief the agency, which runs our ads."],
)
def test_which_after_a_role_is_someone_else_doing_the_work(nlp, text):
    assert clause_labels(nlp, text) == ["support"]


def test_a_team_that_reports_to_me_is_not_someone_elses_work(nlp):
    assert clause_labels(nlp, "Two community managers report to me.") == ["neutral"]


def test_a_handoff_verb_inside_a_compound_is_no_handoff(nlp):
    doc = nlp("Weekly share-of-voice dashboards, shown to the management committee.")
    assert list(doc._.clause_handoff) == [False]


def test_the_owner_deciding_is_someone_elses_work(nlp):
    assert clause_labels(nlp, "The owner set the monthly budget.") == ["support"]


def test_approval_by_the_owner_is_still_own(nlp):
    assert clause_labels(nlp, "Wrote the plan, approved by the owner.") == ["own"]


def test_decide_by_in_second_language_english_is_support(nlp):
    assert clause_labels(nlp, "The KOL budget is decide by brand manager.") == ["support"]


def test_handoff_is_flagged(nlp):
    doc = nlp("Forwarded complaints to the operations manager.")
    assert list(doc._.clause_handoff) == [True]
    assert doc[0]._.agency == "support" and doc[0]._.handoff


def test_clause_spans_are_exposed(nlp):
    doc = nlp("Own the plan; post daily.")
    assert [s.label_ for s in doc.spans["screener_clauses"]] == ["own", "own"]


def test_evidence_agency(analyze_text):
    text = (
        HEAD
        + "Experience\nLead — Acme | 2019 - 2021\n- Pull numbers for the analyst's dashboard.\n"
    )
    ev = [e for e in analyze_text(text).evidence if e.dimension == "analytics"]
    assert ev and all(e.agency == "support" for e in ev)


def test_dashboard_someone_else_owns_does_not_count(analyze_text):
    text = (
        HEAD
        + "Experience\nLead — Acme | 2019 - 2021\n"
        + "- Pull numbers for the dashboard the analyst owns.\n"
    )
    analysis = analyze_text(text)
    assert any(e.dimension == "analytics" for e in analysis.evidence)
    assert "analytics" not in analysis.dimensions


def test_execution_level_posting_still_counts(analyze_text):
    text = (
        HEAD + "Experience\nLead — Acme | 2019 - 2021\n"
        "- Post organic content on Instagram from the plan the VP of Marketing owns.\n"
    )
    assert "marketing_communications" in analyze_text(text).dimensions


def test_answering_with_approved_replies_still_counts(analyze_text):
    text = (
        HEAD
        + "Experience\nAgent — Acme | 2019 - 2021\n"
        + "- Answer comments with Legal's approved replies.\n"
    )
    assert "customer_engagement" in analyze_text(text).dimensions


def test_handed_off_complaints_do_not_count(analyze_text):
    text = (
        HEAD
        + "Experience\nAgent — Acme | 2019 - 2021\n- Pass complaints to the community specialist.\n"
    )
    analysis = analyze_text(text)
    assert any(e.dimension == "customer_engagement" for e in analysis.evidence)
    assert "customer_engagement" not in analysis.dimensions


def test_minimal_pair_resumes(analyze_text):
    strategic = (
        HEAD
        + "Experience\nSocial Media Manager — Acme Bank | 2019 - 2024\n"
        + "\n".join(f"- {own}" for own, _ in PAIRS)
    )
    consumer = (
        HEAD
        + "Experience\nSocial Media Manager — Acme Bank | 2019 - 2024\n"
        + "\n".join(f"- {support}" for _, support in PAIRS)
    )
    owned, carried = analyze_text(strategic), analyze_text(consumer)
    assert len(owned.dimensions) >= 5
    assert len(carried.dimensions) <= 3
    assert {e.agency for e in carried.evidence if not e.claimed_only} <= {"support", "neutral"}


def test_whose_verb_the_budget_follows_decides_its_agency(nlp):
    theirs = nlp("The agency set the $20k budget and I built the ads.")
    mine = nlp("I set the $20k budget and the agency built the ads.")
    assert list(theirs._.clause_agency) == ["support", "own"]
    assert list(mine._.clause_agency) == ["own", "support"]
    budget = next(t.i for t in theirs if t.text == "budget")
    assert theirs[budget]._.agency == "support" and mine[budget]._.agency == "own"


def test_a_role_of_something_is_a_subject(nlp):
    assert clause_labels(nlp, "The head of content chose the variants.") == ["support"]


@pytest.mark.parametrize(
    "text",
    [
        "Older women forward posts to family Messenger groups.",
        "Fans share the clips to their group chats.",
        "Agents send the hard cases to me.",
    ],
)
def test_a_handoff_verb_with_someone_else_as_subject_is_no_handoff(nlp, text):
    assert list(nlp(text)._.clause_handoff) == [False]


@pytest.mark.parametrize(
    "text",
    [
        "I forward complaints to the manager.",
        "Complaints forwarded to the manager.",
        "Tag DMs and forward them to the care team.",
    ],
)
def test_the_persons_own_handoff_is_still_a_handoff(nlp, text):
    assert clause_labels(nlp, text) == ["support"]


def test_reporting_to_a_funder_is_own(nlp):
    text = "Each month I count the calls and send the figures to our funder."
    assert clause_labels(nlp, text) == ["own"]


def test_a_budget_a_role_holds_is_someone_elses(nlp):
    text = "Raise purchase orders against the budget my manager holds."
    assert clause_labels(nlp, text) == ["support"]


def test_holding_a_budget_oneself_is_own(nlp):
    assert clause_labels(nlp, "Held a $2M budget for paid social.") == ["own"]


def test_posts_the_publisher_picks_are_someone_elses(nlp):
    assert clause_labels(nlp, "Boost the Facebook posts the publisher picks.") == ["support"]


def test_what_people_said_after_a_colon_is_not_someone_elses_work(nlp):
    text = "Interviewed donors: they give for one child's progress."
    assert clause_labels(nlp, text) == ["own"]


def test_work_on_the_clients_account_is_still_own(nlp):
    assert clause_labels(nlp, "Ran the client's Instagram ads.") == ["own"]


def test_words_phrase_reads_like_span_text(nlp):
    from screener.nlp.agency import _Words

    doc = nlp("The C-suite's  plan, as per the VP of Marketing ( draft ).")
    words = _Words(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert words.phrase(start, end) == doc[start:end].text.lower()
