"""The tables of a run and of a comparison cross from the engine as arrays, not as CSV text: the engine's own
table of each file the command line writes, numbers in memory the engine filled, and DataFrames that are the
user's to change."""

import subprocess

import numpy as np
import pandas as pd

import caseflow
from conftest import EXAMPLE, HEREFORDSHIRE


def test_a_run_has_the_tables_of_the_summary_files_the_command_line_writes(cli, tmp_path):
    for path in (HEREFORDSHIRE, EXAMPLE):
        out = tmp_path / path.stem
        subprocess.run([cli, "run", path, "--replications", "5", "--seed", "2", "--out", out], check=True,
                       capture_output=True)
        result = caseflow.run(caseflow.Scenario.load(path), replications=5, seed=2)
        tables = result._outcome.summary_tables()
        assert sorted(tables) == sorted(file.name for file in out.iterdir()), path.name
        for file, columns in tables.items():
            assert [name for name, _ in columns] == (out / file).read_text().splitlines()[0].split(","), file


def test_numbers_and_dates_are_arrays_over_the_engines_memory():
    result = caseflow.run(caseflow.Scenario.load(HEREFORDSHIRE), replications=7, seed=1)
    columns = dict(result._outcome.summary_tables()["costs_summary.csv"])
    mean = columns["mean"]
    assert mean.dtype == np.float64 and not mean.flags.writeable and not mean.flags.owndata
    assert type(mean.base).__name__ == "PyCapsule"  # the engine's vector, handed over without a copy
    assert isinstance(columns["period"], list) and isinstance(columns["period"][0], str)
    dates = dict(result._outcome.summary_tables()["summary.csv"])["date"]
    assert dates.dtype == np.dtype("datetime64[ns]")
    assert str(dates[0])[:10] == "2020-11-02"


def test_a_table_is_the_users_to_change():
    result = caseflow.run(caseflow.Scenario.load(HEREFORDSHIRE), replications=7, seed=1)
    for table in (result.summary, result.costs_summary, result.budget):
        frame = table()
        first = frame.iloc[0, -1]
        frame.iloc[0, -1] = -1.0
        assert table().iloc[0, -1] == first


def test_comparison_tables_are_arrays_too():
    base = caseflow.Scenario.load(EXAMPLE)
    comparison = caseflow.compare(base, {"same": caseflow.Scenario.from_dict(base.to_dict())}, replications=6, seed=1)
    columns = dict(comparison._tables["comparison_in_care.csv"])
    assert columns["difference_mean"].dtype == np.float64 and not columns["difference_mean"].flags.owndata
    assert columns["date"].dtype == np.dtype("datetime64[ns]")
    frame = comparison.in_care()
    assert list(frame.columns) == [name for name, _ in comparison._tables["comparison_in_care.csv"]]
    assert (frame["difference_p95"] == 0).all()
    # A table with no rows has the columns and dtypes of one with rows: no comparators in the example.
    chances = comparison.comparators()
    assert len(chances) == 0
    assert list(chances.dtypes) == [np.dtype(object), np.dtype("datetime64[ns]"), np.dtype(object)] + [np.dtype(float)] * 3
    pd.testing.assert_index_equal(chances.index, pd.Index([], dtype=object))
