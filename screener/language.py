"""Which language a resume is written in, as far as the screener needs to know.

The lexicon, the patterns and the model read English. A resume in Chinese or
German gets no evidence and a confident "not strategic" that says nothing
about the person, so :mod:`screener.scope` sends it to review instead.

:func:`written_language` needs no model and no download: a text written
mostly (over half its letters) in a non-Latin script is named by its script;
a Latin-script text is named by its function words, the short words every
sentence of a language has ("und", "mit", "für"), in twelve languages of
Europe and Asia. Only words that are not
also English are counted, and a language is named only when it has at least
``MIN_HITS`` of them and three times as many as English has of its own.
Telegraphic English ("Led 4 designers; KPIs +20%") has few function words
of any language, so it stays English.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["CJK_CHARS", "ENGLISH", "MIN_HITS", "written_language"]

ENGLISH = "English"
#: Fewest function words of another language before a text is called that language.
MIN_HITS = 10

#: Kana, CJK ideographs and Hangul, as a character-class body.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_SCRIPT_CHARS = (
    ("Chinese, Japanese or Korean", CJK_CHARS),
    ("Cyrillic script", "\u0400-\u04ff"),
    ("Arabic script", "\u0600-\u06ff\u0750-\u077f"),
    ("Hebrew", "\u0590-\u05ff"),
    ("Devanagari script", "\u0900-\u097f"),
    ("Greek", "\u0370-\u03ff"),
    ("Thai", "\u0e00-\u0e7f"),
)
_SCRIPTS = tuple((name, re.compile(f"[{chars}]")) for name, chars in _SCRIPT_CHARS)
#: Any letter of those scripts: most English resumes have none, and skip the count.
_NON_LATIN = re.compile("[" + "".join(chars for _, chars in _SCRIPT_CHARS) + "]")

# Frequent function words of each language that are not English words, nor
# names or abbreviations English resumes use (IL, AU, UN, OS, IM, DEM, NAS,
# AV, OG tags, Med, Dan...), nor single letters ("e" of "e-mail").
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        ENGLISH: "the and of with for from by our my their was were have has been this that "
        "which who into across within through including while also its will would",
        "French": "le la les des du et est pour dans avec une sur aux ce cette qui que "
        "ou mais été être chez nos notre vos leur très",
        "German": "der das und ist mit für von ein eine einer zu auf bei als nicht "
        "auch oder wir unser sich zur zum über",
        "Spanish": "el los las del con para por una que se como más sus desde sobre "
        "entre también fue según cada",
        "Portuguese": "dos das em com para por uma que na nos ao pelo pela também foi mais entre",
        "Italian": "gli di del della con una che nel nella dei delle alla sono anche più tra dalla",
        "Dutch": "het een en voor op te bij ook naar aan uit zijn wij ons werd niet",
        "Polish": "się jest nie oraz dla przez jako które który która że także również "
        "został została",
        "Turkish": "ve bir için ile olarak olan daha gibi çok ancak ayrıca sonra",
        "Indonesian or Malay": "yang untuk dengan dari ini itu pada dalam sebagai adalah "
        "juga telah oleh",
        "Swedish": "och att för som på är det jag vi inte även samt",
        "Danish or Norwegian": "ikke jeg også eller blev samt af",
        "Finnish": "ja että kanssa myös oli sekä joka mutta ovat jossa",
        "Latin placeholder text": "lorem ipsum dolor amet consectetur consetetur "
        "adipiscing sadipscing sed ut quis eos nam eiusmod tempor",
    }.items()
}


def _languages_of(function_words: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """Each function word, and the languages it belongs to ("que": French, Spanish...)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, words in function_words.items():
        for word in words:
            out[word] = (*out.get(word, ()), name)
    return out


_LANGUAGES_OF = _languages_of(_FUNCTION_WORDS)


def written_language(text: str) -> str:
    """The language (or script) ``text`` is written in: ``"English"`` unless it is clearly not.

    Parameters
    ----------
    text : str
        The document text.

    Returns
    -------
    str
        ``"English"``, a script name ("Chinese, Japanese or Korean",
        "Cyrillic script"...) or a language name ("French", "German",
        "Spanish", "Portuguese", "Italian", "Dutch", "Polish", "Turkish",
        "Indonesian or Malay", "Swedish", "Danish or Norwegian", "Finnish",
        or "Latin placeholder text" for lorem ipsum).
    """
    if _NON_LATIN.search(text):
        letters = sum(c.isalpha() for c in text)
        for name, chars in _SCRIPTS:
            if letters and len(chars.findall(text)) * 2 > letters:
                return name
    words = Counter(text.lower().split())  # function words stand between spaces
    hits = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word, names in _LANGUAGES_OF.items():  # a few hundred, not every word of the text
        if word in words:
            for name in names:
                hits[name] += words[word]
    name, most = max(((n, h) for n, h in hits.items() if n != ENGLISH), key=lambda nh: nh[1])
    if most >= MIN_HITS and most >= 3 * (hits[ENGLISH] + 1):
        return name
    return ENGLISH
