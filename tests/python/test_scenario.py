"""Scenarios through the engine's JSON reader and writer, and the errors a user sees."""

import math
import pickle
import re

import numpy as np
import pytest

import caseflow
from conftest import ENGLAND, EXAMPLE, HEREFORDSHIRE, SCENARIOS, SHIPPED_SCENARIOS, replications_for

# The worked example's transitions, by index (the tests below rely on the file's order).
SECTION20_TO_REUNIFICATION = 6


def test_every_shipped_scenario_is_tested():
    assert EXAMPLE in SHIPPED_SCENARIOS and HEREFORDSHIRE in SHIPPED_SCENARIOS and ENGLAND in SHIPPED_SCENARIOS
    assert SCENARIOS / "strategies" / "sgo-push.json" in SHIPPED_SCENARIOS


@pytest.mark.parametrize("path", SHIPPED_SCENARIOS, ids=lambda p: str(p.relative_to(SCENARIOS)))
def test_to_dict_and_from_dict_round_trip_every_shipped_scenario(path):
    loaded = caseflow.Scenario.load(path)
    d = loaded.to_dict()
    again = caseflow.Scenario.from_dict(d)
    assert again.to_dict() == d
    assert again == loaded
    # The round trip loses nothing the simulation uses: same seed, same numbers.
    replications = replications_for(path, 20)
    a = caseflow.run(loaded, replications=replications, seed=5).summary()
    b = caseflow.run(again, replications=replications, seed=5).summary()
    assert a.equals(b)


def test_a_strategy_dict_inherits_its_base_from_base_directory():
    import json
    path = SCENARIOS / "strategies" / "sgo-push.json"
    d = json.loads(path.read_text())
    assert d["base"] == "../herefordshire-2020.json"
    with pytest.raises(caseflow.ScenarioError, match="needs the folder") as caught:
        caseflow.Scenario.from_dict(d)
    assert caught.value.place == "/base"
    assert caseflow.Scenario.from_dict(d, base_directory=path.parent) == caseflow.Scenario.load(path)
    d["base"] = "../no-such-scenario.json"
    with pytest.raises(caseflow.ScenarioError, match="cannot open the base scenario"):
        caseflow.Scenario.from_dict(d, base_directory=path.parent)


def test_herefordshire_carries_its_comparators():
    counts = {c["id"]: c["count"] for c in caseflow.Scenario.load(HEREFORDSHIRE).comparators}
    assert counts == {"west_midlands": 296, "england": 235, "statistical_neighbours": 196}


def test_load_accepts_a_path_object_and_reads_the_file(example):
    assert example.name == "Worked example: a small council"
    assert str(example.start_date) == "2020-11-02"
    assert example.horizon_months == 36
    assert example.state_ids == ["ico", "plan_sgo", "placed_with_parents", "long_term_foster", "section20"]
    assert example.exit_ids == ["sgo", "reunification", "aged_18"]
    assert example.state_labels["section20"] == "Accommodated under section 20"
    assert example.comparators == []


def test_scenarios_are_values(example, example_dict):
    assert pickle.loads(pickle.dumps(example)) == example
    with pytest.raises(AttributeError):
        example.name = "changed"
    with pytest.raises(TypeError):
        caseflow.Scenario(EXAMPLE)
    changed = dict(example_dict, name="another name")
    assert caseflow.Scenario.from_dict(changed) != example


def test_numpy_numbers_are_accepted_as_json_numbers(example, example_dict):
    d = example_dict
    d["horizon_months"] = np.int64(d["horizon_months"])
    d["transitions"][SECTION20_TO_REUNIFICATION]["time"]["mean_days"] = np.float32(240.0)
    d["arrivals"][0]["per_year"] = np.float64(d["arrivals"][0]["per_year"])
    assert caseflow.Scenario.from_dict(d) == example


def test_a_bad_value_raises_scenario_error_with_its_json_path(example_dict):
    example_dict["transitions"][SECTION20_TO_REUNIFICATION]["time"]["mean_days"] = -5
    with pytest.raises(caseflow.ScenarioError) as caught:
        caseflow.Scenario.from_dict(example_dict)
    error = caught.value
    assert error.source == "<dict>"
    assert error.place == "/transitions/6/time/mean_days"
    assert error.detail == "must be > 0, got -5"
    assert str(error) == "<dict>: /transitions/6/time/mean_days: must be > 0, got -5"
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.source, copy.place, copy.detail) == (str(error), error.source, error.place, error.detail)


def test_a_typo_is_named_with_a_suggestion(example_dict):
    time = example_dict["transitions"][2]["time"]
    time["scale_dayz"] = time.pop("scale_days")
    with pytest.raises(caseflow.ScenarioError, match='did you mean "scale_days"') as caught:
        caseflow.Scenario.from_dict(example_dict, source="edited.json")
    assert caught.value.source == "edited.json"
    assert caught.value.place.startswith("/transitions/2/time")


def test_an_unknown_state_is_named(example_dict):
    example_dict["arrivals"][1]["state"] = "section_20"
    with pytest.raises(caseflow.ScenarioError, match='did you mean "section20"') as caught:
        caseflow.Scenario.from_dict(example_dict)
    assert caught.value.place == "/arrivals/1/state"


