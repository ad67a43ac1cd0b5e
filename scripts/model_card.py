"""Write models/MODEL_CARD.md from a training run's own figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _fmt(v: Any) -> str:
    return "n/a" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def _metrics_table(cv: dict[str, Any]) -> str:
    keys = (
        "n",
        "accuracy",
        "precision",
        "recall",
        "f1",
        "macro_f1",
        "roc_auc",
        "brier",
        "pairs",
        "pair_accuracy",
    )
    head = "| " + " | ".join(keys) + " |\n|" + "---|" * len(keys) + "\n"
    return head + "| " + " | ".join(_fmt(cv.get(k)) for k in keys) + " |"


def _hard_cases(cv: dict[str, Any]) -> str:
    rows = [
        f"| {k} | {v['n']} | {v['accuracy']:.3f} |" for k, v in (cv.get("hard_cases") or {}).items()
    ]
    return "| hard case | n | accuracy |\n|---|---|---|\n" + "\n".join(rows)


def write_card(
    path: Path, meta: dict[str, Any], version: str, validation: dict[str, Any] | None = None
) -> None:
    """Render the model card from ``meta`` (as saved beside the model)."""
    cv = meta.get("cross_validation") or {}
    bal = meta.get("balance") or {}
    counts = meta.get("label_counts") or {}
    val = ""
    if validation:
        val = (
            "\n## Validation set (shared/examples, never trained or tuned on)\n\n"
            + "\n".join(f"- {k}: {v}" for k, v in validation.items())
            + "\n"
        )
    text = f"""# Model card: screener {version}

## What it does
Given the evidence that screener's rule-based NLP layer finds in a resume
(which of six competency dimensions are evidenced in what the person *did*,
whether they owned that work or carried out others', what is only claimed in a
skills list, consumer-level signals, quantified outcomes, experience) and the
resume's own wording (lowercase words and word pairs of the redacted text that
at least five training resumes share, weighted by inverse document frequency;
words of clauses where the person carried out others' work are features of
their own; names, places and employers are capitalised and never features), a calibrated
logistic regression gives the probability that the resume shows the
**strategic skill mix** of a business social media role rather than
consumer-level use. Probabilities within the review band of the threshold
return the decision `review`. Explanations name the evidence and, as one
factor, the words that pushed most.

## Intended use
A **screening aid** for people hiring for social media roles: it ranks and
explains, a person decides. Use it to find the resumes to read first and to see
the evidence for each answer.

## Not intended for
- The sole basis of rejecting anyone. Every `not_strategic` or `review` row
  must remain open to a person's judgement.
- Roles other than social media / digital engagement; other languages than
  English; judging personality, culture fit, or anything protected by law.
- Resumes it cannot read (scans without OCR): these are reported as their own
  outcome (`no_text_layer`), never as "not strategic".
- Documents that are not resumes of its kind: a resume not in English, or a
  text under 40 or over 4,000 words (a covering note, a research paper), keeps
  its probability but is sent to `review` with the reason `not_english`,
  `too_short` or `too_long` (`screener.scope`).

## Training data
{meta.get("trained_on", "?")} resumes written for this project in `data/corpus/`
(strategic {counts.get("strategic", "?")}, consumer {counts.get("consumer", "?")},
off-target {counts.get("off_target", "?")}), by several independent writers each
covering one slice of the world, with a large share of minimal pairs (twins
that keep person, titles, employers, tools and length, and differ only in what
the person owned). See `data/corpus/README.md` for provenance and labelling.
Personal data is redacted before features are built (blind mode).

Shortcut checks on the training data (AUC of one property alone as a predictor
of `strategic`; 0.5 means no signal): word count {_fmt(bal.get("auc_words"))},
section count {_fmt(bal.get("auc_sections"))}.

## Metrics: 5-fold duplicate-safe grouped cross-validation
Twins and near-duplicates are always held out together; a pair counts only
when both twins are right.

{_metrics_table(cv)}

{_hard_cases(cv)}
{val}
## Limits
- The evidence layer is rule-based (English patterns in
  `screener/nlp/patterns/`); phrasing it has not seen can be missed. Extend it
  with your own JSONL patterns.
- The training corpus is written for this project, not drawn from real
  applicants; figures on your applicants will differ. Evaluate on your own
  labelled resumes (`screener evaluate`) and retrain (`screener train`).
