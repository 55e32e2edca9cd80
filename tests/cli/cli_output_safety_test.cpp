// Never lose a council's data (issue 16): an output that would overwrite an input is refused before any
// work; runs into one folder never mix; kill -9 leaves nothing behind once the next run has been; every
// command handles Ctrl-C and SIGTERM from its start.

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow::testing;

namespace {

class OutputSafety : public CliScratch {
 protected:
  // The contents of every file under the scratch folder but the runs' stdout and stderr: what a command
  // must leave as it was when it refuses.
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> files;
    for (const std::string& name : files_under(dir_))
      if (name != "stdout" && name != "stderr") files[name] = read(dir_ / name);
    return files;
  }
  // A copy of the example scenario and of the valid SSDA903 return, in the scratch folder.
  void copy_inputs() {
    fs::copy_file(example(), dir_ / "x.json");
    fs::copy_file(example(), dir_ / "s.json");
    for (const std::string name : {"episodes.csv", "header.csv", "uasc.csv"})
      fs::copy_file(source("tests/data/bad_ssda903/valid-return/") + name, dir_ / name);
    fs::copy_file(dir_ / "header.csv", dir_ / "fit.data-quality.csv");
  }
};

struct Refusal {
  std::string name;
  std::string command;  // {D} stands for the scratch folder
  std::string message;  // the whole of stderr, {D} for the scratch folder
};

std::string expand(std::string text, const std::string& folder) {
  for (size_t at; (at = text.find("{D}")) != std::string::npos;) text.replace(at, 3, folder);
  return text;
}

}  // namespace

class OutputOverInput : public OutputSafety, public ::testing::WithParamInterface<Refusal> {};

// Each refusal exits 2 naming both files, and leaves every file as it was: no input changed, nothing written.
TEST_P(OutputOverInput, IsRefusedBeforeAnyWorkNamingBothFiles) {
  copy_inputs();
  fs::create_directories(dir_ / "sub");
  fs::copy_file(dir_ / "header.csv", dir_ / "sub" / "data-quality.csv");
  fs::create_symlink(dir_ / "x.json", dir_ / "link.json");
  fs::create_hard_link(dir_ / "x.json", dir_ / "hard.json");
  const std::map<std::string, std::string> before = snapshot();
  CliOutcome outcome = caseflow(expand(GetParam().command, dir_.string()));
  EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
  EXPECT_EQ(outcome.err, expand(GetParam().message, dir_.string()) + "\n");
  EXPECT_EQ(snapshot(), before) << "a refusal changed or wrote a file";
}

namespace {
const std::string kRefuse = ": writing it would destroy that input; give another file to write";
const std::string kOneFile = " are one file: one would overwrite the other; give them different names";
const std::string kReturn =
    " --episodes {D}/episodes.csv --header {D}/header.csv --uasc {D}/uasc.csv --as-of 2018-12-31";
}  // namespace

