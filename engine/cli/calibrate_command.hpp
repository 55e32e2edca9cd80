#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow calibrate --episodes FILE... --header FILE... [--uasc FILE...] [--mapping FILE] --as-of DATE
//   -o|--out SCENARIO.json [--quality-report FILE] [--since DATE] [--horizon-months N]
//   [--hazard exponential|weibull] [--age-split auto|never]`: a scenario estimated from SSDA903 returns.
Command add_calibrate_command(CLI::App& program);

}  // namespace caseflow::cli