- Calibration was fitted on the training corpus' cross-validated predictions.
- A TF-IDF + logistic regression baseline trained on the same corpus is
  scored beside the model on the validation set (above). Held out by writer
  on the training corpus (`scripts/compare_models.py`) the model gets more
  minimal pairs right than it does, most of all twins that use the same
  words and swap who did what (`data/corpus/role-swap/`), where a bag of
  words fails; the validation set's figures for both are listed above.
  The model also names the evidence behind every decision (dimension,
  section, page, offsets) and its probabilities are far better calibrated
  (Brier score). The validation set is small (42 resumes, 12 pairs: one
  resume moves accuracy by 2.4 points).
- Junior resumes whose work was reviewed or approved by a manager read as
  support work to the evidence rules, and can be scored below the review
  band even when the person's own work covers several dimensions.
- Word features learn the training writers' phrasing as well as the task.
  The evidence features are what tells apart twins that use the same words
  and swap who did what; they miss ownership said in words the rules do not
  know.
- Over all new writers the model is not ahead of TF-IDF. Thirty-eight writers were
  scored before they joined (`scripts/score_new_writers.py`): on the fifth
  session's three (`one-dimension/`, `length-extremes/`, `adjacent-trades/`)
  the model then shipped got 65 of 72 right and TF-IDF 67; on the sixth
  session's three (`social-care-desks/`, `sports-music-gaming/`,
  `ngo-academic-health/`) 68 of 72 and TF-IDF all 72; on the seventh
  session's four (`newsroom-audience/`, `regulated-finance-pharma/`,
  `d2c-fashion-beauty/`, `b2b-saas-devrel/`) 94 of 96 and TF-IDF all 96; on
  the eighth session's four (`politics-advocacy-unions/`,
  `travel-transport-utilities/`, `arts-culture-heritage/`,
  `industry-agri-auto/`) 95 of 96 and TF-IDF all 96; on its second four
  (`specialists-central-europe/`, `creators-and-talent/`,
  `near-off-target/`, `juniors-interns-apprentices/`) 91 of 96 each; on the
  ninth session's four (`schools-and-campuses/`, `property-law-accounting/`,
  `clinics-gyms-wellness/`, `plain-spoken-trades/`) 92 of 96 and TF-IDF 91
  (pairs 44 and 43 of 48); on its second four (`public-safety-government/`,
  `marketplace-live-commerce/`, `faith-community-radio/`,
  `brand-managers-western-europe/`) 93 of 96 and TF-IDF 95 (pairs 45 and 47
  of 48); on its third four (`recruitment-employer-brand/`,
  `mining-energy-ports/`, `publishing-books-film/`,
  `consumer-tech-phone-shops/`) 91 of 96 and TF-IDF 93 (pairs 43 and 45 of
  48); on the twenty-second session's four (`west-africa-retail-radio/`,
  `islands-resorts-dive-air/`, `rural-coops-clinics-usa-australia/`,
  `northern-isles-utilities-care/`) 92 of 96 and TF-IDF all 96 (pairs 44
  and 48 of 48); on its second four (`central-america-coffee-remittances/`,
  `horn-of-africa-telecom-aid/`, `gulf-coast-mountain-west-smb/`,
  `microstates-finance-luxury/`) 95 of 96 each (pairs 47 of 48 each). In
  all, 876 of 912 against 892. Its probabilities were better calibrated in
  seven of the last eight rounds (Brier 0.016 against 0.033, 0.005 against
  0.016, 0.039 against 0.054, 0.026 against 0.045, 0.016 against 0.032,
  0.028 against 0.040, 0.036 against 0.020, 0.010 against 0.020); in the
  one where they were not, its four misses were strategic resumes in which
  the evidence rules found one to three of the five or six dimensions. The
  model read specialists strong in one or
  two dimensions, people in trades next to social media (a market-research
  fieldwork manager who owns a panel, a budget and a team, at 0.96), a
  farmer with his own video channel, a nutritionist with her own following
  (0.97), a brand manager whose agency runs the channels (0.85) and an
  in-house talent-acquisition lead (0.98) and a private bank's head of
  compliance who approves the agency's posts (0.92) as strategic, and strategic people
  who tell their work in plain words ("I keep the money for airtime") as
  consumer. Rules were changed after reading the misses of the first three
  rounds and of the ninth session's first four (`data/corpus/README.md`), so
  those writers' figures held out by writer measure rules partly written
  from them.

## Reproduce
`python scripts/train_model.py` (seed 0) rebuilds this model, its metadata and
this card; `python scripts/train_model.py --check` verifies the figures.
"""
    path.write_text(text)
