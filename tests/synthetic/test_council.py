"""Tests of the synthetic councils (council.py): reproducible, consistent with their own returns, plausible against
national figures, different from one another, and readable by caseflow's importer.

Run: /usr/bin/python3 -m pytest tests/synthetic -q   (CASEFLOW_CLI names the CLI; the import test is skipped
without it).
"""

import collections
import csv
import datetime
import filecmp
import glob
import math
import os
import pathlib
import re
import subprocess

import numpy as np
import pytest

from council import generate_council
from council_careers import EXITS
from council_parameters import entry_log_level

REPO = pathlib.Path(__file__).resolve().parents[2]
CLI = os.environ.get("CASEFLOW_CLI", str(REPO / "build" / "engine" / "caseflow"))

# A council with everything switched on: UASC all along, short breaks, a shock; small enough to be quick.
BUSY = dict(entries_per_year=90.0, uasc_per_year=15.0, uasc_on=((2000.0, 2030.0),), short_breaks_per_year=4.0)

LEGAL_STATUSES = {"C1", "C2", "E1", "V2", "L1", "L2", "J2", "V3", "V4"}
PLACEMENTS = {"U1", "U2", "U3", "U4", "U5", "U6", "R3", "P1", "K2", "K1", "R1", "S1", "H5", "K3", "P2", "Z1", "R2",
              "R5", "A3", "A4", "A5", "A6", "T0", "T1", "T3", "T4"}
REASONS_CEASED = {"X1", "E11", "E12", "E45", "E46", "E47", "E48", "E4A", "E4B", "E13", "E41", "E5", "E6", "E17",
                  "E15", "E2", "E3", "E7", "E8", "E9", "E14", "E16"}


# ---- reading the returns back, independently of the generator ------------------------------------------------

def day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


def birthday(dob, years):
    return dob.replace(year=dob.year + years)


def read_returns(folder):
    """Distinct episodes (a copy closed in a later year replaces the open one), DOBs, UASC DUCs, and the rows of
    every file: (episodes by (child, DECOM, LS, PLACE), dob by child, duc by child, rows by file name)."""
    episodes, dobs, ducs, rows_by_file = {}, {}, {}, {}
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        name = os.path.basename(path)
        rows_by_file[name] = rows
        if name.startswith("episodes_"):
            for r in rows:
                key = (r["CHILD"], day(r["DECOM"]), r["LS"], r["PLACE"])
                if key not in episodes or r["DEC"]:
                    episodes[key] = r
        elif name.startswith("header_"):
            for r in rows:
                assert dobs.setdefault(r["CHILD"], day(r["DOB"])) == day(r["DOB"]), r
        elif name.startswith("uasc_"):
            for r in rows:
                if r["DUC"]:
                    ducs[r["CHILD"]] = day(r["DUC"])
                else:
                    ducs.setdefault(r["CHILD"], None)
    return episodes, dobs, ducs, rows_by_file


def in_care_from_files(episodes, date):
    return len({child for (child, decom, ls, _), r in episodes.items()
                if ls not in ("V3", "V4") and decom <= date and (not r["DEC"] or day(r["DEC"]) > date)})


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    council = generate_council(21, **BUSY)
    folder = tmp_path_factory.mktemp("busy")
    council.write_returns(str(folder))
    return council, str(folder), read_returns(str(folder))


@pytest.fixture(scope="module")
def fifty():
    return [generate_council(seed) for seed in range(50)]


# ---- reproducible --------------------------------------------------------------------------------------------

def test_a_seed_gives_the_same_council_and_the_same_files(tmp_path):
    a, b, other = generate_council(3, **BUSY), generate_council(3, **BUSY), generate_council(4, **BUSY)
    paths_a = a.write_returns(str(tmp_path / "a"))
    b.write_returns(str(tmp_path / "b"))
    other.write_returns(str(tmp_path / "other"))
    names = [os.path.basename(p) for p in paths_a]
    assert len(names) == 3 * 16
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == len(names)
    _, differ, _ = filecmp.cmpfiles(tmp_path / "a", tmp_path / "other", names, shallow=False)
    assert len(differ) >= 32
    assert a.counts_by_31_march() == b.counts_by_31_march() != other.counts_by_31_march()


def test_an_override_changes_that_parameter_only():
    drawn = generate_council(8).params
    changed = generate_council(8, entries_per_year=55.0).params
    assert changed.entries_per_year == 55.0 != drawn.entries_per_year
    assert changed.replace(entries_per_year=drawn.entries_per_year) == drawn
    with pytest.raises(TypeError, match="entries_per_yaer"):
        generate_council(8, entries_per_yaer=55.0)


# ---- the files agree with the truth, and with themselves -----------------------------------------------------

