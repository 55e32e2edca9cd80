"""The Excel workbook of `caseflow run --xlsx` and `caseflow compare --xlsx` (and RunResult.to_excel,
Comparison.to_excel), read back with openpyxl: each sheet of an output file has the file's rows, and every cell
equals the file's field (numbers to the 16 significant digits libxlsxwriter writes, more than the 15 Excel shows;
ids in the scenario's words; dates as dates); the costs by financial
year equal costs_summary.csv with the part years marked and a totals row; the Assumptions list every unit cost
with its source; the CSV files write money in plain digits."""

import csv
import datetime
import subprocess

import openpyxl
import pytest

import caseflow
from conftest import HEREFORDSHIRE, SCENARIOS

# The engine's own ids in words: what the workbook promises for them.
ENGINE_WORDS = {"in_care": "All children in care", "arrival": "Entering care", "diverted": "Kept out of care (diverted)",
                "running_costs": "Running costs of interventions", "total": "Total",
                "cost_per_child_year": "Cost per child-year (placements)", "month": "Month",
                "financial_year": "Financial year", "all": "All years"}
RUN_SHEETS = {"Children in care": "summary.csv", "Moves by month": "flows_summary.csv", "Costs": "costs_summary.csv",
              "Placements": "placements_summary.csv", "Budget": "budget.csv"}
COMPARISON_SHEETS = {"In care over time": "comparison_in_care.csv", "Summary": "comparison_summary.csv",
                     "Routes out of care": "comparison_routes.csv", "Comparators": "comparison_comparators.csv",
                     "Net saving": "comparison_costs.csv", "Base children in care": "base_summary.csv"}
TEXT_COLUMNS = {"state", "from", "to", "period_type", "period", "category", "placement_type", "financial_year",
                "strategy", "name", "route", "comparator"}
DATE_COLUMNS = {"date", "month_start"}
MONEY = {"budget", "mean_cost", "base_cost", "strategy_cost"}
SHARES = {"probability_over_budget", "base_probability", "strategy_probability", "chance_of_saving"}


def words_of(scenario_path, strategies=None):
    """Every id of the scenario's tables in the words the workbook should use."""
    d = caseflow.Scenario.load(scenario_path).to_dict()
    words = dict(ENGINE_WORDS)
    for key in ("states", "exits", "placement_types", "comparators"):
        words.update({item["id"]: item.get("label") or item["id"] for item in d.get(key, [])})
    words.update({item["id"]: item.get("label") or item["id"] for item in d.get("costs", {}).get("allowances", [])})
    for strategy, name in (strategies or {}).items():
        words[strategy] = name.split(": ", 1)[1] if ": " in name else name
    return words


def sixteen_digits(number):
    return format(number, ".16G")


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


def assert_sheet_equals_csv(sheet, rows, words, money_file=False):
    header, body = rows[0], rows[1:]
    cells = list(sheet.iter_rows(values_only=True))
    assert len(cells) == len(body) + 1, sheet.title
    # Every column labelled for people: no file's column name as a heading.
    headings = cells[0][:len(header)]
    assert all(h and h != name for h, name in zip(headings, header)), (sheet.title, headings)
    formats = list(sheet.iter_rows(min_row=2, max_row=2))[0] if body else []
    for r, (fields, values) in enumerate(zip(body, cells[1:]), start=2):
        for c, (name, field, value) in enumerate(zip(header, fields, values)):
            where = f"{sheet.title}!{openpyxl.utils.get_column_letter(c + 1)}{r} ({name})"
            if name in DATE_COLUMNS:
                assert isinstance(value, datetime.datetime) and value.strftime("%Y-%m-%d") == field, where
            elif name in TEXT_COLUMNS:
                expected = field if name in ("period", "name") else words.get(field, field)
                assert value == expected, (where, value, expected)
                if name not in ("period", "name", "financial_year"):  # ids, each with its words
                    assert field in words, f"{where}: the id {field!r} has no words"
            elif field == "":
                assert value is None, where
            else:
                # libxlsxwriter writes a number to 16 significant digits (Excel shows 15): the same 16 digits.
                assert isinstance(value, (int, float)) and sixteen_digits(float(field)) == sixteen_digits(value), \
                    (where, field, value)
    for name, cell in zip(header, formats):
        if name in MONEY or name.startswith("net_saving") or (money_file and name not in TEXT_COLUMNS):
            assert "£" in cell.number_format, (sheet.title, name, cell.number_format)
        if name in SHARES:
            assert "%" in cell.number_format, (sheet.title, name, cell.number_format)


