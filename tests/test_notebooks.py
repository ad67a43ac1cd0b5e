"""The notebooks in ``notebooks/`` run top to bottom and are committed without outputs.

Each notebook runs in a fresh IPython kernel started with *this* interpreter
(``sys.executable``), whatever kernelspecs are installed on the machine: the
kernelspec manager is given no kernel directories, so it falls back to
ipykernel's built-in ``python3`` spec. The working directory is
``notebooks/``, as under Jupyter and ``pytest --nbmake notebooks``.
Executed outputs stay in memory; the files on disk are never rewritten.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
EXPECTED = {"01-tour.ipynb", "02-batch.ipynb", "03-retrain.ipynb", "04-audit.ipynb"}
CELL_TIMEOUT = 240  # seconds per cell; the slowest (training) takes ~20 s


def _ids(path: Path) -> str:
    return path.name


def test_the_notebooks_are_there():
    assert {p.name for p in NOTEBOOKS} >= EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids)
def test_notebook_is_committed_with_outputs_stripped(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["cells"][0]["cell_type"] == "markdown", "start with a cell saying what it shows"
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            assert "outputs" not in cell, f"cell {i}"
            continue
        assert cell["outputs"] == [], f"cell {i} has outputs: strip them before committing"
        assert cell["execution_count"] is None, f"cell {i} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids)
def test_notebook_runs_top_to_bottom(path):
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    # No kernel directories: "python3" resolves to ipykernel's native spec,
    # i.e. a kernel running sys.executable (the interpreter running pytest).
    specs = KernelSpecManager(kernel_dirs=[])
    km = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    probe = nbformat.v4.new_code_cell("import sys; print(sys.prefix)")
    nb.cells.append(probe)
    client = NotebookClient(
        nb,
        km=km,
        timeout=CELL_TIMEOUT,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    prefix = "".join(o.get("text", "") for o in probe.outputs).strip()
    assert Path(prefix).resolve() == Path(sys.prefix).resolve(), "kernel ran another Python"