def test_the_children_in_care_counted_from_the_files_are_the_truth_on_every_31_march(busy):
    council, _, (episodes, _, _, _) = busy
    truth = council.counts_by_31_march()
    assert len(truth) == 17
    assert {d: in_care_from_files(episodes, d) for d in truth} == truth
    assert min(truth.values()) > 100


def test_duplicated_rows_do_not_change_what_the_files_say(busy, tmp_path):
    council, _, (episodes, _, _, rows) = busy
    council.write_returns(str(tmp_path), duplicate_share=0.05)
    messy_episodes, _, _, messy_rows = read_returns(str(tmp_path))
    assert messy_episodes == episodes
    extra = sum(len(messy_rows[n]) - len(rows[n]) for n in rows if n.startswith("episodes_"))
    total = sum(len(rows[n]) for n in rows if n.startswith("episodes_"))
    assert 0.03 * total < extra < 0.07 * total


def test_every_episode_is_consistent(busy):
    council, _, (episodes, dobs, ducs, rows) = busy
    last_day = datetime.date(council.last_year, 3, 31)
    by_child = collections.defaultdict(list)
    for (child, decom, ls, place), r in episodes.items():
        assert ls in LEGAL_STATUSES and place in PLACEMENTS and r["REC"] in REASONS_CEASED | {""}, r
        assert (r["DEC"] == "") == (r["REC"] == ""), r
        by_child[child].append((decom, day(r["DEC"]) if r["DEC"] else None, r))
    assert set(by_child) == set(dobs)
    periods = 0
    for child, eps in by_child.items():
        eps.sort(key=lambda e: e[0])
        dob = dobs[child]
        age18 = birthday(dob, 18)
        short_breaks = eps[0][2]["LS"] in ("V3", "V4")
        for i, (decom, dec, r) in enumerate(eps):
            assert dob <= decom < age18, (child, r)
            if dec is None:
                assert i == len(eps) - 1 and age18 > last_day, (child, r)
                continue
            assert decom < dec <= age18, (child, r)
            if i + 1 < len(eps):
                next_decom, _, next_r = eps[i + 1]
                if r["REC"] == "X1":
                    assert next_decom == dec and next_r["RNE"] != "S", (child, r, next_r)
                else:
                    assert next_decom > dec and next_r["RNE"] == "S", (child, r, next_r)
            else:
                assert r["REC"] != "X1", (child, r)
            if r["REC"] == "E17" and not short_breaks:
                assert dec == age18, (child, r)
        if eps[0][0] >= datetime.date(council.first_year, 4, 1):
            assert eps[0][2]["RNE"] == "S", (child, eps[0])
        periods += sum(1 for e in eps if e[2]["RNE"] == "S")
    assert periods > 1000
    # a UASC child's DUC is the 18th birthday once it has passed
    assert len(ducs) > 50
    for year in range(council.first_year, council.last_year):
        for r in rows[f"uasc_{year}.csv"]:
            age18 = birthday(dobs[r["CHILD"]], 18)
            assert r["DUC"] == (age18.strftime("%d/%m/%Y") if age18 <= datetime.date(year + 1, 3, 31) else ""), r


def test_each_year_holds_the_episodes_open_in_it_with_dec_blank_while_open(busy):
    council, _, (episodes, _, _, rows) = busy
    for year in range(council.first_year, council.last_year):
        first, last = datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
        expected = {}
        for key, r in episodes.items():
            dec = day(r["DEC"]) if r["DEC"] else None
            if key[1] <= last and (dec is None or dec >= first):
                expected[key] = r["DEC"] if dec is not None and dec <= last else ""
        got = {(r["CHILD"], day(r["DECOM"]), r["LS"], r["PLACE"]): r["DEC"] for r in rows[f"episodes_{year}.csv"]}
        assert got == expected, year
        assert len(rows[f"episodes_{year}.csv"]) == len(got)                    # no duplicate rows by default
        children = {r["CHILD"] for r in rows[f"episodes_{year}.csv"]}
        assert {r["CHILD"] for r in rows[f"header_{year}.csv"]} == children


# ---- plausible, and different from one another ---------------------------------------------------------------

# The ranges council.py's docstring states, pooled over 50 councils.
NATIONAL_RANGES = {"returned_home": (0.28, 0.40), "sgo": (0.10, 0.16), "adopted": (0.07, 0.14),
                   "aged_18": (0.14, 0.22)}


