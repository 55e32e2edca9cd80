#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

// `caseflow run SCENARIO [--replications N] [--seed S] [--threads T] [--out DIR] [--per-replication]
//               [--report FILE.html]`
int run_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
