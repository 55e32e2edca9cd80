#include "run_guard.hpp"

namespace caseflow::cli {

void read_run_limits(const Arguments& arguments, RunLimits& limits) {
  limits.max_memory_mb = static_cast<double>(arguments.integer(kMaxMemoryOption, 0, 1, 1LL << 40));
  limits.max_children = static_cast<double>(arguments.integer(kMaxChildrenOption, static_cast<long long>(limits.max_children),
                                                              1, static_cast<long long>(kMaxChildrenPerReplication)));
}

InputError with_source(const InputError& error, const std::string& scenario_path) {
  if (!error.source().empty()) return error;
  return InputError(scenario_path, error.place(), error.message());
}

}  // namespace caseflow::cli
