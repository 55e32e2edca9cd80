// Bad input through the command line: every bad scenario exits 2 naming the file and the exact JSON path,
// every bad SSDA903 return the file and the line; limits refuse with how to raise them; an interrupted run
// exits promptly with nothing written; output that cannot be written leaves nothing behind.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow::testing;

namespace {

using Outcome = CliOutcome;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines(const fs::path& path) {
  std::vector<std::string> result;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

class CliHardening : public CliScratch {};

struct ExpectedError {
  std::string file, place, fragment;
  std::string named;  // the file the error names when it is not the one run (a base it inherits from), or ""
};

std::vector<ExpectedError> expected_errors(const fs::path& manifest) {
  std::vector<ExpectedError> expected;
  for (const std::string& line : lines(manifest)) {
    if (line.empty() || line[0] == '#') continue;
    ExpectedError e;
    std::istringstream fields(line);
    std::getline(fields, e.file, '\t');
    std::getline(fields, e.place, '\t');
    std::getline(fields, e.fragment, '\t');
    std::getline(fields, e.named, '\t');
    expected.push_back(e);
  }
  return expected;
}

}  // namespace

// tests/data/bad_scenarios/expected.tsv lists each file with the place the CLI must name (a JSON path, or a
// line and column when the file is not JSON) and a part of the message; and, where a mistake is in a base
// the file inherits from, that base, which the error must name instead of the file run.
TEST_F(CliHardening, EveryBadScenarioExitsTwoNamingTheFileAndTheExactPlace) {
  const fs::path folder = source("tests/data/bad_scenarios");
  std::vector<ExpectedError> expected = expected_errors(folder / "expected.tsv");
  ASSERT_GE(expected.size(), 40u);
  std::set<std::string> listed;
  for (const auto& e : expected) listed.insert(e.file);
  EXPECT_EQ(listed.size(), expected.size()) << "a file is listed twice";
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".json")
      EXPECT_TRUE(listed.count(entry.path().filename().string())) << entry.path() << " is not in expected.tsv";

  std::set<std::string> places;
  for (const ExpectedError& e : expected) {
    SCOPED_TRACE(e.file);
    const std::string path = (folder / e.file).string();
    const fs::path out = dir_ / "out";
    Outcome outcome = caseflow("run " + path + " --replications 3 --threads 1 --out " + out.string());
    EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
    const std::string named = e.named.empty() ? path : (folder / e.named).string();
    const std::string prefix = "error: " + named + ": " + e.place + ": ";
    EXPECT_EQ(outcome.err.rfind(prefix, 0), 0u) << "expected to start with \"" << prefix << "\", got " << outcome.err;
    EXPECT_NE(outcome.err.find(e.fragment), std::string::npos) << outcome.err;
    EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 1) << "one line: " << outcome.err;
    EXPECT_FALSE(fs::exists(out)) << "nothing is written for bad input";
    places.insert(e.place);
  }
  EXPECT_GE(places.size(), 35u) << "the cases should cover distinct places in a scenario";
}

// What is not a scenario file at all is named for what it is, promptly: a folder, a device that never ends
// (read in chunks, up to the first NUL byte or the size limit, never whole).
TEST_F(CliHardening, AFolderOrADeviceGivenAsAScenarioSaysWhatItIs) {
  const std::string out = " --replications 3 --threads 1 --out " + (dir_ / "out").string();
  Outcome folder = caseflow("run " + dir_.string() + out);
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_EQ(folder.err, "error: " + dir_.string() + ": is a folder, not a scenario file\n");
  for (const std::string device : {"/dev/zero", "/dev/urandom"}) {
    auto started = std::chrono::steady_clock::now();
    Outcome outcome = caseflow("run " + device + out);
    EXPECT_EQ(outcome.exit_code, 2) << device;
    EXPECT_EQ(outcome.err.rfind("error: " + device + ": line ", 0), 0u) << outcome.err;
    EXPECT_NE(outcome.err.find("contains a NUL byte, which JSON text cannot contain"), std::string::npos) << outcome.err;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10)) << device;
  }
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

namespace {

// A bad SSDA903 return: its folder under tests/data/bad_ssda903, the file at fault, the place, a part of the message.
struct BadReturn {
  std::string folder, file, place, fragment;
};

std::vector<BadReturn> bad_returns(const fs::path& manifest) {
  std::vector<BadReturn> expected;
  for (const std::string& line : lines(manifest)) {
    if (line.empty() || line[0] == '#') continue;
    BadReturn e;
    std::istringstream fields(line);
    std::getline(fields, e.folder, '\t');
    std::getline(fields, e.file, '\t');
    std::getline(fields, e.place, '\t');
    std::getline(fields, e.fragment, '\t');
    expected.push_back(e);
  }
  return expected;
}

// " --episodes F... --header F... --uasc F...": the case's files of each kind, the valid return's where it has none.
std::string return_files(const fs::path& folder, const fs::path& valid) {
  std::string arguments;
  for (const std::string kind : {"episodes", "header", "uasc"}) {
    std::vector<std::string> files;
    for (const fs::path& from : {folder, valid}) {
      for (const auto& entry : fs::directory_iterator(from))
        if (entry.path().filename().string().rfind(kind, 0) == 0) files.push_back(entry.path().string());
      if (!files.empty()) break;
    }
    std::sort(files.begin(), files.end());
    arguments += " --" + kind;
    for (const auto& file : files) arguments += " " + file;
  }
  return arguments;
}

}  // namespace

