// Scenario inheritance: a strategy file holds only what it changes.

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/stats/comparison.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {
std::string fixture(const std::string& name) { return std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/inheritance/" + name; }

std::string error_of(const std::string& file) {
  try {
    load_scenario(fixture(file));
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}
}  // namespace

TEST(Inheritance, OverridesMergeIntoTheBase) {
  Scenario same = load_scenario(fixture("same.json"));
  EXPECT_EQ(same.name, "changes nothing");
  EXPECT_EQ(same.transitions.size(), 2u);
  Scenario longer = load_scenario(fixture("longer.json"));  // a base that itself has a base
  EXPECT_EQ(longer.horizon_months, 24);
  EXPECT_TRUE(longer.arrivals.empty());  // null deletes
  EXPECT_EQ(longer.initial_population.size(), 1u);
}

TEST(Inheritance, AStrategyThatChangesNothingDiffersByExactlyZeroInEveryReplication) {
  Simulation base(load_scenario(fixture("base.json")));
  Simulation same(load_scenario(fixture("same.json")));
  RunOptions options;
  options.replications = 200;
  RunResults a = run_replications(base, options), b = run_replications(same, options);
  EXPECT_TRUE(a.stocks == b.stocks);
  EXPECT_TRUE(a.flows == b.flows);
  StrategyComparison comparison = compare_runs(a, b, {});
  for (const auto& difference : comparison.in_care_difference) {
    EXPECT_EQ(difference.p05, 0);
    EXPECT_EQ(difference.p95, 0);
    EXPECT_EQ(difference.mean, 0);
  }
  EXPECT_EQ(comparison.child_days_avoided.p05, 0);
  EXPECT_EQ(comparison.child_days_avoided.p95, 0);
}

TEST(Inheritance, ErrorsNameTheFileAndPath) {
  // The loop is named at the "base" that closes it, in the file that holds it.
  EXPECT_EQ(error_of("loop_a.json"), fixture("loop_b.json") + ": /base: leads back to loop_a.json, already in the chain of bases "
                                                              "(a loop: loop_a.json -> loop_b.json -> loop_a.json)");
  EXPECT_NE(error_of("missing_base.json").find("missing_base.json: /base: cannot open the base scenario"), std::string::npos)
      << error_of("missing_base.json");
  EXPECT_NE(error_of("bad_override.json").find("bad_override.json: /horizon_months: must be between 0 and 1200, got -3"),
            std::string::npos)
      << error_of("bad_override.json");
}

TEST(Inheritance, ABaseNeedsAFolderToLookIn) {
  json document = {{"base", "base.json"}};
  try {
    scenario_from_json(document, "inline");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/base");
  }
}

namespace {

// A folder of scenario files written by a test, removed after it.
class ScenarioFolder {
 public:
  ScenarioFolder() : path_(std::filesystem::temp_directory_path() / ("caseflow-inheritance-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~ScenarioFolder() { std::filesystem::remove_all(path_); }
  std::string write(const std::string& name, const json& document) const {
    std::ofstream(path_ / name) << document.dump(2);
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

json council() {
  json document = scenario_skeleton(12);
  document["states"] = {{{"id", "ico"}}, {{"id", "foster"}}};
  document["exits"] = {{{"id", "sgo"}}};
  document["transitions"] = {{{"from", "ico"}, {"to", "foster"}, {"time", exponential(180)}},
                             {{"from", "foster"}, {"to", "sgo"}, {"time", exponential(400)}}};
  document["arrivals"] = {{{"state", "ico"}, {"per_year", 40}, {"age_years", {{"0", 1}}}}};
  return document;
}

// "FILE: PATH: MESSAGE" of loading `path`, or "accepted".
std::string refusal(const std::string& path) {
  try {
    load_scenario(path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

// A mistake in a value that a base holds is reported in the base, at its path there, however deep in the
// chain; a value that the inheriting file sets, or replaces (an array), is reported in that file.
TEST(Inheritance, AMistakeIsReportedInTheFileThatHoldsTheValue) {
  ScenarioFolder folder;
  json root = council();
  root["transitions"][1]["time"]["mean_days"] = -4;
  const std::string root_file = folder.write("council.json", root);
  const std::string middle_file = folder.write("middle.json", {{"base", "council.json"}, {"horizon_months", 5000}});
  const std::string top_file = folder.write("top.json", {{"base", "middle.json"}, {"name", "strategy"}});
  EXPECT_EQ(refusal(top_file).rfind(middle_file + ": /horizon_months: must be between 0 and 1200, got 5000", 0), 0u) << refusal(top_file);
  folder.write("middle.json", {{"base", "council.json"}, {"horizon_months", 24}});
  EXPECT_EQ(refusal(top_file), root_file + ": /transitions/1/time/mean_days: must be > 0, got -4");

  // The inheriting file replaces the transitions (an array replaces): the mistake is now its own.
  json replacing = {{"base", "middle.json"}, {"transitions", council()["transitions"]}};
  replacing["transitions"][0]["time"]["mean_days"] = -7;
  const std::string replacing_file = folder.write("replacing.json", replacing);
  EXPECT_EQ(refusal(replacing_file), replacing_file + ": /transitions/0/time/mean_days: must be > 0, got -7");

  // Objects merge key by key: each key is reported where it is written.
  root = council();
  root["age_out"] = {{"age_years", 18}, {"exit", "sgoo"}};
  folder.write("council.json", root);
  const std::string ageing_file = folder.write("ageing.json", {{"base", "council.json"}, {"age_out", {{"age_years", 17}}}});
  EXPECT_EQ(refusal(ageing_file), root_file + ": /age_out/exit: unknown state or exit \"sgoo\"; did you mean \"sgo\"?");
  folder.write("ageing.json", {{"base", "council.json"}, {"age_out", {{"age_years", 170}, {"exit", "sgo"}}}});
  EXPECT_EQ(refusal(ageing_file), ageing_file + ": /age_out/age_years: must be at most 150, got 170");
  // An object that replaces a value of another kind holds everything under it.
  root["age_out"] = 18;
  folder.write("council.json", root);
  folder.write("ageing.json", {{"base", "council.json"}, {"age_out", {{"age_years", 17}}}});
  EXPECT_EQ(refusal(ageing_file), ageing_file + ": /age_out/exit: is required");

  // A key required and missing everywhere is reported in the file that was loaded.
  root = council();
  root.erase("format");
  folder.write("council.json", root);
  EXPECT_EQ(refusal(top_file), top_file + ": /format: is required");
}

TEST(Inheritance, AChainOfBasesIsFollowedTo16Levels) {
  ScenarioFolder folder;
  std::vector<std::string> files{folder.write("level0.json", council())};
  for (int level = 1; level <= 17; ++level)
    files.push_back(folder.write("level" + std::to_string(level) + ".json", {{"base", "level" + std::to_string(level - 1) + ".json"}}));
  EXPECT_EQ(refusal(files[16]), "accepted");
  EXPECT_EQ(refusal(files[17]),
            files[1] + ": /base: more than 16 levels of \"base\" (scenarios inheriting from scenarios), the most caseflow follows");
}
