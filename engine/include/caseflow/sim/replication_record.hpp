#pragma once
// What one replication recorded, laid out as OutputLayout says: the recorder (src/sim/recorder.hpp) fills
// it, the runner copies it into its row of RunResults.

#include <cstdint>
#include <vector>

namespace caseflow {

struct ReplicationRecord {
  std::vector<int32_t> stocks;     // snapshot-major: stocks[layout.stock_cell(k, column)]
  std::vector<int32_t> flows;      // month-major: flows[layout.flow_cell(m, key)]
  std::vector<double> care_days;   // child-days spent in each state (and in care) in each month: day_cell(m, column)
  std::vector<double> costs;       // pounds by calendar month and category: layout.cost_cell(period, category)
  std::vector<double> period_care_days;  // child-days in care by calendar month (cost period)
  std::vector<int32_t> placements; // children by placement type at each snapshot: layout.placement_cell(k, type)
  std::vector<int32_t> age_bands;  // children in care by age band at each snapshot: layout.age_band_cell(k, band)
  uint64_t events = 0;             // events processed, for benchmarks
};

}  // namespace caseflow
