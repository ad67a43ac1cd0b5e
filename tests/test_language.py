"""screener.language: English, or which other language or script."""

from __future__ import annotations

import pytest

from screener.language import written_language

ENGLISH_RESUME = (
    "Experience\nSocial Media Manager, Kafe Oy, Helsinki, 2019 - 2024\n"
    "- Led 4 designers; IG, TikTok, LinkedIn. KPIs +20% YoY, CAC -31%.\n"
    "- Chicago, IL office: e-mail and e-commerce campaigns, DEM/REP voter guides, UN and AU "
    "partners, Mac OS and NAS admin, per-post budgets, no ads on Sundays, do-not-reply inbox.\n"
)
FRENCH = (
    "Expérience\nResponsable des réseaux sociaux, Mairie de Lyon, 2019 - aujourd'hui\n"
    "- Gestion de la communauté sur Facebook et Instagram, avec une équipe de trois personnes "
    "et un budget de 40 000 euros pour les campagnes.\n"
    "- Réponse aux plaintes des usagers dans les commentaires, avec des règles claires pour "
    "les cas sensibles et une procédure qui a réduit le délai de réponse.\n"
    "- Rapport mensuel sur la portée et les interactions pour la direction, ainsi que des "
    "recommandations pour le trimestre suivant.\n"
)
SPANISH = (
    "Experiencia\nCommunity Manager, Ayuntamiento de Sevilla, 2020 - actualidad\n"
    "- Gestión de las redes sociales del ayuntamiento con un equipo de tres personas y "
    "un presupuesto de 30.000 euros para las campañas.\n"
    "- Respuesta a las quejas de los vecinos en los comentarios, con reglas claras para "
    "los casos sensibles y una reducción del tiempo de respuesta desde dos días a tres horas.\n"
    "- Informe mensual sobre el alcance y la interacción para la dirección, con "
    "recomendaciones para el trimestre siguiente y más contenido en vídeo.\n"
)

POLISH = (
    "Doświadczenie\nSpecjalistka ds. mediów społecznościowych, Urząd Miasta Gdańsk, 2019 -\n"
    "- Planowanie treści na Facebooku i Instagramie, które są publikowane codziennie przez "
    "zespół trzech osób.\n"
    "- Obsługa skarg mieszkańców w komentarzach oraz wiadomościach, jako pierwsza linia "
    "kontaktu dla urzędu.\n"
    "- Raporty dla dyrekcji, które pokazują zasięg oraz zaangażowanie, a także rekomendacje.\n"
    "- Kampania, która dotyczy bezpieczeństwa oraz zdrowia, została nagrodzona w 2022 r.\n"
    "- Szkolenia: jak odpowiadać na trudne pytania, że nie wolno usuwać krytyki.\n"
)
SWEDISH = (
    "Erfarenhet\nSocial media-ansvarig, Göteborgs Stad, 2019 - nu\n"
    "- Ansvarig för innehållsplanering på Facebook och Instagram, med ett team som består "
    "av tre personer.\n"
    "- Hanterar klagomål från invånare i kommentarer och meddelanden, och det är jag som "
    "eskalerar svåra ärenden.\n"
    "- Månadsrapporter till ledningen om räckvidd och engagemang, samt rekommendationer "
    "för nästa kvartal.\n"
    "- Vi tog fram en kampanj om trafiksäkerhet som även vann ett pris; det var inte lätt.\n"
)


def test_a_telegraphic_english_resume_is_english():
    assert written_language(ENGLISH_RESUME) == "English"


def test_english_words_and_abbreviations_are_no_other_language_s_function_words():
    tools = "Chicago, IL / Perth, AU / UN Women / Mac OS / NAS / DEM / IM / per diem / no / do\n"
    assert written_language(tools * 6) == "English"  # no English function word to outweigh


def test_a_french_resume_is_french():
    assert written_language(FRENCH) == "French"


def test_a_spanish_resume_is_spanish():
    assert written_language(SPANISH) == "Spanish"


def test_a_polish_resume_is_polish():
    assert written_language(POLISH) == "Polish"


def test_a_swedish_resume_is_swedish():
    assert written_language(SWEDISH) == "Swedish"


def test_a_chinese_resume_is_named_by_its_script():
    text = "工作经历\n社交媒体经理，上海某公司，2019年至今\n负责微博和微信公众号的内容策划。\n"
    assert written_language(text) == "Chinese, Japanese or Korean"


def test_an_english_resume_with_a_name_in_another_script_is_english():
    text = ENGLISH_RESUME + "王小明 (Xiaoming Wang)\n"
    assert written_language(text) == "English"


def test_placeholder_text_is_not_english():
    assert written_language("Lorem ipsum dolor sit amet, consectetur adipiscing elit, " * 4) != (
        "English"
    )


@pytest.mark.parametrize("text", ["", "12345 -- ++", "Résumé"])
def test_text_with_few_words_is_english_by_default(text):
    assert written_language(text) == "English"
