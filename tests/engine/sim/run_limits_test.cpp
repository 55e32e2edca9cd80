// Runs that would exhaust the machine are refused before they start, naming the limit and how to raise
// it; a cancelled run stops between replications and returns nothing; a thread the system refuses is an error.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/base/resource_error.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

// 2 states, 12 months: 13 snapshots x 3 stock columns; flows: arrival->a, a->b, b->gone = 3 keys x 12 months.
json small_scenario(double per_year, int count) {
  json document = scenario_skeleton(12);
  document["states"] = {{{"id", "a"}}, {{"id", "b"}}};
  document["exits"] = {{{"id", "gone"}}};
  document["transitions"] = {{{"from", "a"}, {"to", "b"}, {"time", exponential(30)}},
                             {{"from", "b"}, {"to", "gone"}, {"time", exponential(30)}}};
  document["arrivals"] = {{{"state", "a"}, {"per_year", per_year}, {"age_years", {{"0-4", 1.0}}}}};
  document["initial_population"] = {{{"state", "b"}, {"count", count}, {"age_years", {{"5-9", 1.0}}}}};
  return document;
}

std::string refusal(const Simulation& simulation, int replications, int threads, const RunLimits& limits,
                    std::string* place = nullptr) {
  try {
    check_run_limits(simulation, replications, threads, limits);
  } catch (const InputError& error) {
    EXPECT_TRUE(error.source().empty()) << "the caller adds the file name";
    if (place) *place = error.place();
    return error.message();
  }
  return "";
}

}  // namespace

TEST(RunLimits, EstimateCountsEveryCellOfEveryReplication) {
  Simulation simulation(scenario_from_json(small_scenario(365.25, 10)));
  RunCost cost = estimate_run_cost(simulation, 1000, 2);
  EXPECT_DOUBLE_EQ(cost.children, 10 + 365);  // 2021 has 365 days: 365 arrivals expected at 365.25 a year
  // Stocks, flows and children by age band (6 bands); child-days by month and column, and the (running) costs by
  // calendar month with the child-days of each.
  const OutputLayout& layout = simulation.layout();
  ASSERT_EQ(layout.placement_cells(), 0u);  // no placement types
  const double counts = 13 * 3 + 12 * 3 + 13 * 6, days = 12 * 3 + layout.cost_cells() + layout.cost_periods.size();
  const double per_replication = counts * 4 + days * 8;
  EXPECT_DOUBLE_EQ(cost.result_bytes, 1000 * per_replication + (counts + days) * 6 * 8 + 1000 * 8);
  EXPECT_DOUBLE_EQ(cost.working_bytes, 2 * (per_replication + 375 * 128));
  // Never more threads than replications.
  EXPECT_DOUBLE_EQ(estimate_run_cost(simulation, 1, 8).working_bytes, per_replication + 375 * 128);
}

