#include "caseflow/output_layout.hpp"

#include <map>
#include <utility>

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

  // Several transitions may share a (from, to) pair (different age ranges, say); they share a key.
  std::map<std::pair<std::string, std::string>, int> index;
  auto key_for = [&](const std::string& from, const std::string& to) {
    auto [it, inserted] = index.emplace(std::make_pair(from, to), static_cast<int>(layout.flows.size()));
    if (inserted) layout.flows.push_back({from, to});
    return it->second;
  };
  for (const auto& stream : scenario.arrivals)
    layout.arrival_flow.push_back(key_for("arrival", scenario.states[stream.state].id));
  for (const auto& transition : scenario.transitions)
    layout.transition_flow.push_back(
        key_for(scenario.states[transition.from_state].id, scenario.destination_id(transition.to)));
  for (const auto& state : scenario.states)
    layout.age_out_flow.push_back(scenario.has_age_out ? key_for(state.id, scenario.exits[scenario.age_out.exit].id) : -1);
  return layout;
}

}  // namespace caseflow
