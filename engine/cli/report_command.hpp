#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow report SCENARIO -o|--out FILE.html [--replications N] [--seed S] [--threads T] [--max-memory-mb MB]
//   [--max-children N]`: simulates a scenario and writes its report, one HTML file.
Command add_report_command(CLI::App& program);

}  // namespace caseflow::cli
