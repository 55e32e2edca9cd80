#pragma once
// What the commands that run a scenario share around a run (issue 9): naming the scenario file in the
// refusals the engine reports without one. The flags that raise the run limits are in run_options.hpp.

#include <string>

#include "caseflow/base/input_error.hpp"

namespace caseflow::cli {

// The engine's run limits and run-time refusals come without a file name (it does not know it): this
// gives them `scenario_path`, and returns others as they are.
InputError with_source(const InputError& error, const std::string& scenario_path);

}  // namespace caseflow::cli
