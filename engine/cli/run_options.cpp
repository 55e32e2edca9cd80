#include "run_options.hpp"

#include <string>

namespace caseflow::cli {

void add_replication_options(CLI::App& command, int& replications, uint64_t& seed, int& threads) {
  add_whole_number(command, "--replications", replications, kMinReplications, kMaxReplications,
                   "independent replications of the forecast");
  add_unsigned(command, "--seed", seed, "S", "random seed: the same seed gives the same numbers, at any thread count");
  add_whole_number(command, "--threads", threads, 0, kMaxThreads, "worker threads; 0 for all hardware threads")
      ->type_name("T");
}

void add_limit_options(CLI::App& command, RunLimits& limits) {
  add_whole_number(command, "--max-memory-mb", limits.max_memory_mb, 1, 1LL << 40,
                   "refuse a run that would need more memory than this, in MiB (default: half of this machine's)", "")
      ->type_name("MB");
  add_whole_number(command, "--max-children", limits.max_children, 1, static_cast<long long>(kMaxChildrenPerReplication),
                   "refuse a run whose replications would each simulate more children than this",
                   std::to_string(static_cast<long long>(limits.max_children)));
}

}  // namespace caseflow::cli
