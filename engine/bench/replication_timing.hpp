#pragma once
// Times one replication of a simulation per benchmark iteration, all recording included: items per second are
// events per second. A different replication each time, as in a run, so the benchmark does not time one lucky
// path; one record reused, as each worker thread of run_replications reuses its own.

#include <cstdint>

#include <benchmark/benchmark.h>

#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow::bench {

inline int64_t time_replications(benchmark::State& state, const Simulation& simulation) {
  ReplicationRecord record;
  uint64_t replication = 0;
  int64_t events = 0;
  for (auto _ : state) {
    simulation.run_replication(1, replication++, record);
    events += static_cast<int64_t>(record.events);
    benchmark::DoNotOptimize(record.stocks.data());
  }
  state.SetItemsProcessed(events);
  return events;
}

}  // namespace caseflow::bench