INSTANTIATE_TEST_SUITE_P(
    CliHardening, OutputOverInput,
    ::testing::Values(
        Refusal{"run_report_is_the_scenario", "run {D}/x.json --replications 2 --out {D}/out --report {D}/x.json",
                "error: caseflow: --report {D}/x.json is the scenario file {D}/x.json" + kRefuse},
        Refusal{"run_report_is_the_scenario_spelt_otherwise",
                "run {D}/x.json --replications 2 --out {D}/out --report {D}/sub/../x.json",
                "error: caseflow: --report {D}/sub/../x.json is the scenario file {D}/x.json" + kRefuse},
        Refusal{"run_report_is_a_link_to_the_scenario", "run {D}/x.json --replications 2 --out {D}/out --report {D}/link.json",
                "error: caseflow: --report {D}/link.json is the scenario file {D}/x.json" + kRefuse},
        Refusal{"report_out_is_the_scenario", "report {D}/x.json --replications 2 -o {D}/x.json",
                "error: caseflow: --out {D}/x.json is the scenario file {D}/x.json" + kRefuse},
        Refusal{"report_out_is_a_hard_link_to_the_scenario", "report {D}/x.json --replications 2 -o {D}/hard.json",
                "error: caseflow: --out {D}/hard.json is the scenario file {D}/x.json" + kRefuse},
        Refusal{"compare_report_is_a_strategy", "compare {D}/x.json {D}/s.json --replications 2 --out {D}/out --report {D}/s.json",
                "error: caseflow: --report {D}/s.json is the strategy {D}/s.json" + kRefuse},
        Refusal{"calibrate_out_is_the_episodes_file", "calibrate" + kReturn + " -o {D}/episodes.csv",
                "error: caseflow: -o {D}/episodes.csv is the episodes file {D}/episodes.csv" + kRefuse},
        Refusal{"calibrate_quality_report_is_the_header_file",
                "calibrate" + kReturn + " -o {D}/fit.json --quality-report {D}/header.csv",
                "error: caseflow: --quality-report {D}/header.csv is the header file {D}/header.csv" + kRefuse},
        Refusal{"calibrate_default_quality_report_is_the_header_file",
                "calibrate --episodes {D}/episodes.csv --header {D}/fit.data-quality.csv --uasc {D}/uasc.csv --as-of "
                "2018-12-31 -o {D}/fit.json",
                "error: caseflow: --quality-report {D}/fit.data-quality.csv is the header file {D}/fit.data-quality.csv" + kRefuse},
        Refusal{"calibrate_two_outputs_are_one_file", "calibrate" + kReturn + " -o {D}/fit.json --quality-report {D}/fit.json",
                "error: caseflow: -o {D}/fit.json and --quality-report {D}/fit.json" + kOneFile},
        Refusal{"backtest_out_folder_holds_an_input",
                "backtest --episodes {D}/episodes.csv --header {D}/sub/data-quality.csv --uasc {D}/uasc.csv --as-of "
                "2018-12-31 --months 1 --replications 2 --out {D}/sub",
                "error: caseflow: --out {D}/sub/data-quality.csv is the header file {D}/sub/data-quality.csv" + kRefuse},
        Refusal{"compare_two_strategies_of_one_name", "compare {D}/x.json {D}/s.json {D}/sub/../s.json --replications 2 --out {D}/out",
                "error: caseflow: the strategies {D}/s.json and {D}/sub/../s.json have one name, \"s\": their files "
                "(s_summary.csv) would be one; rename one of them"},
        Refusal{"compare_strategy_named_base", "compare {D}/x.json {D}/sub/base.json --replications 2 --out {D}/out",
                "error: caseflow: the strategy {D}/sub/base.json is named \"base\": its base_summary.csv would be the "
                "base's; rename the file"}),
    [](const auto& info) { return info.param.name; });

