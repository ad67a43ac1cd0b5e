"""Evidence is a phrase tied to where it stands: section, page, offsets, claimed or done."""

from __future__ import annotations

import pytest

from screener.types import DOING_SECTIONS, Document

HEAD = "Ada Lovelace\nSocial Media Manager\nada@example.com\n\n"


def resume(bullets: list[str], extra: str = "") -> str:
    lines = "\n".join(f"- {b}" for b in bullets)
    entry = "Social Media Lead — Acme Bank, London | Mar 2019 - Present"
    return f"{HEAD}Experience\n{entry}\n{lines}\n{extra}"


def dims_of(analysis, text_part: str) -> set[str]:
    return {
        e.dimension for e in analysis.evidence if text_part in analysis.text[e.start : e.end + 40]
    }


@pytest.mark.parametrize(
    ("bullet", "dimension"),
    [
        ("Answered angry tweets during the outage.", "customer_engagement"),
        ("Wrote the escalation playbook.", "customer_engagement"),
        ("Pulled weekly figures from the listening tool into a board paper.", "analytics"),
        ("Ran audience research that split followers into three segments.", "psychology"),
        ("Own the annual social plan and a $2.1M budget.", "business_strategy"),
        ("Scheduled the launch campaign posts in Hootsuite.", "marketing_communications"),
        ("Set up the weekly dashboard in Looker Studio.", "technical"),
    ],
)
def test_phrase_evidence_counts_in_experience(analyze_text, bullet, dimension):
    analysis = analyze_text(resume([bullet]))
    assert dimension in analysis.dimensions


def test_evidence_is_a_phrase_not_a_keyword(analyze_text):
    analysis = analyze_text(resume(["Answered angry tweets during the outage."]))
    texts = [e.text for e in analysis.evidence if e.dimension == "customer_engagement"]
    assert any(len(t.split()) >= 2 for t in texts)


def test_evidence_offsets_index_the_document_text(analyze_text):
    analysis = analyze_text(resume(["Wrote the escalation playbook."]))
    for ev in analysis.evidence:
        assert analysis.text[ev.start : ev.end] == ev.text


def test_evidence_carries_section_page_and_done(analyze_text):
    analysis = analyze_text(resume(["Wrote the escalation playbook."]))
    ev = next(e for e in analysis.evidence if e.dimension == "customer_engagement")
    assert ev.section == "experience" and ev.page == 1 and ev.claimed_only is False


def test_evidence_page_follows_the_document(nlp):
    from screener.nlp import analyze
    from screener.types import Block, Line, Page

    text = "Experience\nLead — Acme | 2019 - 2021\n- Handled complaints on X"
    lines = text.split("\n")
    pages, pos = [], 0
    for n, raw in enumerate(lines, start=1):
        line = Line(text=raw, start=pos, end=pos + len(raw))
        pages.append(Page(number=n, blocks=[Block(page=n, lines=[line], start=pos, end=line.end)]))
        pos = line.end + 1
    document = Document(text=text, pages=pages, source_format="pdf")
    ev = next(
        e for e in analyze(document, nlp=nlp).evidence if e.dimension == "customer_engagement"
    )
    assert ev.page == 3


def test_skills_list_is_claimed_only(analyze_text):
    text = (
        HEAD
        + "Core Competencies\n"
        + "Social Media Strategy, Analytics & KPIs, Crisis Communications, Hootsuite\n"
    )
    analysis = analyze_text(text)
    assert analysis.evidence
    assert all(e.claimed_only for e in analysis.evidence)
    assert analysis.dimensions == []


def test_summary_is_claimed_only(analyze_text):
    text = HEAD + "Summary\nData-driven strategist who owns budgets and dashboards.\n"
    analysis = analyze_text(text)
    assert analysis.evidence and all(e.claimed_only for e in analysis.evidence)