@pytest.fixture(scope="module")
def run_outputs(cli, tmp_path_factory):
    folder = tmp_path_factory.mktemp("workbook")
    out, book = folder / "out", folder / "run.xlsx"
    outcome = subprocess.run([str(cli), "run", str(HEREFORDSHIRE), "--replications", "20", "--seed", "3", "--out", str(out),
                              "--xlsx", str(book)], capture_output=True, text=True)
    assert outcome.returncode == 0, outcome.stderr
    assert f"wrote {book} (the Excel workbook)" in outcome.stdout
    return out, book


def test_every_sheet_of_the_run_workbook_equals_its_csv_file(run_outputs):
    out, book = run_outputs
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames[0] == "About"
    assert set(RUN_SHEETS) <= set(workbook.sheetnames)
    words = words_of(HEREFORDSHIRE)
    for sheet, file in RUN_SHEETS.items():
        assert_sheet_equals_csv(workbook[sheet], read_csv(out / file), words, money_file=file == "costs_summary.csv")
    # Every file of the run has its sheet, and the About sheet names it.
    about = " ".join(str(v) for row in workbook["About"].iter_rows(values_only=True) for v in row if v)
    for file in RUN_SHEETS.values():
        assert file in about


def test_costs_by_year_have_years_as_rows_part_years_marked_and_a_totals_row(run_outputs):
    out, book = run_outputs
    words = words_of(HEREFORDSHIRE)
    years = {}  # year -> category -> mean
    for row in read_csv(out / "costs_summary.csv")[1:]:
        if row[0] == "financial_year":
            years.setdefault(row[1], {})[row[2]] = float(row[3])
    sheet = openpyxl.load_workbook(book)["Costs by year"]
    values = openpyxl.load_workbook(book, data_only=True)["Costs by year"]
    headings = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows[:len(years)]] == list(years)
    # 2 November 2020 to 2 November 2025: the first and last financial years are part years.
    months = {r[0]: r[1] for r in rows[:len(years)]}
    assert months["2020/21"] == 5 and months["2021/22"] == 12 and months["2025/26"] == 7
    assert {r[0] for r in rows[:len(years)] if r[2] == "part year"} == {"2020/21", "2025/26"}
    categories = [c for c in next(iter(years.values())) if c not in ("total", "cost_per_child_year")] + ["total"]
    for year_row, year in zip(rows, years):
        for category in categories:
            column = headings.index(words[category] + ", average")
            assert sixteen_digits(year_row[column]) == sixteen_digits(years[year][category]), (year, category)
    # The totals row: a SUM formula over the years of each category, whose value is the sum of the averages.
    total_row = len(years) + 2
    assert sheet.cell(total_row, 1).value == "All years"
    for category in categories:
        column = headings.index(words[category] + ", average") + 1
        letter = openpyxl.utils.get_column_letter(column)
        assert sheet.cell(total_row, column).value == f"=SUM({letter}2:{letter}{len(years) + 1})"
        assert values.cell(total_row, column).value == pytest.approx(sum(y[category] for y in years.values()), rel=1e-12)
        assert "£" in sheet.cell(total_row, column).number_format


def test_the_assumptions_list_every_unit_cost_with_its_source(run_outputs):
    _, book = run_outputs
    d = caseflow.Scenario.load(HEREFORDSHIRE).to_dict()
    rows = list(openpyxl.load_workbook(book)["Assumptions"].iter_rows(min_row=2, values_only=True))
    by_item = {row[1]: row for row in rows if row[1]}
    costs = [(t["label"], t["weekly_cost"], t.get("note", "")) for t in d["placement_types"]]
    costs += [(a["label"], a["weekly_cost"], a.get("note", "")) for a in d["costs"]["allowances"]]
    costs += [(f"Budget {b['financial_year']}", b["amount"], b.get("note", "")) for b in d["costs"]["budgets"]]
    assert len(costs) > 10
    for label, cost, note in costs:
        assert label in by_item, label
        row = by_item[label]
        assert row[3] == cost and row[8] == note and note, label


