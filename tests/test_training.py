from screener.corpus import LabelledResume
from screener.training import duplicate_safe_groups

BODY = " ".join(f"word{i}" for i in range(60))


def test_twins_share_a_group():
    items = [
        LabelledResume("a", "strategic", group="a", text="one two three four five six"),
        LabelledResume("b", "consumer", group="a", pair_of="a", text="seven eight nine ten"),
    ]
    groups = duplicate_safe_groups(items)
    assert groups[0] == groups[1]


def test_near_duplicates_are_merged_into_one_group():
    items = [
        LabelledResume("a", "strategic", group="a", text=BODY),
        LabelledResume("c", "strategic", group="c", text=BODY + " extra"),
    ]
    groups = duplicate_safe_groups(items)
    assert groups[0] == groups[1]


def test_different_resumes_stay_apart():
    items = [
        LabelledResume("a", "strategic", group="a", text=BODY),
        LabelledResume("c", "consumer", group="c", text=BODY.replace("word", "other")),
    ]
    groups = duplicate_safe_groups(items)
    assert groups[0] != groups[1]
