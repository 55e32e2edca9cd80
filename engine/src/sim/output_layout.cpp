#include "caseflow/sim/output_layout.hpp"

#include "caseflow/base/financial_year.hpp"

#include <algorithm>
#include <cstdio>

namespace caseflow {

OutputLayout OutputLayout::for_scenario(const Scenario& scenario) {
  OutputLayout layout;
  for (int k = 0; k <= scenario.horizon_months; ++k) {
    Date date = add_months(scenario.start_date, k);
    layout.snapshot_dates.push_back(date);
    layout.snapshot_times.push_back(static_cast<double>(days_between(scenario.start_date, date)));
  }
  for (const auto& state : scenario.states) layout.stock_columns.push_back(state.id);
  layout.stock_columns.emplace_back("in_care");
  layout.age_bands = {"0", "1-4", "5-9", "10-15", "16-17", "18+"};
  layout.age_band_starts = {0, 1, 5, 10, 16, 18};

  layout.states_ = scenario.states.size();
  layout.exits_ = scenario.exits.size();
  layout.flow_table_.assign((layout.states_ + 1) * (layout.states_ + layout.exits_), -1);
  // Several transitions may share a (from, to) pair (different age ranges, say); they share a key.
  auto add = [&](int from_state, Destination to) {
    size_t column = to.kind == Destination::Kind::state ? static_cast<size_t>(to.index) : layout.states_ + static_cast<size_t>(to.index);
    int& key = layout.flow_table_[static_cast<size_t>(from_state + 1) * (layout.states_ + layout.exits_) + column];
    if (key >= 0) return;
    key = static_cast<int>(layout.flows.size());
    layout.flows.push_back({from_state == kArrival ? "arrival" : scenario.states[from_state].id, scenario.destination_id(to)});
  };
  auto state = [](int index) { return Destination{Destination::Kind::state, index}; };

  const bool pool = scenario.has_foster_placements;
  auto needs_placement = [&](Destination to) {
    return pool && to.kind == Destination::Kind::state &&
           std::count(scenario.foster_placements.states.begin(), scenario.foster_placements.states.end(), to.index) > 0;
  };
  // A move into a foster state may be redirected to the overflow state when no placement is free.
  auto add_move = [&](int from_state, Destination to) {
    add(from_state, to);
    if (needs_placement(to) && from_state != scenario.foster_placements.overflow_state)
      add(from_state, state(scenario.foster_placements.overflow_state));
  };

  for (const auto& stream : scenario.arrivals) add_move(kArrival, state(stream.state));
  for (const auto& transition : scenario.transitions) add_move(transition.from_state, transition.to);
  for (const auto& intervention : scenario.interventions)
    if (intervention.kind == Intervention::Kind::move_children) add_move(intervention.from_state, intervention.to);
  if (pool)
    for (int wanted : scenario.foster_placements.states) add(scenario.foster_placements.overflow_state, state(wanted));
  if (scenario.has_age_out)
    for (size_t s = 0; s < scenario.states.size(); ++s)
      add(static_cast<int>(s), Destination{Destination::Kind::exit, scenario.age_out.exit});
  for (const auto& intervention : scenario.interventions)
    if (intervention.kind == Intervention::Kind::divert_arrivals && layout.diverted_flow < 0) {
      layout.diverted_flow = static_cast<int>(layout.flows.size());
      layout.flows.push_back({"arrival", "diverted"});
    }

  // Calendar months from the start date's month to the last snapshot, clipped to the simulated period.
  using namespace std::chrono;
  const double end = layout.snapshot_times.back();
  year_month month{year_month_day{scenario.start_date}.year(), year_month_day{scenario.start_date}.month()};
  for (;; month += std::chrono::months{1}) {
    double start = static_cast<double>(days_between(scenario.start_date, sys_days{month / 1}));
    double next = static_cast<double>(days_between(scenario.start_date, sys_days{(month + std::chrono::months{1}) / 1}));
    start = std::max(start, 0.0);
    if (start >= end) break;
    int first_year = financial_year_of(sys_days{month / 1});
    if (layout.financial_years.empty() || layout.financial_years.back().first_year != first_year)
      layout.financial_years.push_back({first_year, financial_year_label(first_year)});
    char label[16];
    std::snprintf(label, sizeof label, "%04d-%02u", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
    layout.cost_periods.push_back({label, start, std::min(next, end), layout.financial_years.size() - 1});
  }
  for (const auto& type : scenario.placement_types) layout.cost_categories.push_back(type.id);
  layout.placement_categories = scenario.placement_types.size();
  for (const auto& allowance : scenario.costs.allowances) layout.cost_categories.push_back(allowance.id);
  layout.cost_categories.emplace_back("running_costs");
  return layout;
}

}  // namespace caseflow
