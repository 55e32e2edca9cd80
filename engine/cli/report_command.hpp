#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

// `caseflow report SCENARIO [--replications N] [--seed S] [--threads T] -o FILE.html`
int report_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
