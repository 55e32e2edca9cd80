#include "caseflow/output/excel_workbook.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/output/comparison_outputs.hpp"
#include "caseflow/output/run_tables.hpp"
#include "excel_book.hpp"

namespace caseflow {

namespace {

using excel::Book;
using excel::Shown;
using excel::SheetColumn;

// A statistic's column suffix in words: "mean" -> "average", "p05" -> "5th percentile", "p50" -> "median".
std::string statistic_words(const std::string& statistic) {
  if (statistic == "mean") return "average";
  if (statistic == "p50") return "median";
  if (statistic.size() == 3 && statistic[0] == 'p') {
    int percent = std::stoi(statistic.substr(1));
    return std::to_string(percent) + "th percentile";
  }
  return statistic;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// The words of each id a run's tables hold, from the scenario: states, exits, placement types, allowances,
// comparators; the engine's own ids ("in_care", "arrival", "total", ...) in words.
class Labels {
 public:
  explicit Labels(const Scenario& scenario) {
    for (const auto& state : scenario.states) words_[state.id] = state.label.empty() ? state.id : state.label;
    for (const auto& exit : scenario.exits) words_[exit.id] = exit.label.empty() ? exit.id : exit.label;
    for (const auto& type : scenario.placement_types) words_[type.id] = type.label.empty() ? type.id : type.label;
    for (const auto& allowance : scenario.costs.allowances) words_[allowance.id] = allowance.label.empty() ? allowance.id : allowance.label;
    for (const auto& comparator : scenario.comparators) words_[comparator.id] = comparator.label.empty() ? comparator.id : comparator.label;
    words_["in_care"] = "All children in care";
    words_["arrival"] = "Entering care";
    words_["diverted"] = "Kept out of care (diverted)";
    words_["running_costs"] = "Running costs of interventions";
    words_["total"] = "Total";
    words_["cost_per_child_year"] = "Cost per child-year (placements)";
    words_["month"] = "Month";
    words_["financial_year"] = "Financial year";
    words_["all"] = "All years";
  }
  std::string operator()(const std::string& id) const {
    auto found = words_.find(id);
    return found == words_.end() ? id : found->second;
  }
  void add(const std::string& id, const std::string& words) { words_[id] = words; }

 private:
  std::map<std::string, std::string> words_;
};

// How every column of the output files is headed and shown: `money` says whether the file's statistics
// are pounds (costs_summary.csv) or counts.
SheetColumn describe_column(const std::string& name, bool money, const Labels& labels) {
  auto words = [&labels](const std::string& id) { return labels(id); };
  static const std::map<std::string, std::string> plain = {
      {"date", "Date"}, {"month_start", "Month starting"}, {"state", "State"}, {"from", "From"}, {"to", "To"},
      {"period_type", "Period type"}, {"period", "Period"}, {"category", "Category"}, {"placement_type", "Placement type"},
      {"financial_year", "Financial year"}, {"strategy", "Strategy"}, {"name", "Scenario name"}, {"route", "Route"},
      {"comparator", "Comparator"}};
  if (auto found = plain.find(name); found != plain.end()) {
    bool ids = name != "date" && name != "month_start" && name != "period" && name != "name";
    return {found->second, Shown::count, ids ? std::function<std::string(const std::string&)>(words) : nullptr};
  }
  if (name == "budget") return {"Budget", Shown::pounds, nullptr};
  if (name == "mean_cost") return {"Average cost", Shown::pounds, nullptr};
  if (name == "probability_over_budget") return {"Chance of costing more than the budget", Shown::share, nullptr};
  if (name == "count") return {"Comparator's number of children", Shown::count, nullptr};
  if (name == "base_probability") return {"Base: chance of being at or below it", Shown::share, nullptr};
  if (name == "strategy_probability") return {"Strategy: chance of being at or below it", Shown::share, nullptr};
  if (name == "chance_of_saving") return {"Chance of a saving", Shown::share, nullptr};
  if (name == "base_cost") return {"Base cost, average", Shown::pounds, nullptr};
  if (name == "strategy_cost") return {"Strategy cost, average", Shown::pounds, nullptr};
  if (name == "base_mean") return {"Base, average", Shown::count, nullptr};
  if (name == "strategy_mean") return {"Strategy, average", Shown::count, nullptr};
  // A statistic, alone ("mean") or of a measure ("net_saving_p05").
  size_t underscore = name.rfind('_');
  std::string measure = underscore == std::string::npos ? "" : name.substr(0, underscore);
  std::string statistic = underscore == std::string::npos ? name : name.substr(underscore + 1);
  if (measure.empty()) return {capitalised(statistic_words(statistic)), money ? Shown::pounds : Shown::count, nullptr};
  static const std::map<std::string, std::pair<std::string, Shown>> measures = {
      {"difference", {"Difference", Shown::count}}, {"child_days_avoided", {"Child-days avoided", Shown::whole}},
      {"end_difference", {"Difference at the end", Shown::count}}, {"net_saving", {"Net saving", Shown::pounds}}};
  auto found = measures.find(measure);
  if (found == measures.end()) return {name, Shown::count, nullptr};
  return {found->second.first + ", " + statistic_words(statistic), found->second.second, nullptr};
}

// The months of each financial year the forecast covers, to whole months: 12 for a whole year.
std::vector<long> months_covered(const OutputLayout& layout) {
  std::vector<double> days(layout.financial_years.size(), 0.0);
  for (const auto& period : layout.cost_periods) days[period.financial_year] += period.end - period.start;
  std::vector<long> months;
  for (double d : days) months.push_back(d >= 365 ? 12 : std::max(1L, std::lround(d / 30.4375)));
  return months;
}

// After a table with a financial-year column: "Months covered" and "Part year" (blank for a whole year).
excel::ExtraColumns part_year_columns(const OutputLayout& layout, const OutputTable& table, const std::string& year_column) {
  const OutputTable::Column* years = nullptr;
  for (const auto& column : table.columns())
    if (column.name == year_column) years = &column;
  std::map<std::string, long> months;
  const auto covered = months_covered(layout);
  for (size_t y = 0; y < layout.financial_years.size(); ++y) months[layout.financial_years[y].label] = covered[y];
  excel::ExtraColumns extra;
  extra.headings = {"Months of the year covered", "Part year"};
  extra.write = [years, months](Book& book, lxw_worksheet* sheet, int row, size_t table_row, int first) {
    if (years == nullptr) return;
    auto found = months.find(years->text[table_row]);
    if (found == months.end()) return;  // a month, or all years
    book.number(sheet, row, first, static_cast<double>(found->second), Shown::whole);
    if (found->second < 12) book.text(sheet, row, first + 1, "part year");
  };
  return extra;
}

void write_output_table(Book& book, const std::string& sheet_name, const NamedTable& named, const Labels& labels,
                        const OutputLayout& layout) {
  const bool money = named.file == "costs_summary.csv";
  lxw_worksheet* sheet = book.add_sheet(sheet_name);
  auto describe = [&](const std::string& name) { return describe_column(name, money, labels); };
  bool by_year = false;
  for (const auto& column : named.table.columns()) by_year = by_year || column.name == "financial_year" || column.name == "period";
  if (by_year) {
    const std::string year_column = named.file == "costs_summary.csv" ? "period" : "financial_year";
    excel::write_table(book, sheet, named.table, describe, part_year_columns(layout, named.table, year_column));
  } else {
    excel::write_table(book, sheet, named.table, describe);
  }
}

// Costs by financial year: a row per year, a column per cost category (the average), the total with its 90%
// band, the cost per child-year, budgets; the part years marked; a totals row adding up the averages (a
// band is not the sum of bands, so the percentiles have no total).
void write_costs_by_year(Book& book, const Scenario& scenario, const OutputLayout& layout, const RunSummary& summary,
                         const Labels& labels) {
  const CostSummary& costs = *summary.costs;
  lxw_worksheet* sheet = book.add_sheet("Costs by year");
  std::vector<std::string> headings{"Financial year", "Months of the year covered", "Part year"};
  for (size_t c = 0; c + 1 < costs.month_columns.size(); ++c) headings.push_back(labels(costs.month_columns[c]) + ", average");
  headings.insert(headings.end(), {"Total, average", "Total, 5th percentile", "Total, 95th percentile"});
  if (costs.has_cost_per_child_year()) headings.push_back("Cost per child-year (placements), average");
  const bool budgets = summary.budgets && !summary.budgets->empty();
  if (budgets) headings.insert(headings.end(), {"Budget", "Chance of costing more than the budget"});
  for (size_t h = 0; h < headings.size(); ++h) book.heading(sheet, 0, static_cast<int>(h), headings[h]);
  std::vector<double> widths(headings.size(), 16);
  widths[0] = 14;
  book.widths(sheet, widths);
  book.freeze_heading(sheet);
  const auto covered = months_covered(layout);
  const size_t years = layout.financial_years.size(), categories = costs.month_columns.size();  // with the total
  const int p05 = 0, p95 = static_cast<int>(costs.financial_years.probabilities().size()) - 1;
  for (size_t y = 0; y < years; ++y) {
    const int row = static_cast<int>(y) + 1;
    int column = 0;
    book.text(sheet, row, column++, layout.financial_years[y].label);
    book.number(sheet, row, column++, static_cast<double>(covered[y]), Shown::whole);
    book.text(sheet, row, column++, covered[y] < 12 ? "part year" : "");
    for (size_t c = 0; c < categories; ++c) book.number(sheet, row, column++, costs.financial_years.mean(y, c), Shown::pounds);
    book.number(sheet, row, column++, costs.financial_years.quantile(y, costs.total_column(), static_cast<size_t>(p05)), Shown::pounds);
    book.number(sheet, row, column++, costs.financial_years.quantile(y, costs.total_column(), static_cast<size_t>(p95)), Shown::pounds);
    if (costs.has_cost_per_child_year()) book.number(sheet, row, column++, costs.financial_years.mean(y, costs.cost_per_child_year_column()), Shown::pounds);
    if (budgets) {
      for (const auto& risk : *summary.budgets)
        if (risk.financial_year == layout.financial_years[y].label) {
          book.number(sheet, row, column, risk.budget, Shown::pounds);
          book.number(sheet, row, column + 1, risk.probability_over, Shown::share);
        }
    }
  }
  // The totals row: every category's and the total's averages added up, as formulas with their values.
  const int total_row = static_cast<int>(years) + 1;
  book.bold(sheet, total_row, 0, "All years");
  book.sum(sheet, total_row, 1, 1, static_cast<int>(years), [&] {
    double months = 0;
    for (long m : covered) months += static_cast<double>(m);
    return months;
  }(), Shown::whole);
  for (size_t c = 0; c < categories; ++c) {
    double sum = 0;
    for (size_t y = 0; y < years; ++y) sum += costs.financial_years.mean(y, c);
    book.sum(sheet, total_row, 3 + static_cast<int>(c), 1, static_cast<int>(years), sum, Shown::pounds);
  }
  book.note(sheet, total_row + 2, 0,
            "Pounds at " + std::string(scenario.costs.discount_rate_per_year > 0 ? "discounted " : "") +
                "prices of the scenario (see Assumptions). Averages over the simulations; a 90% band is not the sum of the "
                "years' bands, so the percentiles have no total.");
}

// Every unit cost with its 90% range, when the scenario states one, and its source.
void write_assumptions(Book& book, const Scenario& base, const std::vector<const Scenario*>& strategies,
                       const std::vector<NamedComparison>& comparisons) {
  lxw_worksheet* sheet = book.add_sheet("Assumptions");
  const std::vector<std::string> headings{"Kind", "Item", "Scenario", "Cost", "Per", "90% range from", "to",
                                          "Inflation a year", "Source"};
  for (size_t h = 0; h < headings.size(); ++h) book.heading(sheet, 0, static_cast<int>(h), headings[h]);
  book.widths(sheet, {22, 34, 26, 14, 12, 14, 14, 12, 90});
  book.freeze_heading(sheet);
  int row = 1;
  auto write = [&](const std::string& kind, const std::string& item, const std::string& scenario_name, double cost,
                   const std::string& per, const Scenario& scenario, const std::string& range_path, double inflation,
                   const std::string& source) {
    book.text(sheet, row, 0, kind);
    book.text(sheet, row, 1, item);
    book.text(sheet, row, 2, scenario_name);
    book.number(sheet, row, 3, cost, Shown::pounds);
    book.text(sheet, row, 4, per);
    if (auto range = scenario.ranges.find(range_path); !range_path.empty() && range != scenario.ranges.end()) {
      book.number(sheet, row, 5, range->second.low, Shown::pounds);
      book.number(sheet, row, 6, range->second.high, Shown::pounds);
    }
    if (!std::isnan(inflation)) book.number(sheet, row, 7, inflation, Shown::share);
    book.note(sheet, row, 8, source.empty() ? "no source given" : source);
    ++row;
  };
  const std::string base_name = "Base";
  for (size_t i = 0; i < base.placement_types.size(); ++i) {
    const PlacementType& type = base.placement_types[i];
    write("Placement", type.label.empty() ? type.id : type.label, base_name, type.weekly_cost, "week", base,
          "/placement_types/" + std::to_string(i) + "/weekly_cost", type.inflation_per_year, type.note);
  }
  for (size_t i = 0; i < base.costs.allowances.size(); ++i) {
    const Allowance& allowance = base.costs.allowances[i];
    write("Allowance after leaving care", allowance.label.empty() ? allowance.id : allowance.label, base_name, allowance.weekly_cost,
          "week", base, "/costs/allowances/" + std::to_string(i) + "/weekly_cost", allowance.inflation_per_year, allowance.note);
  }
  auto interventions = [&](const Scenario& scenario, const std::string& scenario_name) {
    for (size_t i = 0; i < scenario.interventions.size(); ++i) {
      const Intervention& intervention = scenario.interventions[i];
      if (intervention.annual_cost == 0) continue;
      write("Running cost of an intervention", intervention.label.empty() ? "intervention " + std::to_string(i + 1) : intervention.label,
            scenario_name, intervention.annual_cost, "year", scenario, "/interventions/" + std::to_string(i) + "/annual_cost",
            std::nan(""), intervention.note);
    }
  };
  interventions(base, base_name);
  for (size_t s = 0; s < strategies.size() && s < comparisons.size(); ++s)
    if (strategies[s] != nullptr) interventions(*strategies[s], comparisons[s].strategy);
  for (const auto& budget : base.costs.budgets)
    write("Budget", "Budget " + financial_year_label(budget.first_year), base_name, budget.amount, "financial year", base, "", std::nan(""), budget.note);
  if (row == 1) book.text(sheet, row++, 0, "The scenario states no costs.");
  char discount[64] = "";
  if (base.costs.discount_rate_per_year > 0)
    std::snprintf(discount, sizeof discount, ", discounted at %.3g%% a year to %s", base.costs.discount_rate_per_year * 100,
                  format_iso_date(base.costs.discount_from).c_str());
  book.note(sheet, row + 1, 0,
            "Prices are those of " + format_iso_date(base.costs.inflation_from) + discount + ", growing by each cost's inflation "
            "from then." + (base.costs.note.empty() ? "" : " " + base.costs.note));
}

void write_about(Book& book, const std::string& title, const std::vector<std::pair<std::string, std::string>>& facts,
                 const std::vector<SheetOfFile>& sheets, const std::vector<std::pair<std::string, std::string>>& other_sheets) {
  lxw_worksheet* sheet = book.add_sheet("About");
  book.widths(sheet, {30, 100});
  book.bold(sheet, 0, 0, title);
  int row = 2;
  for (const auto& [what, value] : facts) {
    book.text(sheet, row, 0, what);
    book.text(sheet, row++, 1, value);
  }
  ++row;
  book.heading(sheet, row, 0, "Sheet");
  book.heading(sheet, row++, 1, "What it holds");
  for (const auto& [name, what] : other_sheets) {
    book.text(sheet, row, 0, name);
    book.text(sheet, row++, 1, what);
  }
  for (const auto& entry : sheets) {
    book.text(sheet, row, 0, entry.sheet);
    book.text(sheet, row++, 1, "The rows and numbers of " + entry.file + " (numbers to 16 significant digits); ids in words, pounds and chances formatted.");
  }
  book.note(sheet, row + 1, 0, "Every figure is a simulation result, not a prediction of any one child's care.");
}

std::vector<std::pair<std::string, std::string>> run_facts(const Scenario& scenario, const OutputLayout& layout, const WorkbookRun& run) {
  return {{"Scenario", scenario.name},
          {"Forecast", format_iso_date(layout.snapshot_dates.front()) + " to " + format_iso_date(layout.snapshot_dates.back())},
          {"Simulations", std::to_string(run.replications)},
          {"Seed", std::to_string(run.seed)},
          {"Uncertainty", uncertainty_name(run.uncertainty)}};
}

}  // namespace

std::vector<SheetOfFile> run_workbook_sheets(const RunSummary& summary) {
  std::vector<SheetOfFile> sheets{{"Children in care", "summary.csv"}, {"Moves by month", "flows_summary.csv"}};
  if (summary.costs) sheets.push_back({"Costs", "costs_summary.csv"});
  if (summary.placements) sheets.push_back({"Placements", "placements_summary.csv"});
  if (summary.budgets) sheets.push_back({"Budget", "budget.csv"});
  return sheets;
}

std::vector<SheetOfFile> comparison_workbook_sheets() {
  return {{"In care over time", "comparison_in_care.csv"},
          {"Summary", "comparison_summary.csv"},
          {"Routes out of care", "comparison_routes.csv"},
          {"Comparators", "comparison_comparators.csv"},
          {"Net saving", "comparison_costs.csv"},
          {"Base children in care", "base_summary.csv"}};
}

std::string run_workbook(const Scenario& scenario, const OutputLayout& layout, const RunSummary& summary, const WorkbookRun& run) {
  Book book;
  Labels labels(scenario);
  const auto sheets = run_workbook_sheets(summary);
  std::vector<std::pair<std::string, std::string>> other;
  if (summary.costs) other.push_back({"Costs by year", "Costs by financial year: a column per placement type and allowance, part years marked, a totals row."});
  other.push_back({"Assumptions", "Every unit cost, with its 90% range when the scenario states one, and its source."});
  write_about(book, "Children in care: a forecast", run_facts(scenario, layout, run), sheets, other);
  if (summary.costs) write_costs_by_year(book, scenario, layout, summary, labels);
  auto tables = run_summary_tables(layout, summary);
  for (const auto& entry : sheets)
    for (const auto& named : tables)
      if (named.file == entry.file) write_output_table(book, entry.sheet, named, labels, layout);
  write_assumptions(book, scenario, {}, {});
  return book.finish();
}

std::string comparison_workbook(const Scenario& base, const OutputLayout& layout, const RunSummary& base_summary,
                                const std::vector<const Scenario*>& strategies, const std::vector<NamedComparison>& comparisons,
                                const WorkbookRun& run) {
  Book book;
  Labels labels(base);
  for (const auto& named : comparisons) {
    // The strategy as a reader names it: its scenario's name without the base's prefix.
    size_t colon = named.name.find(": ");
    labels.add(named.strategy, named.name.empty() ? named.strategy
                               : colon == std::string::npos || colon + 2 >= named.name.size() ? named.name
                                                                                             : named.name.substr(colon + 2));
  }
  const auto sheets = comparison_workbook_sheets();
  std::vector<std::pair<std::string, std::string>> other{
      {"Ranking", "Every strategy ranked by its effect on the number of children in care on the last day, the largest fall first."},
      {"Assumptions", "Every unit cost, and each strategy's running costs, with its 90% range when stated, and its source."}};
  write_about(book, "Children in care: strategies compared", run_facts(base, layout, run), sheets, other);

  // The ranking, as the report shows it.
  lxw_worksheet* ranking = book.add_sheet("Ranking");
  const bool savings = !comparisons.empty() && !comparisons.front().comparison.savings.empty();
  std::vector<std::string> headings{"Rank", "Strategy", "Children in care at the end, average", "Difference, average",
                                    "Difference, 5th percentile", "Difference, 95th percentile", "Child-days avoided, average"};
  if (savings) headings.insert(headings.end(), {"Net saving, all years, average", "Chance of a saving"});
  for (size_t h = 0; h < headings.size(); ++h) book.heading(ranking, 0, static_cast<int>(h), headings[h]);
  std::vector<double> widths(headings.size(), 16);
  widths[0] = 6;
  widths[1] = 40;
  book.widths(ranking, widths);
  book.freeze_heading(ranking);
  const auto ranked = ranked_by_effect(comparisons);
  for (size_t s = 0; s < ranked.size(); ++s) {
    const StrategyComparison& c = ranked[s].comparison;
    const int row = static_cast<int>(s) + 1;
    book.number(ranking, row, 0, static_cast<double>(s + 1), Shown::whole);
    book.text(ranking, row, 1, labels(ranked[s].strategy));
    book.number(ranking, row, 2, c.strategy_in_care.back(), Shown::count);
    book.number(ranking, row, 3, c.in_care_difference.back().mean, Shown::count);
    book.number(ranking, row, 4, c.in_care_difference.back().p05, Shown::count);
    book.number(ranking, row, 5, c.in_care_difference.back().p95, Shown::count);
    book.number(ranking, row, 6, c.child_days_avoided.mean, Shown::whole);
    if (savings) {
      book.number(ranking, row, 7, c.all_years.net_saving.mean, Shown::pounds);
      book.number(ranking, row, 8, c.all_years.chance_of_saving, Shown::share);
    }
  }

  auto tables = comparison_tables(comparisons);
  tables.push_back({"base_summary.csv", stock_summary_table(layout, base_summary.stocks)});
  for (const auto& entry : sheets)
    for (const auto& named : tables)
      if (named.file == entry.file) write_output_table(book, entry.sheet, named, labels, layout);
  write_assumptions(book, base, strategies, comparisons);
  return book.finish();
}

}  // namespace caseflow