TEST(RunLimits, MemoryBeyondTheBudgetIsRefusedWithHowToRaiseIt) {
  Simulation simulation(scenario_from_json(small_scenario(40, 10)));
  RunLimits limits;
  limits.max_memory_mb = 10;
  // 2021 has 12 calendar months, each with a running-costs cell and its child-days: 153 counts (stocks, flows,
  // age bands) x 4 bytes + (36 child-days + 12 costs + 12) x 8 bytes = 1,092 bytes a replication (and 8 for the
  // summary's sort): 9,000 fit in 10 MB (9.4 MiB), 10,000 do not (10.5 MiB).
  ASSERT_EQ(simulation.layout().cost_cells(), 12u);
  EXPECT_EQ(refusal(simulation, 9'000, 1, limits), "");
  std::string place;
  std::string message = refusal(simulation, 10'000, 1, limits, &place);
  EXPECT_EQ(place, "");
  EXPECT_NE(message.find("10000 replications would need about 11 MB"), std::string::npos) << message;
  EXPECT_NE(message.find("13 snapshots x 3 stock columns and 12 months x 3 flows, 4 bytes each, and 12 months x 3 "
                         "columns of child-days and 12 cost cells, 8 bytes each"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("above the limit of 10 MB"), std::string::npos) << message;
  EXPECT_NE(message.find("--max-memory-mb"), std::string::npos) << message;
  // The default is half of the physical memory, and says so.
  RunLimits defaults;
  message = refusal(simulation, 10'000'000, 1, defaults);
  EXPECT_GT(default_memory_limit_mb(), 0);
  if (estimate_run_cost(simulation, 10'000'000, 1).total_mb() > default_memory_limit_mb())
    EXPECT_NE(message.find("half of this machine's memory"), std::string::npos) << message;
}

TEST(RunLimits, TensOfMillionsOfChildrenAreRefusedAtTheBiggestContributor) {
  RunLimits limits;  // the default: 10 million children a replication
  std::string place;
  // 9 million a year over 1200 months: about 900 million children.
  json document = small_scenario(9e6, 10);
  document["horizon_months"] = 1200;
  std::string message = refusal(Simulation(scenario_from_json(document)), 1, 1, limits, &place);
  EXPECT_EQ(place, "/arrivals/0/per_year");
  // 2021-01-01 to 2121-01-01 is 36524 days (2100 is not a leap year).
  const long long expected = std::llround(10 + 9e6 * 36524 / 365.25);
  EXPECT_NE(message.find("about " + std::to_string(expected) + " children (10 at the start"), std::string::npos) << message;
  EXPECT_NE(message.find("above the limit of 10000000"), std::string::npos) << message;
  EXPECT_NE(message.find("--max-children"), std::string::npos) << message;
  // The initial population is to blame when it is the biggest part.
  limits.max_children = 1000;
  message = refusal(Simulation(scenario_from_json(small_scenario(10, 5000))), 1, 1, limits, &place);
  EXPECT_EQ(place, "/initial_population/0/count");
  EXPECT_NE(message.find("above the limit of 1000"), std::string::npos) << message;
  // Under the limit, nothing is said.
  limits.max_children = 5011;
  EXPECT_EQ(refusal(Simulation(scenario_from_json(small_scenario(10, 5000))), 1, 1, limits), "");
}

TEST(RunLimits, RunReplicationsChecksTheLimitsBeforeAllocating) {
  Simulation simulation(scenario_from_json(small_scenario(40, 10)));
  RunOptions options;
  options.replications = 1'000'000;
  options.limits.max_memory_mb = 1;
  EXPECT_THROW(run_replications(simulation, options), InputError);
}

TEST(RunCancellation, ACancelledRunStopsBetweenReplicationsAndReturnsNothing) {
  Simulation simulation(scenario_from_json(small_scenario(40, 10)));
  std::atomic<bool> cancel{false};
  std::atomic<int> completed{0};
  RunOptions options;
  options.replications = 100'000;
  options.threads = 2;
  options.cancel = &cancel;
  options.on_progress = [&](int done, int) {
    for (int seen = completed; seen < done && !completed.compare_exchange_weak(seen, done);) {
    }
    if (done >= 10) cancel = true;
  };
  EXPECT_THROW(run_replications(simulation, options), RunCancelled);
  // Each thread finishes at most the replication it was in.
  EXPECT_GE(completed.load(), 10);
  EXPECT_LE(completed.load(), 12);
}

TEST(RunCancellation, AFlagThatIsNeverSetChangesNothing) {
  Simulation simulation(scenario_from_json(small_scenario(40, 10)));
  std::atomic<bool> cancel{false};
  RunOptions options;
  options.replications = 50;
  options.seed = 4;
  RunResults plain = run_replications(simulation, options);
  options.cancel = &cancel;
  RunResults with_flag = run_replications(simulation, options);
  EXPECT_EQ(plain.stocks, with_flag.stocks);
  EXPECT_EQ(plain.flows, with_flag.flows);
}

// A thread the system will not start is a clear error once the threads started have stopped and been
// joined: never std::terminate (which would abort a Python interpreter with the run). The child process's
// address space is limited so that a few threads' stacks fit and the rest do not.
TEST(RunThreads, AThreadTheSystemRefusesIsAClearErrorNotAnAbort) {
  Simulation simulation(scenario_from_json(small_scenario(10, 5), "threads.json"));
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    long kilobytes = 0;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
      if (line.rfind("VmSize:", 0) == 0) kilobytes = std::stol(line.substr(7));
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(kilobytes + 48 * 1024) * 1024;  // room for a few 8 MB stacks
    if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(10);
    RunOptions options;
    options.replications = 200;
    options.threads = 200;
    try {
      run_replications(simulation, options);
      ::_exit(11);  // every thread started: the limit did not bite
    } catch (const ResourceError& error) {
      const std::string message = error.what();
      ::_exit(message.rfind("the system would not start thread ", 0) == 0 &&
                      message.find(" of 200 (") != std::string::npos &&
                      message.find("): ask for fewer threads") != std::string::npos
                  ? 0
                  : 12);
    } catch (...) {
      ::_exit(13);
    }
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "the process was killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 0) << "10: no limit, 11: no refusal, 12: another message, 13: another error";
}
