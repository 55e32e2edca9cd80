#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow bench SCENARIO [--replications N] [--seed S] [--threads T] [--months M] [--max-memory-mb MB]
//   [--max-children N]`: times a scenario on one thread and on T threads and prints a table. Writes no files.
Command add_bench_command(CLI::App& program);

}  // namespace caseflow::cli
