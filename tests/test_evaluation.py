from screener.evaluation import format_metrics

ROW = {
    "n": 24,
    "accuracy": 1.0,
    "macro_f1": 1.0,
    "f1": 1.0,
    "roc_auc": 1.0,
    "brier": 0.0,
    "pair_accuracy": 1.0,
}


def test_metric_columns_line_up_when_a_row_name_is_long():
    table = format_metrics({"short": ROW, "held-out writer travel-transport-utilities": ROW})
    header, *rows = table.splitlines()
    ends = {len(line) for line in (header, *rows)}
    assert len(ends) == 1
    assert all(row.split()[-1] == "1.000" for row in rows)
