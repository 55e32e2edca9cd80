#pragma once
// The yardstick for caseflow's speed (issue 19): a minimal event loop of a model whose waiting times are all
// exponential, with one arrival stream and leaving care at 18, counting the children in each state at every
// snapshot. It does nothing caseflow's engine does beyond that (no costs, flows, legal stages, foster
// placements, calendar ages or interventions), so caseflow's time over its time on the same model is what all
// of that generality costs. It draws from the same counter-based streams (base/random_stream.hpp), -log(u)
// waiting times, keeps its events in a flat 4-ary heap, and reads its model from the same scenario file.

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "caseflow/base/random_stream.hpp"
#include "caseflow/base/units.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/output_layout.hpp"

namespace caseflow::bench {

struct MinimalModel {
  struct Exit {
    int to;            // a state, or -1 for leaving care
    double mean_days;  // of the exponential waiting time
  };
  std::vector<std::vector<Exit>> exits;  // by state
  int arrival_state = 0;
  double arrival_mean_gap_days = 0;
  std::vector<int> initial_state;  // one entry per child of the initial population
  double age_out_days = 0;         // a child of age `a` days leaves at 18 years, counted as days
  std::vector<double> snapshot_times;
};

// The model of a scenario made of exponential transitions, one arrival stream into one state, an initial
// population and an age-out; throws std::invalid_argument for anything else (the loop could not run it).
inline MinimalModel minimal_model_of(const Scenario& scenario) {
  MinimalModel model;
  model.exits.resize(scenario.states.size());
  for (const Transition& transition : scenario.transitions) {
    if (transition.time.kind != TimeDistribution::Kind::exponential || transition.has_age_limits ||
        transition.via_pipeline >= 0)
      throw std::invalid_argument("the minimal loop runs exponential transitions open to every age only");
    int to = transition.to.kind == Destination::Kind::state ? transition.to.index : -1;
    model.exits[static_cast<size_t>(transition.from_state)].push_back({to, transition.time.mean_days});
  }
  if (scenario.arrivals.size() != 1 || !scenario.pipelines.empty() || !scenario.interventions.empty() ||
      !scenario.has_age_out || scenario.has_foster_placements)
    throw std::invalid_argument("the minimal loop runs one arrival stream, an age-out and nothing else");
  model.arrival_state = scenario.arrivals[0].state;
  model.arrival_mean_gap_days = kDaysPerYear / scenario.arrivals[0].per_year;
  for (const InitialCohort& group : scenario.initial_population)
    model.initial_state.insert(model.initial_state.end(), static_cast<size_t>(group.count), group.state);
  model.age_out_days = scenario.age_out.age_years * kDaysPerYear;
  model.snapshot_times = OutputLayout::for_scenario(scenario).snapshot_times;
  return model;
}

class MinimalEventLoop {
 public:
  explicit MinimalEventLoop(const MinimalModel& model) : model_(model) {}

  // One replication; `stocks` gets the count in each state at each snapshot (snapshot-major). Returns the
  // number of events (children's moves and arrivals), counted as caseflow counts them.
  uint64_t run(uint64_t seed, uint64_t replication, std::vector<uint32_t>& stocks) {
    const size_t states = model_.exits.size();
    stocks.assign(model_.snapshot_times.size() * states, 0);
    heap_.clear();
    children_.clear();
    counts_.assign(states, 0);
    for (size_t i = 0; i < model_.initial_state.size(); ++i) {
      RandomStream random(RandomStream::key_for(seed, replication, StreamKind::initial_child, 0, i));
      double age = random.uniform() * model_.age_out_days;
      add_child(random, model_.initial_state[i], 0.0, model_.age_out_days - age);
    }
    RandomStream clock(RandomStream::key_for(seed, replication, StreamKind::arrival_clock, 0, 0));
    uint64_t arrivals = 0;
    push(-std::log(clock.uniform()) * model_.arrival_mean_gap_days, kArrival);

    const double end = model_.snapshot_times.back();
    size_t next_snapshot = 0;
    uint64_t events = 0;
    while (!heap_.empty() && heap_[0].time <= end) {
      const Entry event = pop();
      while (next_snapshot < model_.snapshot_times.size() && event.time > model_.snapshot_times[next_snapshot])
        take_snapshot(next_snapshot++, stocks);
      ++events;
      if (event.child == kArrival) {
        RandomStream random(RandomStream::key_for(seed, replication, StreamKind::arriving_child, 0, arrivals++));
        double age = random.uniform() * model_.age_out_days;
        add_child(random, model_.arrival_state, event.time, event.time + model_.age_out_days - age);
        push(event.time - std::log(clock.uniform()) * model_.arrival_mean_gap_days, kArrival);
      } else {
        Child& child = children_[event.child];
        --counts_[static_cast<size_t>(child.state)];
        if (child.next_state >= 0) {
          child.state = child.next_state;
          ++counts_[static_cast<size_t>(child.state)];
          schedule(event.child, event.time);
        }
      }
    }
    while (next_snapshot < model_.snapshot_times.size()) take_snapshot(next_snapshot++, stocks);
    return events;
  }

 private:
  static constexpr uint32_t kArrival = UINT32_MAX;
  struct Entry {
    double time;
    uint32_t child;
  };
  struct Child {
    RandomStream random;
    int state;
    int next_state;  // where the pending event takes the child (-1: out of care)
    double age_out_at;
  };

  void add_child(RandomStream random, int state, double now, double age_out_at) {
    children_.push_back({random, state, -1, age_out_at});
    ++counts_[static_cast<size_t>(state)];
    schedule(static_cast<uint32_t>(children_.size() - 1), now);
  }

  // The child's next event: the first of its competing exponential waiting times, or turning 18.
  void schedule(uint32_t index, double now) {
    Child& child = children_[index];
    double first = child.age_out_at;
    child.next_state = -1;
    for (const MinimalModel::Exit& exit : model_.exits[static_cast<size_t>(child.state)]) {
      double at = now - std::log(child.random.uniform()) * exit.mean_days;
      if (at < first) {
        first = at;
        child.next_state = exit.to;
      }
    }
    push(first, index);
  }

  void take_snapshot(size_t k, std::vector<uint32_t>& stocks) const {
    for (size_t s = 0; s < counts_.size(); ++s) stocks[k * counts_.size() + s] = counts_[s];
  }

  // A 4-ary min-heap on time in a flat vector.
  void push(double time, uint32_t child) {
    size_t i = heap_.size();
    heap_.push_back({time, child});
    while (i > 0) {
      size_t parent = (i - 1) / 4;
      if (!(heap_[i].time < heap_[parent].time)) break;
      std::swap(heap_[i], heap_[parent]);
      i = parent;
    }
  }
  Entry pop() {
    Entry top = heap_[0];
    heap_[0] = heap_.back();
    heap_.pop_back();
    size_t i = 0, n = heap_.size();
    for (;;) {
      size_t first = 4 * i + 1, best = i;
      for (size_t c = first; c < first + 4 && c < n; ++c)
        if (heap_[c].time < heap_[best].time) best = c;
      if (best == i) break;
      std::swap(heap_[i], heap_[best]);
      i = best;
    }
    return top;
  }

  const MinimalModel& model_;
  std::vector<Entry> heap_;
  std::vector<Child> children_;
  std::vector<uint32_t> counts_;
};

}  // namespace caseflow::bench
