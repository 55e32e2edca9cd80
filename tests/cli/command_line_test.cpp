// The command line itself: --help and --version, the same option names everywhere, and usage errors that
// are one line naming the flag (with a suggestion for a mistyped one), exit code 2, nothing written.

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow::testing;

namespace {

class CommandLine : public CliScratch {};

// Each command and what its --help must show: every option, with its default where it has one.
const std::map<std::string, std::vector<std::string>>& expected_help() {
  static const std::map<std::string, std::vector<std::string>> help = {
      {"run",
       {"Usage: caseflow run [OPTIONS] SCENARIO", "--replications N=1000", "--seed S=1", "--threads T=0", "-o,--out DIR",
        "--per-replication", "--parameter-uncertainty", "--report FILE.html", "--max-memory-mb MB",
        "--max-children N=10000000"}},
      {"compare",
       {"Usage: caseflow compare [OPTIONS] BASE STRATEGY...", "--replications N=1000", "--seed S=1", "--threads T=0",
        "-o,--out DIR", "--report FILE.html", "--max-memory-mb MB", "--max-children N=10000000"}},
      {"report",
       {"Usage: caseflow report [OPTIONS] SCENARIO", "-o,--out,--output FILE.html REQUIRED", "--replications N=1000",
        "--seed S=1", "--threads T=0", "--max-memory-mb MB", "--max-children N=10000000"}},
      {"calibrate",
       {"Usage: caseflow calibrate [OPTIONS]", "--episodes FILE ... REQUIRED", "--header FILE ... REQUIRED",
        "--uasc FILE ...", "--mapping FILE", "--as-of DATE REQUIRED", "-o,--out SCENARIO.json REQUIRED", "--since DATE",
        "--window-years auto|N=auto", "--drift estimated|none=estimated", "--arrival-trend none|recent=none",
        "--hazard exponential|weibull=weibull", "--age-split auto|never=auto", "--quality-report FILE",
        "--horizon-months N=36"}},
      {"backtest",
       {"Usage: caseflow backtest [OPTIONS]", "--episodes FILE ... REQUIRED", "--header FILE ... REQUIRED", "--uasc FILE ...",
        "--mapping FILE", "--as-of DATE", "-o,--out DIR REQUIRED", "--since DATE", "--window-years auto|N=auto",
        "--drift estimated|none=estimated", "--arrival-trend none|recent=none",
        "--hazard exponential|weibull=weibull", "--age-split auto|never=auto", "--months N=12", "--rolling",
        "--horizons YEARS,...", "--min-history-years N=3", "--every-years N=1", "--replications N=1000", "--seed S=1", "--threads T=0",
        "--uncertainty chance|parameters|all=all", "--parameter-uncertainty"}},
      {"export-903",
       {"Usage: caseflow export-903 [OPTIONS] SCENARIO", "-o,--out DIR REQUIRED", "--seed S=1", "--replication R=0",
        "--mapping FILE", "--parameter-uncertainty"}},
      {"bench",
       {"Usage: caseflow bench [OPTIONS] SCENARIO", "--replications N=1000", "--seed S=1", "--threads T=0", "--months M",
        "--max-memory-mb MB", "--max-children N=10000000"}},
      {"serve",
       {"Usage: caseflow serve [OPTIONS] [SCENARIO]", "--port N=8903", "--replications N=1000", "--scenarios DIR",
        "--max-seconds N=60"}},
  };
  return help;
}

}  // namespace

TEST_F(CommandLine, HelpOfEveryCommandExitsZeroAndShowsItsOptionsWithTheirDefaults) {
  for (const auto& [command, shown] : expected_help()) {
    SCOPED_TRACE(command);
    for (const std::string& flag : {" --help", " -h"}) {
      CliOutcome outcome = caseflow(command + flag);
      EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
      EXPECT_TRUE(outcome.err.empty()) << outcome.err;
      for (const std::string& text : shown) EXPECT_NE(outcome.out.find(text), std::string::npos) << text << " in\n" << outcome.out;
      EXPECT_NE(outcome.out.find("exit codes: 0 success, 2 bad input"), std::string::npos) << outcome.out;
    }
    // `caseflow help COMMAND` is the same.
    EXPECT_EQ(caseflow("help " + command).out, caseflow(command + " --help").out);
  }
}

TEST_F(CommandLine, HelpOfTheProgramListsEveryCommand) {
  CliOutcome outcome = caseflow("--help");
  EXPECT_EQ(outcome.exit_code, 0);
  for (const auto& [command, shown] : expected_help())
    EXPECT_NE(outcome.out.find("\n  " + command + " "), std::string::npos) << command << " in\n" << outcome.out;
  EXPECT_EQ(caseflow("help").out, outcome.out);
  // The help fits a terminal of 80 columns.
  for (const auto& [command, shown] : expected_help()) {
    std::istringstream lines(caseflow(command + " --help").out);
    for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 80u) << line;
  }
}

