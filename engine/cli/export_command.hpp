#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow export-903 SCENARIO -o|--out DIR [--seed S] [--replication R] [--mapping FILE]
//   [--parameter-uncertainty]`: one simulated replication written as SSDA903 files.
Command add_export_command(CLI::App& program);

}  // namespace caseflow::cli
