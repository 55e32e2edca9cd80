// What fuzzing the scenario parser and simulation found (tests/fuzz; issue 9), each kept as a test. The
// inputs themselves are also in tests/fuzz/regressions/scenario, replayed by the ctest fuzz_replay.scenario.

#include <chrono>

#include <gtest/gtest.h>

#include "caseflow/input_error.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

InputError parse_error(const std::string& text) {
  try {
    scenario_from_text(text, "found.json");
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted: " << text;
  return InputError("", "", "");
}

}  // namespace

// nlohmann::json reports a number too large for a double as out_of_range, not parse_error; it escaped as an
// internal error (exit 1). Now it is bad input at its line and column.
TEST(FuzzFindings, NumberTooLargeForADoubleIsBadInputAtItsPosition) {
  InputError error = parse_error("{\"format\": \"caseflow-scenario/1\",\n \"horizon_months\": -1e30802}");
  EXPECT_EQ(error.source(), "found.json");
  EXPECT_EQ(error.place(), "line 2, column 20");
  EXPECT_EQ(error.message(), "invalid JSON: number overflow parsing '-1e30802'");
}

// Transition ages were only checked to be >= 0; an age of 1e300 years overflowed the int of whole years when
// the simulation computed the birthday (undefined behaviour, caught by UBSan).
TEST(FuzzFindings, TransitionAgesAreCappedLikeEveryOtherAge) {
  json document = scenario_skeleton(3);
  document["states"] = {{{"id", "a"}}};
  document["exits"] = {{{"id", "e"}}};
  document["transitions"] = {{{"from", "a"}, {"to", "e"}, {"time", exponential(10)}, {"ages", {1e300, 1e301}}}};
  try {
    scenario_from_json(document, "found.json");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/transitions/0/ages/1");
    EXPECT_EQ(error.message(), "must be at most 150 years, got 1e+301 (for no upper age limit, use 150)");
  }
  document["transitions"][0]["ages"] = {16, 150};  // the largest allowed
  EXPECT_NO_THROW(scenario_from_json(document));
}

// Two states whose waiting times are near zero (lognormal meanlog -1000 gives exactly 0 days; fixed 1e-300
// days does not move the clock) made a child go round them for ever at one instant: the run never ended.
// Now the simulation refuses after 10000 moves of one child, naming the transition.
TEST(FuzzFindings, ALoopOfZeroWaitingTimesIsRefusedNotRunForEver) {
  json document = scenario_skeleton(3);
  document["states"] = {{{"id", "a"}}, {{"id", "b"}}};
  document["transitions"] = {{{"from", "a"}, {"to", "b"}, {"time", {{"dist", "lognormal"}, {"meanlog", -1000}, {"sdlog", 1}}}},
                             {{"from", "b"}, {"to", "a"}, {"time", {{"dist", "fixed"}, {"days", 1e-300}}}}};
  document["initial_population"] = {{{"state", "a"}, {"count", 1}, {"age_years", {{"0", 1.0}}}}};
  Simulation simulation(scenario_from_json(document));
  ReplicationRecord record;
  auto started = std::chrono::steady_clock::now();
  try {
    simulation.run_replication(1, 0, record);
    FAIL() << "the loop ran to the horizon";
  } catch (const InputError& error) {
    // Moves 1, 3, 5, ... are a -> b: the 10001st is transition 0.
    EXPECT_EQ(error.place(), "/transitions/0/time");
    EXPECT_NE(error.message().find("a child moved more than 10000 times in one replication"), std::string::npos)
        << error.message();
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 1.0);
}

// The limit leaves room for any real pattern of moves: a weekly short break in and out of care for years.
TEST(FuzzFindings, FrequentButRealMovesAreNotRefused) {
  json document = scenario_skeleton(120);
  document["states"] = {{{"id", "home_with_support"}}, {{"id", "short_break"}}};
  document["transitions"] = {{{"from", "home_with_support"}, {"to", "short_break"}, {"time", {{"dist", "fixed"}, {"days", 5}}}},
                             {{"from", "short_break"}, {"to", "home_with_support"}, {"time", {{"dist", "fixed"}, {"days", 2}}}}};
  document["initial_population"] = {{{"state", "home_with_support"}, {"count", 10}, {"age_years", {{"0", 1.0}}}}};
  Simulation simulation(scenario_from_json(document));
  ReplicationRecord record;
  EXPECT_NO_THROW(simulation.run_replication(1, 0, record));
  // Ten years of weeks: 3652 days / 7 = 521 full cycles, 1043 moves a child.
  EXPECT_EQ(record.stocks[simulation.layout().stock_cell(120, 2)], 10);
}
