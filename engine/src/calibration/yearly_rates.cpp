#include "caseflow/calibration/yearly_rates.hpp"

#include <algorithm>

namespace caseflow {

YearlyRates yearly_rates(const CareHistories& histories, const Ssda903Mapping& mapping, Date data_start, Date as_of) {
  YearlyRates rates;
  // A year may start up to a week before the data: as-of dates are usually 31 March, a day before the data's
  // collection years begin, and a year short of a day is still a year of entries and exits.
  int years = 0;
  while (add_months(as_of, -12 * (years + 1)) + std::chrono::days{7} >= data_start) ++years;
  for (int j = years; j >= 1; --j) rates.starts.push_back(add_months(as_of, -12 * j));
  const size_t n = rates.starts.size(), states = mapping.states.size();
  rates.entries.assign(n, 0);
  rates.exits.assign(n, 0);
  rates.expected_exits.assign(n, 0);
  if (n == 0) return rates;
  std::vector<std::vector<double>> days(n, std::vector<double>(states, 0)), exits(n, std::vector<double>(states, 0));
  auto year_of = [&](Date date) -> int {
    if (date < rates.starts.front() || !(date < as_of)) return -1;
    auto after = std::upper_bound(rates.starts.begin(), rates.starts.end(), date);
    return static_cast<int>(after - rates.starts.begin()) - 1;
  };
  for (const ChildHistory& child : histories.children)
    for (const Spell& spell : child.spells) {
      if (spell.entered_care)
        if (int j = year_of(spell.start); j >= 0) ++rates.entries[static_cast<size_t>(j)];
      Date end = std::min({spell.end.value_or(as_of), as_of, child.age_out});
      for (size_t j = 0; j < n; ++j) {
        Date year_end = j + 1 < n ? rates.starts[j + 1] : as_of;
        Date from = std::max(spell.start, rates.starts[j]), to = std::min(end, year_end);
        if (from < to) days[j][static_cast<size_t>(spell.state)] += static_cast<double>(days_between(from, to));
      }
      if (spell.outcome == Spell::Outcome::exit && spell.end)
        if (int j = year_of(*spell.end); j >= 0) ++exits[static_cast<size_t>(j)][static_cast<size_t>(spell.state)];
    }
  // Each state's exit rate over all the years: the yardstick of each year's expected exits.
  for (size_t s = 0; s < states; ++s) {
    double all_days = 0, all_exits = 0;
    for (size_t j = 0; j < n; ++j) {
      all_days += days[j][s];
      all_exits += exits[j][s];
    }
    double rate = all_days > 0 ? all_exits / all_days : 0;
    for (size_t j = 0; j < n; ++j) {
      rates.exits[j] += exits[j][s];
      rates.expected_exits[j] += rate * days[j][s];
    }
  }
  return rates;
}

}  // namespace caseflow