// tests/data/bad_ssda903/expected.tsv lists each bad return with the file and line the error must name. Each
// goes through both commands that read returns; the valid return they are made from goes through.
TEST_F(CliHardening, EveryBadSsda903ReturnExitsTwoNamingTheFileAndTheLine) {
  const fs::path folder = source("tests/data/bad_ssda903");
  const fs::path valid = folder / "valid-return";
  const std::string dates = " --as-of 2018-12-31";
  const std::string backtest = " --months 1 --replications 2 --threads 1 --out ";
  Outcome good = caseflow("calibrate" + return_files(valid, valid) + dates + " -o " + (dir_ / "fit.json").string());
  ASSERT_EQ(good.exit_code, 0) << good.err;
  good = caseflow("backtest" + return_files(valid, valid) + dates + backtest + (dir_ / "good-backtest").string());
  ASSERT_EQ(good.exit_code, 0) << good.err;

  std::vector<BadReturn> expected = bad_returns(folder / "expected.tsv");
  ASSERT_GE(expected.size(), 24u);
  std::set<std::string> listed, fragments;
  for (const auto& e : expected) listed.insert(e.folder), fragments.insert(e.fragment);
  EXPECT_EQ(listed.size(), expected.size()) << "a folder is listed twice";
  EXPECT_EQ(fragments.size(), expected.size()) << "two cases expect the same message";
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_directory() && entry.path() != valid)
      EXPECT_TRUE(listed.count(entry.path().filename().string())) << entry.path() << " is not in expected.tsv";

  for (const BadReturn& e : expected) {
    SCOPED_TRACE(e.folder);
    const fs::path case_folder = folder / e.folder;
    const fs::path at_fault = fs::exists(case_folder / e.file) ? case_folder / e.file : valid / e.file;
    const std::string prefix = "error: " + at_fault.string() + ": " + (e.place == "(none)" ? "" : e.place + ": ");
    const std::string files = return_files(case_folder, valid);
    const fs::path scenario = dir_ / "out" / "fit.json", out = dir_ / "bt";
    for (const std::string& command : {"calibrate" + files + dates + " -o " + scenario.string(),
                                       "backtest" + files + dates + backtest + out.string()}) {
      SCOPED_TRACE(command);
      Outcome outcome = caseflow(command);
      EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
      EXPECT_EQ(outcome.err.rfind(prefix, 0), 0u) << "expected to start with \"" << prefix << "\", got " << outcome.err;
      EXPECT_NE(outcome.err.find(e.fragment), std::string::npos) << outcome.err;
      EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 1) << "one line: " << outcome.err;
      EXPECT_FALSE(fs::exists(dir_ / "out")) << "nothing is written for bad input";
      EXPECT_FALSE(fs::exists(out)) << "nothing is written for bad input";
    }
  }
}

