#pragma once
// A progress bar on stderr for runs longer than about a second; silent when stderr is not a terminal,
// so logs and pipes stay clean.

#include <chrono>
#include <mutex>
#include <string>

namespace caseflow::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();  // clears the line if anything was drawn

  // Safe to call from several threads.
  void update(int completed, int total);

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_drawn_;
  std::mutex mutex_;
};

}  // namespace caseflow::cli
