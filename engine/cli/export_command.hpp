#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

// `caseflow export-903 SCENARIO --out DIR [--seed S] [--replication R] [--mapping FILE] [--parameter-uncertainty]`
int export_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
