// write_run_outputs: a run's folder holds that run's files alone.

#include "caseflow/output/run_outputs.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace caseflow {
namespace {

std::vector<std::string> files_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

class RunOutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("caseflow-run-outputs-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  // Runs a scenario file of the repository for a few replications and writes its files into directory_.
  std::vector<std::string> write_run(const std::string& scenario_file, bool per_replication) {
    Simulation simulation(load_scenario(fs::path(CASEFLOW_SOURCE_DIR) / scenario_file));
    RunOptions options;
    options.replications = 3;
    RunResults results = run_replications(simulation, options);
    return write_run_outputs(results, summarize_run(results, simulation.scenario()), directory_.string(), per_replication);
  }

  fs::path directory_;
};

// Herefordshire has costs, placement types and budgets: with per-replication files it writes every file the
// list names, so a file added to a run's outputs and not to the list fails here.
TEST_F(RunOutputsTest, AFullRunWritesEveryFileOfTheList) {
  const std::vector<std::string> written = write_run("scenarios/herefordshire-2020.json", true);
  EXPECT_EQ(sorted(written), sorted(run_output_file_names()));
  EXPECT_EQ(files_in(directory_), sorted(run_output_file_names()));
}

// A run after another in the same folder leaves its own files alone: the earlier run's per-replication files
// and cost files go, a file of the user's stays.
TEST_F(RunOutputsTest, ARunRemovesTheFilesAnEarlierRunLeftThatItDoesNotWrite) {
  write_run("scenarios/herefordshire-2020.json", true);
  std::ofstream(directory_ / "my-notes.txt") << "kept\n";
  const std::vector<std::string> written = write_run("scenarios/example-small.json", false);
  std::vector<std::string> expected = written;
  expected.push_back("my-notes.txt");
  EXPECT_EQ(files_in(directory_), sorted(expected));
  EXPECT_EQ(std::count(written.begin(), written.end(), "stocks.csv"), 0);
  EXPECT_EQ(std::count(written.begin(), written.end(), "costs_summary.csv"), 0);
}

}  // namespace
}  // namespace caseflow
