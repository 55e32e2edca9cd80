#include "caseflow/output/comparison_outputs.hpp"

#include <algorithm>
#include <cstdio>

#include "caseflow/output/run_outputs.hpp"

namespace caseflow {

namespace {

void write_difference(std::ostream& out, const DifferenceSummary& d) {
  out << format_number(d.mean) << ',' << format_number(d.p05) << ',' << format_number(d.p50) << ',' << format_number(d.p95);
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

void write_comparison_in_care_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out) {
  out << "strategy,date,base_mean,strategy_mean,difference_mean,difference_p05,difference_p50,difference_p95\n";
  for (const auto& named : comparisons) {
    const StrategyComparison& c = named.comparison;
    for (size_t k = 0; k < c.dates.size(); ++k) {
      out << named.strategy << ',' << format_iso_date(c.dates[k]) << ',' << format_number(c.base_in_care[k]) << ','
          << format_number(c.strategy_in_care[k]) << ',';
      write_difference(out, c.in_care_difference[k]);
      out << '\n';
    }
  }
}

void write_comparison_summary_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out) {
  out << "strategy,name,child_days_avoided_mean,child_days_avoided_p05,child_days_avoided_p50,child_days_avoided_p95,"
         "end_difference_mean,end_difference_p05,end_difference_p50,end_difference_p95\n";
  for (const auto& named : comparisons) {
    std::string name = named.name;
    for (char& ch : name)
      if (ch == ',' || ch == '"') ch = ';';
    out << named.strategy << ',' << name << ',';
    write_difference(out, named.comparison.child_days_avoided);
    out << ',';
    write_difference(out, named.comparison.in_care_difference.back());
    out << '\n';
  }
}

void write_comparison_routes_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out) {
  out << "strategy,route,base_mean,strategy_mean,difference_mean,difference_p05,difference_p50,difference_p95\n";
  for (const auto& named : comparisons)
    for (const auto& route : named.comparison.routes) {
      out << named.strategy << ',' << route.route << ',' << format_number(route.base_mean) << ','
          << format_number(route.strategy_mean) << ',';
      write_difference(out, route.difference);
      out << '\n';
    }
}

void write_comparison_costs_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out) {
  out << "strategy,financial_year,base_cost,strategy_cost,net_saving_mean,net_saving_p05,net_saving_p50,net_saving_p95\n";
  for (const auto& named : comparisons)
    for (const auto& saving : named.comparison.savings) {
      out << named.strategy << ',' << saving.financial_year << ',' << format_number(saving.base_cost) << ','
          << format_number(saving.strategy_cost) << ',';
      write_difference(out, saving.net_saving);
      out << '\n';
    }
}

void write_comparison_comparators_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out) {
  out << "strategy,date,comparator,count,base_probability,strategy_probability\n";
  for (const auto& named : comparisons)
    for (const auto& chance : named.comparison.comparators)
      out << named.strategy << ',' << format_iso_date(chance.date) << ',' << chance.comparator << ','
          << format_number(chance.count) << ',' << format_number(chance.base_probability) << ','
          << format_number(chance.strategy_probability) << '\n';
}

void write_comparison_table(const std::vector<NamedComparison>& comparisons, std::ostream& out) {
  if (comparisons.empty()) return;
  const StrategyComparison& first = comparisons.front().comparison;
  auto pad = [](std::string text, size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
  };
  size_t name_width = 6;
  for (const auto& named : comparisons) name_width = std::max(name_width, named.strategy.size() + 2);
  const size_t cell_width = 27;

  out << "Children in care: mean, and in brackets the difference from the base with the 90% band of the paired difference\n";
  out << pad("", name_width);
  for (size_t k = 12; k < first.dates.size(); k += 12) out << pad(format_iso_date(first.dates[k]), cell_width);
  out << "child-days avoided\n" << pad("base", name_width);
  for (size_t k = 12; k < first.dates.size(); k += 12) out << pad(fixed(first.base_in_care[k], 1), cell_width);
  out << '\n';
  for (const auto& named : comparisons) {
    const StrategyComparison& c = named.comparison;
    out << pad(named.strategy, name_width);
    for (size_t k = 12; k < c.dates.size(); k += 12) {
      const auto& d = c.in_care_difference[k];
      out << pad(fixed(c.strategy_in_care[k], 1) + " (" + fixed(d.mean, 1) + "; " + fixed(d.p05, 0) + " to " + fixed(d.p95, 0) + ")",
                 cell_width);
    }
    const auto& avoided = c.child_days_avoided;
    out << fixed(avoided.mean, 0) << " (" << fixed(avoided.p05, 0) << " to " << fixed(avoided.p95, 0) << ")\n";
  }
  if (!first.savings.empty() && first.savings.front().base_cost != 0) {
    out << "\nNet saving by financial year, GBP thousands: mean (90% band), the strategy's running costs included\n"
        << pad("", name_width);
    for (const auto& saving : first.savings) out << pad(saving.financial_year, cell_width);
    out << '\n';
    for (const auto& named : comparisons) {
      out << pad(named.strategy, name_width);
      for (const auto& saving : named.comparison.savings) {
        const auto& d = saving.net_saving;
        out << pad(fixed(d.mean / 1000, 0) + " (" + fixed(d.p05 / 1000, 0) + " to " + fixed(d.p95 / 1000, 0) + ")", cell_width);
      }
      out << '\n';
    }
  }
  if (first.comparators.empty()) return;
  std::vector<std::string> ids;
  for (const auto& chance : first.comparators)
    if (std::find(ids.begin(), ids.end(), chance.comparator) == ids.end()) ids.push_back(chance.comparator);
  for (const auto& id : ids) {
    double count = 0;
    for (const auto& chance : first.comparators)
      if (chance.comparator == id) count = chance.count;
    out << "\nChance of " << format_number(count) << " children in care or fewer (" << id << "), base -> strategy\n"
        << pad("", name_width);
    for (size_t k = 12; k < first.dates.size(); k += 12) out << pad(format_iso_date(first.dates[k]), 14);
    out << '\n';
    for (const auto& named : comparisons) {
      out << pad(named.strategy, name_width);
      for (const auto& chance : named.comparison.comparators)
        if (chance.comparator == id)
          out << pad(fixed(100 * chance.base_probability, 0) + "% -> " + fixed(100 * chance.strategy_probability, 0) + "%", 14);
      out << '\n';
    }
  }
}

}  // namespace caseflow