def test_exit_shares_over_fifty_councils_fall_in_the_national_ranges(fifty):
    total = collections.Counter()
    for council in fifty:
        for by_reason in council.exits_by_year_and_reason().values():
            total.update(by_reason)
    n = sum(total.values())
    assert n > 50_000
    shares = {r: total[r] / n for r in EXITS}
    for reason, (lo, hi) in NATIONAL_RANGES.items():
        assert lo <= shares[reason] <= hi, (reason, shares)
    rest = shares["cao"] + shares["independent_living"] + shares["other"]
    assert 0.20 <= rest <= 0.30, shares
    median_months = np.median(np.concatenate([c.leaver_durations() for c in fifty])) / (365.25 / 12)
    assert 11 <= median_months <= 18
    ratio = np.median([c.in_care_on(f"{c.first_year}-03-31") / c.params.entries_per_year for c in fifty])
    assert 2.0 <= ratio <= 3.2


def test_councils_differ_widely_in_how_their_numbers_in_care_change(fifty):
    changes = []
    for council in fifty:
        counts = council.counts_by_31_march()
        for a, b in ((2009, 2014), (2013, 2018), (2018, 2023)):
            changes.append(counts[datetime.date(b, 3, 31)] / counts[datetime.date(a, 3, 31)] - 1)
    changes = np.array(changes)
    assert np.std(np.log1p(changes)) > 0.12
    assert (changes > 0.20).sum() >= 10
    assert (changes < -0.20).sum() >= 5
    sizes = [council.in_care_on(f"{council.first_year}-03-31") for council in fifty]
    assert min(sizes) < 150 and max(sizes) > 800


def test_the_drawn_trends_and_shocks_are_in_the_entries(fifty):
    implied, realised = [], []
    for council in fifty:
        entries = council.entries_by_year()
        years = np.array(sorted(entries))
        n = np.array([entries[y] for y in years], float)
        level = np.array([entry_log_level(council.params, y + 0.25 + (np.arange(12) + 0.5) / 12).mean()
                          for y in years])
        implied.append(level - level.mean())
        realised.append(np.log(n) - np.log(n).mean())
    assert np.corrcoef(np.concatenate(implied), np.concatenate(realised))[0, 1] > 0.7


def test_uasc_children_arrive_only_while_the_inflow_is_on(fifty):
    with_uasc = [c for c in fifty if c.params.uasc_per_year > 0]
    assert 10 <= len(with_uasc) <= 40
    arrived = 0
    for council in with_uasc:
        p = council.careers.period
        starts = 1970 + p["start"][p["uasc"]] / 365.2425
        on = np.zeros(len(starts), bool)
        for lo, hi in council.params.uasc_on:
            on |= (starts >= lo - 0.05) & (starts < hi + 0.05)          # switched month by month
        assert on.all()
        arrived += len(starts)
    assert arrived > 500


# ---- caseflow reads them --------------------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists(CLI), reason=f"no caseflow CLI at {CLI} (set CASEFLOW_CLI)")
@pytest.mark.parametrize("as_of", ["2016-03-31", "2024-03-31"])
def test_caseflow_calibrate_reads_the_returns_and_drops_nothing_it_should_keep(busy, tmp_path, as_of):
    council, folder, (episodes, _, _, rows) = busy
    files = lambda kind: sorted(glob.glob(os.path.join(folder, f"{kind}_*.csv")))   # noqa: E731
    out = tmp_path / "scenario.json"
    run = subprocess.run([CLI, "calibrate", "--episodes", *files("episodes"), "--header", *files("header"),
                          "--uasc", *files("uasc"), "--as-of", as_of, "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    in_care = re.search(r"(\d+) children in care on " + as_of, run.stdout)
    assert in_care and int(in_care.group(1)) == council.in_care_on(as_of), run.stdout

    with open(tmp_path / "scenario.data-quality.csv", newline="") as f:
        report = list(csv.DictReader(f))
    by_rule = collections.Counter((r["action"], r["rule"]) for r in report)
    episode_rows = sum(len(v) for k, v in rows.items() if k.startswith("episodes_"))
    repeated = episode_rows - len(episodes)                         # an episode in several years' returns
    repeats_dropped = sum(1 for r in report if os.path.basename(r["file"]).startswith("episodes_")
                          and r["rule"] in ("duplicate_row", "superseded_episode"))
    assert repeats_dropped == repeated
    short_breaks = sum(1 for r in episodes.values() if r["LS"] in ("V3", "V4"))
    assert by_rule[("dropped", "not_in_care")] == short_breaks > 0
    # everything else: dropped or changed by a rule means the files say something other than the truth
    expected = {"duplicate_row", "superseded_episode", "superseded_uasc", "not_in_care"}
    other_drops = [r for r in report if r["action"] == "dropped" and r["rule"] not in expected]
    assert len(other_drops) < 0.01 * len(episodes), other_drops[:5]
    assert other_drops == []
    assert [r for r in report if r["action"] == "changed"] == []
    assert all(math.isfinite(float(v)) for v in re.findall(r'"per_year": ([0-9.eE+-]+)', out.read_text()))
