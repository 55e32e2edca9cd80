#pragma once
// Chances about the number of children in care, as shares of replications: of being at or below a
// comparator on a date, and of ending the forecast with fewer (or more) children in care than at its start.

#include <cstddef>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"

namespace caseflow {

// The share of replications with at most `count` children in care at snapshot `snapshot`.
double share_in_care_at_or_below(const RunResults& results, size_t snapshot, double count);

struct InCareChances {
  size_t comparators = 0;
  std::vector<double> at_or_below;  // snapshot * comparators + comparator: the scenario's comparators, in order
  double fewer_at_end = 0;          // the share of replications ending with fewer children in care than they started with
  double more_at_end = 0;           // ... with more

  double at_or_below_comparator(size_t snapshot, size_t comparator) const { return at_or_below[snapshot * comparators + comparator]; }
};

// `results` must come from running `scenario` (its comparators are looked up at every snapshot).
InCareChances in_care_chances(const RunResults& results, const Scenario& scenario);

}  // namespace caseflow
