#include "caseflow/output/comparison_outputs.hpp"

#include <algorithm>
#include <cstdio>

#include "caseflow/base/number_format.hpp"

namespace caseflow {

namespace {

using Kind = OutputTable::Kind;

// The four columns of a paired difference: PREFIX_mean, PREFIX_p05, PREFIX_p50, PREFIX_p95.
void add_difference_columns(std::vector<std::pair<std::string, Kind>>& columns, const std::string& prefix) {
  for (const char* statistic : {"mean", "p05", "p50", "p95"}) columns.emplace_back(prefix + "_" + statistic, Kind::number);
}

OutputTable& add_difference(OutputTable& table, const DifferenceSummary& d) {
  return table.number(d.mean).number(d.p05).number(d.p50).number(d.p95);
}

OutputTable table_of(std::vector<std::pair<std::string, Kind>> labels, const std::vector<std::string>& numbers,
                     const std::vector<std::string>& differences) {
  for (const auto& name : numbers) labels.emplace_back(name, Kind::number);
  for (const auto& prefix : differences) add_difference_columns(labels, prefix);
  return OutputTable(std::move(labels));
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

OutputTable comparison_in_care_table(const std::vector<NamedComparison>& comparisons) {
  OutputTable table = table_of({{"strategy", Kind::text}, {"date", Kind::date}}, {"base_mean", "strategy_mean"}, {"difference"});
  for (const auto& named : comparisons) {
    const StrategyComparison& c = named.comparison;
    for (size_t k = 0; k < c.dates.size(); ++k)
      add_difference(table.text(named.strategy).date(c.dates[k]).number(c.base_in_care[k]).number(c.strategy_in_care[k]),
                     c.in_care_difference[k]);
  }
  return table;
}

OutputTable comparison_summary_table(const std::vector<NamedComparison>& comparisons) {
  OutputTable table = table_of({{"strategy", Kind::text}, {"name", Kind::text}}, {}, {"child_days_avoided", "end_difference"});
  for (const auto& named : comparisons) {
    std::string name = named.name;
    for (char& ch : name)
      if (ch == ',' || ch == '"') ch = ';';
    add_difference(add_difference(table.text(named.strategy).text(name), named.comparison.child_days_avoided),
                   named.comparison.in_care_difference.back());
  }
  return table;
}

OutputTable comparison_routes_table(const std::vector<NamedComparison>& comparisons) {
  OutputTable table = table_of({{"strategy", Kind::text}, {"route", Kind::text}}, {"base_mean", "strategy_mean"}, {"difference"});
  for (const auto& named : comparisons)
    for (const auto& route : named.comparison.routes)
      add_difference(table.text(named.strategy).text(route.route).number(route.base_mean).number(route.strategy_mean), route.difference);
  return table;
}

OutputTable comparison_comparators_table(const std::vector<NamedComparison>& comparisons) {
  OutputTable table = table_of({{"strategy", Kind::text}, {"date", Kind::date}, {"comparator", Kind::text}},
                               {"count", "base_probability", "strategy_probability"}, {});
  for (const auto& named : comparisons)
    for (const auto& chance : named.comparison.comparators)
      table.text(named.strategy).date(chance.date).text(chance.comparator).number(chance.count).number(chance.base_probability)
          .number(chance.strategy_probability);
  return table;
}

OutputTable comparison_costs_table(const std::vector<NamedComparison>& comparisons) {
  std::vector<std::pair<std::string, Kind>> columns{
      {"strategy", Kind::text}, {"financial_year", Kind::text}, {"base_cost", Kind::number}, {"strategy_cost", Kind::number}};
  add_difference_columns(columns, "net_saving");
  columns.emplace_back("chance_of_saving", Kind::number);
  OutputTable table(std::move(columns));
  auto add_saving = [&table](const std::string& strategy, const StrategyComparison::Saving& saving) {
    add_difference(table.text(strategy).text(saving.financial_year).number(saving.base_cost).number(saving.strategy_cost),
                   saving.net_saving)
        .number(saving.chance_of_saving);
  };
  for (const auto& named : comparisons) {
    for (const auto& saving : named.comparison.savings) add_saving(named.strategy, saving);
    if (!named.comparison.savings.empty()) add_saving(named.strategy, named.comparison.all_years);
  }
  return table;
}

std::vector<NamedTable> comparison_tables(const std::vector<NamedComparison>& comparisons) {
  std::vector<NamedTable> tables;
  tables.push_back({"comparison_in_care.csv", comparison_in_care_table(comparisons)});
  tables.push_back({"comparison_summary.csv", comparison_summary_table(comparisons)});
  tables.push_back({"comparison_routes.csv", comparison_routes_table(comparisons)});
  tables.push_back({"comparison_comparators.csv", comparison_comparators_table(comparisons)});
  tables.push_back({"comparison_costs.csv", comparison_costs_table(comparisons)});
  return tables;
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
    out << "all years (chance of a saving)\n";
    for (const auto& named : comparisons) {
      out << pad(named.strategy, name_width);
      for (const auto& saving : named.comparison.savings) {
        const auto& d = saving.net_saving;
        out << pad(fixed(d.mean / 1000, 0) + " (" + fixed(d.p05 / 1000, 0) + " to " + fixed(d.p95 / 1000, 0) + ")", cell_width);
      }
      const auto& all = named.comparison.all_years;
      out << fixed(all.net_saving.mean / 1000, 0) << " (" << fixed(all.net_saving.p05 / 1000, 0) << " to "
          << fixed(all.net_saving.p95 / 1000, 0) << "; " << fixed(all.chance_of_saving * 100, 0) << "%)\n";
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
