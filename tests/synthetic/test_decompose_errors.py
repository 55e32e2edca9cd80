"""decompose_errors.py splits each forecast and each outcome into the children in care at the origin who still are
(survivors) and those who came in after it (newcomers): the parts must add up to the truth, and the forecast
without arrivals must be a forecast of survivors alone."""

import os
from pathlib import Path

import pytest

from council import generate_council
from decompose_errors import decompose_council

CLI = os.environ.get("CASEFLOW_CLI", str(Path(__file__).resolve().parents[2] / "build" / "engine" / "caseflow"))


def test_the_parts_add_up_to_the_children_in_care(tmp_path):
    if not Path(CLI).exists():
        pytest.skip(f"no caseflow program at {CLI}")
    rows = decompose_council(CLI, 3, 20, [], tmp_path, first_year=2013, last_year=2018)
    council = generate_council(3, first_year=2013, last_year=2018)
    assert {(r["origin"], r["horizon"]) for r in rows} == {(2016, 1), (2016, 2), (2017, 1)}
    for r in rows:
        assert r["in_care_on_origin"] == council.in_care_on(f"{r['origin']}-03-31")
        assert r["observed_survivors"] + r["observed_newcomers"] == council.in_care_on(f"{r['origin'] + r['horizon']}-03-31")
        assert 0 < r["observed_survivors"] < r["in_care_on_origin"]
        # Without arrivals the children in care can only fall; with them, the newcomers are a real share.
        assert 0 < r["forecast_survivors"] < r["in_care_on_origin"]
        assert r["forecast_newcomers"] > 0.1 * r["observed_newcomers"]
        assert r["arrivals_estimated"] > 0 and r["arrivals_true"] > 0
