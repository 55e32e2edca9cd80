#pragma once
#include "command_line.hpp"

namespace caseflow::cli {

// `caseflow backtest --episodes FILE... --header FILE... [--uasc FILE...] [--mapping FILE] --as-of DATE
//   [--months N] [--replications N] [--seed S] [--threads T] [--parameter-uncertainty] [--since DATE]
//   [--hazard exponential|weibull] [--age-split auto|never] -o|--out DIR`: fits up to a date, forecasts the
// months after, and compares the forecast with what happened.
Command add_backtest_command(CLI::App& program);

}  // namespace caseflow::cli
