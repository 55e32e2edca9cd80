// Results depend on the seed and the scenario only: not on threads, not on run order; and a change to one
// part of a scenario leaves the children it does not touch exactly as they were.

#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {
json example() { return scenario_to_json(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json")); }
}  // namespace

TEST(Determinism, OneAndTwoThreadsGiveIdenticalReplications) {
  RunResults one = run(example(), 64, 42, 1);
  RunResults two = run(example(), 64, 42, 2);
  EXPECT_TRUE(one.stocks == two.stocks);
  EXPECT_TRUE(one.flows == two.flows);
  EXPECT_EQ(one.events, two.events);
  RunResults again = run(example(), 64, 42, 2);
  EXPECT_TRUE(two.stocks == again.stocks);
}

TEST(Determinism, DifferentSeedsGiveDifferentRuns) {
  RunResults a = run(example(), 16, 1);
  RunResults b = run(example(), 16, 2);
  EXPECT_FALSE(a.stocks == b.stocks);
}

TEST(Determinism, ReplicationDoesNotDependOnHowManyAreRun) {
  RunResults few = run(example(), 5, 3);
  RunResults many = run(example(), 50, 3);
  EXPECT_TRUE(few.stocks == many.stocks.topRows(5));
}

// Common random numbers: slowing SGOs changes only the children who enter plan_sgo.
TEST(Determinism, ChildrenUntouchedByAChangeFollowIdenticalPaths) {
  json base = example();
  json changed = base;
  for (auto& transition : changed["transitions"])
    if (transition["from"] == "plan_sgo") transition["time"]["scale_days"] = 160;
  Simulation base_simulation(scenario_from_json(base));
  Simulation changed_simulation(scenario_from_json(changed));
  int plan_sgo = -1;
  for (size_t s = 0; s < base_simulation.scenario().states.size(); ++s)
    if (base_simulation.scenario().states[s].id == "plan_sgo") plan_sgo = static_cast<int>(s);
  ASSERT_GE(plan_sgo, 0);

  ReplicationRecord record;
  ChildTrace base_trace, changed_trace;
  base_simulation.run_replication(5, 0, record, &base_trace);
  changed_simulation.run_replication(5, 0, record, &changed_trace);

  auto paths = [](const ChildTrace& trace) {
    std::vector<std::vector<ChildMove>> by_child(trace.birth_days.size());
    for (const ChildMove& move : trace.moves) by_child[move.child].push_back(move);
    return by_child;
  };
  auto base_paths = paths(base_trace), changed_paths = paths(changed_trace);
  size_t untouched = 0, touched = 0, differing = 0;
  for (size_t child = 0; child < base_paths.size() && child < changed_paths.size(); ++child) {
    bool visits_plan_sgo = false;
    for (const ChildMove& move : base_paths[child])
      if (move.to.kind == Destination::Kind::state && move.to.index == plan_sgo) visits_plan_sgo = true;
    if (visits_plan_sgo) {
      ++touched;
      continue;
    }
    ++untouched;
    ASSERT_EQ(base_paths[child].size(), changed_paths[child].size()) << "child " << child;
    for (size_t i = 0; i < base_paths[child].size(); ++i) {
      EXPECT_EQ(base_paths[child][i].time, changed_paths[child][i].time);
      EXPECT_EQ(base_paths[child][i].to, changed_paths[child][i].to);
    }
    EXPECT_EQ(base_trace.birth_days[child], changed_trace.birth_days[child]);
  }
  for (size_t child = 0; child < base_paths.size() && child < changed_paths.size(); ++child)
    if (base_paths[child].back().time != changed_paths[child].back().time) ++differing;
  EXPECT_GT(untouched, 50u);
  EXPECT_GT(touched, 10u);
  EXPECT_GT(differing, 0u);  // the change did something
}

// Chunks of replications run apart (as on several machines) and concatenated equal the whole run.
TEST(Determinism, ChunkedRunsConcatenateToTheWholeRun) {
  Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json"));
  RunOptions options;
  options.replications = 30;
  options.seed = 11;
  RunResults whole = run_replications(simulation, options);
  std::vector<RunResults> chunks;
  for (int first : {0, 7, 20}) {
    RunOptions chunk = options;
    chunk.first_replication = first;
    chunk.replications = first == 0 ? 7 : (first == 7 ? 13 : 10);
    chunks.push_back(run_replications(simulation, chunk));
  }
  RunResults merged = concatenate_results(chunks);
  EXPECT_TRUE(merged.stocks == whole.stocks);
  EXPECT_TRUE(merged.flows == whole.flows);
  EXPECT_TRUE(merged.costs == whole.costs);
  EXPECT_TRUE(merged.care_days == whole.care_days);
  EXPECT_EQ(merged.events, whole.events);
}
