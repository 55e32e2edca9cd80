"""Shared fixtures for the Python tests.

`make test` runs them against the package this build staged (PYTHONPATH=build/python) and the CLI it built
(CASEFLOW_CLI); run by hand, they use whatever `import caseflow` finds and build/engine/caseflow.
"""

import os
import pathlib

import matplotlib
import pytest

matplotlib.use("Agg")  # no display in tests

import caseflow  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"
EXAMPLE = SCENARIOS / "example-small.json"
HEREFORDSHIRE = SCENARIOS / "herefordshire-2020.json"
SHIPPED_SCENARIOS = sorted(SCENARIOS.rglob("*.json"))  # strategies in scenarios/strategies/ too


def pytest_report_header(config):
    return f"caseflow {caseflow.__version__} from {pathlib.Path(caseflow.__file__).parent}"


@pytest.fixture(scope="session")
def cli():
    path = pathlib.Path(os.environ.get("CASEFLOW_CLI", REPO / "build" / "engine" / "caseflow"))
    if not path.is_file():
        pytest.fail(f"the caseflow program is not at {path}: build it, or set CASEFLOW_CLI")
    return path


@pytest.fixture(scope="session")
def example():
    return caseflow.Scenario.load(EXAMPLE)


@pytest.fixture
def example_dict(example):
    return example.to_dict()
