"""Heading vocabulary: which section kind a heading's words name.

``heading_kind`` maps a heading to a canonical kind from an exact synonym
(``Work History``, ``Core Competencies``, ``What I've done``, also in a few
other languages, accents folded: ``Experiência Profissional``), a compound of
synonyms (``Certifications & Activities`` takes the kind of its first part),
a one-letter misspelling of a synonym (``Experiance``), or a keyword
(``...experience``, ``...skills``) unless the words read like a job title
(``Customer Experience Manager``), or failing all that the same without a
trailing parenthesis (``Opdrachten (selectie)``).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

__all__ = ["INLINE_KINDS", "ROLE_WORDS", "fold", "heading_kind"]

_SYNONYMS: dict[str, str] = {}
for _kind, _names in {
    "experience": "experience|work experience|professional experience|work history|employment|"
    "employment history|career|career history|positions held|what i've done|where i've worked|"
    "relevant experience|work|experience highlights|professional background|internships|"
    "apprenticeship|apprenticeships|"
    "roles|jobs|what i have done|what i did|what i do|where i have worked|my experience|my work|"
    "work & experience|career so far|track record|professional history|freelance work|"
    "freelance|agency work|experiencia profesional|experiencia laboral|experiencia|"
    "experiencia profissional|experiencia profesional|experience professionnelle|things i did|"
    "what i do now|what i do|before|before that|earlier|earlier roles|earlier career|"
    "previous roles|previous experience|my journey|journey|parcours|rotations|"
    "graduate program rotations|responsibilities|key responsibilities|duties|main duties|"
    "teaching|consulting|assignments|engagements|selected roles|"
    "academic appointments|appointments|academic positions|academic employment|"
    "professional appointments|university appointments|"
    "berufserfahrung|esperienza professionale|esperienze lavorative|werkervaring|"
    "werkervaring|erfarenhet|doswiadczenie zawodowe|parcours professionnel|opdrachten|"
    "client work|clients|selected clients|key clients|contract work|contracts|"
    "beruflicher werdegang|werdegang|berufliche erfahrung|berufliche laufbahn|berufspraxis|"
    "praktika|praktikum|experiences professionnelles|experiences|trayectoria profesional|"
    "esperienza lavorativa|esperienze professionali|historial laboral|loopbaan|"
    "pengalaman|pengalaman kerja|pengalaman pekerjaan|riwayat pekerjaan|pengalaman profesional",
    "skills": "skills|core competencies|competencies|toolkit|key skills|areas of expertise|"
    "technical skills|what i use|expertise|tools|tools & platforms|skills & tools|"
    "capabilities|strengths|technologies|tech stack|skill set|skillset|habilidades|"
    "competencias|competencias|competences|kenntnisse|competenze|vaardigheden|ferramentas|"
    "herramientas|outils|tools used|software|things i use|systems|toolbox|stack|"
    "computer literacy|computer skills|it skills|software skills|technical|can use|"
    "things i'm good at|what i bring|platforms|platforms & tools|tools i use|gereedschap|"
    "werkzeuge|herramientas digitales|fahigkeiten|kompetenzen|edv-kenntnisse|it-kenntnisse|"
    "keahlian|keterampilan|kemahiran|kemampuan",
    "summary": "summary|profile|personal statement|about|about me|professional summary|"
    "career summary|objective|career objective|overview|professional profile|introduction|"
    "perfil|profil|resumo|resumen|sobre mim|sobre mi|a propos|kurzprofil|profilo|"
    "ringkasan|ringkasan profil|tentang saya|profil singkat",
    "volunteering": "volunteering|voluntary work|volunteer|volunteer experience|"
    "leadership & activities|leadership and activities|activities|extracurricular activities|"
    "community involvement|community service|extracurriculars|leadership|"
    "leadership experience|campus involvement|student activities|societies|clubs & societies|"
    "national service|nysc|voluntariado|benevolat|ehrenamt|organisasi|"
    "pengalaman organisasi|kegiatan",
    "projects": "projects|selected projects|content creation|portfolio|selected work|"
    "case studies|personal projects|side projects|projekte|projets|proyectos|projetos|"
    "progetti|projecten|proyek|projek",
    "education": "education|educational attainment|academic background|qualifications|"
    "education & training|academic qualifications|educational qualifications|studies|"
    "formacao|formacion|formation|ausbildung|istruzione|opleiding|educacion|educacao|"
    "formacao academica|formacion academica|estudios|edu|school|schooling|"
    "studium|schulbildung|bildungsweg|akademischer werdegang|etudes|opleidingen|"
    "pendidikan|riwayat pendidikan|kelayakan akademik",
    "certifications": "certifications|certificates|licenses|licences|courses|training|"
    "professional development|certifications & activities|professional qualifications|"
    "seminars and trainings attended|accreditations|licensure|sertifikasi|sertifikat|"
    "pelatihan|kursus",
    "publications": "publications|writing|articles|talks|speaking|press|patents|books",
    "awards": "awards|honours|honors|achievements|awards & honours|recognition|"
    "accomplishments|key achievements|selected results|results|my numbers|highlights|"
    "penghargaan|prestasi|pencapaian",
    "interests": "interests|hobbies|hobbies & interests|personal interests|outside work|"
    "pastimes|passions|intereses|interesses|centres d'interet|hobbys|interessen|minat|hobi",
    "languages": "languages|languages known|language skills|idiomas|langues|sprachen|lingue|"
    "talen|linguas|bahasa|kemampuan bahasa",
    "references": "references|referees|character references|referencias|referencias|"
    "referensi|rujukan",
    "contact": "contact|contact details|personal details|personal information|personal data|"
    "details|personal particulars|personal|kontak|data pribadi|maklumat peribadi",
    "other": "declaration|additional information|miscellaneous|other|board memberships|"
    "memberships|affiliations|board & community|self evaluation|expected salary|also|"
    "memberships & speaking|additional",
}.items():
    for _name in _names.split("|"):
        _SYNONYMS[re.sub(r"[^a-z]", "", _name)] = _kind

_BY_INITIAL: dict[str, list[str]] = {}
for _key in _SYNONYMS:
    _BY_INITIAL.setdefault(_key[:1], []).append(_key)
_KEYWORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), k)
    for p, k in [
        (r"personal (details|data|information)|contact", "contact"),
        (r"summary|profile|about me|objective|personal statement", "summary"),
        (
            r"volunteer|voluntary|extracurricular|community (involvement|service)|leadership|"
            r"activities",
            "volunteering",
        ),
        (
            r"experience|employment|work history|career|positions|\bwork\b|freelance|experienc|"
            r"\broles\b|appointments",
            "experience",
        ),
        (r"project|portfolio", "projects"),
        (r"skill|competenc|expertise|toolkit|proficienc", "skills"),
        (r"education|academic|degree", "education"),
        (r"certif|licen[cs]e|training|course", "certifications"),
        (r"publication", "publications"),
        (r"award|honou?r|achievement", "awards"),
        (r"interest|hobb", "interests"),
        (r"language", "languages"),
        (r"referee|reference", "references"),
    ]
]
ROLE_WORDS = re.compile(
    r"\b(manager|lead|specialist|coordinator|director|executive|officer|assistant|intern|"
    r"analyst|head|associate|consultant|designer|agent|representative|strategist|editor)\b"
)
#: An organisation's name ends with one of these: a keyword in it names no section.
ORG_END = re.compile(
    r"\b(trust|foundation|institute|institution|centre|center|society|association|council|"
    r"fund|college|school|academy|university|agency|company|network|alliance|forum|ltd|inc|"
    r"llc|plc|gmbh)\W*$"
)
INLINE_KINDS = frozenset({"skills", "languages", "interests", "certifications", "education",
                     "summary", "references", "awards"})  # fmt: skip


def _split_compound(text: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:&|\band\b|/|\+|,)\s*", text) if p]


def fold(text: str) -> str:
    """Lower case without accents (``Experiência`` -> ``experiencia``)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8192)  # pure; the same headings recur in every resume