def test_claimed_only_follows_doing_sections(analyze_text):
    text = resume(["Ran the Instagram content calendar."], "\nSkills\nContent calendars, Canva\n")
    for ev in analyze_text(text).evidence:
        assert ev.claimed_only == (ev.section not in DOING_SECTIONS)


def test_instagram_under_interests_is_consumer_use(analyze_text):
    text = resume(["Wrote press releases."], "\nInterests\nInstagram, TikTok, hiking\n")
    analysis = analyze_text(text)
    signals = [e for e in analysis.consumer_signals if e.text == "Instagram"]
    assert signals and signals[0].section == "interests"
    assert not [e for e in analysis.evidence if e.section == "interests"]


@pytest.mark.parametrize(
    "phrase",
    [
        "Grew my personal account to 20k followers.",
        "Avid user of every new platform.",
        "A digital native who lives on TikTok.",
    ],
)
def test_consumer_use_phrases(analyze_text, phrase):
    analysis = analyze_text(resume([phrase]))
    assert any(e.dimension == "consumer_use" for e in analysis.consumer_signals)


def test_personal_account_growth_is_not_marketing(analyze_text):
    analysis = analyze_text(resume(["Grew my personal account to 20k followers."]))
    assert analysis.dimensions == []


CHANNEL_BULLETS = [
    "Wrote and filmed recipe reels; 162K followers, engagement rate around 5%.",
    "Answered followers' questions in a weekly Instagram Live.",
]


def creator_resume(header: str) -> str:
    lines = "\n".join(f"- {b}" for b in CHANNEL_BULLETS)
    return f"{HEAD}Experience\n{header} | Mar 2019 - Present\n{lines}\n"


def test_a_creator_entry_with_a_handle_is_a_personal_channel(analyze_text):
    analysis = analyze_text(creator_resume("Creator — @desiplate.healthyplate"))
    signals = [e for e in analysis.consumer_signals if e.pattern_id == "personal_channel"]
    assert [e.text for e in signals] == ["@desiplate.healthyplate"]
    assert not signals[0].claimed_only


def test_a_personal_channel_gives_no_dimension_evidence(analyze_text):
    analysis = analyze_text(creator_resume("Content Creator — Self (@ananya.vibes), Pune"))
    assert analysis.evidence == []
    assert analysis.dimensions == []


def test_a_handle_on_the_second_header_line_is_a_personal_channel(analyze_text):
    lines = "\n".join(f"- {b}" for b in CHANNEL_BULLETS)
    text = f"{HEAD}Experience\nFood Creator\n@desiplate | Mar 2019 - Present\n{lines}\n"
    analysis = analyze_text(text)
    signals = [e for e in analysis.consumer_signals if e.pattern_id == "personal_channel"]
    assert [e.text for e in signals] == ["@desiplate"]
    assert analysis.dimensions == []


def test_a_creator_hired_by_a_business_is_no_personal_channel(analyze_text):
    analysis = analyze_text(creator_resume("Content Creator — Noor Family Health Clinics"))
    assert not [e for e in analysis.consumer_signals if e.pattern_id == "personal_channel"]
    assert "customer_engagement" in {e.dimension for e in analysis.evidence}


def test_an_email_in_a_creator_header_is_no_handle(analyze_text):
    analysis = analyze_text(creator_resume("Content Creator — mahnoor@example.com"))
    assert not [e for e in analysis.consumer_signals if e.pattern_id == "personal_channel"]


def test_a_handle_without_a_creator_title_is_a_business_channel(analyze_text):
    analysis = analyze_text(creator_resume("Owner — @sunrise.bakery"))
    assert not [e for e in analysis.consumer_signals if e.pattern_id == "personal_channel"]
    assert analysis.evidence


def test_header_lines_are_not_evidence(analyze_text):
    text = (
        HEAD
        + "Experience\nCommunity Manager — Brand Marketing Agency | 2019 - 2021\n"
        + "- Filed invoices.\n"
    )
    assert analyze_text(text).dimensions == []


