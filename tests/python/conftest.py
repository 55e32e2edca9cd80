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
ENGLAND = SCENARIOS / "england-2024.json"

# Children one replication of a scenario may simulate before the tests that run every shipped scenario give it
# fewer replications: the council scenarios are well below (Herefordshire about 750), England about 250,000.
CHILDREN_AT_FULL_REPLICATIONS = 2_000


def replications_for(path, usual):
    """`usual` replications of a shipped scenario, or as many as simulate about as many children as `usual` of a
    council-sized scenario (never fewer than 4), so that England at about 250,000 children a replication does
    not make the suite take minutes. The assertions are the same: exact, for every replication run."""
    d = caseflow.Scenario.load(path).to_dict()
    horizon_years = d["horizon_months"] / 12
    children = (sum(cohort["count"] for cohort in d.get("initial_population", []))
                + sum(stream["per_year"] for stream in d.get("arrivals", [])) * horizon_years)
    if children <= CHILDREN_AT_FULL_REPLICATIONS:
        return usual
    return max(4, int(usual * CHILDREN_AT_FULL_REPLICATIONS / children))


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
