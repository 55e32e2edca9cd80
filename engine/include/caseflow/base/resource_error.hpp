#pragma once
// The machine refused a resource a command needs (a thread, memory): not bad input and not a bug, so the
// command line reports it plainly with exit code 1, and Python raises it as a RuntimeError with the same
// words, instead of the process aborting (issue 16).

#include <stdexcept>

namespace caseflow {

class ResourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace caseflow