def test_python_writes_the_same_workbook_as_the_command_line(run_outputs, tmp_path):
    _, book = run_outputs
    result = caseflow.run(caseflow.Scenario.load(HEREFORDSHIRE), replications=20, seed=3)
    written = result.to_excel(tmp_path / "python.xlsx")
    assert written == tmp_path / "python.xlsx"
    ours, theirs = openpyxl.load_workbook(written), openpyxl.load_workbook(book)
    assert ours.sheetnames == theirs.sheetnames
    for name in ours.sheetnames:
        assert list(ours[name].iter_rows(values_only=True)) == list(theirs[name].iter_rows(values_only=True)), name


def test_money_in_the_csv_files_is_never_in_scientific_notation(run_outputs):
    out, _ = run_outputs
    budget = read_csv(out / "budget.csv")
    assert [row[1] for row in budget[1:]] == ["17136000", "17136000"]
    for file in ("budget.csv", "costs_summary.csv", "placements_summary.csv"):
        text = (out / file).read_text()
        assert "e+" not in text and "e-" not in text.replace("financial_year", ""), file


def test_every_sheet_of_the_comparison_workbook_equals_its_csv_file(cli, tmp_path):
    strategies = ["edge-of-care", "sgo-push", "faster-courts"]
    out, book = tmp_path / "out", tmp_path / "compare.xlsx"
    outcome = subprocess.run([str(cli), "compare", str(HEREFORDSHIRE)]
                             + [str(SCENARIOS / "strategies" / f"{s}.json") for s in strategies]
                             + ["--replications", "20", "--seed", "5", "--out", str(out), "--xlsx", str(book)],
                             capture_output=True, text=True)
    assert outcome.returncode == 0, outcome.stderr
    names = {s: caseflow.Scenario.load(SCENARIOS / "strategies" / f"{s}.json").name for s in strategies}
    words = words_of(HEREFORDSHIRE, names)
    workbook = openpyxl.load_workbook(book)
    for sheet, file in COMPARISON_SHEETS.items():
        assert_sheet_equals_csv(workbook[sheet], read_csv(out / file), words)
    # The ranking: every strategy, by its difference in children in care at the end, the largest fall first.
    summary = read_csv(out / "comparison_summary.csv")
    column = summary[0].index("end_difference_mean")
    expected = sorted(summary[1:], key=lambda row: float(row[column]))
    ranking = list(workbook["Ranking"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in ranking] == list(range(1, len(strategies) + 1))
    assert [row[1] for row in ranking] == [words[row[0]] for row in expected]
    assert [sixteen_digits(row[3]) for row in ranking] == [sixteen_digits(float(row[column])) for row in expected]
    # Each strategy's running costs are among the assumptions, with their source.
    assumptions = list(workbook["Assumptions"].iter_rows(min_row=2, values_only=True))
    for strategy in strategies:
        for intervention in caseflow.Scenario.load(SCENARIOS / "strategies" / f"{strategy}.json").to_dict().get("interventions", []):
            if intervention.get("annual_cost"):
                assert any(row[2] == strategy and row[3] == intervention["annual_cost"] for row in assumptions), strategy

    # Python's Comparison writes the same workbook.
    comparison = caseflow.compare(caseflow.Scenario.load(HEREFORDSHIRE),
                                  [caseflow.Scenario.load(SCENARIOS / "strategies" / f"{s}.json") for s in strategies],
                                  replications=20, seed=5)
    ours = openpyxl.load_workbook(comparison.to_excel(tmp_path / "python.xlsx"))
    assert ours.sheetnames == workbook.sheetnames
    for name in ours.sheetnames:
        assert list(ours[name].iter_rows(values_only=True)) == list(workbook[name].iter_rows(values_only=True)), name


def test_a_bad_xlsx_path_is_a_usage_error_before_anything_runs(cli, tmp_path):
    (tmp_path / "a-folder").mkdir()
    outcome = subprocess.run([str(cli), "run", str(HEREFORDSHIRE), "--replications", "2", "--out", str(tmp_path / "out"),
                              "--xlsx", str(tmp_path / "a-folder")], capture_output=True, text=True)
    assert outcome.returncode == 2
    assert "--xlsx must name a file" in outcome.stderr
    assert not (tmp_path / "out").exists()