def test_entities_platform_tool_outcome(analyze_text):
    analysis = analyze_text(
        resume(["Cut first response on X from 9h to 40min in Sprout Social; +35% followers."])
    )
    labels = {(e.dimension, e.text) for e in analysis.entities}
    assert ("PLATFORM", "X") in labels
    assert ("TOOL", "Sprout Social") in labels
    assert ("OUTCOME", "from 9h to 40min") in labels
    assert ("OUTCOME", "+35% followers") in labels


def test_job_title_and_seniority_entities(analyze_text):
    analysis = analyze_text(
        HEAD + "Experience\nSenior Social Media Manager — Acme | 2019 - 2021\n- Posted.\n"
    )
    labels = {e.dimension for e in analysis.entities}
    assert {"JOB_TITLE", "SENIORITY"} <= labels


def test_experience_months_from_entries(analyze_text):
    text = (
        HEAD + "Experience\nLead — A | Jan 2020 - Present\n- Ran social.\n"
        "Editor — B | Jan 2019 - Dec 2020\n- Wrote posts.\n"
    )
    assert analyze_text(text).experience_months == 78


def test_analyze_accepts_a_document(nlp):
    from screener.nlp import analyze

    doc = Document.from_text(resume(["Wrote the escalation playbook."]))
    assert "customer_engagement" in analyze(doc, nlp=nlp).dimensions


def test_analyze_default_pipeline_is_cached():
    from screener.nlp.analysis import default_nlp

    assert default_nlp() is default_nlp()


def test_analyze_off_target_has_no_dimensions(analyze_text):
    text = HEAD.replace("Social Media Manager", "Staff Nurse") + (
        "Experience\nStaff Nurse — City Hospital | 2019 - 2024\n"
        "- Led a team of four nurses on nights and managed patient flow.\n"
        "- Presented audit results at the governance meeting.\n"
    )
    assert analyze_text(text).dimensions == []


def test_a_print_campaign_is_no_social_or_digital_context(analyze_text):
    text = HEAD.replace("Social Media Manager", "Trade Marketing Manager") + (
        "Experience\nTrade Marketing Manager — Stone Tiles NV | 2019 - 2024\n"
        "- Direct-mail campaign to architects: printed lookbook and brand brochure.\n"
    )
    assert "marketing_communications" not in analyze_text(text).dimensions


def test_the_same_campaign_online_counts(analyze_text):
    text = HEAD + (
        "Experience\nTrade Marketing Manager — Stone Tiles NV | 2019 - 2024\n"
        "- Direct-mail campaign to architects: printed lookbook and brand brochure.\n"
        "- Ran the same campaign on LinkedIn.\n"
    )
    assert "marketing_communications" in analyze_text(text).dimensions


@pytest.mark.parametrize(
    ("bullet", "dimension"),
    [
        ("Kept a tally every Friday of which offers brought people in.", "analytics"),
        ("Count sign-ups from the Facebook page by where they heard of us.", "analytics"),
        (
            "Argued for a small monthly ad budget and told the owner where the money should go.",
            "business_strategy",
        ),
        (
            "Most parents were asking whether it would hurt, so we filmed a first visit.",
            "psychology",
        ),
        ("Quarterly buyer panels on Instagram cut the trade-show budget.", "psychology"),
        ("Ran churn interviews with teams who left after the trial.", "psychology"),
        ("Message tests on Facebook: the safety ad won with over-45s.", "psychology"),
        ("Our TikTok showed passengers want the replacement bus stops first.", "psychology"),
        ("Kept the weekly tally of how many came in off the Facebook page.", "analytics"),
        ("Ask every new member how they found us; most say the WhatsApp group.", "analytics"),
        ("Weekly complaint reports on Instagram comments for the board.", "analytics"),
        ("Orders from Instagram rose after the move to reels.", "analytics"),
        ("The boost money is mine to spend; most of it goes to Instagram.", "business_strategy"),
        ("Cost per booking from Instagram ads fell by a third.", "business_strategy"),
        ("Set up deals with three hotels to swap posts every month.", "business_strategy"),
    ],
)
def test_plain_words_without_buzzwords_count_as_evidence(analyze_text, bullet, dimension):
    analysis = analyze_text(resume([bullet]))
    assert dimension in analysis.dimensions


