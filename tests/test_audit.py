"""The bias audit on a constructed data set whose figures are computed by hand.

40 applicants: probabilities 0.01..0.40, so the median is 0.205 and exactly
the 20 applicants with probability >= 0.21 score above it.

| sex    | race  | n  | selected | above median |
| Male   | White | 10 | 6        | 8            |
| Female | White | 10 | 4        | 6            |
| Male   | Black | 8  | 4        | 4            |
| Female | Black | 8  | 2        | 2            |
| (none) |       | 4  | 0        | 0            |

By hand: Male 18 applicants, 10 selected -> 0.5556; Female 18, 6 -> 0.3333;
female impact ratio 0.3333 / 0.5556 = 0.6 (< 4/5: flagged). Scoring rate
Male 12/18 = 0.6667, Female 8/18 = 0.4444, ratio 0.6667. The 4 unknowns are
counted, not placed in a category. Fisher's exact test Female vs Male on
[[6, 12], [10, 8]] gives p = 0.3147 (two-sided).
"""

import pytest

from screener.audit import audit

GROUPS = [
    ("Male", "White", 10, 6, 8),
    ("Female", "White", 10, 4, 6),
    ("Male", "Black", 8, 4, 4),
    ("Female", "Black", 8, 2, 2),
    ("", "", 4, 0, 0),
]


def _data():
    results, demo = [], []
    high = iter(range(40, 20, -1))  # 20 probabilities above the median
    low = iter(range(20, 0, -1))
    k = 0
    for sex, race, n, selected, above in GROUPS:
        for i in range(n):
            prob = (next(high) if i < above else next(low)) / 100
            sha = f"h{k}"
            k += 1
            results.append(
                {
                    "sha256": sha,
                    "status": "ok",
                    "probability": prob,
                    "strategic": i < selected,
                    "model_version": "m1",
                }
            )
            demo.append({"sha256": sha, "sex": sex, "race_ethnicity": race})
    return results, demo


def _row(report, grouping, category):
    (row,) = [r for r in report.rows if r.grouping == grouping and r.category == category]
    return row


def test_median_probability_is_computed_over_all_scored_applicants():
    assert audit(*_data()).median_probability == pytest.approx(0.205)


def test_selection_rates_by_sex():
    report = audit(*_data())
    assert _row(report, "sex", "Male").selection_rate == pytest.approx(10 / 18)
    assert _row(report, "sex", "Female").selection_rate == pytest.approx(6 / 18)


def test_impact_ratio_is_against_the_most_selected_category():
    female = _row(audit(*_data()), "sex", "Female")
    assert female.selection_impact_ratio == pytest.approx(0.6)
    assert female.four_fifths_flag


def test_scoring_rate_and_its_impact_ratio():
    report = audit(*_data())
    assert _row(report, "sex", "Male").scoring_rate == pytest.approx(12 / 18)
    assert _row(report, "sex", "Female").scoring_impact_ratio == pytest.approx((8 / 18) / (12 / 18))


def test_intersectional_category_figures():
    row = _row(audit(*_data()), "intersectional", "Female / Black")
    assert (row.applicants, row.selected) == (8, 2)
    assert row.selection_impact_ratio == pytest.approx((2 / 8) / (6 / 10))


def test_unknowns_are_counted_not_categorised():
    report = audit(*_data())
    assert report.unknown == {"sex": 4, "race_ethnicity": 4}
    assert "Unknown" not in {r.category for r in report.rows}


def test_fisher_exact_p_value_beside_the_ratio():
    female = _row(audit(*_data()), "sex", "Female")
    assert female.fisher_p_selection == pytest.approx(0.3147, abs=1e-3)


def test_small_categories_are_flagged_not_dropped():
    results, demo = _data()
    for i in range(10):  # 51 applicants: one is 1.96%, under the 2% line
        results.append(
            {
                "sha256": f"u{i}",
                "status": "ok",
                "probability": 0.1,
                "strategic": False,
                "model_version": "m1",
            }
        )
    results.append(
        {
            "sha256": "x",
            "status": "ok",
            "probability": 0.5,
            "strategic": True,
            "model_version": "m1",
        }
    )
    demo.append({"sha256": "x", "sex": "Nonbinary", "race_ethnicity": "Asian"})
    row = _row(audit(results, demo), "sex", "Nonbinary")
    assert row.excludable_under_2pct and row.small_sample


def test_the_audit_records_the_model_version():
    assert audit(*_data()).model_version == "m1"


def test_unreadable_rows_are_not_audited():
    results, demo = _data()
    results.append({"sha256": "u", "status": "unreadable", "probability": None})
    assert audit(results, demo).applicants == 40


def _with_out_of_scope():
    """The data set plus two rows sent to review: a paper the model leans towards selecting,
    and a resume in German, both of White women."""
    results, demo = _data()
    for sha, reason, strategic in (("p", "too_long", True), ("g", "not_english", False)):
        row = {"sha256": sha, "status": "ok", "reason": reason, "model_version": "m1"}
        results.append(
            {**row, "probability": 0.9 * strategic, "strategic": strategic, "decision": "review"}
        )
        demo.append({"sha256": sha, "sex": "Female", "race_ethnicity": "White"})
    return results, demo


def test_a_row_out_of_scope_is_an_applicant_not_selected():
    row = _row(audit(*_with_out_of_scope()), "sex", "Female")
    assert (row.applicants, row.selected) == (20, 6)


def test_rows_out_of_scope_are_counted_in_a_warning():
    warnings = audit(*_with_out_of_scope()).warnings
    assert any("2 results were sent to review as out of scope" in w for w in warnings)
    assert any("not_english: 1, too_long: 1" in w for w in warnings)
