#pragma once
#include <string>
#include <vector>

namespace caseflow::cli {

inline constexpr const char* kBenchUsage =
    "bench SCENARIO [--replications N] [--seed S] [--threads T] [--months M] [--max-memory-mb MB]\n"
    "               [--max-children N]";

// `caseflow bench`: times a scenario on one thread and on T threads and prints a table. Writes no files.
int bench_command(const std::vector<std::string>& words);

}  // namespace caseflow::cli