def test_x_in_x_ray_is_not_the_platform_x(analyze_text):
    analysis = analyze_text(resume(["Moved patients between wards and X-ray."]))
    assert [e.text for e in analysis.entities if e.dimension == "PLATFORM"] == []


def test_x_alone_is_the_platform_x(analyze_text):
    analysis = analyze_text(resume(["Posted match reports on X every Saturday."]))
    assert [e.text for e in analysis.entities if e.dimension == "PLATFORM"] == ["X"]


def test_a_design_or_video_editor_is_no_technical_evidence(analyze_text):
    analysis = analyze_text(resume(["Made the Instagram reels in CapCut and the posts in Canva."]))
    assert not [e for e in analysis.evidence if e.dimension == "technical"]


def test_a_social_tool_used_in_the_work_is_technical_evidence(analyze_text):
    analysis = analyze_text(resume(["Scheduled the Instagram posts in Hootsuite."]))
    assert "technical" in analysis.dimensions


def test_an_analytics_tool_used_in_the_work_is_analytics_evidence(analyze_text):
    analysis = analyze_text(resume(["Read Chartbeat every morning for the social desk."]))
    assert [e.pattern_id for e in analysis.evidence if e.dimension == "analytics"] == [
        "tool:chartbeat"
    ]


def test_a_tool_the_analytics_lexicon_names_is_analytics_evidence_once(analyze_text):
    analysis = analyze_text(resume(["Built the social reporting in GA4 for the team."]))
    ga4 = [e for e in analysis.evidence if e.dimension == "analytics" and e.text == "GA4"]
    assert len(ga4) == 1


def test_longest_of_overlapping_rows_is_spacys_filter_spans():
    import spacy
    from spacy.util import filter_spans

    from screener.nlp.components import _longest
    from screener.nlp.rows import SpanRow

    doc = spacy.blank("en")("one two three four five six seven")
    # overlaps, equal lengths (the first wins), nested, touching and apart
    bounds = [(0, 2), (1, 3), (1, 2), (3, 6), (4, 5), (5, 7), (0, 2)]
    spans = [doc[a:b] for a, b in bounds]
    for i, span in enumerate(spans):
        span.id_ = str(i)
    rows = [SpanRow.of(s) for s in spans]
    assert _longest(rows) == [SpanRow.of(s) for s in filter_spans(spans)]


def _changes(analysis) -> list[str]:
    return [
        e.text
        for e in analysis.evidence
        if e.pattern_id == "analytics/change" and e.dimension == "analytics" and e.counts
    ]


def test_a_measured_change_in_the_persons_work_is_analytics(analyze_text):
    bullet = "Answered members' complaints in WhatsApp; dues paid went from 38% to 71% of members."
    analysis = analyze_text(resume([bullet]))
    assert _changes(analysis) == ["from 38% to 71% of members"]
    assert "analytics" in analysis.dimensions


def test_a_change_in_support_work_is_no_analytics(analyze_text):
    bullet = (
        "Assisted the marketing manager with Facebook ads that lifted sign-ups from 200 to 900."
    )
    analysis = analyze_text(resume([bullet]))
    assert _changes(analysis) == []


def test_an_amount_is_no_measured_change(analyze_text):
    bullet = "Answered members' complaints in WhatsApp groups of 1,400 members."
    analysis = analyze_text(resume([bullet]))
    assert _changes(analysis) == []


def test_a_change_claimed_in_the_summary_is_no_analytics(analyze_text):
    text = (
        f"{HEAD}Summary\nGrew Instagram followers from 2,000 to 9,000.\n\n"
        + resume([])[len(HEAD) :]
    )
    assert _changes(analyze_text(text)) == []
