// `caseflow bench` from the outside: the table's figures agree with each other, --months changes the
// horizon, nothing is written, and bad arguments exit 2.

#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow::testing;

namespace {

// A row of the table: its label, then the 1-thread and the T-thread figure.
struct Row {
  std::string single, parallel;
};

// The table's rows by label: "  events   104016   104016" -> rows["events"] = {"104016", "104016"}. The
// label is every word but the last two (labels have spaces: "wall time (s)").
std::map<std::string, Row> table(const std::string& out) {
  std::map<std::string, Row> rows;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  ", 0) != 0) continue;
    std::istringstream words(line);
    std::vector<std::string> tokens;
    for (std::string word; words >> word;) tokens.push_back(word);
    if (tokens.size() < 3) continue;
    std::string label;
    for (size_t i = 0; i + 2 < tokens.size(); ++i) label += (i ? " " : "") + tokens[i];
    rows[label] = {tokens[tokens.size() - 2], tokens.back()};
  }
  return rows;
}

class BenchCli : public CliScratch {
 protected:
  // Runs the command with a fresh empty working folder, and checks it is still empty afterwards.
  CliOutcome bench_in_empty_folder(const std::string& arguments) {
    const fs::path work = dir_ / "work";
    fs::create_directories(work);
    const fs::path previous = fs::current_path();
    fs::current_path(work);
    CliOutcome outcome = caseflow("bench " + arguments);
    fs::current_path(previous);
    EXPECT_TRUE(fs::is_empty(work)) << "caseflow bench wrote files";
    return outcome;
  }
};

}  // namespace

TEST_F(BenchCli, BothRunsProcessTheSameEventsAndTheFiguresAgree) {
  CliOutcome outcome = bench_in_empty_folder(example() + " --replications 20 --threads 2");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  auto rows = table(outcome.out);
  for (const char* label : {"replications", "months", "events", "wall time (s)", "CPU time (s)", "events/s per core",
                            "replications/s", "peak memory (MB)", "thread scaling"})
    ASSERT_TRUE(rows.count(label)) << "no row \"" << label << "\" in\n" << outcome.out;
  EXPECT_EQ(rows["replications"].single, "20");
  EXPECT_EQ(rows["replications"].parallel, "20");
  EXPECT_EQ(rows["months"].single, "36");  // the example's horizon
  // The same replications with the same seed: the same events, whatever the threads.
  EXPECT_EQ(rows["events"].single, rows["events"].parallel);
  const double events = std::stod(rows["events"].single);
  EXPECT_GT(events, 0);
  EXPECT_GT(std::stod(rows["thread scaling"].parallel), 0);
  for (const char* label : {"wall time (s)", "events/s per core", "replications/s", "peak memory (MB)"}) {
    EXPECT_GT(std::stod(rows[label].single), 0) << label;
    EXPECT_GT(std::stod(rows[label].parallel), 0) << label;
  }
  // Replications per second and wall time describe the same run, up to the rounding of the printed figures
  // (wall time to 0.0005 s, replications/s to 0.05).
  const double wall = std::stod(rows["wall time (s)"].single);
  const double rate = std::stod(rows["replications/s"].single);
  EXPECT_NEAR(rate * wall, 20.0, 0.0005 * rate + 0.05 * wall + 1e-9);
  // The process's peak memory can only grow from the first run to the second.
  EXPECT_GE(std::stod(rows["peak memory (MB)"].parallel), std::stod(rows["peak memory (MB)"].single));
  EXPECT_NE(outcome.out.find("2 threads"), std::string::npos) << outcome.out;
}

TEST_F(BenchCli, MonthsReplacesTheHorizon) {
  CliOutcome full = bench_in_empty_folder(example() + " --replications 10 --threads 1");
  CliOutcome short_run = bench_in_empty_folder(example() + " --replications 10 --threads 1 --months 12");
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(short_run.exit_code, 0) << short_run.err;
  auto full_rows = table(full.out), short_rows = table(short_run.out);
  EXPECT_EQ(short_rows["months"].single, "12");
  // A year of the same replications is a strict part of three years: fewer events, and some.
  EXPECT_LT(std::stod(short_rows["events"].single), std::stod(full_rows["events"].single));
  EXPECT_GT(std::stod(short_rows["events"].single), 0);
}

TEST_F(BenchCli, BadArgumentsExitTwoWithAMessage) {
  struct Case {
    std::string arguments, message;
  };
  const std::vector<Case> cases = {
      {example() + " --replications 0", "--replications must be between 1 and"},
      {example() + " --threads two", "--threads must be a whole number, got \"two\""},
      {example() + " --months 0", "--months must be between 1 and 1200, got 0"},
      {example() + " --out somewhere", "unknown option --out"},
      {"", "SCENARIO is required; usage: caseflow bench [OPTIONS] SCENARIO"},
      {dir_.string() + "/no-such-scenario.json", "no-such-scenario.json: cannot open the scenario file"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.arguments);
    CliOutcome outcome = bench_in_empty_folder(c.arguments);
    EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
    EXPECT_NE(outcome.err.find(c.message), std::string::npos) << outcome.err;
    EXPECT_TRUE(outcome.out.empty()) << outcome.out;
  }
}