TEST_F(CliHardening, MemoryLimitRefusesAndSaysHowToRaiseIt) {
  fs::path out = dir_ / "out";
  Outcome refused = caseflow("run " + example() + " --replications 400 --max-memory-mb 1 --out " + out.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err.rfind("error: " + example() + ": 400 replications would need about ", 0), 0u) << refused.err;
  EXPECT_NE(refused.err.find("above the limit of 1 MB: "), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("(--max-memory-mb N on the command line)"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(out));
  // Raised, the same run goes through.
  EXPECT_EQ(caseflow("run " + example() + " --replications 400 --threads 1 --max-memory-mb 100 --out " + out.string()).exit_code, 0);
  EXPECT_TRUE(fs::exists(out / "summary.csv"));
  EXPECT_EQ(caseflow("run " + example() + " --max-memory-mb 0").exit_code, 2);
  Outcome empty_out = caseflow("run " + example() + " --out ''");
  EXPECT_EQ(empty_out.exit_code, 2);
  EXPECT_EQ(empty_out.err, "error: caseflow: --out needs a folder name\n");
  // "--out=" with nothing after it: the value is missing (CLI11 would take the next word as the value).
  Outcome no_out = caseflow("run " + example() + " --out=");
  EXPECT_EQ(no_out.exit_code, 2);
  EXPECT_EQ(no_out.err, "error: caseflow: --out needs a value\n");
  EXPECT_EQ(caseflow("run " + example() + " --max-memory-mb lots").exit_code, 2);
}

TEST_F(CliHardening, ChildrenLimitNamesTheBiggestContributor) {
  // The example: 113 children at the start, 40 + 25 arrivals a year for 3 years; the ICO stream (about 120
  // children) is the biggest part.
  Outcome refused = caseflow("run " + example() + " --replications 2 --max-children 200 --out " + (dir_ / "out").string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err.rfind("error: " + example() + ": /arrivals/0/per_year: one replication would simulate about 308 children", 0), 0u)
      << refused.err;
  EXPECT_NE(refused.err.find("above the limit of 200"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--max-children N"), std::string::npos) << refused.err;
  EXPECT_EQ(caseflow("run " + example() + " --replications 2 --max-children 400 --out " + (dir_ / "out").string()).exit_code, 0);
  EXPECT_EQ(caseflow("run " + example() + " --max-children 3000000000").exit_code, 2);
}

// A horizon of zero months writes valid files: one snapshot date, and flow files with a header only.
TEST_F(CliHardening, HorizonOfZeroMonthsWritesValidFiles) {
  fs::path out = dir_ / "out";
  Outcome outcome = caseflow("run " + source("tests/data/scenarios/horizon-zero.json") +
                             " --replications 4 --per-replication --out " + out.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(lines(out / "summary.csv"),
            (std::vector<std::string>{"date,state,mean,p05,p25,p50,p75,p95", "2021-03-31,foster,7,7,7,7,7,7",
                                      "2021-03-31,residential,3,3,3,3,3,3", "2021-03-31,in_care,10,10,10,10,10,10"}));
  EXPECT_EQ(lines(out / "flows_summary.csv"), (std::vector<std::string>{"month_start,from,to,mean,p05,p50,p95"}));
  EXPECT_EQ(lines(out / "flows.csv"), (std::vector<std::string>{"replication,month_start,from,to,count"}));
  auto stocks = lines(out / "stocks.csv");
  ASSERT_EQ(stocks.size(), 1u + 4u * 3u);
  EXPECT_EQ(stocks[12], "3,2021-03-31,in_care,10");
}

struct Interruption {
  std::string command;  // "run" or "compare"
  int signal;
};

void PrintTo(const Interruption& interruption, std::ostream* out) {
  *out << "caseflow " << interruption.command << ", signal " << interruption.signal;
}

class Interrupted : public CliHardening, public ::testing::WithParamInterface<Interruption> {};

TEST_P(Interrupted, ALongRunExitsWithinASecondAndWritesNothing) {
  const auto [command, signal] = GetParam();
  // About a millisecond a replication: a million would take many minutes.
  json document = scenario_skeleton(24);
  document["states"] = {{{"id", "foster"}}};
  document["exits"] = {{{"id", "home"}}};
  document["transitions"] = {{{"from", "foster"}, {"to", "home"}, {"time", exponential(400)}}};
  document["initial_population"] = {{{"state", "foster"}, {"count", 2000}, {"age_years", {{"5-9", 1.0}}}}};
  fs::path scenario = dir_ / "long.json";
  std::ofstream(scenario) << document.dump();
  fs::path out = dir_ / "out";
  std::vector<std::string> arguments{command, scenario.string()};
  if (command == "compare") arguments.push_back(scenario.string());  // a strategy that changes nothing
  for (std::string word : {"--replications", "1000000", "--threads", "1"}) arguments.push_back(word);
  arguments.push_back(command == "report" ? "-o" : "--out");
  arguments.push_back(command == "report" ? (out / "report.html").string() : out.string());

  pid_t pid = spawn_caseflow(arguments, dir_ / "stdout", dir_ / "stderr");
  ASSERT_GT(pid, 0);
  // Wait until the handlers are in place (the run is about to start), then let it run a little.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!catches(pid, signal) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(catches(pid, signal)) << "caseflow never installed its signal handler";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  auto sent = std::chrono::steady_clock::now();
  ASSERT_EQ(::kill(pid, signal), 0);
  int status = 0;
  pid_t reaped = 0;
  while ((reaped = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() - sent < std::chrono::seconds(5))
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
  if (reaped == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL() << "still running 5 s after the signal";
  }
  EXPECT_LT(seconds, 1.0);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of handling it";
  EXPECT_EQ(WEXITSTATUS(status), 128 + signal);
  EXPECT_NE(read(dir_ / "stderr").find("caseflow " + command + ": interrupted by signal " + std::to_string(signal) +
                                       "; nothing was written"),
            std::string::npos)
      << read(dir_ / "stderr");
  EXPECT_TRUE(files_under(out).empty());
  EXPECT_FALSE(fs::exists(out));
}

INSTANTIATE_TEST_SUITE_P(CliHardening, Interrupted,
                         ::testing::Values(Interruption{"run", SIGTERM}, Interruption{"run", SIGINT},
                                           Interruption{"compare", SIGTERM}, Interruption{"report", SIGINT}),
                         [](const auto& info) {
                           return info.param.command + (info.param.signal == SIGTERM ? "_SIGTERM" : "_SIGINT");
                         });

TEST_F(CliHardening, AnOutputPathThatIsAFileIsRefusedWithNothingWritten) {
  fs::path blocker = dir_ / "results";
  std::ofstream(blocker) << "not a folder";
  Outcome outcome = caseflow("run " + example() + " --replications 2 --out " + blocker.string());
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err, "error: " + blocker.string() + ": exists and is not a folder\n");
  EXPECT_EQ(read(blocker), "not a folder");
  // A folder that cannot be created (a file is in its path): nothing is left behind.
  outcome = caseflow("run " + example() + " --replications 2 --out " + (blocker / "run").string());
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find((blocker / "run").string() + ": cannot create the output folder"), std::string::npos) << outcome.err;
  EXPECT_EQ(files_under(dir_).size(), 3u);  // results, stdout, stderr
}

// A folder in the way of the last file name: the previous run's files, already moved aside, are put back,
// so the folder never mixes two runs.
TEST_F(CliHardening, AFailedCommitRestoresThePreviousRun) {
  fs::path out = dir_ / "out";
  ASSERT_EQ(caseflow("run " + example() + " --replications 3 --seed 1 --out " + out.string()).exit_code, 0);
  const std::string previous = read(out / "summary.csv");
  fs::create_directories(out / "stocks.csv");
  std::ofstream(out / "stocks.csv" / "in-the-way") << "a folder\n";
  Outcome outcome = caseflow("run " + example() + " --replications 3 --seed 2 --per-replication --out " + out.string());
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("stocks.csv: cannot move into place: a folder of that name is in the way"), std::string::npos)
      << outcome.err;
  EXPECT_EQ(read(out / "summary.csv"), previous);
  std::vector<std::string> left = files_under(out);
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"age_bands_summary.csv", "flows_summary.csv", "stocks.csv/in-the-way", "summary.csv"}));
}

