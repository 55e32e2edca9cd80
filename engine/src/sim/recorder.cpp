#include "recorder.hpp"

#include <algorithm>
#include <limits>

#include "child.hpp"

namespace caseflow {

namespace {
constexpr double kNothingDue = std::numeric_limits<double>::infinity();
}  // namespace

Recorder::Recorder(const OutputLayout& layout, const SimulationTables& tables, const CostIntegral& cost_integral,
                   size_t states, ReplicationRecord& record)
    : layout_(layout),
      tables_(tables),
      cost_integral_(cost_integral),
      record_(record),
      counts_(states, 0),
      state_since_(states, 0.0),
      placement_since_(layout.placement_categories, 0.0) {
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

void Recorder::close_months_before(double time, const std::vector<int32_t>& birth_days_in_care) {
  while (period_ < layout_.cost_periods.size() && layout_.cost_periods[period_].end < time) close_cost_period();
  while (next_snapshot_ < layout_.snapshots() && layout_.snapshot_times[next_snapshot_] < time) {
    if (next_snapshot_ > 0) close_snapshot_month(layout_.snapshot_times[next_snapshot_]);
    int32_t* row = &record_.stocks[layout_.stock_cell(next_snapshot_, 0)];
    for (size_t s = 0; s < counts_.size(); ++s) row[s] = counts_[s];
    row[counts_.size()] = in_care_;
    for (size_t t = 0; t < placement_counts_.size(); ++t)
      record_.placements[layout_.placement_cell(next_snapshot_, t)] = placement_counts_[t];
    const size_t older_bands = layout_.age_bands.size() - 1;
    const int32_t* latest = &latest_birth_day_[next_snapshot_ * older_bands];
    int32_t* by_age = &record_.age_bands[layout_.age_band_cell(next_snapshot_, 0)];
    // A child is in band b or an older one when born on or before latest[b - 1]: count those for each b (a
    // loop the compiler vectorizes), and each band holds the difference of neighbouring counts.
    int32_t at_least_previous = static_cast<int32_t>(birth_days_in_care.size());
    for (size_t band = 0; band < older_bands; ++band) {
      const int32_t latest_birth_day = latest[band];
      int32_t at_least = 0;
      for (int32_t birth_day : birth_days_in_care) at_least += birth_day <= latest_birth_day;
      by_age[band] = at_least_previous - at_least;
      at_least_previous = at_least;
    }
    by_age[older_bands] = at_least_previous;
    ++next_snapshot_;
  }
  next_boundary_ = std::min(
      next_snapshot_ < layout_.snapshots() ? layout_.snapshot_times[next_snapshot_] : kNothingDue,
      period_ < layout_.cost_periods.size() ? layout_.cost_periods[period_].end : kNothingDue);
}

void Recorder::integrate_until(int state, int placement, double now) {
  const size_t s = static_cast<size_t>(state);
  if (layout_.months() > 0) {  // a forecast of no months has no child-days
    const size_t month = current_month();
    record_.care_days[layout_.day_cell(month, s)] += counts_[s] * (now - state_since_[s]);
    record_.care_days[layout_.day_cell(month, layout_.in_care_column())] += in_care_ * (now - in_care_since_);
  }
  state_since_[s] = now;
  in_care_since_ = now;
  if (period_ >= layout_.cost_periods.size()) return;  // past the last period (at its very end)
  record_.period_care_days[period_] += in_care_ * (now - in_care_since_in_period_);
  in_care_since_in_period_ = now;
  if (placement < 0) return;
  const size_t p = static_cast<size_t>(placement);
  if (placement_counts_[p] > 0 && now > placement_since_[p])
    record_.costs[layout_.cost_cell(period_, p)] +=
        placement_counts_[p] * cost_integral_.cost_in_period(tables_.placement_tariffs[p], period_, placement_since_[p], now);
  placement_since_[p] = now;
}

void Recorder::close_snapshot_month(double end) {
  const size_t month = current_month();
  for (size_t s = 0; s < counts_.size(); ++s) {
    record_.care_days[layout_.day_cell(month, s)] += counts_[s] * (end - state_since_[s]);
    state_since_[s] = end;
  }
  record_.care_days[layout_.day_cell(month, layout_.in_care_column())] += in_care_ * (end - in_care_since_);
  in_care_since_ = end;
}

void Recorder::close_cost_period() {
  const double end = layout_.cost_periods[period_].end;
  record_.period_care_days[period_] += in_care_ * (end - in_care_since_in_period_);
  in_care_since_in_period_ = end;
  for (size_t p = 0; p < placement_counts_.size(); ++p) {
    if (placement_counts_[p] > 0 && end > placement_since_[p])
      record_.costs[layout_.cost_cell(period_, p)] +=
          placement_counts_[p] * cost_integral_.cost_in_period(tables_.placement_tariffs[p], period_, placement_since_[p], end);
    placement_since_[p] = end;
  }
  ++period_;
}

}  // namespace caseflow
