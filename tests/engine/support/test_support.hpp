#pragma once
// Helpers shared by the engine tests: dates, scenarios written inline as JSON, and runs of them.

#include <cmath>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "caseflow/base/calendar.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow::testing {

using nlohmann::json;

// A calendar date, for writing the dates of a test as they read: day(2019, 3, 31).
inline Date day(int y, unsigned m, unsigned d) { return std::chrono::sys_days{std::chrono::year{y} / m / d}; }

// A scenario with the required top-level keys filled in; tests add states, transitions and so on.
inline json scenario_skeleton(int horizon_months, const std::string& start_date = "2021-01-01") {
  return json{{"format", "caseflow-scenario/1"},
              {"name", "test"},
              {"start_date", start_date},
              {"horizon_months", horizon_months},
              {"states", json::array()},
              {"exits", json::array()},
              {"transitions", json::array()},
              {"arrivals", json::array()},
              {"initial_population", json::array()}};
}

inline json load_scenario_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

inline json exponential(double mean_days) { return json{{"dist", "exponential"}, {"mean_days", mean_days}}; }

inline RunResults run(const json& document, int replications, uint64_t seed = 1, int threads = 0) {
  Simulation simulation(scenario_from_json(document));
  RunOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = threads;
  return run_replications(simulation, options);
}

// Mean over replications of one cell.
inline double mean_of(const CountMatrix& counts, size_t cell) {
  return counts.col(static_cast<Eigen::Index>(cell)).cast<double>().mean();
}

// A tolerance of `z` standard errors for the mean of `replications` draws of a count whose variance is
// at most `variance_bound`.
inline double tolerance(double variance_bound, int replications, double z = 4.5) {
  return z * std::sqrt(variance_bound / replications) + 1e-9;
}

}  // namespace caseflow::testing
