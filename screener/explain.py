"""Plain-language explanations built from a result's evidence and contributions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.features import SUPPORT_MARK, WORD_PREFIX
from screener.types import DIMENSIONS

if TYPE_CHECKING:  # pragma: no cover
    from screener.result import ScreeningResult

__all__ = ["describe_feature", "explain_result"]

NICE = {
    "marketing_communications": "marketing & communications",
    "customer_engagement": "customer engagement",
    "technical": "technical",
    "analytics": "analytics",
    "psychology": "audience psychology",
    "business_strategy": "business strategy",
}


def describe_feature(name: str) -> str:
    """A readable phrase for a feature name such as ``own=analytics``."""
    key, _, dim = name.partition("=")
    nice = NICE.get(dim, dim.replace("_", " "))
    phrases = {
        "dim": f"{nice} evidenced in experience",
        "own": f"owned {nice} work",
        "support": f"{nice} work carried out for others",
        "claimed_only": f"{nice} claimed but not backed by experience",
        "consumer_use": f"consumer-level signals ({dim})",
        "breadth": "breadth of the skill mix",
        "breadth_owned": "breadth of owned work",
        "mix4": "at least four dimensions evidenced",
        "mix4_owned": "at least four dimensions owned",
        "own_share": "share of work the person owned",
        "support_share": "share of work done to others' plans",
        "outcomes": "quantified outcomes of social work",
        "platforms": "platforms named in experience",
        "tools": "professional tools named in experience",
        "experience_years": "years of experience",
        "no_social": "no social media evidence at all",
    }
    if key == "wording":
        return "the resume's wording (" + ", ".join(_quote(w) for w in dim.split("|")) + ")"
    if key == "word":
        return f"the words {_quote(dim)}"
    return phrases.get(key, name)


def _quote(words: str) -> str:
    """``'budget'``, or ``'the calendar' in support work`` for a support-clause word."""
    if words.startswith(SUPPORT_MARK):
        return f"'{words[len(SUPPORT_MARK) :]}' in support work"
    return f"'{words}'"


def _factors(contributions: dict[str, float], words: int = 3) -> dict[str, float]:
    """Contributions with the word features summed into one ``wording`` factor.

    The factor is named after the words that pushed most in its direction,
    e.g. ``wording=the owner|budget|leaves``.
    """
    factors = {n: v for n, v in contributions.items() if not n.startswith(WORD_PREFIX)}
    by_word = {
        n[len(WORD_PREFIX) :]: v for n, v in contributions.items() if n.startswith(WORD_PREFIX)
    }
    total = sum(by_word.values())
    if by_word and total:
        sign = 1.0 if total > 0 else -1.0
        top = sorted(by_word, key=lambda w: -sign * by_word[w])[:words]
        factors["wording=" + "|".join(top)] = total
    return factors


def explain_result(result: ScreeningResult, top: int = 4) -> str:
    """Explain an ``ok`` result: dimension summary, then the strongest factors."""
    dims = result.dimensions
    parts = [f"Decision {result.decision} (probability {result.probability:.2f})."]
    if result.reason:  # sent to review whatever the probability (screener.scope)
        parts.append(f"Sent to review: {result.message}.")
    if dims:
        parts.append(
            f"Evidenced {len(dims)} of {len(DIMENSIONS)} dimensions in experience: "
            + ", ".join(NICE[d] for d in dims)
            + "."
        )
    else:
        parts.append("No dimension is evidenced in experience.")
    if result.claimed_dimensions:
        parts.append(
            "Skills or summary claim "
            + ", ".join(NICE[d] for d in result.claimed_dimensions)
            + " but no experience backs it."
        )
    if result.consumer_signals:
        parts.append(
            f"{len(result.consumer_signals)} consumer-level signal(s), e.g. "
            f'"{result.consumer_signals[0].text}".'
        )
    ranked = sorted(_factors(result.contributions).items(), key=lambda kv: -abs(kv[1]))[:top]
    up = [describe_feature(n) for n, v in ranked if v > 0]
    down = [describe_feature(n) for n, v in ranked if v < 0]
    if up:
        parts.append("Pushed towards strategic: " + "; ".join(up) + ".")
    if down:
        parts.append("Pushed away: " + "; ".join(down) + ".")
    return " ".join(parts)
