"""Generate a synthetic resume corpus for speed and memory benchmarks.

``make_corpus(n, out_dir, seed=0)`` writes ``n`` resumes (PDF in the reportlab
layouts of ``scripts/render.py`` and DOCX in its styles) from a small
combinatorial generator: seeded choices of names, places, professions (social
media roles at strategic and consumer level, and unrelated jobs), employers,
bullets and lengths, so that PDFs run from one to three pages. A
``manifest.tsv`` beside the files records what each one is.

This corpus is for measuring throughput and memory only. It is NOT training or
evaluation data: the text is template-made and its labels are only the
generator's intent.

Usage::

    python benchmarks/corpus.py N OUT_DIR [--seed 0] [--manifest corpus.tsv]
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MAX_PAGES = 3

FIRST_NAMES = (
    "Amara", "Sofía", "Liam", "Priya", "Kenji", "Fatima", "Mateus", "Ingrid", "Chloé", "Tomasz",
    "Aisha", "Diego", "Hannah", "Wei", "Oluwaseun", "Marta", "Rahul", "Emma", "Yusuf", "Léa",
    "Noah", "Ana", "Kwame", "Freya", "Arjun", "Isabel", "Mei", "Jonas", "Zanele", "Carlos",
    "Nadia", "Ethan", "Sara", "Hiroshi", "Grace", "Mohammed", "Elif", "Lucas", "Thandiwe", "Maya",
)  # fmt: skip
LAST_NAMES = (
    "Okafor", "García", "Murphy", "Sharma", "Tanaka", "Haddad", "Silva", "Johansson", "Dubois",
    "Nowak", "Bello", "Fernández", "Schmidt", "Chen", "Adeyemi", "Rossi", "Iyer", "Taylor",
    "Demir", "Martin", "Walker", "Costa", "Mensah", "Nielsen", "Patel", "Moreno", "Lin", "Weber",
    "Dlamini", "Ruiz", "Karimi", "Brown", "Lindqvist", "Sato", "Owusu", "Rahman", "Yilmaz",
    "Santos", "Nkosi", "Kowalski",
)  # fmt: skip
PLACES = (
    "Lagos, Nigeria", "Madrid, Spain", "Dublin, Ireland", "Bengaluru, India", "Osaka, Japan",
    "Beirut, Lebanon", "São Paulo, Brazil", "Stockholm, Sweden", "Lyon, France", "Kraków, Poland",
    "Accra, Ghana", "Mexico City, Mexico", "Berlin, Germany", "Singapore", "Nairobi, Kenya",
    "Milan, Italy", "Toronto, Canada", "Manchester, UK", "Istanbul, Turkey", "Austin, TX",
    "Melbourne, Australia", "Cape Town, South Africa", "Chicago, IL", "Auckland, New Zealand",
)  # fmt: skip
ORG_HEADS = (
    "Northwind", "Blue Harbor", "Kestrel", "Sunline", "Meridian", "Copperleaf", "Atlas",
    "Riverbend", "Pinecrest", "Lumen", "Orchard", "Halcyon", "Granite", "Saffron", "Tidewater",
    "Evergreen", "Bright Path", "Redwood", "Silverline", "Oakridge",
)  # fmt: skip
PLATFORMS = ("Instagram", "TikTok", "LinkedIn", "Facebook", "YouTube", "X", "Pinterest", "Reddit")
SOCIAL_TOOLS = (
    "Hootsuite", "Sprout Social", "Brandwatch", "Meltwater", "Sprinklr", "Khoros", "Later",
    "Buffer", "Talkwalker", "Emplifi",
)  # fmt: skip
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SECTION_TITLES = {
    "experience": (
        "Experience", "Work Experience", "Professional Experience", "Work History",
        "Employment", "Career History",
    ),
    "education": ("Education", "Education & Training", "Qualifications"),
    "skills": ("Skills", "Core Competencies", "Toolkit", "Key Skills", "Technical Skills"),
    "languages": ("Languages",),
    "certifications": ("Certifications", "Certificates", "Courses"),
    "interests": ("Interests", "Outside Work", "Hobbies"),
    "volunteering": ("Volunteering", "Volunteer Experience", "Community"),
}  # fmt: skip
LANGUAGES = (
    "English (fluent)", "Spanish (native)", "French (B2)", "German (C1)", "Portuguese (native)",
    "Hindi (native)", "Japanese (N2)", "Arabic (native)", "Swahili (conversational)",
    "Polish (native)", "Yoruba (native)", "Italian (B1)", "Turkish (native)", "Mandarin (HSK 4)",
)  # fmt: skip
INTERESTS = (
    "Trail running, film photography and volunteering at the local food bank.",
    "Football coaching for an under-12 team; sourdough; long-distance cycling.",
    "Chess, board-game design, and learning Korean.",
    "Choir singing, climbing and restoring old bicycles.",
    "Podcasts about history, pottery classes, weekend hiking.",
    "Cooking for friends, open-water swimming, community theatre.",
)  # fmt: skip
GENERIC_BULLETS = (
    "Trained {k} new colleagues and wrote the onboarding checklist still in use.",
    "Worked with colleagues in {k} countries across three time zones.",
    "Represented the team in the monthly operations review.",
    "Took over the shared documentation and kept it current through two reorganisations.",
    "Covered for the team lead during parental leave for {m} months.",
    "Helped plan the office move without a day of lost work.",
    "Served on the health and safety committee for {m} years.",
    "Organised the team's quarterly away day and the charity bake sale.",
    "Wrote the handover notes used when the department was restructured.",
    "Sat on interview panels for {k} hires.",
    "Buddy for new starters in their first three months.",
    "Kept the team's procedures manual up to date after each audit.",
)  # fmt: skip
#: Items for the "Training" section of long resumes.
TRAINING = (
    "Project management fundamentals (PRINCE2 Foundation)",
    "Negotiation skills workshop, two days",
    "Data visualisation with Power BI",
    "Leading teams through change",
    "Mental health first aid",
    "Presenting with impact",
    "GDPR for practitioners",
    "Budgeting for non-finance managers",
    "Coaching skills for managers",
    "Accessibility essentials (WCAG)",
    "Agile ways of working",
    "Writing for the web",
)
#: Talks and articles for long social-media resumes.
TALKS = (
    "Speaker, Social Media Week: 'Care is the new campaign: what complaints teach brands'",
    "Article, industry newsletter: 'Why we stopped reporting follower counts'",
    "Panel, regional marketing summit: 'Budgeting for social when everything is measurable'",
    "Workshop lead: 'Writing replies that calm angry customers', for a retail association",
    "Guest lecture on social listening for a university marketing course",
    "Podcast guest: 'Building a social team from scratch'",
    "Webinar host: 'Crisis communications in the first sixty minutes'",
    "Case study co-author with a listening tool vendor on reducing repeat contacts",
)
#: Second sentences that make bullets of longer resumes wordier.
ELABORATIONS = (
    "This meant agreeing priorities with {k} stakeholders and reporting progress every month.",
    "The approach was adopted by two other teams the following year.",
    "I documented the process so that it kept running after I moved on.",
    "Results were reviewed with my manager each quarter and fed into the next year's plan.",
    "It involved close work with colleagues in finance, operations and legal.",
    "The change took about {m} months from first proposal to full roll-out.",
    "Feedback from the people affected shaped the second version.",
    "We kept the budget flat while doing it.",
    "Along the way I trained {k} colleagues to carry on the work.",
    "Senior leadership later used it as an example in the annual review.",
    "The first version failed, and what we learned from it shaped the second.",
    "I presented the outcome at the regional managers' meeting.",
    "It became part of the standard induction for new joiners.",
    "The work continued through a hiring freeze with no extra headcount.",
    "I wrote the business case and secured sign-off from the department head.",
    "Quality checks were added at each step after an early mistake.",
    "We measured the effect over {m} months before calling it a success.",
    "The same method was later reused for a second site.",
    "This cut the time spent on routine checks by about {pct}%.",
    "It required weekly check-ins with an external supplier.",
    "I handed it over with a written guide when I changed roles.",
    "Customers noticed: complaints on the topic fell by {pct}%.",
)
VOLUNTEERING: tuple[tuple[str, str, str], ...] = (
    (
        "Volunteer Coordinator",
        "Community Food Bank",
        "Coordinate a rota of {k} volunteers on Saturdays.",
    ),
    (
        "Mentor",
        "Youth Careers Network",
        "Mentor two school leavers a year through their first job search.",
    ),
    (
        "Treasurer",
        "Riverside Rowing Club",
        "Keep the club accounts and present them at the annual meeting.",
    ),
    ("Board Member", "Neighbourhood Housing Association", "Chair the tenants' panel."),
    ("Coach", "Sunday League Football", "Coach an under-12 team and organise away fixtures."),
)


@dataclass(frozen=True)
class Profession:
    """A job family: titles, employers, bullet templates and skills."""

    key: str
    intent: str  # strategic | consumer | off_target (the generator's intent, not a label)
    headlines: tuple[str, ...]
    titles: tuple[str, ...]  # most senior first
    industries: tuple[str, ...]
    bullets: tuple[str, ...]
    skills: tuple[str, ...]
    degrees: tuple[str, ...]
    summaries: tuple[str, ...]
    certifications: tuple[str, ...] = ()
    junior: str | None = None  # profession whose bullets early-career jobs draw on


PROFESSIONS: tuple[Profession, ...] = (
    Profession(
        key="social_strategist",
        intent="strategic",
        headlines=(
            "Head of Social Media",
            "Social Media Manager",
            "Social & Community Lead",
            "Digital Engagement Manager",
            "Senior Social Media Strategist",
        ),
        titles=(
            "Head of Social Media",
            "Senior Social Media Manager",
            "Social Media Manager",
            "Community Manager",
            "Social Media Executive",
            "Marketing Assistant",
        ),
        industries=("Hotels", "Mobile", "Bank", "Foods", "Retail Group", "Health", "Energy"),
        bullets=(
            "Own the social strategy for {org}, with channel targets agreed each quarter with sales and finance.",  # noqa: E501
            "Manage a {money} annual paid social budget across Meta and {platform}; cut cost per acquisition by {pct}%.",  # noqa: E501
            "Built the social care process with customer service: {tool} inbox, {h}-hour response target, escalation for complaints.",  # noqa: E501
            "Led the crisis response during a product recall: holding statements, hourly updates, {n} messages answered in three days.",  # noqa: E501
            "Designed the monthly dashboard in Looker Studio combining {tool} listening data, GA4 and CRM conversions.",  # noqa: E501
            "Ran audience research ({n} survey responses, 12 interviews) and rebuilt content pillars around what customers worry about.",  # noqa: E501
            "Wrote the brand voice guide and trained {k} regional marketers to use it.",
            "A/B tested creative and copy on {platform}; the winning formats lifted click-through by {pct}%.",  # noqa: E501
            "Set up social listening in {tool} and a weekly insight note read by the executive team.",  # noqa: E501
            "Lead a team of {k} community managers and two agency partners.",
            "Introduced a moderation policy for abusive comments and trained staff to escalate safety issues.",  # noqa: E501
            "Launched a creator partnership programme with {k} creators; tracked sales with discount codes and UTM links.",  # noqa: E501
            "Moved reporting from vanity metrics to assisted revenue; social now reports against a {money} pipeline target.",  # noqa: E501
            "Planned the editorial calendar with PR, product and HR so that launches, hiring and news land together.",  # noqa: E501
            "Used the {tool} API and a small Python script to tag conversations by topic for the care team.",  # noqa: E501
            "Cut average first response time on {platform} from {h2} hours to {h} hours.",
            "Presented quarterly results and the next quarter's plan to the marketing director.",
            "Negotiated annual contracts with {tool} and an influencer agency, saving {pct}% on the previous year.",  # noqa: E501
            "Built segments from CRM data for retargeting and lookalike audiences.",
            "Worked with the data team on attribution; social-assisted conversions rose {pct}% year on year.",  # noqa: E501
            "Ran a sentiment tracker during a price increase and adjusted replies by customer segment.",  # noqa: E501
            "Wrote and ran the {platform} launch campaign for a new product line ({n} sign-ups in six weeks).",  # noqa: E501
            "Set KPIs for each channel and retired two channels that did not serve business goals.",
            "Partnered with customer service to turn recurring complaints into FAQ content, reducing contacts by {pct}%.",  # noqa: E501
            "Managed {k} freelancers and approved all paid creative.",
            "Briefed and managed the agency producing video content for {platform}.",
            "Tested posting cadence and formats; moved budget to short video after a six-week test.",  # noqa: E501
            "Built an employee advocacy programme on LinkedIn with {n} staff taking part.",
        ),
        skills=(
            "Sprout Social",
            "Brandwatch",
            "Meta Ads Manager",
            "GA4",
            "Looker Studio",
            "HubSpot",
            "Salesforce",
            "SQL",
            "Canva",
            "Adobe Premiere",
            "Budget planning",
            "Crisis communications",
            "Stakeholder management",
            "A/B testing",
            "Social listening",
        ),
        degrees=(
            "BA Marketing",
            "BA Communications",
            "MSc Digital Marketing",
            "BA Psychology",
            "BSc Business Administration",
            "BA Journalism",
        ),
        summaries=(
            "Social media manager who ties channels to business numbers: revenue, retention and cost to serve.",  # noqa: E501
            "I plan, run and measure social programmes for consumer brands, and I answer for what they deliver.",  # noqa: E501
            "Ten years between marketing, customer care and data; I build social teams that customers trust.",  # noqa: E501
        ),
        certifications=(
            "Meta Certified Media Buying Professional",
            "Google Analytics 4 Certification",
            "Hootsuite Social Marketing Certification",
            "Brandwatch Consumer Research Certification",
        ),
        junior="social_coordinator",
    ),
    Profession(
        key="social_coordinator",
        intent="consumer",
        headlines=("Social Media Coordinator", "Social Media Assistant", "Content Coordinator"),
        titles=(
            "Social Media Coordinator",
            "Social Media Assistant",
            "Marketing Intern",
            "Sales Assistant",
            "Receptionist",
        ),
        industries=("Retail Group", "Foods", "Hotels", "Fitness", "Studios"),
        bullets=(
            "Schedule posts in {tool} from the content calendar prepared by the marketing manager.",
            "Resize approved images in Canva for each platform.",
            "Upload captions written and signed off by the brand team.",
            "Forward comments and complaints to the customer service inbox.",
            "Download the weekly {tool} export for the manager's report.",
            "Take behind-the-scenes photos at events for {platform} Stories.",
            "Keep the shared asset folder organised.",
            "Post the weekly offer on {platform} every Monday at 9 am.",
            "Check that links in posts work before they go live.",
            "Help at the stand during trade shows and collect visitor emails.",
            "Answer the phone and pass messages to the right person.",
            "Tidy the stockroom and help customers find products.",
            "Update the team's posting checklist in the shared drive.",
            "Reply to simple questions in comments using the approved answers.",
            "Collect photos from store managers for the weekly post.",
            "Add alt text to images following the guide from the marketing team.",
        ),
        skills=(
            "Hootsuite",
            "Later",
            "Canva",
            "Meta Business Suite",
            "Microsoft Office",
            "Instagram",
            "TikTok",
            "Content calendars",
            "Brand voice",
            "Social media strategy",
            "Analytics",
        ),
        degrees=("BA Media Studies", "BA Communications", "Diploma in Marketing", "BA English"),
        summaries=(
            "Organised coordinator who keeps a busy posting schedule on track.",
            "Creative and reliable, comfortable with all the main social platforms.",
        ),
    ),
    Profession(
        key="creator",
        intent="consumer",
        headlines=(
            "Content Creator | Digital Native",
            "Social Media Enthusiast",
            "Aspiring Influencer",
        ),
        titles=("Content Creator", "Barista", "Sales Associate", "Shift Supervisor", "Tutor"),
        industries=("Coffee Co.", "Apparel", "Cinemas", "Foods", "Tutoring"),
        bullets=(
            "Post {k} videos a week on my own {platform} account ({n} followers).",
            "Grew my personal {platform} page to {n} followers in two years.",
            "One of my videos reached {n} views.",
            "Edit all my videos on my phone in CapCut.",
            "Got free products from {k} local brands in exchange for posts.",
            "Know every trend on {platform} before it goes mainstream.",
            "Made drinks and ran the register during the morning rush.",
            "Took photos for the shop's {platform} when the owner asked.",
            "Helped customers find sizes and restocked the floor.",
            "Opened and closed the store and counted the till.",
            "Ran the group chat's meme page for fun.",
            "Posted photos from our club's matches on the club {platform} account.",
            "Tutored secondary school students in maths and English.",
            "Trained new starters on the coffee machine.",
        ),
        skills=(
            "TikTok",
            "Instagram",
            "Snapchat",
            "YouTube Shorts",
            "CapCut",
            "Canva",
            "Trend spotting",
            "Creativity",
            "Social media strategy",
            "Brand partnerships",
        ),
        degrees=(
            "High School Diploma",
            "Associate of Arts (in progress)",
            "BA Media (in progress)",
        ),
        summaries=(
            "Digital native with {n} followers who lives on social media.",
            "Avid social media user looking for my first job in social media.",
        ),
    ),
    Profession(
        key="accountant",
        intent="off_target",
        headlines=("Senior Accountant", "Chartered Accountant", "Financial Controller"),
        titles=(
            "Financial Controller",
            "Senior Accountant",
            "Accountant",
            "Accounts Assistant",
            "Audit Associate",
        ),
        industries=("Components", "Logistics", "Foods", "Energy", "Properties"),
        bullets=(
            "Own month-end and year-end close for {k} entities and group consolidation (IFRS).",
            "Shortened the monthly close from {h2} to {h} working days.",
            "Prepare VAT returns and the annual tax computation.",
            "Main contact for the external auditors.",
            "Built working-capital reports in Excel and Power BI for the CFO.",
            "Accounts payable and receivable, bank reconciliations and fixed-asset register.",
            "Led the migration from Sage to SAP S/4HANA.",
            "Prepared budgets and forecasts with {k} department heads.",
            "Reviewed expense claims and tightened the approval policy.",
            "Reconciled intercompany balances across {k} currencies.",
            "Prepared management accounts and variance commentary every month.",
            "Supported due diligence for the acquisition of a {money} business.",
        ),
        skills=("SAP", "Excel", "Power BI", "IFRS", "VAT", "Sage", "Consolidation", "Audit"),
        degrees=("BSc Accounting and Finance", "MSc Accounting", "BCom Accounting"),
        summaries=("Accountant with a record of fast, accurate closes and clean audits.",),
        certifications=("ACCA", "CPA", "CIMA"),
    ),
    Profession(
        key="nurse",
        intent="off_target",
        headlines=("Registered Nurse", "Charge Nurse", "Clinical Nurse Specialist"),
        titles=("Charge Nurse", "Senior Staff Nurse", "Staff Nurse", "Healthcare Assistant"),
        industries=("Hospital", "Health", "Care Homes", "Clinic"),
        bullets=(
            "Coordinate care for a {k}-bed acute medical ward on day and night shifts.",
            "Administer medication and monitor patients after surgery.",
            "Mentor student nurses and newly qualified staff.",
            "Led the ward's falls-prevention audit; falls fell by {pct}%.",
            "Triage patients in the emergency department.",
            "Educate patients and families about discharge plans.",
            "Maintain accurate electronic records in Epic.",
            "Took part in the hospital's sepsis screening project.",
            "Managed staffing rotas for a team of {k} nurses.",
            "Worked with physiotherapists and social workers on complex discharges.",
        ),
        skills=("Patient assessment", "Medication administration", "Epic", "Wound care", "BLS"),
        degrees=("BSc Nursing", "Diploma in Nursing"),
        summaries=("Compassionate registered nurse with acute medical and emergency experience.",),
        certifications=("Advanced Life Support", "Basic Life Support"),
    ),
    Profession(
        key="welder",
        intent="off_target",
        headlines=("Certified Welder", "Welder Fabricator", "Pipe Welder"),
        titles=("Lead Welder", "Welder Fabricator", "Welder", "Apprentice Welder"),
        industries=("Fabrication", "Shipyards", "Steel", "Engineering"),
        bullets=(
            "MIG, TIG and stick welding of structural steel and stainless pipe.",
            "Read and interpret engineering drawings and weld procedure specifications.",
            "Fabricated {k} pressure vessels to code with zero rejected welds.",
            "Set up and maintain welding equipment and report defects.",
            "Trained {k} apprentices in safe workshop practice.",
            "Inspect welds visually and prepare parts for NDT.",
            "Follow lock-out/tag-out and hot-work permit procedures.",
            "Worked offshore rotations on platform maintenance.",
        ),
        skills=("MIG", "TIG", "SMAW", "Blueprint reading", "Forklift licence", "Grinding"),
        degrees=("Level 3 Diploma in Fabrication and Welding", "Trade Certificate, Welding"),
        summaries=("Welder with {k} years of structural and pipe work, safety first.",),
        certifications=("AWS D1.1", "ISO 9606-1"),
    ),
    Profession(
        key="software_engineer",
        intent="off_target",
        headlines=("Software Engineer", "Backend Developer", "Senior Software Engineer"),
        titles=(
            "Senior Software Engineer",
            "Software Engineer",
            "Junior Developer",
            "Software Engineering Intern",
        ),
        industries=("Labs", "Systems", "Software", "Payments", "Logistics"),
        bullets=(
            "Build and run backend services in Go and Python on Kubernetes.",
            "Cut p95 latency of the payments API by {pct}%.",
            "Designed the event pipeline on Kafka handling {n} messages a day.",
            "Wrote integration tests and raised coverage to {pct}%.",
            "On-call for {k} services; wrote the incident runbooks.",
            "Migrated the monolith's billing module to a separate service.",
            "Reviewed code and mentored {k} junior engineers.",
            "Built internal tooling for deployments with GitHub Actions.",
            "Optimised PostgreSQL queries and added indexes for reporting jobs.",
        ),
        skills=("Python", "Go", "PostgreSQL", "Kubernetes", "Kafka", "AWS", "Terraform", "Git"),
        degrees=("BSc Computer Science", "MEng Software Engineering", "BSc Mathematics"),
        summaries=("Backend engineer who likes boring, reliable systems.",),
    ),
    Profession(
        key="teacher",
        intent="off_target",
        headlines=("Secondary School Teacher", "Mathematics Teacher", "Head of Year"),
        titles=("Head of Year", "Mathematics Teacher", "Teacher", "Teaching Assistant"),
        industries=("Academy", "School", "College"),
        bullets=(
            "Teach mathematics to {k} classes from Year 7 to Year 13.",
            "Raised the pass rate in final exams by {pct} percentage points.",
            "Lead pastoral care for {n} students in Year 10.",
            "Plan lessons and marking schemes with the department.",
            "Run the after-school chess club.",
            "Meet parents each term to discuss progress.",
            "Coordinated the school trip to the science museum.",
            "Supported students with special educational needs in class.",
        ),
        skills=("Lesson planning", "Classroom management", "Safeguarding", "Assessment"),
        degrees=("BSc Mathematics", "PGCE Secondary Mathematics", "BEd"),
        summaries=("Mathematics teacher who believes every student can get there.",),
    ),
)
#: Relative frequency of each profession in the corpus.
PROFESSION_WEIGHTS = (0.32, 0.16, 0.12, 0.08, 0.08, 0.07, 0.09, 0.08)
#: Producers: (kind, layout or style) with weights.
PRODUCERS: tuple[tuple[str, str, float], ...] = (
    ("pdf", "classic", 0.20),
    ("pdf", "sidebar_left", 0.10),
    ("pdf", "sidebar_right", 0.08),
    ("pdf", "two_column", 0.10),
    ("pdf", "header_split", 0.12),
    ("docx", "headings", 0.12),
    ("docx", "bold", 0.08),
    ("docx", "table", 0.08),
    ("docx", "header", 0.06),
    ("docx", "textbox", 0.06),
)
#: Chance that a bullet gets a second sentence, by length class.
ELABORATE = {"short": 0.0, "medium": 0.3, "long": 0.9}
#: Resume length classes: (weight, jobs range, bullets-per-job range).
LENGTHS: dict[str, tuple[float, tuple[int, int], tuple[int, int]]] = {
    "short": (0.40, (2, 3), (3, 6)),
    "medium": (0.35, (3, 5), (5, 7)),
    "long": (0.25, (5, 7), (9, 12)),
}


def _render() -> ModuleType:
    """Import ``scripts.render`` whether run as a script or imported."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("scripts.render")


