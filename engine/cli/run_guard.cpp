#include "run_guard.hpp"

namespace caseflow::cli {

InputError with_source(const InputError& error, const std::string& scenario_path) {
  if (!error.source().empty()) return error;
  return InputError(scenario_path, error.place(), error.message());
}

}  // namespace caseflow::cli
