#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

// `caseflow compare BASE STRATEGY... [--replications N] [--seed S] [--threads T] [--out DIR]`
int compare_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
