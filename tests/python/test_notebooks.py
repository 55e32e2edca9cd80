"""The notebooks run top to bottom on a fresh python3 kernel, quickly, and are stored without outputs."""

import os
import pathlib
import shutil
import time

import nbclient
import nbformat
import pytest

import caseflow
from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
TIME_LIMIT_SECONDS = 60  # "runs in under a minute", kernel start included


def test_the_baseline_notebook_is_there():
    assert REPO / "notebooks" / "baseline-forecast.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def execute(path, monkeypatch):
    """Runs the notebook at `path` on a fresh python3 kernel, in its folder; returns it with its outputs."""
    # The kernel is a separate /usr/bin/python3 process: give it the caseflow these tests use.
    package_root = str(pathlib.Path(caseflow.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets a debugger warning on kernel start
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=TIME_LIMIT_SECONDS,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and the traceback, if any cell fails
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS
    return notebook


def outputs(notebook):
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, monkeypatch):
    notebook = execute(path, monkeypatch)
    images = [output for output in outputs(notebook) if "image/png" in output.get("data", {})]
    assert len(images) >= 3  # the baseline's fan chart, stacked states and strategy comparison at least


def test_baseline_notebook_falls_back_to_the_worked_example(tmp_path, monkeypatch):
    # A checkout without the Herefordshire scenario: only the worked example beside the notebook's folder.
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "scenarios").mkdir()
    shutil.copy(REPO / "scenarios" / "example-small.json", tmp_path / "scenarios")
    shutil.copy(REPO / "notebooks" / "baseline-forecast.ipynb", tmp_path / "notebooks")
    notebook = execute(tmp_path / "notebooks" / "baseline-forecast.ipynb", monkeypatch)
    text = "".join(output.get("text", "") for output in outputs(notebook))
    assert "scenario ../scenarios/example-small.json" in text
    assert "no pipeline to widen" in text
