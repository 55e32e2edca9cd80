#pragma once
// The pending events of a replication, earliest first: a 4-ary heap. Against a binary heap it halves the
// depth (a national-scale replication holds about 100,000 events) and each step down reads four children
// that share a cache line or two. Keys are unique, so the order of events is the same as any other
// priority queue's: results do not depend on this choice.

#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace caseflow {

// Just after `time`: for events that must come after everything scheduled at `time` (a month's capacity
// opens after the snapshot at its first instant, so what it lets through counts in the new month).
inline double just_after(double time) { return std::nextafter(time, std::numeric_limits<double>::infinity()); }

// Event: a type with `earlier(const Event&) const`, a strict total order.
template <class Event>
class EventQueue {
 public:
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }

  void push(const Event& event) {
    size_t at = heap_.size();
    heap_.push_back(event);
    while (at > 0) {
      size_t parent = (at - 1) / kArity;
      if (!event.earlier(heap_[parent])) break;
      heap_[at] = heap_[parent];
      at = parent;
    }
    heap_[at] = event;
  }

  void pop() {
    Event last = heap_.back();
    heap_.pop_back();
    if (heap_.empty()) return;
    const size_t count = heap_.size();
    size_t at = 0;
    for (;;) {
      size_t first = at * kArity + 1;
      if (first >= count) break;
      size_t best = first;
      const size_t end = first + kArity < count ? first + kArity : count;
      for (size_t child = first + 1; child < end; ++child)
        if (heap_[child].earlier(heap_[best])) best = child;
      if (!heap_[best].earlier(last)) break;
      heap_[at] = heap_[best];
      at = best;
    }
    heap_[at] = last;
  }

 private:
  static constexpr size_t kArity = 4;
  std::vector<Event> heap_;
};

}  // namespace caseflow
