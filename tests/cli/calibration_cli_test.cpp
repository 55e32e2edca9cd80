// `caseflow export-903`, `calibrate`, `backtest` and `run --parameter-uncertainty` from the outside: the
// files they write, that a calibrated scenario loads and runs, exit code 2 with the file and place for
// bad input, and nothing half-written.

#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow;
using namespace caseflow::testing;
using nlohmann::json;

namespace {

class CalibrationCli : public CliScratch {
 protected:
  // Four collection years of a simulated council, 2016-17 to 2019-20.
  void export_truth() {
    CliOutcome outcome = caseflow("export-903 " + source("tests/data/calibration/truth.json") + " --seed 3 --out " + path("data"));
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  }
  std::string data_files() const {
    std::string files = " --episodes";
    for (int y = 2017; y <= 2020; ++y) files += " " + path("data") + "/episodes_" + std::to_string(y) + ".csv";
    files += " --header";
    for (int y = 2017; y <= 2020; ++y) files += " " + path("data") + "/header_" + std::to_string(y) + ".csv";
    files += " --uasc " + path("data") + "/uasc_2017.csv " + path("data") + "/uasc_2020.csv";
    return files;
  }
};

}  // namespace

TEST_F(CalibrationCli, CalibrateWritesAScenarioThatLoadsWithNotesAndUncertainty) {
  export_truth();
  EXPECT_TRUE(fs::exists(path("data") + "/episodes_2017.csv"));
  EXPECT_TRUE(fs::exists(path("data") + "/uasc_2020.csv"));
  CliOutcome outcome = caseflow("calibrate" + data_files() + " --as-of 2019-03-31 -o " + path("out/fit.json"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  ASSERT_TRUE(fs::exists(path("out/fit.data-quality.csv")));
  EXPECT_EQ(lines(path("out/fit.data-quality.csv"))[0], "file,line,child,action,rule,detail");
  Scenario scenario = load_scenario(path("out/fit.json"));
  EXPECT_EQ(format_iso_date(scenario.start_date), "2019-03-31");
  EXPECT_EQ(scenario.horizon_months, 36);
  EXPECT_GE(scenario.transitions.size(), 10u);
  EXPECT_EQ(scenario.arrivals.size(), 2u);
  for (const auto& transition : scenario.transitions) {
    EXPECT_NE(transition.note.find("days at risk"), std::string::npos) << transition.note;
    EXPECT_NE(transition.time.note.find("SE"), std::string::npos) << transition.time.note;
    EXPECT_TRUE(transition.time.uncertainty.given);
  }
  for (const auto& stream : scenario.arrivals) {
    EXPECT_NE(stream.note.find("entries to care"), std::string::npos);
    EXPECT_NE(stream.note.find("SE"), std::string::npos);
    EXPECT_TRUE(stream.uncertainty.given);
  }
  for (const auto& cohort : scenario.initial_population) EXPECT_NE(cohort.note.find("observed in care on 2019-03-31"), std::string::npos);
  // By default a window chosen for the council (docs/calibration.md), said in the note, with drift estimated from
  // all the years before; --window-years 2 takes the last two years.
  EXPECT_NE(scenario.note.find("chosen for this council: "), std::string::npos) << scenario.note;
  outcome = caseflow("calibrate" + data_files() + " --as-of 2019-03-31 --window-years 2 -o " + path("two.json"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("data window 2017-04-01 to 2019-03-31"), std::string::npos) << outcome.out;
  outcome = caseflow("calibrate" + data_files() + " --as-of 2019-03-31 --window-years two -o " + path("bad.json"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err, "error: caseflow: --window-years must be auto or a whole number of years from 0 to 100, got \"two\"\n");
  EXPECT_TRUE(scenario.drift.has_arrivals);
  EXPECT_EQ(scenario.ranges.count("/drift/arrivals/volatility_per_year"), 1u);
  EXPECT_NE(scenario.drift.arrivals_note.find("from 2"), std::string::npos) << scenario.drift.arrivals_note;
  outcome = caseflow("calibrate" + data_files() + " --as-of 2019-03-31 --window-years 0 -o " + path("all.json"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(load_scenario(path("all.json")).note.find("2016-04-01 to 2019-03-31"), std::string::npos);

  // Weibull hazards and a report put elsewhere.
  outcome = caseflow("calibrate" + data_files() + " --as-of 31/03/2019 --hazard weibull --horizon-months 12 -o " +
                     path("w.json") + " --quality-report " + path("reports/q.csv"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(fs::exists(path("reports/q.csv")));
  Scenario weibull = load_scenario(path("w.json"));
  int weibulls = 0;
  for (const auto& transition : weibull.transitions) weibulls += transition.time.kind == TimeDistribution::Kind::weibull;
  EXPECT_GT(weibulls, 5);

  // The calibrated scenario runs with its parameter uncertainty (the default), identically at 1 and 2 threads,
  // and as before with --parameter-uncertainty; --uncertainty chance leaves the estimates' uncertainty out.
  std::string run = "run " + path("out/fit.json") + " --replications 30 --seed 4";
  ASSERT_EQ(caseflow(run + " --threads 1 --out " + path("r1")).exit_code, 0);
  ASSERT_EQ(caseflow(run + " --threads 2 --out " + path("r2")).exit_code, 0);
  EXPECT_EQ(read(path("r1/summary.csv")), read(path("r2/summary.csv")));
  ASSERT_EQ(caseflow(run + " --parameter-uncertainty --out " + path("r4")).exit_code, 0);
  EXPECT_EQ(read(path("r1/summary.csv")), read(path("r4/summary.csv")));
  ASSERT_EQ(caseflow(run + " --uncertainty chance --out " + path("r3")).exit_code, 0);
  EXPECT_NE(read(path("r1/summary.csv")), read(path("r3/summary.csv")));
}

TEST_F(CalibrationCli, CalibrateReportsTheMessyFixtureRowByRow) {
  std::string data = source("tests/data/ssda903/");
  const std::string files = "calibrate --episodes " + data + "episodes_2019.csv " + data + "episodes_2020.csv --header " + data +
                            "header_2019.csv " + data + "header_2020.csv --uasc " + data + "uasc_2019.csv --as-of 2019-03-31 -o " +
                            path("fit.json");
  // 9 of its 59 rows cannot be read: far more than the 1% calibrate takes without being asked (issue 16).
  CliOutcome outcome = caseflow(files);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err, "error: " + data + "episodes_2019.csv: line 11: DECOM \"31/02/2018\" is not a date; 9 of the return's 59 rows (15.3%) could "
                         "not be read (bad_birth_date 1, bad_start_date 1, end_before_start 1, missing_birth_date 1, missing_child 1, "
                         "missing_start_date 1, no_header 1, start_before_birth 1, unterminated_quote 1), more than the 1.0% "
                         "caseflow calibrates without: correct the files, or accept the loss with --allow-dropped-rows\n");
  EXPECT_FALSE(fs::exists(path("fit.json")));
  EXPECT_FALSE(fs::exists(path("fit.data-quality.csv")));
  outcome = caseflow(files + " --allow-dropped-rows");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  std::string report = read(path("fit.data-quality.csv"));
  EXPECT_NE(report.find(data + "episodes_2019.csv,6,C3,changed,overlap_truncated,"), std::string::npos) << report;
  EXPECT_NE(report.find(data + "episodes_2019.csv,33,,dropped,unterminated_quote,"), std::string::npos) << report;
  EXPECT_NE(outcome.out.find("overlap_truncated (changed): 1"), std::string::npos) << outcome.out;
  EXPECT_NO_THROW(load_scenario(path("fit.json")));
}

TEST_F(CalibrationCli, BadInputExitsTwoNamingFileAndPlaceAndWritesNothing) {
  std::string data = source("tests/data/ssda903/");
  std::string headers = " --header " + data + "header_2019.csv";
  // Bad files are in tests/data/bad_ssda903, run by cli_hardening_test.cpp; here, bad options and mappings.
  std::string good = " --episodes " + data + "episodes_2019.csv" + headers + " --allow-dropped-rows";
  CliOutcome outcome = caseflow("calibrate" + good + " --as-of 2021-01-01 -o " + path("o/fit.json"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("calibration: as_of: 2021-01-01 is after the data end"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(path("o")));

  outcome = caseflow("calibrate" + good + " -o " + path("o/fit.json"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("--as-of DATE is required"), std::string::npos);
  EXPECT_EQ(caseflow("calibrate" + good + " --as-of 2019-02-30 -o " + path("x.json")).exit_code, 2);
  EXPECT_EQ(caseflow("calibrate" + good + " --as-of 2019-03-31 --hazard gamma -o " + path("x.json")).exit_code, 2);
  EXPECT_EQ(caseflow("calibrate --episodes " + headers + " --as-of 2019-03-31 -o " + path("x.json")).exit_code, 2);
  EXPECT_EQ(caseflow("calibrate --episodes " + data + "episodes_2019.csv --as-of 2019-03-31 -o " + path("x.json")).exit_code, 2);

  std::ofstream(path("mapping.json")) << json::parse(default_mapping_text()).dump();
  json mapping = json::parse(read(path("mapping.json")));
  mapping["state_rules"][5]["state"] = "icco";
  std::ofstream(path("mapping.json"), std::ios::trunc) << mapping.dump(2);
  outcome = caseflow("calibrate" + good + " --mapping " + path("mapping.json") + " --as-of 2019-03-31 -o " + path("x.json"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find(path("mapping.json") + ": /state_rules/5/state: unknown state \"icco\"; did you mean \"ico\"?"),
            std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(path("x.json")));
}

TEST_F(CalibrationCli, BacktestWritesTheComparisonAndRefusesMonthsBeyondTheData) {
  export_truth();
  CliOutcome outcome = caseflow("backtest" + data_files() + " --as-of 2019-03-31 --months 12 --replications 100 --seed 2 "
                                "--parameter-uncertainty --out " + path("bt"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  auto rows = lines(path("bt/backtest.csv"));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], "date,months_ahead,state,observed,mean,p05,p25,p50,p75,p95,error,in_50,in_90");
  EXPECT_EQ(rows.size(), 1u + 13u * 10u);  // months 0..12 x (9 mapping states + in_care)
  EXPECT_EQ(rows[1].rfind("2019-03-31,0,ico,", 0), 0u) << rows[1];
  EXPECT_EQ(rows.back().rfind("2020-03-31,12,in_care,", 0), 0u) << rows.back();
  for (const char* file : {"backtest.txt", "scenario.json", "data-quality.csv"}) EXPECT_TRUE(fs::exists(path("bt") + "/" + file)) << file;
  EXPECT_NE(outcome.out.find("By state, 12 months ahead:"), std::string::npos);
  EXPECT_NO_THROW(load_scenario(path("bt/scenario.json")));

  outcome = caseflow("backtest" + data_files() + " --as-of 2019-03-31 --months 13 --out " + path("bt2"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("backtest: months: forecasting 13 months from 2019-03-31 reaches 2020-04-30, beyond the data "
                             "(they end on 2020-03-31)"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(path("bt2")));
}

// A return saved by a spreadsheet in a US locale (mm/dd/yyyy) once calibrated with exit 0 from a third of its
// episodes, the days up to 12 read with day and month swapped (issue 16). Each file's order is now told from
// its dates: the same return in either order calibrates to the same scenario; stated wrongly, the rows it
// loses are refused.
TEST_F(CalibrationCli, AReturnWithUsDatesCalibratesAsTheSameReturnWithUkDates) {
  export_truth();
  const std::regex date("([0-9]{2})/([0-9]{2})/([0-9]{4})");
  for (const auto& entry : fs::directory_iterator(path("data"))) {
    fs::create_directories(path("us"));
    std::ofstream(path("us") + "/" + entry.path().filename().string()) << std::regex_replace(read(entry.path()), date, "$2/$1/$3");
  }
  std::string us_files = data_files();
  for (size_t at; (at = us_files.find(path("data"))) != std::string::npos;) us_files.replace(at, path("data").size(), path("us"));
  ASSERT_NE(read(path("us") + "/episodes_2018.csv"), read(path("data") + "/episodes_2018.csv"));

  CliOutcome uk = caseflow("calibrate" + data_files() + " --as-of 2019-03-31 -o " + path("uk.json"));
  ASSERT_EQ(uk.exit_code, 0) << uk.err;
  CliOutcome us = caseflow("calibrate" + us_files + " --as-of 2019-03-31 -o " + path("us.json"));
  ASSERT_EQ(us.exit_code, 0) << us.err;
  // The same but for the names of the files, in the scenario's note.
  auto with_uk_names = [&](std::string text) {
    for (size_t at; (at = text.find(path("us"))) != std::string::npos;) text.replace(at, path("us").size(), path("data"));
    return text;
  };
  EXPECT_EQ(with_uk_names(read(path("us.json"))), read(path("uk.json")));
  CliOutcome stated = caseflow("calibrate" + us_files + " --as-of 2019-03-31 --date-order mdy -o " + path("stated.json"));
  ASSERT_EQ(stated.exit_code, 0) << stated.err;
  EXPECT_EQ(with_uk_names(read(path("stated.json"))), read(path("uk.json")));

  CliOutcome wrong = caseflow("calibrate" + us_files + " --as-of 2019-03-31 --date-order dmy -o " + path("wrong.json"));
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err.rfind("error: " + path("us") + "/episodes_", 0), 0u) << wrong.err;
  EXPECT_NE(wrong.err.find("could not be read (bad_start_date "), std::string::npos) << wrong.err;
  EXPECT_FALSE(fs::exists(path("wrong.json")));
  EXPECT_EQ(caseflow("calibrate" + us_files + " --as-of 2019-03-31 --date-order ymd -o " + path("bad.json")).exit_code, 2);
}

TEST_F(CalibrationCli, CalibrateWarnsWhenTwoFilesAreForOneYearAndAYearHasNone) {
  export_truth();
  // The 2017/18 return given twice and the 2018/19 one left out: both are warned on stderr and reported.
  const std::string data = path("data");
  std::string files = " --episodes " + data + "/episodes_2017.csv " + data + "/episodes_2018.csv " + data +
                      "/episodes_2018.csv " + data + "/episodes_2020.csv --header";
  for (int y = 2017; y <= 2020; ++y) files += " " + data + "/header_" + std::to_string(y) + ".csv";
  CliOutcome outcome = caseflow("calibrate" + files + " --as-of 2019-03-31 -o " + path("fit.json"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.err.find("warning: " + data + "/episodes_2018.csv: taken for the collection year 2017/18"), std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find("warning: " + data + "/episodes_2020.csv: no episodes file is for the collection year 2018/19"),
            std::string::npos)
      << outcome.err;
  std::string quality;
  for (const auto& line : lines(path("fit.data-quality.csv"))) quality += line + "\n";
  EXPECT_NE(quality.find(",0,,note,collection_year_shared,"), std::string::npos);
  EXPECT_NE(quality.find(",0,,note,collection_year_missing,"), std::string::npos);
  // All four years given: no warning.
  outcome = caseflow("calibrate" + data_files() + " --as-of 2019-03-31 -o " + path("all.json"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err.find("warning"), std::string::npos) << outcome.err;
}
