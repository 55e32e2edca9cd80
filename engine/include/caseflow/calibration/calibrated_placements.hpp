#pragma once
// Placements and their costs for a calibrated scenario: each state's placement mix as observed in the data
// (the share of its child-days in each placement category, placement_categories.hpp, over the estimation
// window), and national default unit costs for the categories, each citing its source by publisher, title
// and year, at the prices stated for them (2024/25, as in scenarios/england-2024.json). A council with its
// own unit costs replaces them in the scenario file.

#include <array>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/calibration/placement_categories.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/ssda903/care_history.hpp"

namespace caseflow {

// Child-days by mapping state (rows) and placement category (columns).
using PlacementDays = std::vector<std::array<double, kPlacementCategories>>;

// The child-days in [from, to) of every spell in a state, split by the placement (PLACE, PLACE_PROVIDER)
// of the episodes it covers.
PlacementDays observe_placement_days(const CareHistories& histories, size_t states, Date from, Date to);

// Gives `scenario` (whose states are the mapping's, in order) placement types for the categories observed,
// a mix for every state (a state without days in the window takes the mix of all children in care), and
// costs at national default unit costs with their 90% ranges. Does nothing when `days` holds no day at all.
// `window` says where the days were counted, for the notes ("2018-04-01 to 2019-03-31").
void add_placement_costs(Scenario& scenario, const PlacementDays& days, const std::string& window);

// The national default unit cost of a category: weekly cost at 2024/25 prices, its 90% range, inflation
// a year from April 2024 and its range, and the source.
struct NationalUnitCost {
  double weekly_cost = 0;
  NumberRange weekly_cost_range;
  double inflation_per_year = 0;
  NumberRange inflation_range;
  const char* note = "";
};
const NationalUnitCost& national_unit_cost(PlacementCategory category);
Date national_unit_cost_prices_from();  // 1 April 2024: the costs are at 2024/25 prices

}  // namespace caseflow
