#include "recorder.hpp"

#include <algorithm>

namespace caseflow {

Recorder::Recorder(const OutputLayout& layout, const SimulationTables& tables, const CostIntegral& cost_integral,
                   size_t states, ReplicationRecord& record)
    : layout_(layout), tables_(tables), cost_integral_(cost_integral), record_(record), counts_(states, 0) {
  record_.stocks.assign(layout_.stock_cells(), 0);
  record_.flows.assign(layout_.flow_cells(), 0);
  record_.care_days.assign(layout_.day_cells(), 0.0);
  record_.costs = tables_.running_costs;
  record_.period_care_days.assign(layout_.cost_periods.size(), 0.0);
  record_.placements.assign(layout_.placement_cells(), 0);
  placement_counts_.assign(layout_.placement_categories, 0);
  record_.age_bands.assign(layout_.age_band_cells(), 0);
  const Date start = layout_.snapshot_dates.front();
  for (Date date : layout_.snapshot_dates)
    for (size_t b = 1; b < layout_.age_band_starts.size(); ++b)
      latest_birth_day_.push_back(static_cast<int32_t>(days_between(start, years_before(date, layout_.age_band_starts[b]))));
  record_.events = 0;
}

void Recorder::take_snapshots_before(double time, const std::vector<Child>& children) {
  while (next_snapshot_ < layout_.snapshots() && layout_.snapshot_times[next_snapshot_] < time) {
    int32_t* row = &record_.stocks[layout_.stock_cell(next_snapshot_, 0)];
    for (size_t s = 0; s < counts_.size(); ++s) row[s] = counts_[s];
    row[counts_.size()] = in_care_;
    for (size_t t = 0; t < placement_counts_.size(); ++t)
      record_.placements[layout_.placement_cell(next_snapshot_, t)] = placement_counts_[t];
    const size_t older_bands = layout_.age_bands.size() - 1;
    const int32_t* latest = &latest_birth_day_[next_snapshot_ * older_bands];
    int32_t* by_age = &record_.age_bands[layout_.age_band_cell(next_snapshot_, 0)];
    for (const Child& child : children) {
      if (child.state < 0) continue;
      size_t band = 0;
      while (band < older_bands && child.birth_day <= latest[band]) ++band;
      ++by_age[band];
    }
    ++next_snapshot_;
  }
}

void Recorder::account_stay(int state, int placement, double entered_at, double until) {
  if (placement >= 0)
    cost_integral_.add(record_.costs, static_cast<size_t>(placement), tables_.placement_tariffs[placement],
                       std::max(entered_at, 0.0), until);
  cost_integral_.for_each_period(std::max(entered_at, 0.0), until,
                                 [&](size_t period, double a, double b) { record_.period_care_days[period] += b - a; });
  add_care_days(state, entered_at, until);
}

void Recorder::add_care_days(int state, double from, double to) {
  const size_t in_care = layout_.in_care_column();
  tables_.month_walk.for_each_piece(from, to, [&](size_t month, double a, double b) {
    record_.care_days[layout_.day_cell(month, static_cast<size_t>(state))] += b - a;
    record_.care_days[layout_.day_cell(month, in_care)] += b - a;
  });
}

}  // namespace caseflow
