"""Features for the classifier, built from the evidence layer as plain data.

The classifier never sees raw words: it sees what the evidence layer found,
so that a keyword-stuffed skills list and a real strategist who use the same
vocabulary are told apart by *where* the evidence stands (experience vs a
skills list) and *whose* work it was (owned vs carried out for others).

Every feature is a named float in a dict; ``sklearn.feature_extraction.
DictVectorizer`` turns the dicts into a matrix inside the model pipeline.
Names are stable and readable because explanations quote them.
"""

from __future__ import annotations

import math
from collections import Counter

from screener.types import CONSUMER_USE, DIMENSIONS, Analysis

__all__ = ["FEATURE_DOCS", "featurize"]

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
    "outcomes": "quantified outcomes in experience",
    "own_share": "share of experience evidence that was owned",
    "support_share": "share of experience evidence that was carried out for others",
    "platforms": "social platforms named in experience",
    "tools": "professional tools named in experience",
    "experience_years": "professional experience in years (log)",
    "no_social": "no social or digital evidence anywhere",
}


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def featurize(analysis: Analysis) -> dict[str, float]:
    """Turn one ``Analysis`` into a dict of named numeric features.

    Parameters
    ----------
    analysis : Analysis
        The output of :func:`screener.nlp.analyze` for one resume.

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
    feats["outcomes"] = _log(ents.get("OUTCOME", 0))
    feats["platforms"] = _log(ents.get("PLATFORM", 0))
    feats["tools"] = _log(ents.get("TOOL", 0))
    feats["experience_years"] = _log(analysis.experience_months / 12.0)
    any_social = analysis.evidence or analysis.consumer_signals or ents.get("PLATFORM")
    feats["no_social"] = float(not any_social)
    return feats
