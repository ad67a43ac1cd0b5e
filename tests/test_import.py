"""`import screener` is cheap and has no side effects."""

import subprocess
import sys

HEAVY = ("spacy", "sklearn", "pdfminer", "docx", "skops", "numpy")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_import_screener_loads_no_heavy_dependency():
    loaded = _modules_after("import screener")
    assert not [m for m in HEAVY if m in loaded]


def test_import_screener_prints_nothing():
    out = subprocess.run([sys.executable, "-c", "import screener"], capture_output=True, text=True)
    assert (out.stdout, out.stderr) == ("", "")


def test_public_names_resolve():
    import screener

    for name in screener.__all__:
        assert getattr(screener, name) is not None


def test_unknown_attribute_raises_attribute_error():
    import pytest

    import screener

    with pytest.raises(AttributeError):
        screener.no_such_name  # noqa: B018
