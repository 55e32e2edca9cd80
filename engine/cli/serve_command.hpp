#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow serve [SCENARIO] [--port P] [--replications N] [--scenarios DIR] [--max-seconds S]`: the what-if
// page on http://127.0.0.1:P/ until Ctrl-C or SIGTERM.
Command add_serve_command(CLI::App& program);

}  // namespace caseflow::cli
