#include "interruption.hpp"

#include <csignal>

#include "caseflow/sim/runner.hpp"

namespace caseflow::cli {

namespace {

// Lock-free atomics are safe to touch in a signal handler.
std::atomic<bool> signalled{false};
std::atomic<int> received_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

struct sigaction previous_int, previous_term;

extern "C" void on_signal(int number) {
  // A second signal stops the process at once, as without a handler: a command blocked where it does not
  // check (a read from a pipe that never ends) can still be stopped. Its hidden files are removed by the
  // next command into the folder (staged_output.hpp). signal() and raise() are safe in a handler.
  if (signalled.load()) {
    std::signal(number, SIG_DFL);
    std::raise(number);
    return;
  }
  received_signal.store(number);
  signalled.store(true);
}

}  // namespace

Interruption::Interruption() {
  signalled = false;
  received_signal = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a write interrupted by the signal carries on; the flag is checked after it
  sigaction(SIGINT, &action, &previous_int);
  sigaction(SIGTERM, &action, &previous_term);
}

Interruption::~Interruption() {
  sigaction(SIGINT, &previous_int, nullptr);
  sigaction(SIGTERM, &previous_term, nullptr);
}

const std::atomic<bool>* Interruption::flag() { return &signalled; }

int Interruption::signal_number() { return received_signal.load(); }

void Interruption::stop_if_interrupted() {
  if (interrupted()) throw RunCancelled();
}

}  // namespace caseflow::cli
