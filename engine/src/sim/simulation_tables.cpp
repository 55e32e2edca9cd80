#include "caseflow/sim/simulation_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "caseflow/base/units.hpp"
#include "caseflow/sim/event_queue.hpp"

namespace caseflow {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

SimulationTables::SimulationTables(const Scenario& sc, const OutputLayout& layout, const CostIntegral& cost_integral,
                                   const DriftPaths& drift)
    : outgoing(sc.states.size()) {
  for (size_t i = 0; i < sc.transitions.size(); ++i) outgoing[sc.transitions[i].from_state].push_back(static_cast<int>(i));
  const double end = layout.snapshot_times.back();
  auto clock = [&](Date date) { return clock_time(sc, date); };

  // Rate scaling: a piecewise-constant factor per transition, the product of the intervention windows
  // covering it and, with drift, of the drift paths that move it, month by month.
  const size_t months = layout.months();
  auto month_of = [&](double time) {
    auto after = std::upper_bound(layout.snapshot_times.begin(), layout.snapshot_times.end(), time);
    size_t month = after == layout.snapshot_times.begin() ? 0 : static_cast<size_t>(after - layout.snapshot_times.begin()) - 1;
    return std::min(month, months > 0 ? months - 1 : 0);
  };
  rate_segments.resize(sc.transitions.size());
  for (size_t i = 0; i < sc.transitions.size(); ++i) {
    std::vector<const Intervention*> windows;
    for (const auto& intervention : sc.interventions)
      if (intervention.kind == Intervention::Kind::scale_rate && intervention.from_state == sc.transitions[i].from_state &&
          intervention.to == sc.transitions[i].to)
        windows.push_back(&intervention);
    std::vector<const std::vector<double>*> paths;
    for (size_t g = 0; g < drift.transitions.size(); ++g)
      if (drift_moves(sc.drift.transitions[g], sc.transitions[i])) paths.push_back(&drift.transitions[g]);
    if (windows.empty() && paths.empty()) continue;
    std::vector<double> breaks{-kInfinity};
    for (const auto* window : windows) {
      breaks.push_back(clock(window->start));
      if (window->has_end) breaks.push_back(clock(window->end));
    }
    // A break wherever a path's factor changes (drift steps by quarters: drift.hpp).
    for (size_t m = 1; m < months; ++m)
      if (std::any_of(paths.begin(), paths.end(), [&](const auto* path) { return (*path)[m] != (*path)[m - 1]; }))
        breaks.push_back(layout.snapshot_times[m]);
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    for (double from : breaks) {
      double factor = 1;
      for (const auto* window : windows)
        if (clock(window->start) <= from && (!window->has_end || from < clock(window->end))) factor *= window->factor;
      for (const auto* path : paths) factor *= (*path)[month_of(from)];
      rate_segments[i].push_back({from, factor});
    }
    double most = 0;
    for (auto segment = rate_segments[i].rbegin(); segment != rate_segments[i].rend(); ++segment)
      segment->most_from_here = most = std::max(most, segment->factor);
  }
  arrival_factors = drift.arrivals;

  diversions.resize(sc.arrivals.size());
  for (size_t s = 0; s < sc.arrivals.size(); ++s)
    for (const auto& intervention : sc.interventions)
      if (intervention.kind == Intervention::Kind::divert_arrivals &&
          (intervention.arrival_state < 0 || intervention.arrival_state == sc.arrivals[s].state))
        diversions[s].push_back({clock(intervention.start), intervention.has_end ? clock(intervention.end) : kInfinity,
                                 intervention.share});

  // A month's capacity is the stage's own plus every add_capacity in force on the month's first day.
  stage_capacity.resize(sc.pipelines.size());
  for (size_t p = 0; p < sc.pipelines.size(); ++p)
    for (size_t s = 0; s < sc.pipelines[p].stages.size(); ++s) {
      std::vector<int> capacity(std::max<size_t>(1, layout.months()), sc.pipelines[p].stages[s].capacity_per_month);
      for (size_t m = 0; m < layout.months(); ++m)
        for (const auto& intervention : sc.interventions)
          if (intervention.kind == Intervention::Kind::add_capacity && intervention.pipeline == static_cast<int>(p) &&
              intervention.stage == static_cast<int>(s) && intervention.start <= layout.snapshot_dates[m] &&
              (!intervention.has_end || layout.snapshot_dates[m] < intervention.end))
            capacity[m] = std::max(0, capacity[m] + intervention.extra_per_month);
      stage_capacity[p].push_back(std::move(capacity));
    }

  needs_foster_placement.assign(sc.states.size(), 0);
  if (sc.has_foster_placements) {
    for (int state : sc.foster_placements.states) needs_foster_placement[state] = 1;
    // Changes at or before the start take effect just after it, so the first snapshot is the initial
    // population as given; a change of zero placements there offers the free ones to waiting children.
    const double first = just_after(0.0);
    placement_changes.push_back({first, 0});
    // A net change of placements a year, one at a time and evenly spread: a placement gained, or (negative) one
    // lost as a carer stops, which takes a free placement, or the next one to come free.
    auto recruit = [&](double from, double to, double per_year) {
      if (per_year == 0 || !std::isfinite(per_year)) return;
      double gap = kDaysPerYear / std::fabs(per_year);
      int change = per_year > 0 ? 1 : -1;
      for (double t = std::max(from, 0.0) + gap; t < to && t <= end; t += gap) placement_changes.push_back({t, change});
    };
    recruit(0.0, kInfinity, sc.foster_placements.recruited_per_year);
    for (const auto& intervention : sc.interventions) {
      if (intervention.kind != Intervention::Kind::add_capacity || !intervention.foster) continue;
      double from = clock(intervention.start);
      double to = intervention.has_end ? clock(intervention.end) : kInfinity;
      if (intervention.extra_placements != 0) {
        placement_changes.push_back({std::max(from, first), intervention.extra_placements});
        if (intervention.has_end && to <= end) placement_changes.push_back({std::max(to, first), -intervention.extra_placements});
      }
      recruit(from, to, intervention.extra_recruited_per_year);
    }
    std::stable_sort(placement_changes.begin(), placement_changes.end(),
                     [](const PlacementChange& a, const PlacementChange& b) { return a.time < b.time; });
  }

  for (const PlacementType& type : sc.placement_types)
    placement_tariffs.push_back(cost_integral.tariff(type.weekly_cost, type.inflation_per_year));
  for (const Allowance& allowance : sc.costs.allowances)
    allowance_tariffs.push_back(cost_integral.tariff(allowance.weekly_cost, allowance.inflation_per_year));

  // What the interventions cost to run, spread evenly (and inflation-free) over their windows.
  running_costs.assign(layout.cost_cells(), 0.0);
  for (const auto& intervention : sc.interventions)
    if (intervention.annual_cost > 0)
      cost_integral.add(running_costs, layout.running_cost_category(), intervention.annual_cost * 7.0 / kDaysPerYear, 0.0,
                        clock(intervention.start), intervention.has_end ? clock(intervention.end) : end);

  move_pipeline_transition.assign(sc.interventions.size(), -1);
  for (size_t j = 0; j < sc.interventions.size(); ++j) {
    const Intervention& intervention = sc.interventions[j];
    if (intervention.kind != Intervention::Kind::move_children) continue;
    for (size_t i = 0; i < sc.transitions.size(); ++i)
      if (sc.transitions[i].from_state == intervention.from_state && sc.transitions[i].to == intervention.to &&
          sc.transitions[i].via_pipeline >= 0)
        move_pipeline_transition[j] = static_cast<int>(i);
  }
}

}  // namespace caseflow