@pytest.mark.parametrize("value, place, words", [
    ({1, 2}, "/note", "has no JSON form: a set"),
    (b"bytes", "/note", "is bytes"),
    (np.array([0, 18]), "/note", ".tolist()"),
    ({"a/b~c": {3: "x"}}, "/note/a~1b~0c", "key that is not a string"),
    (2**70, "/note", "too large"),
], ids=["set", "bytes", "ndarray", "int key", "huge int"])
def test_values_with_no_json_form_are_scenario_errors(example_dict, value, place, words):
    example_dict["note"] = value
    with pytest.raises(caseflow.ScenarioError, match=re.escape(words)) as caught:
        caseflow.Scenario.from_dict(example_dict)
    assert caught.value.place == place


def test_json_pointer_escapes_in_the_engines_paths_too(example_dict):
    example_dict["states"][0]["a/b~c"] = 1
    with pytest.raises(caseflow.ScenarioError) as caught:
        caseflow.Scenario.from_dict(example_dict)
    assert caught.value.place == "/states/0/a~1b~0c"


def test_a_dict_that_contains_itself_is_an_error_not_a_crash(example_dict):
    loop = {}
    loop["again"] = loop
    example_dict["note"] = loop
    with pytest.raises(caseflow.ScenarioError, match="nested more than"):
        caseflow.Scenario.from_dict(example_dict)


def test_a_file_that_is_not_json_names_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "caseflow-scenario/1",\n  "name": oops\n}\n')
    with pytest.raises(caseflow.ScenarioError) as caught:
        caseflow.Scenario.load(path)
    assert caught.value.source == str(path)
    assert caught.value.place == "line 3, column 11"


def test_a_bad_value_in_a_file_names_the_file(tmp_path, example_dict):
    import json
    example_dict["horizon_months"] = 0.5
    path = tmp_path / "half.json"
    path.write_text(json.dumps(example_dict))
    with pytest.raises(caseflow.ScenarioError) as caught:
        caseflow.Scenario.load(path)
    assert (caught.value.source, caught.value.place) == (str(path), "/horizon_months")


def test_a_missing_file_is_a_scenario_error(tmp_path):
    with pytest.raises(caseflow.ScenarioError, match="cannot open") as caught:
        caseflow.Scenario.load(tmp_path / "nowhere.json")
    assert caught.value.place == ""


@pytest.mark.parametrize("value, words", [
    (float("nan"), "must be a finite number, got NaN (not a number)"),
    (float("inf"), "must be a finite number, got infinity"),
    (np.float64("-inf"), "must be a finite number, got -infinity"),
], ids=["nan", "inf", "numpy -inf"])
def test_numbers_that_are_not_finite_are_named_as_such(example_dict, value, words):
    example_dict["transitions"][SECTION20_TO_REUNIFICATION]["time"]["mean_days"] = value
    with pytest.raises(caseflow.ScenarioError) as caught:
        caseflow.Scenario.from_dict(example_dict)
    assert (caught.value.place, caught.value.detail) == ("/transitions/6/time/mean_days", words)


def test_a_file_nested_beyond_the_limit_is_an_error_not_a_crash(tmp_path):
    # Once a segmentation fault: a scenario with "base" and 60,000 levels of nesting.
    path = tmp_path / "deep.json"
    levels = 60_000
    path.write_text('{"base": "%s", "costs": %s1%s}' % (EXAMPLE, '{"a": ' * levels, "}" * levels))
    with pytest.raises(caseflow.ScenarioError, match="nested more than 100 levels deep") as caught:
        caseflow.Scenario.load(path)
    assert (caught.value.source, caught.value.place) == (str(path), "line 1, column %d" % (len(str(EXAMPLE)) + 22 + 6 * 99 + 1))


def test_a_key_given_twice_in_a_file_is_an_error_at_its_path(tmp_path):
    path = tmp_path / "twice.json"
    path.write_text('{"base": "%s",\n "name": "first",\n "name": "second"}' % EXAMPLE)
    with pytest.raises(caseflow.ScenarioError, match=re.escape('duplicate key "name" (at line 3, column 2; first at line 2, column 2)')) as caught:
        caseflow.Scenario.load(path)
    assert (caught.value.source, caught.value.place) == (str(path), "/name")


def test_a_bad_value_in_a_base_names_the_base(tmp_path, example_dict):
    import json
    example_dict["transitions"][SECTION20_TO_REUNIFICATION]["time"]["mean_days"] = -5
    base = tmp_path / "base.json"
    base.write_text(json.dumps(example_dict))
    (tmp_path / "strategy.json").write_text('{"base": "base.json", "name": "strategy"}')
    for load in (lambda: caseflow.Scenario.load(tmp_path / "strategy.json"),
                 lambda: caseflow.Scenario.from_dict({"base": "base.json", "name": "strategy"}, base_directory=tmp_path)):
        with pytest.raises(caseflow.ScenarioError) as caught:
            load()
        assert (caught.value.source, caught.value.place, caught.value.detail) == \
            (str(base), "/transitions/6/time/mean_days", "must be > 0, got -5")


