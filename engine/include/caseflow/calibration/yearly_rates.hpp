#pragma once
// Entries to care and exits from it in each of the whole years before a date, from care histories: the series
// whose year-to-year changes tell how much a council's rates drift (drift_estimation.hpp). Exits are set
// against those expected from each year's children in care at the rates of the whole period, state by state,
// so a year with more children in short-stay states is not mistaken for a year of faster exits.

#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"

namespace caseflow {

struct YearlyRates {
  std::vector<Date> starts;             // each year is [starts[j], starts[j] + 12 months), the last ending at the date
  std::vector<double> entries;          // periods in care begun
  std::vector<double> exits;            // leaving care by an exit (not by reaching the age-out age)
  std::vector<double> expected_exits;   // sum over states of the year's days in the state x the state's exit rate
};

// The whole years from `as_of` back to `data_start` (a part year at the start is left out, unless it lacks no
// more than a week).
YearlyRates yearly_rates(const CareHistories& histories, const Ssda903Mapping& mapping, Date data_start, Date as_of);

}  // namespace caseflow