// A link given as --out that points nowhere is refused, and the link is kept (a failed run once deleted it).
TEST_F(OutputSafety, ADanglingOutLinkIsRefusedAndKept) {
  fs::create_symlink(dir_ / "gone", dir_ / "out");
  CliOutcome outcome = caseflow("run " + example() + " --replications 2 --out " + path("out"));
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_EQ(outcome.err, "error: " + path("out") + ": is a link to " + path("gone") +
                             ", which does not exist: create that folder, or give another\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "out"));
  EXPECT_EQ(files_under(dir_), (std::vector<std::string>{"out", "stderr", "stdout"}));
}

// Runs started at once without --out each make a folder of their own ("x", "x-2", "x-3"); a run that fails
// leaves none.
TEST_F(OutputSafety, RunsStartedAtOnceEachMakeTheirOwnDefaultFolder) {
  fs::copy_file(example(), dir_ / "x.json");
  const std::string run = std::string(CASEFLOW_CLI_PATH) + " run x.json --replications 20 --threads 1 >/dev/null 2>&1";
  ASSERT_EQ(std::system(("cd " + dir_.string() + " && (" + run + " & " + run + " & " + run + " & wait)").c_str()), 0);
  for (const std::string folder : {"x", "x-2", "x-3"})
    EXPECT_EQ(files_under(dir_ / folder), (std::vector<std::string>{"age_bands_summary.csv", "flows_summary.csv", "summary.csv"})) << folder;
  EXPECT_FALSE(fs::exists(dir_ / "x-4"));

  std::ofstream(dir_ / "bad.json") << "{";
  ASSERT_EQ(std::system(("cd " + dir_.string() + " && " + std::string(CASEFLOW_CLI_PATH) + " run bad.json 2>/dev/null").c_str()) >> 8, 2);
  EXPECT_FALSE(fs::exists(dir_ / "bad")) << "a failed run left its default folder";
}

// Two runs committing into one folder at once: the folder ends with one run's files, whole, never a mix.
TEST_F(OutputSafety, RunsIntoOneFolderAtOnceNeverMix) {
  const std::string base = std::string(CASEFLOW_CLI_PATH) + " run " + example() + " --replications 30 --threads 1";
  for (int seed : {1, 2})
    ASSERT_EQ(std::system((base + " --seed " + std::to_string(seed) + " --out " + path("ref" + std::to_string(seed)) + " >/dev/null").c_str()), 0);
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE(round);
    const std::string both = base + " --seed 1 --out " + path("out") + " >/dev/null & " + base + " --seed 2 --out " + path("out") + " >/dev/null & wait";
    ASSERT_EQ(std::system(("(" + both + ")").c_str()), 0);
    ASSERT_EQ(files_under(dir_ / "out"), (std::vector<std::string>{"age_bands_summary.csv", "flows_summary.csv", "summary.csv"}));
    const std::string run = read(dir_ / "out" / "summary.csv") == read(dir_ / "ref1" / "summary.csv") ? "ref1" : "ref2";
    for (const std::string file : {"summary.csv", "flows_summary.csv", "age_bands_summary.csv"})
      EXPECT_EQ(read(dir_ / "out" / file), read(dir_ / run / file)) << file << " is not from the run of " << run;
  }
}

// kill -9 cannot be handled: a run killed while it writes leaves its hidden files, and one killed in its
// commit a half-replaced folder. The next run into the folder finishes or removes them: after it, the folder
// holds its files and nothing else, exactly as a run into an empty folder writes them.
TEST_F(OutputSafety, KillNineLoopLeavesNothingBehindOnceTheNextRunHasBeen) {
  const fs::path out = dir_ / "out";
  std::vector<std::string> arguments{"run", example(), "--replications", "3000", "--threads", "2", "--per-replication"};
  // How long an undisturbed run takes, to kill the others at times spread over their writing.
  auto started = std::chrono::steady_clock::now();
  CliOutcome reference = caseflow("run " + example() + " --replications 3000 --threads 2 --per-replication --seed 9 --out " + path("ref"));
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  int left_something = 0;
  const int kills = 8;
  for (int k = 0; k < kills; ++k) {
    std::vector<std::string> killed = arguments;
    killed.insert(killed.end(), {"--seed", std::to_string(k + 1), "--out", out.string()});
    pid_t pid = spawn_caseflow(killed, dir_ / "stdout", dir_ / "stderr");
    ASSERT_GT(pid, 0);
    // From a third of the run's time to all of it: mostly while it writes its files.
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds * (0.35 + 0.65 * k / (kills - 1))));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    for (const std::string& name : files_under(out))
      if (name[0] == '.') {
        ++left_something;
        break;
      }
  }
  EXPECT_GE(left_something, 1) << "no kill fell while a run was writing: the test proves nothing";

  CliOutcome last = caseflow("run " + example() + " --replications 3000 --threads 2 --per-replication --seed 9 --out " + out.string());
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(files_under(out), files_under(dir_ / "ref")) << "leftovers, or files of another run";
  for (const std::string& name : files_under(dir_ / "ref")) EXPECT_EQ(read(out / name), read(dir_ / "ref" / name)) << name;
}

