#pragma once
// Ctrl-C (SIGINT) and SIGTERM during a command. main installs the handlers before any command starts, so
// that a signal is never the default death half-way through (issue 16): the handler only raises a flag;
// the runner checks it between replications, the commands between their steps and before they move files
// into place. An interrupted command throws RunCancelled, which main turns into "interrupted by signal N;
// nothing was written" and, by convention, the exit code 128 + the signal's number: 130 for Ctrl-C, 143 for
// SIGTERM. A second signal ends the process at once, as if there were no handler.

#include <atomic>

namespace caseflow::cli {

class Interruption {
 public:
  Interruption();   // installs the handlers (main, once)
  ~Interruption();  // restores the previous ones
  Interruption(const Interruption&) = delete;
  Interruption& operator=(const Interruption&) = delete;

  // Set once a signal has arrived; give it to RunOptions::cancel and write_run_outputs.
  static const std::atomic<bool>* flag();
  static bool interrupted() { return flag()->load(); }
  static int signal_number();
  static int exit_code() { return 128 + signal_number(); }
  // Throws RunCancelled if a signal has arrived: for a command between its steps.
  static void stop_if_interrupted();
};

}  // namespace caseflow::cli