def heading_kind(text: str) -> tuple[str | None, bool]:
    """Return ``(kind, exact)`` for a heading text, or ``(None, False)``.

    ``exact`` is True when the text is a listed synonym (or a compound of
    them, or a one-letter misspelling of one such as ``Experiance``), False
    when only a keyword matched. When the whole text names no kind, a
    trailing parenthesis is dropped and the rest tried (``Opdrachten
    (selectie)``); ``Rugby club (volunteer)`` keeps its parenthesis' kind.
    """
    low = fold(text).strip()
    found = _kind(low)
    if found[0] is None:
        bare = re.sub(r"\s*\([^()]*\)$", "", low)
        if bare and bare != low:
            return _kind(bare)
    return found


def _kind(low: str) -> tuple[str | None, bool]:
    compact = re.sub(r"[^a-z]", "", low)
    if compact in _SYNONYMS:
        return _SYNONYMS[compact], True
    if 7 <= len(compact) <= 30 and len(low.split()) <= 3:
        near = [k for k in _BY_INITIAL.get(compact[0], ()) if abs(len(k) - len(compact)) <= 2]
        close = difflib.get_close_matches(compact, near, n=1, cutoff=0.88)
        if close:
            return _SYNONYMS[close[0]], True
    spaced = re.sub(r"[^a-z&/+,' ]", "", low)
    parts = [(part, _SYNONYMS.get(re.sub(r"[^a-z]", "", part))) for part in _split_compound(spaced)]
    if any(kind is None and ROLE_WORDS.search(part) for part, kind in parts):
        return None, False  # "Press & Public Relations Manager" is a job title
    for _part, kind in parts:
        if kind:
            return kind, True
    if ROLE_WORDS.search(low) or "," in low or ORG_END.search(low):
        return None, False  # a job title, or "Girls' Education Trust, Kolkata"
    for pattern, kind in _KEYWORDS:
        if pattern.search(low):
            return kind, False
    return None, False
