#include "progress_bar.hpp"

#include <cstdio>

#include <unistd.h>

namespace caseflow::cli {

using Clock = std::chrono::steady_clock;

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1), started_(Clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(int completed, int total) {
  if (!enabled_ || total <= 0) return;
  auto now = Clock::now();
  // Nothing for the first second (short runs stay quiet), then at most ten redraws a second.
  if (now - started_ < std::chrono::seconds(1)) return;
  std::lock_guard lock(mutex_);
  if (drawn_ && now - last_drawn_ < std::chrono::milliseconds(100) && completed < total) return;
  last_drawn_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  int filled = static_cast<int>(static_cast<long long>(kWidth) * completed / total);
  double elapsed = std::chrono::duration<double>(now - started_).count();
  double remaining = completed > 0 ? elapsed * (total - completed) / completed : 0;
  std::fprintf(stderr, "\r%s [%s%s] %d/%d  %.0fs left\033[K", label_.c_str(), std::string(filled, '#').c_str(),
               std::string(kWidth - filled, '.').c_str(), completed, total, remaining);
  std::fflush(stderr);
}

}  // namespace caseflow::cli
