#pragma once
// The stages of the legal pipelines (legal services, then the court) as resources with a capacity per
// month: a case ready to leave a stage asks for one of the month's orders and either gets it at once or
// waits, first come first served; each new month lets the longest-waiting cases through, one at a time.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "child.hpp"

namespace caseflow {

class LegalStages {
 public:
  // capacity[pipeline][stage][month]: the orders each stage can make in each simulated month.
  LegalStages(const std::vector<Pipeline>& pipelines, const std::vector<std::vector<std::vector<int>>>& capacity)
      : capacity_(capacity) {
    for (const auto& pipeline : pipelines) {
      queues_.emplace_back(pipeline.stages.size());
      used_.emplace_back(pipeline.stages.size(), 0);
      month_.emplace_back(pipeline.stages.size(), 0);
    }
  }

  size_t pipelines() const { return queues_.size(); }
  size_t stages(size_t pipeline) const { return queues_[pipeline].size(); }

  // A case ready in `month`: true if one of the month's orders is free (and now taken); otherwise the case
  // joins the stage's queue and false is returned.
  bool request(size_t pipeline, size_t stage, size_t month, QueueEntry who) {
    int& used = used_in(pipeline, stage, month);
    if (used < capacity_in(pipeline, stage, month)) {
      ++used;
      return true;
    }
    queues_[pipeline][stage].push_back(who);
    return false;
  }

  // The next waiting case that `month`'s capacity lets through (its order taken), or nothing. Entries for
  // which `still_waiting(entry)` is false (the child moved on) are dropped on the way without using an
  // order. Asked one at a time, because letting one child through can change whether another still waits.
  template <class StillWaiting>
  std::optional<uint32_t> let_through(size_t pipeline, size_t stage, size_t month, StillWaiting&& still_waiting) {
    auto& waiting = queues_[pipeline][stage];
    int& used = used_in(pipeline, stage, month);
    while (!waiting.empty() && used < capacity_in(pipeline, stage, month)) {
      QueueEntry entry = waiting.front();
      waiting.pop_front();
      if (!still_waiting(entry)) continue;
      ++used;
      return entry.slot;
    }
    return std::nullopt;
  }

 private:
  int& used_in(size_t pipeline, size_t stage, size_t month) {
    if (month_[pipeline][stage] != month) {
      month_[pipeline][stage] = month;
      used_[pipeline][stage] = 0;
    }
    return used_[pipeline][stage];
  }

  int capacity_in(size_t pipeline, size_t stage, size_t month) const {
    const auto& capacity = capacity_[pipeline][stage];
    return capacity[std::min(month, capacity.size() - 1)];
  }

  const std::vector<std::vector<std::vector<int>>>& capacity_;
  std::vector<std::vector<std::deque<QueueEntry>>> queues_;
  std::vector<std::vector<int>> used_;
  std::vector<std::vector<size_t>> month_;
};

}  // namespace caseflow