TEST_F(CliHardening, ASecondRunReplacesTheFilesWholeAndLeavesNoBackups) {
  fs::path out = dir_ / "out";
  ASSERT_EQ(caseflow("run " + example() + " --replications 3 --seed 1 --out " + out.string()).exit_code, 0);
  const std::string first = read(out / "summary.csv");
  ASSERT_EQ(caseflow("run " + example() + " --replications 3 --seed 2 --out " + out.string()).exit_code, 0);
  EXPECT_NE(read(out / "summary.csv"), first);
  std::vector<std::string> left = files_under(out);
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"age_bands_summary.csv", "flows_summary.csv", "summary.csv"}));
}

// SSDA903 files are bounded while they are read (issue 16): a device that never ends is refused at its first
// NUL byte, a file of more rows than any council's return at the first row beyond the limit, before the
// memory fills; nothing is written.
TEST_F(CliHardening, Ssda903FilesAreBoundedWhileTheyAreRead) {
  const std::string valid = source("tests/data/bad_ssda903/valid-return/");
  const std::string rest = " --header " + valid + "header.csv --as-of 2018-12-31 -o " + path("out/fit.json");
  auto started = std::chrono::steady_clock::now();
  Outcome zero = caseflow("calibrate --episodes /dev/zero" + rest);
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_EQ(zero.err, "error: /dev/zero: line 1: not a CSV text file (it contains a NUL byte)\n");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));

  const fs::path many = dir_ / "many.csv";
  {
    std::ofstream out(many);
    out << "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n";
    for (int row = 0; row <= 1'000'000; ++row) out << "A,01/04/2018,S,C1,U4,,\n";
  }
  Outcome refused = caseflow("calibrate --episodes " + many.string() + rest);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err, "error: " + many.string() + ": line 1000002: more than 1000000 rows, the most caseflow reads from one SSDA903 file\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// export-903 applies the limits run applies: a scenario that would simulate too many children is refused
// before it fills the memory, with how to raise the limit.
TEST_F(CliHardening, Export903AppliesTheRunLimits) {
  const std::string truth = source("tests/data/calibration/truth.json");
  Outcome refused = caseflow("export-903 " + truth + " --max-children 200 --out " + path("out"));
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err.rfind("error: " + truth + ": /arrivals/0/per_year: one replication would simulate about 677 children", 0), 0u)
      << refused.err;
  EXPECT_NE(refused.err.find("--max-children N"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
  Outcome raised = caseflow("export-903 " + truth + " --max-children 1000 --out " + path("out"));
  EXPECT_EQ(raised.exit_code, 0) << raised.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "episodes_2017.csv"));
}
