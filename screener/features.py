"""Features for the classifier, built from the evidence layer as plain data.

Most features are what the evidence layer found, so that a keyword-stuffed
skills list and a real strategist who use the same vocabulary are told apart
by *where* the evidence stands (experience vs a skills list) and *whose*
work it was (owned vs carried out for others).

The wording itself is the other part (``word=...``): the lowercase words and
word pairs of the (blind-redacted) text, as sublinear term frequencies
scaled to a fixed length (:data:`TEXT_WEIGHT`); the model's first step
weights them by inverse document frequency (:func:`reweight_words`). The
words of clauses where the person carried out others' work are named apart
(``word=support:the calendar``, :func:`split_by_agency`), so twins that
share every word but not who did what ("I set the budget and the agency ran
the ads" and the reverse) do not share their word features. Held out by
writer on the 1,272-resume corpus (``scripts/compare_models.py`` on
0c91e03, accuracy / minimal pairs): evidence features alone 0.946 / 0.890,
with the words weighted but not split 0.983 / 0.962, as shipped 0.983 /
0.966, a TF-IDF baseline 0.975 / 0.955 (on the role-swapped twins 11 of 12
pairs as shipped, 3 of 12 for TF-IDF). Ownership is said in words the rules do
not all know ("the owner leaves the page to me"). Only lowercase words
count, so names, places and employers (capitalised) never become
features, and redacted text is underscores.

Every feature is a named float in a dict; ``sklearn.feature_extraction.
DictVectorizer`` turns the dicts into a matrix inside the model pipeline.
Names are stable and readable because explanations quote them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from screener.types import CONSUMER_USE, DIMENSIONS, Analysis

__all__ = [
    "FEATURE_DOCS",
    "SUPPORT_MARK",
    "TEXT_WEIGHT",
    "WORD_PREFIX",
    "featurize",
    "reweight_words",
    "split_by_agency",
    "text_features",
]

#: Length (L2 norm) of the word features of one resume, relative to the
#: evidence features (0/1 flags and log counts); chosen by leave-one-writer-out
#: cross-validation on the training corpus (scripts/compare_models.py).
TEXT_WEIGHT = 16.0
#: Name prefix of word features: ``word=budget``, ``word=the owner``.
WORD_PREFIX = "word="
#: Marks a word feature from a support clause: ``word=support:the calendar``.
SUPPORT_MARK = "support:"
_WORD = re.compile(r"\b[a-z][a-z]+\b")

#: What each feature family means, for explanations and the model card.
FEATURE_DOCS: dict[str, str] = {
    "dim": "the dimension is evidenced in experience",
    "own": "experience evidence for the dimension that the person owned",
    "support": "experience evidence where the person carried out others' work",
    "claimed_only": "the dimension is claimed (skills, summary) but not evidenced in experience",
    "breadth": "number of dimensions evidenced in experience",
    "breadth_owned": "number of dimensions with owned evidence",
    "mix4": "at least four dimensions evidenced in experience",
    "consumer_use": "consumer-level signals (personal accounts, avid user...)",
    "outcomes": "quantified outcomes in experience, on a line with social or digital evidence",
    "own_share": "share of experience evidence that was owned",
    "support_share": "share of experience evidence that was carried out for others",
    "platforms": "social platforms named in experience",
    "tools": "professional tools named in experience",
    "experience_years": "professional experience in years (log)",
    "no_social": "no social or digital evidence anywhere",
    "word": "a lowercase word or adjacent word pair of the resume (sublinear frequency); "
    "'support:' marks words of clauses where the person carried out others' work",
}


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def featurize(analysis: Analysis, *, by_agency: bool = True) -> dict[str, float]:
    """Turn one ``Analysis`` into a dict of named numeric features.

    Parameters
    ----------
    analysis : Analysis
        The output of :func:`screener.nlp.analyze` for one resume.
    by_agency : bool, default True
        Name the words of support clauses apart (:func:`split_by_agency`);
        False gives the third session's design, for comparisons.

    Returns
    -------
    dict of str to float
        Plain data, ready for ``DictVectorizer``.
    """
    done = [e for e in analysis.evidence if not e.claimed_only]
    claimed = {e.dimension for e in analysis.evidence if e.claimed_only}
    evidenced = set(analysis.dimensions)
    own = Counter(e.dimension for e in done if e.agency == "own")
    support = Counter(e.dimension for e in done if e.agency == "support")
    feats: dict[str, float] = {}
    for dim in DIMENSIONS:
        feats[f"dim={dim}"] = float(dim in evidenced)
        feats[f"own={dim}"] = _log(own[dim])
        feats[f"support={dim}"] = _log(support[dim])
        feats[f"claimed_only={dim}"] = float(dim in claimed and dim not in evidenced)
    breadth = len(evidenced)
    owned_dims = sum(1 for d in DIMENSIONS if own[d] and d in evidenced)
    feats["breadth"] = breadth / len(DIMENSIONS)
    feats["breadth_owned"] = owned_dims / len(DIMENSIONS)
    feats["mix4"] = float(breadth >= 4)
    feats["mix4_owned"] = float(owned_dims >= 4)
    n_done = len(done)
    feats["own_share"] = sum(own.values()) / n_done if n_done else 0.0
    feats["support_share"] = sum(support.values()) / n_done if n_done else 0.0
    consumer_done = sum(1 for e in analysis.consumer_signals if not e.claimed_only)
    consumer_claimed = len(analysis.consumer_signals) - consumer_done
    feats[f"{CONSUMER_USE}=experience"] = _log(consumer_done)
    feats[f"{CONSUMER_USE}=claimed"] = _log(consumer_claimed)
    ents = Counter(e.dimension for e in analysis.entities if not e.claimed_only)
    feats["outcomes"] = _log(
        sum(1 for e in analysis.entities if e.dimension == "OUTCOME" and e.counts)
    )
    feats["platforms"] = _log(ents.get("PLATFORM", 0))
    feats["tools"] = _log(ents.get("TOOL", 0))
    feats["experience_years"] = _log(analysis.experience_months / 12.0)
    any_social = analysis.evidence or analysis.consumer_signals or ents.get("PLATFORM")
    feats["no_social"] = float(not any_social)
    if by_agency:
        own_text, support_text = split_by_agency(analysis)
        feats.update(text_features(own_text, support=support_text))
    else:
        feats.update(text_features(analysis.text))
    return feats


def text_features(text: str, weight: float = TEXT_WEIGHT, *, support: str = "") -> dict[str, float]:
    """Word and word-pair features of ``text``: ``1 + log(count)``, scaled to ``weight``.

    Only words written in lowercase letters count (two or more letters), so
    capitalised names, places and employers, numbers and redacted spans
    (underscores) never become features. A pair is two such words with only
    white space between them (a line break included), so pairs never join
    the fields of a job header ("admin | Sept 2023 - present") whose order
    differs between a PDF, a DOCX and plain text. Words of ``support`` (the
    clauses where the person carried out others' work,
    :func:`split_by_agency`) are named apart, ``word=support:the budget``;
    both sets together are scaled to ``weight``.
    """
    values = _word_values(text, "")
    values.update(_word_values(support, SUPPORT_MARK))
    norm = math.sqrt(sum(v * v for v in values.values()))
    return {k: weight * v / norm for k, v in values.items()} if norm else {}


def _word_values(text: str, mark: str) -> dict[str, float]:
    found = list(_WORD.finditer(text))
    counts = Counter(m.group() for m in found)
    counts.update(
        f"{a.group()} {b.group()}"
        for a, b in itertools.pairwise(found)
        if text[a.end() : b.start()].isspace()
    )
    return {WORD_PREFIX + mark + k: 1.0 + math.log(n) for k, n in counts.items()}


def split_by_agency(analysis: Analysis) -> tuple[str, str]:
    """The text with support clauses blanked out, and the support clauses alone.

    Both strings have the length of ``analysis.text``; the clauses come from
    the agency component (``Analysis.clauses``). Role-swapped twins ("I set
    the budget and the agency ran the ads" / "The agency set the budget and
    I ran the ads") share every word but not which words stand in support
    clauses, so the split keeps the word features from pulling such twins
    together.
    """
    text = analysis.text
    support = [" "] * len(text)
    rest = list(text)
    for c in analysis.clauses:
        if c.agency == "support":
            support[c.start : c.end] = text[c.start : c.end]
            rest[c.start : c.end] = " " * (c.end - c.start)
    return "".join(rest), "".join(support)


def reweight_words(
    row: dict[str, float], weights: dict[str, float], prefix: str = WORD_PREFIX
) -> dict[str, float]:
    """Keep the word features named in ``weights``, weighted, at the row's word length.

    The model's first step (:class:`screener.vocabulary.RareWordFilter`)
    and its scikit-learn-free scoring (:class:`screener.linear.LinearForm`)
    both call this, so the two compute the same numbers. Word features not
    in ``weights`` are dropped; the others are multiplied by their weight
    (an inverse document frequency) and scaled back to the L2 length the
    row's word features had (:data:`TEXT_WEIGHT` for rows of
    :func:`text_features`). Other features pass unchanged.
    """
    out = {k: v for k, v in row.items() if not k.startswith(prefix)}
    words = [(k, v) for k, v in row.items() if k.startswith(prefix)]
    kept = [(k, v * weights[k]) for k, v in words if k in weights]
    length = math.sqrt(sum(v * v for _, v in words))
    norm = math.sqrt(sum(v * v for _, v in kept))
    if norm:
        out.update((k, v * length / norm) for k, v in kept)
    return out
