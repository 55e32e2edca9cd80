#pragma once
// Ctrl-C (SIGINT) and SIGTERM during a command. The handler only raises a flag; the runner checks it
// between replications and the writer before moving files into place, so an interrupted command stops
// within a replication's time and leaves nothing behind. By convention it then exits with 128 + the
// signal's number: 130 for Ctrl-C, 143 for SIGTERM.

#include <atomic>

namespace caseflow::cli {

class Interruption {
 public:
  Interruption();   // installs the handlers
  ~Interruption();  // restores the previous ones
  Interruption(const Interruption&) = delete;
  Interruption& operator=(const Interruption&) = delete;

  // Set once a signal has arrived; give it to RunOptions::cancel and write_run_outputs.
  const std::atomic<bool>* flag() const;
  bool interrupted() const { return flag()->load(); }
  int signal_number() const;
  int exit_code() const { return 128 + signal_number(); }
};

}  // namespace caseflow::cli