TEST_F(CommandLine, VersionIsTheProjectVersion) {
  CliOutcome outcome = caseflow("--version");
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.out, std::string("caseflow ") + CASEFLOW_VERSION + "\n");
  EXPECT_TRUE(outcome.err.empty()) << outcome.err;
}

TEST_F(CommandLine, NoCommandPrintsTheUsageOnStderrAndExitsTwo) {
  CliOutcome outcome = caseflow("");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_TRUE(outcome.out.empty()) << outcome.out;
  EXPECT_NE(outcome.err.find("Usage: caseflow [OPTIONS] [SUBCOMMAND]"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("\n  run "), std::string::npos) << outcome.err;
}

TEST_F(CommandLine, AMistypedFlagOrCommandExitsTwoWithASuggestion) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"run " + example() + " --replicatons 5", "unknown option --replicatons; did you mean --replications?"},
      {"run " + example() + " --replicatons=5", "unknown option --replicatons; did you mean --replications?"},
      {"compare " + example() + " " + example() + " --ot " + path("x"), "unknown option --ot; did you mean --out?"},
      // A required flag misspelt: the suggestion, not "--episodes is required".
      {"calibrate --episode e.csv --header h.csv --as-of 2019-03-31 -o " + path("x"),
       "unknown option --episode; did you mean --episodes?"},
      {"backtest --episodes e.csv --header h.csv --as_of 2019-03-31 -o " + path("x"),
       "unknown option --as_of; did you mean --as-of?"},
      {"bench " + example() + " --month 3", "unknown option --month; did you mean --months?"},
      {"--verison", "unknown option --verison; did you mean --version?"},
      {"rnu " + example(), "unknown command \"rnu\"; did you mean \"run\"?"},
      // Nothing close: the flags the command has.
      {"bench " + example() + " --out " + path("x"),
       "unknown option --out; caseflow bench takes --help --replications --seed --threads --uncertainty --parameter-uncertainty --months --max-memory-mb "
       "--max-children"},
      {"fly", "unknown command \"fly\"; the commands are run, compare, report, calibrate, backtest, export-903, bench, serve"},
  };
  for (const auto& [arguments, message] : cases) {
    SCOPED_TRACE(arguments);
    CliOutcome outcome = caseflow(arguments);
    EXPECT_EQ(outcome.exit_code, 2);
    EXPECT_EQ(outcome.err, "error: caseflow: " + message + "\n");
    EXPECT_TRUE(outcome.out.empty()) << outcome.out;
  }
  EXPECT_FALSE(fs::exists(path("x")));
}

TEST_F(CommandLine, EveryUsageErrorIsOneLineNamingTheFlagAndWritesNothing) {
  const std::string run = "run " + example() + " -o " + path("out");
  const std::string calibrate = "calibrate --episodes e.csv --header h.csv -o " + path("out/x.json");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {run + " --replications", "--replications needs a value"},
      {run + " --replications 0", "--replications must be between 1 and 10000000, got 0"},
      {run + " --replications 10000001", "--replications must be between 1 and 10000000, got 10000001"},
      {run + " --replications ten", "--replications must be a whole number, got \"ten\""},
      {run + " --replications 1e3", "--replications must be a whole number, got \"1e3\""},
      {run + " --replications 0x10", "--replications must be a whole number, got \"0x10\""},
      {run + " --threads 1025", "--threads must be between 0 and 1024, got 1025"},
      {run + " --threads -1", "--threads must be between 0 and 1024, got -1"},
      {run + " --seed -1", "--seed must be a whole number >= 0, got \"-1\""},
      {run + " --seed 18446744073709551616", "--seed must be a whole number >= 0, got \"18446744073709551616\""},
      {run + " --max-memory-mb 0", "--max-memory-mb must be between 1 and 1099511627776, got 0"},
      {run + " --max-children lots", "--max-children must be a whole number, got \"lots\""},
      {run + " --per-replication=yes", "--per-replication takes no value"},
      {"run " + example() + " --report", "--report needs a value"},
      {"run " + example() + " --out --per-replication", "--out needs a value"},
      {"run " + example() + " " + example(), "unexpected \"" + example() + "\"; usage: caseflow run [OPTIONS] SCENARIO"},
      {"run", "SCENARIO is required; usage: caseflow run [OPTIONS] SCENARIO"},
      {"compare " + example(), "STRATEGY is required; usage: caseflow compare [OPTIONS] BASE STRATEGY..."},
      {"report " + example(), "--out FILE.html is required"},
      {"export-903 " + example(), "--out DIR is required"},
      {calibrate, "--as-of DATE is required"},
      {calibrate + " --as-of 2019-02-30", "--as-of must be a date YYYY-MM-DD (or dd/mm/yyyy), got \"2019-02-30\""},
      {calibrate + " --as-of 2019-03-31 --hazard gamma", "--hazard must be exponential or weibull, got \"gamma\""},
      {calibrate + " --as-of 2019-03-31 --age-split always", "--age-split must be auto or never, got \"always\""},
      {"calibrate --episodes --header h.csv --as-of 2019-03-31 -o " + path("out"), "--episodes needs at least one file"},
      {"calibrate --episodes e.csv --as-of 2019-03-31 -o " + path("out") + " --header", "--header needs at least one file"},
      {"calibrate --episodes e.csv --as-of 2019-03-31 -o " + path("out"), "--header FILE... is required"},
      {"backtest --episodes e.csv --header h.csv --as-of 2019-03-31 -o " + path("out") + " --months 1201",
       "--months must be between 1 and 1200, got 1201"},
  };
  for (const auto& [arguments, message] : cases) {
    SCOPED_TRACE(arguments);
    CliOutcome outcome = caseflow(arguments);
    EXPECT_EQ(outcome.exit_code, 2);
    EXPECT_EQ(outcome.err, "error: caseflow: " + message + "\n");
    EXPECT_TRUE(outcome.out.empty()) << outcome.out;
    EXPECT_FALSE(fs::exists(path("out")));
  }
}

