// The event queue gives events back earliest first, ties in time by sequence: the order of a sort.

#include "caseflow/sim/event_queue.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace {

struct TestEvent {
  double time;
  uint64_t sequence;
  bool earlier(const TestEvent& other) const {
    return time != other.time ? time < other.time : sequence < other.sequence;
  }
};

}  // namespace

TEST(EventQueue, PopsInTheOrderOfASortWhilePushesAndPopsInterleave) {
  caseflow::EventQueue<TestEvent> queue;
  std::vector<TestEvent> popped, pushed;
  uint64_t state = 7, sequence = 0;
  auto random_time = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>((state >> 40) % 500);  // few distinct times: ties are common
  };
  double now = 0;
  for (int step = 0; step < 20000; ++step) {
    if (queue.empty() || step % 3 != 2) {
      TestEvent event{now + random_time(), ++sequence};
      pushed.push_back(event);
      queue.push(event);
    } else {
      EXPECT_FALSE(queue.top().time < now);
      now = queue.top().time;
      popped.push_back(queue.top());
      queue.pop();
    }
  }
  while (!queue.empty()) {
    popped.push_back(queue.top());
    queue.pop();
  }
  ASSERT_EQ(popped.size(), pushed.size());
  // Nothing pushed is ever earlier than what was already popped, so the pops are the sorted pushes.
  std::sort(pushed.begin(), pushed.end(), [](const TestEvent& a, const TestEvent& b) { return a.earlier(b); });
  for (size_t i = 0; i < pushed.size(); ++i) {
    EXPECT_EQ(popped[i].time, pushed[i].time) << i;
    EXPECT_EQ(popped[i].sequence, pushed[i].sequence) << i;
  }
}