def test_a_folder_is_not_a_scenario_file(tmp_path):
    with pytest.raises(caseflow.ScenarioError) as caught:
        caseflow.Scenario.load(tmp_path)
    assert (caught.value.source, caught.value.place, caught.value.detail) == (str(tmp_path), "", "is a folder, not a scenario file")


def test_dates_beyond_what_pandas_holds_are_refused_not_wrapped(example_dict):
    # pandas' nanosecond dates end on 2262-04-11: a later snapshot date would come back as a date in 1677.
    example_dict["start_date"] = "2259-03-31"
    example_dict["horizon_months"] = 37
    with pytest.raises(caseflow.ScenarioError) as raised:
        caseflow.Scenario.from_dict(example_dict, source="late.json")
    assert raised.value.source == "late.json"
    assert raised.value.place == "/start_date"
    assert str(raised.value) == ("late.json: /start_date: the run would reach 2262-04, beyond 2262-04-11, the last date "
                                 "pandas can hold: start earlier, or forecast fewer months (the command line reads dates "
                                 "to 2399)")
    # A month less and the dates are right.
    example_dict["horizon_months"] = 36
    scenario = caseflow.Scenario.from_dict(example_dict)
    dates = caseflow.run(scenario, replications=2, seed=1).dates
    assert (str(dates.min().date()), str(dates.max().date())) == ("2259-03-31", "2262-03-31")


def test_with_transition_changes_one_rate_by_id_moves_its_range_and_renames():
    baseline = caseflow.Scenario.load(HEREFORDSHIRE)
    assert baseline.name.endswith("(baseline)")
    faster = baseline.with_transition("plan_sgo", "sgo", mean_days=300)
    assert faster.name == baseline.name[:-len(" (baseline)")] + ": plan_sgo to sgo with mean_days 300"
    assert "(baseline)" not in faster.name
    old = [t for t in baseline.to_dict()["transitions"] if (t["from"], t["to"]) == ("plan_sgo", "sgo")][0]["time"]
    new = [t for t in faster.to_dict()["transitions"] if (t["from"], t["to"]) == ("plan_sgo", "sgo")][0]["time"]
    assert old["mean_days"] == 600 and new["mean_days"] == 300
    # The stated range moves by the same factor, or it would overrule the change in a run with uncertainty.
    assert (new["mean_days_range"]["low"], new["mean_days_range"]["high"]) == (old["mean_days_range"]["low"] / 2,
                                                                               old["mean_days_range"]["high"] / 2)
    # Nothing else changes, and the original is as it was.
    changed = faster.to_dict()
    unchanged = baseline.to_dict()
    for d in (changed, unchanged):
        d.pop("name")
        d["transitions"] = [t for t in d["transitions"] if (t["from"], t["to"]) != ("plan_sgo", "sgo")]
    assert changed == unchanged
    assert baseline == caseflow.Scenario.load(HEREFORDSHIRE)
    # A faster route out of care means fewer children in care: the same seed, fewer at the end on average.
    end = lambda scenario: caseflow.run(scenario, replications=40, seed=2).summary().query("state == 'in_care'")["mean"].iloc[-1]
    assert end(faster) < end(baseline)
    assert baseline.with_transition("plan_sgo", "sgo", name="Quicker SGOs", mean_days=300).name == "Quicker SGOs"


def test_with_transition_sets_the_mean_of_a_weibull_time_by_its_scale():
    baseline = caseflow.Scenario.load(HEREFORDSHIRE)
    changed = baseline.with_transition("ico", "plan_sgo", mean_days=150)
    old = [t for t in baseline.to_dict()["transitions"] if (t["from"], t["to"]) == ("ico", "plan_sgo")][0]["time"]
    new = [t for t in changed.to_dict()["transitions"] if (t["from"], t["to"]) == ("ico", "plan_sgo")][0]["time"]
    assert new["dist"] == "weibull" and new["shape"] == old["shape"]
    assert new["scale_days"] * math.gamma(1 + 1 / new["shape"]) == pytest.approx(150, rel=1e-12)
    factor = new["scale_days"] / old["scale_days"]
    assert new["scale_days_range"]["low"] == pytest.approx(old["scale_days_range"]["low"] * factor, rel=1e-12)


def test_with_transition_names_what_the_scenario_has_when_asked_for_what_it_has_not():
    baseline = caseflow.Scenario.load(HEREFORDSHIRE)
    with pytest.raises(ValueError, match="from 'plan_sgo' it goes to .*sgo"):
        baseline.with_transition("plan_sgo", "adoption", mean_days=300)
    with pytest.raises(ValueError, match="its parameters are mean_days"):
        baseline.with_transition("plan_sgo", "sgo", shape=2)
    with pytest.raises(ValueError, match="no transition from 'nowhere'"):
        baseline.with_transition("nowhere", "sgo", mean_days=300)
    with pytest.raises(caseflow.ScenarioError, match="mean_days"):
        baseline.with_transition("plan_sgo", "sgo", mean_days=-5)