namespace {

// Waits up to 20 s for `pid` to install its handler for `signal`.
bool wait_for_handler(pid_t pid, int signal) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!catches(pid, signal) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return catches(pid, signal);
}

}  // namespace

// calibrate once had no signal handling: SIGTERM while it reads a return (here a pipe that gives the file
// only after the signal) stops it with 143 and nothing written.
TEST_F(OutputSafety, CalibrateInterruptedWhileReadingWritesNothing) {
  const fs::path pipe = dir_ / "episodes.csv";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  const std::string valid = source("tests/data/bad_ssda903/valid-return/");
  pid_t pid = spawn_caseflow({"calibrate", "--episodes", pipe.string(), "--header", valid + "header.csv", "--uasc",
                              valid + "uasc.csv", "--as-of", "2018-12-31", "-o", path("out/fit.json")},
                             dir_ / "stdout", dir_ / "stderr");
  ASSERT_GT(pid, 0);
  const bool handled = wait_for_handler(pid, SIGTERM);
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  { std::ofstream(pipe) << read(valid + "episodes.csv"); }  // lets it read on
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(handled) << "calibrate never installed a handler";
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of handling it";
  EXPECT_EQ(WEXITSTATUS(status), 143);
  EXPECT_EQ(read(dir_ / "stderr"), "caseflow calibrate: interrupted by signal 15; nothing was written\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// Every command handles SIGINT and SIGTERM from its start (before it reads anything).
TEST_F(OutputSafety, EveryCommandHandlesSignalsFromItsStart) {
  const fs::path pipe = dir_ / "never-written.json";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  for (const std::string command : {"run", "compare", "report", "calibrate", "backtest", "export-903", "bench"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> arguments{command};
    if (command == "calibrate" || command == "backtest")
      arguments.insert(arguments.end(), {"--episodes", pipe.string(), "--header", pipe.string(), "--as-of", "2018-12-31"});
    else
      arguments.push_back(pipe.string());
    if (command == "compare") arguments.push_back(example());
    arguments.insert(arguments.end(), {"-o", path("out")});
    if (command == "bench") arguments.pop_back(), arguments.pop_back();
    pid_t pid = spawn_caseflow(arguments, dir_ / "stdout", dir_ / "stderr");
    ASSERT_GT(pid, 0);
    const bool handled = wait_for_handler(pid, SIGINT) && catches(pid, SIGTERM);
    ::kill(pid, SIGINT);
    // Each time the command opens the pipe, it reads an empty file and goes on, to its end.
    int status = 0;
    pid_t reaped = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while ((reaped = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline) {
      int fd = ::open(pipe.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (reaped == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL() << "still running 20 s after the signal";
    }
    EXPECT_TRUE(handled) << "no handler for SIGINT and SIGTERM";
    EXPECT_TRUE(WIFEXITED(status)) << "killed by the signal instead of handling it";
    EXPECT_FALSE(fs::exists(dir_ / "out"));
  }
}

// A second signal ends the process at once, as without a handler: a command blocked where it does not check
// (here reading a pipe nobody writes) can still be stopped.
TEST_F(OutputSafety, ASecondSignalStopsACommandAtOnce) {
  const fs::path pipe = dir_ / "never-written.json";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  pid_t pid = spawn_caseflow({"run", pipe.string(), "--out", path("out")}, dir_ / "stdout", dir_ / "stderr");
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(wait_for_handler(pid, SIGINT));
  ::kill(pid, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  int status = 0;
  EXPECT_EQ(::waitpid(pid, &status, WNOHANG), 0) << "the first signal is only noted while the command cannot check";
  ::kill(pid, SIGINT);
  pid_t reaped = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while ((reaped = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (reaped == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL() << "still running 10 s after the second signal";
  }
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}
