#pragma once
// The options of every command that runs replications (run, compare, report, backtest, bench), declared
// once so that they have the same names, ranges, defaults and help everywhere. The ranges are the engine's
// (caseflow/sim/run_limits.hpp), which the Python package checks against too.

#include <cstdint>

#include "caseflow/sim/run_limits.hpp"
#include "command_line.hpp"

namespace caseflow::cli {

// --replications N, --seed S, --threads T into the given fields, whose values are the defaults.
void add_replication_options(CLI::App& command, int& replications, uint64_t& seed, int& threads);

// --max-memory-mb MB and --max-children N: raise (or lower) the limits a run is checked against.
void add_limit_options(CLI::App& command, RunLimits& limits);

// The limit on a horizon in months (--months, --horizon-months): the scenario format's own.
inline constexpr long long kMaxHorizonMonths = 1200;

}  // namespace caseflow::cli
