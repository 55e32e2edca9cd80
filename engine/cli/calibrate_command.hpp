#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

// `caseflow calibrate --episodes FILE... --header FILE... [--uasc FILE...] [--mapping FILE] --as-of DATE
//   -o SCENARIO.json [--quality-report FILE] [--since DATE] [--horizon-months N] [--hazard exponential|weibull]
//   [--age-split auto|never]`
int calibrate_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
