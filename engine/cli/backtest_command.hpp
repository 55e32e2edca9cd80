#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

// `caseflow backtest --episodes FILE... --header FILE... [--uasc FILE...] [--mapping FILE] --as-of DATE
//   [--months N] [--replications N] [--seed S] [--threads T] [--parameter-uncertainty] [--since DATE]
//   [--hazard exponential|weibull] [--age-split auto|never] --out DIR`
int backtest_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
