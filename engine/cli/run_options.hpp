#pragma once
// The options of every command that runs replications (run, compare, report, backtest, bench), declared
// once so that they have the same names, ranges, defaults and help everywhere. The ranges are the engine's
// (caseflow/sim/run_limits.hpp), which the Python package checks against too.

#include <cstdint>
#include <string>

#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/run_limits.hpp"
#include "command_line.hpp"

namespace caseflow::cli {

// --replications N, --seed S, --threads T into the given fields, whose values are the defaults.
void add_replication_options(CLI::App& command, int& replications, uint64_t& seed, int& threads);

// --uncertainty chance|parameters|all (default all: every source the scenario states), and the older
// --parameter-uncertainty, kept so that command lines written before uncertainty was on by default still run
// (it asks for the default). `choice` holds them until resolve_uncertainty.
struct UncertaintyChoice {
  std::string layer = "all";
  CLI::Option* layer_option = nullptr;
  bool parameter_uncertainty = false;
};
void add_uncertainty_options(CLI::App& command, UncertaintyChoice& choice);
// The layers asked for; a usage error when --parameter-uncertainty contradicts --uncertainty.
Uncertainty resolve_uncertainty(const UncertaintyChoice& choice);
// On stderr, when the scenario states no uncertainty for the layers asked: its band holds chance alone.
void warn_if_chance_alone(const Scenario& scenario, const std::string& scenario_path, Uncertainty uncertainty);

// --max-memory-mb MB and --max-children N: raise (or lower) the limits a run is checked against.
void add_limit_options(CLI::App& command, RunLimits& limits);

// The limit on a horizon in months (--months, --horizon-months): the scenario format's own.
inline constexpr long long kMaxHorizonMonths = 1200;

}  // namespace caseflow::cli
