#pragma once
// A limited number of foster placements: a child entering a foster state takes one if one is free; a
// child for whom none is free waits (in the overflow state, residential care), and free placements go to
// the children who have waited longest.

#include <cstdint>
#include <deque>
#include <optional>

#include "child.hpp"

namespace caseflow {

class FosterPool {
 public:
  explicit FosterPool(int free_at_start = 0) : free_(free_at_start) {}

  // Takes a free placement for a child; false when none is free.
  bool take() {
    if (free_ <= 0) return false;
    --free_;
    return true;
  }
  // Placements freed (a child left one) or added (recruitment, an intervention; negative: taken away).
  void add(int placements) { free_ += placements; }

  void wait(QueueEntry who) { waiting_.push_back(who); }

  // The child who has waited longest, while a placement is free (the caller then moves the child, which
  // takes it). Entries for which `still_waiting(entry)` is false are dropped on the way. Asked one at a
  // time, because each move can free or take placements and change who still waits.
  template <class StillWaiting>
  std::optional<uint32_t> next_to_place(StillWaiting&& still_waiting) {
    while (free_ > 0 && !waiting_.empty()) {
      QueueEntry entry = waiting_.front();
      waiting_.pop_front();
      if (still_waiting(entry)) return entry.slot;
    }
    return std::nullopt;
  }

 private:
  int free_ = 0;
  std::deque<QueueEntry> waiting_;
};

}  // namespace caseflow