def _profession(key: str) -> Profession:
    """The profession with this key."""
    return next(p for p in PROFESSIONS if p.key == key)


def _fill(template: str, rng: random.Random, org: str) -> str:
    """Fill the ``{slot}`` placeholders of a bullet template."""
    money = rng.choice(("EUR", "USD", "GBP", "CAD")) + f" {rng.randrange(40, 900, 10)}k"
    h = rng.randint(1, 6)
    return template.format(
        n=f"{rng.choice((1, 2, 4, 8, 12, 25, 48, 120)) * rng.randint(100, 999):,}",
        k=rng.randint(2, 14),
        m=rng.randint(2, 9),
        pct=rng.randint(8, 46),
        h=h,
        h2=h + rng.randint(3, 10),
        money=money,
        tool=rng.choice(SOCIAL_TOOLS),
        platform=rng.choice(PLATFORMS),
        org=org,
    )


def _org(rng: random.Random, prof: Profession) -> str:
    """A fictional employer name."""
    return f"{rng.choice(ORG_HEADS)} {rng.choice(prof.industries)}"


def _dates(rng: random.Random, n_jobs: int) -> list[str]:
    """Date ranges for ``n_jobs`` consecutive jobs, most recent first."""
    end_year, end_month = 2024, rng.randint(1, 12)
    spans: list[str] = []
    for i in range(n_jobs):
        months = rng.randint(10, 60)
        start_total = end_year * 12 + end_month - 1 - months
        sy, sm = divmod(start_total, 12)
        end = "Present" if i == 0 else f"{MONTHS[end_month - 1]} {end_year}"
        spans.append(f"{MONTHS[sm]} {sy} - {end}")
        gap = rng.randint(0, 3)
        end_year, end_month = divmod(start_total - gap, 12)
        end_month += 1
    return spans


