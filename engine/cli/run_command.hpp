#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

inline constexpr const char* kRunUsage =
    "run SCENARIO [--replications N] [--seed S] [--threads T] [--out DIR] [--per-replication]\n"
    "             [--parameter-uncertainty] [--report FILE.html] [--max-memory-mb MB] [--max-children N]";

// `caseflow run`: simulates a scenario and writes its files. Returns the exit code.
int run_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
