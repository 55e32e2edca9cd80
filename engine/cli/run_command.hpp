#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow run SCENARIO [--replications N] [--seed S] [--threads T] [-o|--out DIR] [--per-replication]
//   [--parameter-uncertainty] [--report FILE.html] [--max-memory-mb MB] [--max-children N]`: simulates a
// scenario and writes its files.
Command add_run_command(CLI::App& program);

}  // namespace caseflow::cli