def make_resume(rng: random.Random, prof: Profession | None = None) -> dict[str, Any]:
    """Generate one resume object (the ``resume`` part of the JSON format)."""
    if prof is None:
        prof = rng.choices(PROFESSIONS, weights=PROFESSION_WEIGHTS)[0]
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    length = rng.choices(list(LENGTHS), weights=[v[0] for v in LENGTHS.values()])[0]
    _, jobs_range, bullets_range = LENGTHS[length]
    n_jobs = rng.randint(*jobs_range)
    pool = list(prof.bullets) + list(GENERIC_BULLETS)
    rng.shuffle(pool)
    junior = list(_profession(prof.junior).bullets) if prof.junior else []
    rng.shuffle(junior)
    extras = rng.sample(ELABORATIONS, len(ELABORATIONS))
    start_title = rng.randint(0, max(0, len(prof.titles) - n_jobs))
    entries: list[dict[str, Any]] = []
    for i, dates in enumerate(_dates(rng, n_jobs)):
        org = _org(rng, prof)
        n_bullets = max(1, rng.randint(*bullets_range) - i // 2)  # older jobs: fewer bullets
        bullets = []
        sources = [junior, pool] if i >= 2 else [pool]  # early jobs: junior-level work first
        for _ in range(n_bullets):
            source = next((src for src in sources if src), None)
            if source is None:  # never repeat a bullet within one resume
                break
            bullet = _fill(source.pop(), rng, org)
            if extras and rng.random() < ELABORATE[length]:
                bullet += " " + _fill(extras.pop(), rng, org)
            bullets.append(bullet)
        title = prof.titles[min(start_title + i, len(prof.titles) - 1)]
        entries.append(
            {
                "title": title,
                "org": org,
                "location": rng.choice(PLACES).split(",")[0],
                "dates": dates,
                "bullets": bullets,
            }
        )
    grad = int(entries[-1]["dates"].split(" - ")[0].split()[1])
    sections: list[dict[str, Any]] = [
        {"title": rng.choice(SECTION_TITLES["experience"]), "entries": entries},
        {
            "title": rng.choice(SECTION_TITLES["education"]),
            "entries": [
                {
                    "title": rng.choice(prof.degrees),
                    "org": f"University of {rng.choice(PLACES).split(',')[0]}",
                    "dates": f"{grad - rng.randint(3, 4)} - {grad}",
                }
            ],
        },
        {
            "title": rng.choice(SECTION_TITLES["skills"]),
            "items": rng.sample(prof.skills, k=min(len(prof.skills), rng.randint(4, 10))),
        },
    ]
    if prof.certifications and rng.random() < 0.4:
        certs = rng.sample(prof.certifications, k=rng.randint(1, len(prof.certifications)))
        sections.append({"title": rng.choice(SECTION_TITLES["certifications"]), "items": certs})
    if rng.random() < 0.5:
        langs = rng.sample(LANGUAGES, k=rng.randint(1, 3))
        sections.append({"title": "Languages", "items": langs})
    if length != "short" and rng.random() < 0.6:
        vol = rng.sample(VOLUNTEERING, k=rng.randint(1, 2))
        sections.insert(
            1,
            {
                "title": rng.choice(SECTION_TITLES["volunteering"]),
                "entries": [
                    {
                        "title": title,
                        "org": org,
                        "dates": f"{2012 + rng.randint(0, 8)} - Present",
                        "bullets": [_fill(text, rng, org)],
                    }
                    for title, org, text in vol
                ],
            },
        )
    if length == "long":
        leftovers = [_fill(b, rng, "") for b in pool[: rng.randint(2, 5)]]
        if len(leftovers) >= 2 and prof.intent != "off_target":
            half = len(leftovers) // 2
            projects = [
                {"title": "Internal project", "org": "", "bullets": leftovers[:half]},
                {"title": "Cross-team initiative", "org": "", "bullets": leftovers[half:]},
            ]
            sections.insert(1, {"title": "Selected Projects", "entries": projects})
        if prof.key == "social_strategist":
            talks = rng.sample(TALKS, k=rng.randint(3, 6))
            sections.append({"title": "Talks & Publications", "items": talks})
        courses = rng.sample(TRAINING, k=rng.randint(4, 8))
        sections.append({"title": "Training", "items": courses})
    if rng.random() < 0.4:
        sections.append(
            {"title": rng.choice(SECTION_TITLES["interests"]), "text": rng.choice(INTERESTS)}
        )
    slug = f"{first}-{last}".lower().replace(" ", "")
    resume: dict[str, Any] = {
        "name": f"{first} {last}",
        "headline": rng.choice(prof.headlines),
        "contact": {
            "email": f"{slug}@example.com",
            "phone": f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "location": rng.choice(PLACES),
            "links": [f"linkedin.com/in/{slug}-{rng.randint(10, 99)}"],
        },
        "sections": sections,
    }
    if rng.random() < 0.8:
        resume["summary"] = _fill(rng.choice(prof.summaries), rng, "")
    return resume


def _trim(resume: dict[str, Any]) -> bool:
    """Shorten a resume by one step (drop the last bullet of the longest job)."""
    entries = resume["sections"][0]["entries"]
    longest = max(entries, key=lambda e: len(e["bullets"]))
    if len(longest["bullets"]) > 1:
        longest["bullets"].pop()
        return True
    if len(entries) > 1:
        entries.pop()
        return True
    return False


def make_corpus(
    n: int, out_dir: str | Path, seed: int = 0, *, manifest: str | Path | None = None
) -> list[Path]:
    """Write ``n`` synthetic resumes into ``out_dir`` and return their paths.

    Each resume is seeded from ``(seed, index)``, so a corpus of ``n`` files is
    a prefix of a larger one made with the same seed. PDFs are re-rendered
    shorter if they would exceed three pages. ``out_dir`` receives only the
    resume files; if ``manifest`` is given, a TSV written there lists file,
    producer, profession, intent, pages (PDF only) and word count.
    """
    render = _render()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    rows = ["file\tproducer\tprofession\tintent\tpages\twords"]
    for i in range(n):
        rng = random.Random(f"screener-bench-{seed}-{i}")
        prof = rng.choices(PROFESSIONS, weights=PROFESSION_WEIGHTS)[0]
        resume = make_resume(rng, prof)
        kind, variant, _ = rng.choices(PRODUCERS, weights=[p[2] for p in PRODUCERS])[0]
        pages = ""
        if kind == "pdf":
            font = rng.choices(("helvetica", "times", "vera"), weights=(0.5, 0.25, 0.25))[0]
            paper = rng.choices(("A4", "letter"), weights=(0.6, 0.4))[0]
            path = out / f"resume-{i:05d}.pdf"
            data = render.pdf_bytes(resume, variant, font=font, paper=paper)
            while render.count_pdf_pages(data) > MAX_PAGES and _trim(resume):
                data = render.pdf_bytes(resume, variant, font=font, paper=paper)
            path.write_bytes(data)
            pages = str(render.count_pdf_pages(data))
            producer = f"reportlab_{variant}_{font}_{paper}"
        else:
            path = out / f"resume-{i:05d}.docx"
            render.to_docx(resume, path, style=variant)
            producer = f"docx_{variant}"
        words = len(render.to_text(resume).split())
        rows.append(f"{path.name}\t{producer}\t{prof.key}\t{prof.intent}\t{pages}\t{words}")
        paths.append(path)
    if manifest is not None:
        Path(manifest).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python benchmarks/corpus.py N OUT_DIR``."""
    parser = argparse.ArgumentParser(description="Write N synthetic resumes for benchmarks.")
    parser.add_argument("n", type=int, help="number of resumes")
    parser.add_argument("out_dir", type=Path, help="output folder")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--manifest", type=Path, help="also write a TSV describing each file")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    paths = make_corpus(args.n, args.out_dir, seed=args.seed, manifest=args.manifest)
    print(f"wrote {len(paths)} resumes to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
