"""`caseflow serve` over HTTP: every endpoint, its limits and refusals, cancellation, concurrent clients, a clean
stop, and that a what-if equals `caseflow compare` on the same scenarios and seed."""

import csv
import io
import json
import subprocess
import threading
import time

import openpyxl
import pytest

from conftest import REPO, Server

BASE = "herefordshire-2020.json"
STRATEGY = "strategies/all-combined.json"


def test_the_page_and_its_files_are_served(server):
    status, headers, body = server.request("GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<script src="/app.js">' in body and b"http" not in body.split(b"<body>")[1].replace(b"http://www.w3.org", b"")
    for path, kind in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        status, headers, _ = server.request("GET", path)
        assert status == 200 and headers["Content-Type"].startswith(kind)
    assert server.request("GET", "/nothing-here")[0] == 404


def test_lists_scenarios_and_gives_one_with_its_levers(server):
    status, listing = server.json("GET", "/api/scenarios")
    assert status == 200
    ids = {item["id"]: item for item in listing["scenarios"]}
    assert ids[STRATEGY]["base"] == BASE and "base" not in ids[BASE]
    assert listing["max_replications"] == 1000
    status, scenario = server.json("GET", "/api/scenario?id=" + STRATEGY)
    assert status == 200
    paths = {lever["path"] for lever in scenario["levers"]}
    assert {"/interventions/0/share", "/arrivals/0/per_year", "/costs/budgets/0/amount"} <= paths
    assert server.json("GET", "/api/scenario?id=../Makefile")[0] == 404


def test_an_upload_is_validated_and_its_errors_name_the_json_path(server):
    document = json.loads((REPO / "scenarios" / "example-small.json").read_text())
    status, body = server.json("POST", "/api/scenario", document)
    assert status == 200 and body["levers"]
    document["arrivals"][0]["per_year"] = "many"
    status, body = server.json("POST", "/api/scenario", document)
    assert status == 400 and body["place"] == "/arrivals/0/per_year"
    status, body = server.json("POST", "/api/scenario", "{not json")
    assert status == 400 and body["source"] == "upload"


def test_a_what_if_with_a_bad_lever_names_it(server):
    request = {"base": BASE, "strategy": STRATEGY, "levers": {"/interventions/0/share": 2}, "replications": 5}
    status, body = server.json("POST", "/api/whatif", request)
    assert status == 400 and body["place"] == "/interventions/0/share" and body["source"] == "strategy"
    status, body = server.json("POST", "/api/whatif", {"base": BASE, "replications": 100000})
    assert status == 400 and body["place"] == "/replications"


def test_an_oversized_request_is_refused(server):
    status, _, _ = server.request("POST", "/api/whatif", b"{" + b" " * (9 * 1024 * 1024) + b"}")
    assert status == 413


def test_requests_from_elsewhere_are_refused(server):
    # A form posted by another site (no JSON content type), or a request under another host name.
    assert server.request("POST", "/api/whatif", b"base=x", content_type="application/x-www-form-urlencoded")[0] == 403
    assert server.request("GET", "/api/scenarios", headers={"Host": "evil.example:80"})[0] == 403


def compare_csv(cli, tmp_path, strategy_file, replications, seed):
    out = tmp_path / "compare"
    subprocess.run([str(cli), "compare", str(REPO / "scenarios" / BASE), str(strategy_file), "--replications",
                    str(replications), "--seed", str(seed), "-o", str(out)], check=True, capture_output=True)
    with open(out / "comparison_in_care.csv") as f:
        in_care = list(csv.DictReader(f))
    with open(out / "comparison_costs.csv") as f:
        costs = list(csv.DictReader(f))
    return in_care, costs


def test_a_what_if_equals_caseflow_compare_on_the_downloaded_strategy(server, cli, tmp_path):
    request = {"base": BASE, "strategy": STRATEGY, "replications": 40, "seed": 11,
               "levers": {"/interventions/0/share": 0.3, "/interventions/6/placements": 6, "/arrivals/0/per_year": 70}}
    status, result = server.json("POST", "/api/whatif", request)
    assert status == 200, result
    status, headers, strategy = server.request("POST", "/api/strategy", request)
    assert status == 200 and 'filename="strategy.json"' in headers["Content-Disposition"]
    strategy_file = tmp_path / "strategy.json"
    strategy_file.write_bytes(strategy)
    # `caseflow run` accepts the download unchanged.
    subprocess.run([str(cli), "run", str(strategy_file), "--replications", "2", "-o", str(tmp_path / "run")], check=True,
                   capture_output=True)
    in_care, costs = compare_csv(cli, tmp_path, strategy_file, 40, 11)
    assert [row["date"] for row in in_care] == result["dates"]
    for k, row in enumerate(in_care):
        assert float(row["base_mean"]) == result["base"]["mean"][k]
        assert float(row["strategy_mean"]) == result["strategy"]["mean"][k]
        for q in ("mean", "p05", "p50", "p95"):
            assert float(row["difference_" + q]) == result["difference"][q][k]
    # comparison_costs.csv ends with a row of all years together, which the page does not show.
    assert costs[-1]["financial_year"] == "all"
    costs = costs[:-1]
    assert [row["financial_year"] for row in costs] == [c["financial_year"] for c in result["costs"]]
    for row, cost in zip(costs, result["costs"]):
        assert float(row["net_saving_mean"]) == cost["net_saving"]["mean"]
        assert float(row["strategy_cost"]) == cost["strategy_cost"]
    assert "children" in result["headline"]


def test_the_report_downloads(server):
    status, headers, body = server.request("POST", "/api/report", {"base": BASE, "strategy": "strategies/sgo-push.json",
                                                                   "replications": 8})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.startswith(b"<!DOCTYPE html>") and b"Difference from the base over time" in body


def test_the_workbook_downloads_and_equals_caseflow_compare_xlsx(server, cli, tmp_path):
    request = {"base": BASE, "strategy": STRATEGY, "replications": 12, "seed": 4, "levers": {"/arrivals/0/per_year": 70}}
    status, headers, body = server.request("POST", "/api/workbook", request)
    assert status == 200, body[:500]
    assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="comparison.xlsx"' in headers["Content-Disposition"]
    ours = openpyxl.load_workbook(io.BytesIO(body))
    assert ours.sheetnames[0] == "About"
    assert {"In care over time", "Summary", "Net saving", "Base children in care", "Ranking", "Assumptions"} <= set(ours.sheetnames)
    # The same workbook as `caseflow compare --xlsx` on the downloaded strategy (saved as strategy.json, whose
    # name is the strategy's id there as here), but for the About sheet, which names the files compared.
    strategy_file = tmp_path / "strategy.json"
    strategy_file.write_bytes(server.request("POST", "/api/strategy", request)[2])
    book = tmp_path / "compare.xlsx"
    subprocess.run([str(cli), "compare", str(REPO / "scenarios" / BASE), str(strategy_file), "--replications", "12",
                    "--seed", "4", "-o", str(tmp_path / "compare"), "--xlsx", str(book)], check=True, capture_output=True)
    theirs = openpyxl.load_workbook(book)
    assert ours.sheetnames == theirs.sheetnames
    for name in ours.sheetnames[1:]:
        assert list(ours[name].iter_rows(values_only=True)) == list(theirs[name].iter_rows(values_only=True)), name


def test_a_bad_workbook_request_is_refused_naming_the_field(server):
    status, body = server.json("POST", "/api/workbook", {"base": BASE, "replications": 0})
    assert status == 400 and body["place"] == "/replications"


SSDA903 = REPO / "tests" / "data" / "ssda903"
YEARS = range(2017, 2021)
RETURNS = ([f"episodes_{y}.csv" for y in YEARS] + [f"header_{y}.csv" for y in YEARS] + [f"uasc_{y}.csv" for y in YEARS])


@pytest.fixture(scope="module")
def returns(cli, tmp_path_factory):
    """Four collection years, 2016-17 to 2019-20, of a simulated council, as `caseflow export-903` writes them."""
    folder = tmp_path_factory.mktemp("ssda903")
    subprocess.run([str(cli), "export-903", str(REPO / "tests" / "data" / "calibration" / "truth.json"), "--seed", "3",
                    "--out", str(folder)], check=True, capture_output=True)
    return folder


def uploaded(names, folder):
    return [{"name": name, "text": (folder / name).read_text(encoding="utf-8")} for name in names]


def test_ssda903_returns_calibrate_into_the_scenario_caseflow_calibrate_writes(server, cli, returns):
    # The files in another order, and one named for nothing: they are told apart by their columns.
    order = sorted(RETURNS, key=lambda name: name[-8:])
    files = uploaded(order, returns)
    renamed = next(file for file in files if file["name"] == "header_2018.csv")
    renamed["name"] = "return-c.csv"
    status, scenario = server.json("POST", "/api/ssda903", {"files": files, "as_of": "2019-03-31"})
    assert status == 200, scenario
    assert scenario["name"] == "Calibrated from SSDA903, as of 2019-03-31" and scenario["levers"]
    (returns / "return-c.csv").write_bytes((returns / "header_2018.csv").read_bytes())
    episodes = [file["name"] for file in files if file["name"].startswith("episodes")]
    headers = [file["name"] for file in files if file["name"].startswith("header") or file["name"] == "return-c.csv"]
    uasc = [file["name"] for file in files if file["name"].startswith("uasc")]
    subprocess.run([str(cli), "calibrate", "--episodes", *episodes, "--header", *headers, "--uasc", *uasc,
                    "--as-of", "2019-03-31", "-o", "fit.json"], cwd=returns, check=True, capture_output=True)
    assert scenario["document"] == json.loads((returns / "fit.json").read_text())


def test_a_what_if_runs_on_a_base_calibrated_from_ssda903_returns(server, returns):
    status, scenario = server.json("POST", "/api/ssda903", {"files": uploaded(RETURNS, returns)})
    assert status == 200, scenario
    # Without a date it starts on the last day of the latest collection year.
    assert scenario["document"]["start_date"] == "2020-03-31"
    arrivals = next(lever for lever in scenario["levers"] if lever["path"].startswith("/arrivals/"))
    request = {"base": scenario["document"], "replications": 20, "seed": 3, "levers": {arrivals["path"]: arrivals["value"] * 3}}
    status, result = server.json("POST", "/api/whatif", request)
    assert status == 200, result
    assert result["base_name"] == scenario["name"]
    assert result["strategy"]["mean"][-1] > result["base"]["mean"][-1]


def test_bad_ssda903_files_are_refused_naming_the_file_and_line(server, returns):
    # A real return with many unreadable rows (as `caseflow calibrate` refuses it).
    messy = ["episodes_2019.csv", "episodes_2020.csv", "header_2019.csv", "header_2020.csv", "uasc_2019.csv"]
    status, body = server.json("POST", "/api/ssda903", {"files": uploaded(messy, SSDA903)})
    assert status == 400 and body["source"] == "episodes_2019.csv" and body["place"] == "line 11", body
    # An episodes file none of whose rows can be read.
    episodes = (SSDA903 / "episodes_2020.csv").read_text(encoding="utf-8").replace("01/09/2018", "yesterday")
    episodes = episodes.replace("15/06/2018", "last week").replace("01/01/2020", "soon")
    headers = uploaded(["header_2020.csv"], SSDA903)
    status, body = server.json("POST", "/api/ssda903", {"files": headers + [{"name": "broken_episodes.csv", "text": episodes}]})
    assert status == 400 and body["source"] == "broken_episodes.csv" and body["place"] == "line 2", body
    # A file that is no return, and returns without an episodes file.
    status, body = server.json("POST", "/api/ssda903", {"files": headers + [{"name": "notes.csv", "text": "A,B\n1,2\n"}]})
    assert status == 400 and body["source"] == "notes.csv" and body["place"] == "line 1", body
    status, body = server.json("POST", "/api/ssda903", {"files": headers})
    assert status == 400 and "episodes" in body["error"], body
    status, body = server.json("POST", "/api/ssda903", {"files": uploaded(RETURNS, returns), "as_of": "31 March"})
    assert status == 400 and body["place"] == "/as_of", body


def test_concurrent_clients_each_get_their_own_answer(server):
    results = {}

    def ask(seed):
        results[seed] = server.json("POST", "/api/whatif", {"base": BASE, "strategy": STRATEGY, "replications": 20,
                                                            "seed": seed, "session": f"client-{seed}"})

    threads = [threading.Thread(target=ask, args=(seed,)) for seed in (21, 22, 23, 21)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(status == 200 for status, _ in results.values())
    assert results[21][1]["difference"] != results[22][1]["difference"]  # different seeds, different draws
    again = server.json("POST", "/api/whatif", {"base": BASE, "strategy": STRATEGY, "replications": 20, "seed": 22})
    assert again[1]["difference"] == results[22][1]["difference"]  # and the same seed the same numbers


def test_a_newer_request_of_a_session_cancels_the_older(server):
    # England takes seconds a replication's batch: the first request is still running when the second arrives.
    slow = {}

    def ask_slow():
        slow["reply"] = server.json("POST", "/api/whatif", {"base": "england-2024.json", "replications": 1000, "seed": 5,
                                                            "session": "tab"})

    thread = threading.Thread(target=ask_slow)
    started = time.monotonic()
    assert server.json("GET", "/api/status") == (200, {"running": 0})
    thread.start()
    while server.json("GET", "/api/status")[1]["running"] == 0:  # until England's run has started
        assert time.monotonic() - started < 60
        time.sleep(0.05)
    status, body = server.json("POST", "/api/whatif", {"base": "example-small.json", "replications": 10, "session": "tab"})
    thread.join()
    assert status == 200, body
    assert slow["reply"][0] == 409, slow["reply"]
    assert time.monotonic() - started < 60


def test_a_run_that_outlives_its_time_is_stopped(cli):
    limited = Server(cli, "--max-seconds", "1")
    try:
        started = time.monotonic()
        status, body = limited.json("POST", "/api/whatif", {"base": "england-2024.json", "replications": 1000})
        assert status == 503 and "longer than 1 seconds" in body["error"]
        assert time.monotonic() - started < 30
    finally:
        limited.stop()


def test_sigterm_stops_the_server_cleanly_even_during_a_run(cli):
    running = Server(cli, "scenarios/strategies/sgo-push.json")
    status, listing = running.json("GET", "/api/scenarios")
    assert listing["initial"] == "strategies/sgo-push.json"
    def ask():
        try:
            running.json("POST", "/api/whatif", {"base": "england-2024.json"})
        except OSError:
            pass  # the connection may close as the server stops

    thread = threading.Thread(target=ask)
    thread.start()
    time.sleep(1)
    started = time.monotonic()
    code, out, err = running.stop()
    thread.join()
    assert code == 0 and "stopped" in out, err
    assert time.monotonic() - started < 20


def test_a_bad_scenario_on_the_command_line_is_an_error_before_serving(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "caseflow-scenario/1"}')
    done = subprocess.run([str(cli), "serve", str(bad), "--port", "0"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "bad.json" in done.stderr
