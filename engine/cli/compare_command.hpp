#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow compare BASE STRATEGY... [--replications N] [--seed S] [--threads T] [-o|--out DIR]
//   [--report FILE.html] [--max-memory-mb MB] [--max-children N]`: the base and every strategy with common
// random numbers, and each strategy's paired difference from the base.
Command add_compare_command(CLI::App& program);

}  // namespace caseflow::cli