// Whole numbers are read in decimal, as people write them: "010" is ten (CLI11 alone would read eight).
TEST_F(CommandLine, NumbersAreDecimalAndTheLastOfARepeatedOptionCounts) {
  CliOutcome outcome = caseflow("run " + example() + " --replications 010 --seed 7 --seed 3 --threads 1 -o " + path("a"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find(": 10 replications, 36 months"), std::string::npos) << outcome.out;
  ASSERT_EQ(caseflow("run " + example() + " --replications=10 --seed=3 --threads=1 --out=" + path("b")).exit_code, 0);
  EXPECT_EQ(read(path("a/summary.csv")), read(path("b/summary.csv")));
}

TEST_F(CommandLine, ReportWritesToOutAndItsShortAndOldForms) {
  const std::string common = "report " + example() + " --replications 5 --seed 2 --threads 1 ";
  CliOutcome outcome = caseflow(common + "--out " + path("long.html"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("wrote " + path("long.html")), std::string::npos) << outcome.out;
  const std::string html = read(path("long.html"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u) << html.substr(0, 100);
  ASSERT_EQ(caseflow(common + "-o " + path("short.html")).exit_code, 0);
  ASSERT_EQ(caseflow(common + "--output=" + path("old.html")).exit_code, 0);
  EXPECT_EQ(read(path("short.html")), html);
  EXPECT_EQ(read(path("old.html")), html);
}

TEST_F(CommandLine, RunAndCompareTakeOutAndItsShortForm) {
  ASSERT_EQ(caseflow("run " + example() + " --replications 3 -o " + path("run")).exit_code, 0);
  EXPECT_TRUE(fs::exists(path("run/summary.csv")));
  ASSERT_EQ(caseflow("compare " + example() + " " + example() + " --replications 3 -o " + path("compare")).exit_code, 0);
  EXPECT_TRUE(fs::exists(path("compare/comparison_in_care.csv")));
}

// --episodes, --header and --uasc take several files, and may be repeated (docs/calibration.md).
TEST_F(CommandLine, FileListsTakeSeveralFilesAndMayBeRepeated) {
  const std::string data = source("tests/data/ssda903/");
  CliOutcome together = caseflow("calibrate --episodes " + data + "episodes_2019.csv " + data + "episodes_2020.csv --header " +
                                 data + "header_2019.csv " + data + "header_2020.csv --uasc " + data +
                                 "uasc_2019.csv --as-of 2019-03-31 --allow-dropped-rows -o " + path("together.json"));
  ASSERT_EQ(together.exit_code, 0) << together.err;
  CliOutcome repeated = caseflow("calibrate --as-of 2019-03-31 --episodes " + data + "episodes_2019.csv --header " + data +
                                 "header_2019.csv --episodes " + data + "episodes_2020.csv --uasc " + data +
                                 "uasc_2019.csv --header " + data + "header_2020.csv --allow-dropped-rows --out " +
                                 path("repeated.json"));
  ASSERT_EQ(repeated.exit_code, 0) << repeated.err;
  EXPECT_NE(together.out.find("(2 episode files, 2 header files, 1 UASC files)"), std::string::npos) << together.out;
  EXPECT_NE(repeated.out.find("(2 episode files, 2 header files, 1 UASC files)"), std::string::npos) << repeated.out;
  EXPECT_EQ(read(path("together.json")), read(path("repeated.json")));
}
