#pragma once
// What `caseflow run` and `caseflow compare` share around a run (issue 9): the flags that raise the run
// limits, and naming the scenario file in the refusals the engine reports without one.

#include <string>

#include "arguments.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/sim/run_limits.hpp"

namespace caseflow::cli {

inline constexpr const char* kMaxMemoryOption = "--max-memory-mb";
inline constexpr const char* kMaxChildrenOption = "--max-children";

// --max-memory-mb MB and --max-children N, when given.
void read_run_limits(const Arguments& arguments, RunLimits& limits);

// The engine's run limits and run-time refusals come without a file name (it does not know it): this
// gives them `scenario_path`, and returns others as they are.
InputError with_source(const InputError& error, const std::string& scenario_path);

}  // namespace caseflow::cli
