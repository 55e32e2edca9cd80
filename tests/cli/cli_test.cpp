// The `caseflow run` contract from the outside: files, columns, rows, exit codes, nothing half-written.

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow::testing;

namespace {

using Outcome = CliOutcome;
class CliTest : public CliScratch {};

}  // namespace

TEST_F(CliTest, RunWritesTheContractFiles) {
  fs::path out = dir_ / "out";
  Outcome outcome = caseflow("run " + example() + " --replications 20 --seed 3 --threads 2 --out " + out.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  auto summary = lines(out / "summary.csv");
  ASSERT_FALSE(summary.empty());
  EXPECT_EQ(summary[0], "date,state,mean,p05,p25,p50,p75,p95");
  // 37 snapshot dates (0..36 months) x (5 states + in_care).
  EXPECT_EQ(summary.size(), 1u + 37u * 6u);
  EXPECT_EQ(summary[1].rfind("2020-11-02,ico,20,20,20,20,20,20", 0), 0u) << summary[1];
  EXPECT_EQ(summary[6], "2020-11-02,in_care,113,113,113,113,113,113");
  EXPECT_EQ(summary.back().rfind("2023-11-02,in_care,", 0), 0u) << summary.back();
  auto flows = lines(out / "flows_summary.csv");
  EXPECT_EQ(flows[0], "month_start,from,to,mean,p05,p50,p95");
  EXPECT_EQ((flows.size() - 1) % 36, 0u);
  EXPECT_EQ(flows[1].rfind("2020-11-02,arrival,ico,", 0), 0u) << flows[1];
  EXPECT_FALSE(fs::exists(out / "stocks.csv"));
  // No temporary files are left behind.
  for (const auto& entry : fs::directory_iterator(out)) EXPECT_NE(entry.path().filename().string()[0], '.');
}

TEST_F(CliTest, PerReplicationFilesHaveOneRowPerReplicationDateAndState) {
  fs::path out = dir_ / "out";
  ASSERT_EQ(caseflow("run " + example() + " --replications 7 --out " + out.string() + " --per-replication").exit_code, 0);
  auto stocks = lines(out / "stocks.csv");
  EXPECT_EQ(stocks[0], "replication,date,state,count");
  EXPECT_EQ(stocks.size(), 1u + 7u * 37u * 6u);
  auto flows = lines(out / "flows.csv");
  EXPECT_EQ(flows[0], "replication,month_start,from,to,count");
  EXPECT_EQ(stocks.back().rfind("6,2023-11-02,in_care,", 0), 0u);
}

TEST_F(CliTest, SameSeedSameFilesAtAnyThreadCount) {
  ASSERT_EQ(caseflow("run " + example() + " --replications 30 --threads 1 --out " + (dir_ / "a").string()).exit_code, 0);
  ASSERT_EQ(caseflow("run " + example() + " --replications 30 --threads 2 --out " + (dir_ / "b").string()).exit_code, 0);
  EXPECT_EQ(read(dir_ / "a" / "summary.csv"), read(dir_ / "b" / "summary.csv"));
  EXPECT_EQ(read(dir_ / "a" / "flows_summary.csv"), read(dir_ / "b" / "flows_summary.csv"));
}

TEST_F(CliTest, BadScenarioExitsTwoNamingFileAndPathAndWritesNothing) {
  json document = load_scenario_json(example());
  document["transitions"][3]["time"]["shape"] = -5;
  fs::path bad = dir_ / "bad.json";
  std::ofstream(bad) << document.dump(2);
  fs::path out = dir_ / "out";
  Outcome outcome = caseflow("run " + bad.string() + " --out " + out.string());
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find(bad.string() + ": /transitions/3/time/shape: must be > 0, got -5"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(CliTest, MissingFileAndBadFlagsExitTwo) {
  Outcome missing = caseflow("run " + (dir_ / "nope.json").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.json"), std::string::npos);
  EXPECT_EQ(caseflow("run " + example() + " --replications 0").exit_code, 2);
  EXPECT_EQ(caseflow("run " + example() + " --replications ten").exit_code, 2);
  Outcome typo = caseflow("run " + example() + " --replication 5");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown option --replication"), std::string::npos);
  EXPECT_EQ(caseflow("fly").exit_code, 2);
}

TEST_F(CliTest, DefaultOutputIsANewFolderNamedAfterTheScenario) {
  std::string command = "cd " + dir_.string() + " && " + CASEFLOW_CLI_PATH + " run " + example() +
                        " --replications 3 >/dev/null 2>&1 && " + CASEFLOW_CLI_PATH + " run " + example() +
                        " --replications 3 >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(fs::exists(dir_ / "example-small" / "summary.csv"));
  EXPECT_TRUE(fs::exists(dir_ / "example-small-2" / "summary.csv"));
}

TEST_F(CliTest, CompareWritesPairedDifferencesAndAnUnchangedStrategyDiffersByZero) {
  std::string fixtures = std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/inheritance/";
  fs::path out = dir_ / "cmp";
  Outcome outcome = caseflow("compare " + fixtures + "base.json " + fixtures + "same.json " + fixtures +
                             "longer.json --replications 40 --out " + out.string());
  // longer.json has another horizon: refused before anything runs, nothing written.
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("longer.json: /horizon_months: must equal the base's horizon"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(out));

  outcome = caseflow("compare " + fixtures + "base.json " + fixtures + "same.json --replications 40 --out " + out.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  auto rows = lines(out / "comparison_in_care.csv");
  EXPECT_EQ(rows[0], "strategy,date,base_mean,strategy_mean,difference_mean,difference_p05,difference_p50,difference_p95");
  EXPECT_EQ(rows.size(), 1u + 13u);
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_NE(rows[i].find(",0,0,0,0"), std::string::npos) << rows[i];
  for (const char* name : {"comparison_summary.csv", "comparison_routes.csv", "comparison_comparators.csv",
                           "base_summary.csv", "same_summary.csv"})
    EXPECT_TRUE(fs::exists(out / name)) << name;
  EXPECT_EQ(read(out / "base_summary.csv"), read(out / "same_summary.csv"));
}

TEST_F(CliTest, CostsAreWrittenForAScenarioWithPlacementTypesAndBudgets) {
  fs::path out = dir_ / "out";
  Outcome outcome = caseflow("run " + std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json --replications 5 --out " +
                             out.string() + " --per-replication");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  auto costs = lines(out / "costs_summary.csv");
  EXPECT_EQ(costs[0], "period_type,period,category,mean,p05,p25,p50,p75,p95");
  EXPECT_EQ(costs[1].rfind("month,2020-11,in_house_foster,", 0), 0u) << costs[1];
  bool year_total = false;
  for (const auto& row : costs) year_total |= row.rfind("financial_year,2021/22,total,", 0) == 0;
  EXPECT_TRUE(year_total);
  EXPECT_EQ(lines(out / "budget.csv")[0], "financial_year,budget,mean_cost,probability_over_budget");
  EXPECT_EQ(lines(out / "placements_summary.csv")[0], "date,placement_type,mean,p05,p25,p50,p75,p95");
  EXPECT_EQ(lines(out / "costs.csv")[0], "replication,period,category,cost");
  // The worked example has no placement types: no cost files.
  ASSERT_EQ(caseflow("run " + example() + " --replications 3 --out " + (dir_ / "plain").string()).exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / "plain" / "costs_summary.csv"));
}

// A scenario that states no uncertainty gets a warning once the run has written its files (its band holds
// chance alone), unless chance alone was asked for; --parameter-uncertainty contradicting --uncertainty is a
// usage error.
TEST_F(CliTest, ABandOfChanceAloneIsSaidSo) {
  Outcome outcome = caseflow("run " + example() + " --replications 5 --out " + (dir_ / "a").string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.err.find("states no parameter ranges, estimated uncertainty or drift: its bands hold only the chance"),
            std::string::npos)
      << outcome.err;
  outcome = caseflow("run " + example() + " --replications 5 --uncertainty chance --out " + (dir_ / "b").string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  EXPECT_EQ(lines(dir_ / "a" / "summary.csv"), lines(dir_ / "b" / "summary.csv"));
  outcome = caseflow("run " + example() + " --uncertainty chance --parameter-uncertainty --out " + (dir_ / "c").string());
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err, "error: caseflow: --parameter-uncertainty asks for every source of uncertainty, --uncertainty chance "
                         "for fewer: give one of them\n");
  outcome = caseflow("run " + example() + " --uncertainty some --out " + (dir_ / "d").string());
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("--uncertainty"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(dir_ / "c"));
  EXPECT_FALSE(fs::exists(dir_ / "d"));
}
