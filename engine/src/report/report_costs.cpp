// What the forecast costs, for finance: stacked bars of the average cost of each placement type,
// allowance and running cost in each financial year against the budget lines, the 90% range of the
// total, the placement cost of a year of a child in care, and the chance of overspending each budget.
// The figures are costs_summary.csv's and budget.csv's.

#include <algorithm>
#include <cmath>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

namespace detail {

std::string cost_category_name(const Scenario& scenario, const OutputLayout& layout, size_t category) {
  auto name_of = [](const std::string& label, const std::string& id) { return label.empty() ? id : label; };
  if (category < layout.placement_categories)
    return name_of(scenario.placement_types[category].label, scenario.placement_types[category].id);
  if (category == layout.running_cost_category()) return "Running costs of interventions";
  const Allowance& allowance = scenario.costs.allowances[category - layout.placement_categories];
  return name_of(allowance.label, allowance.id);
}

ChartAxis money_axis(double min_value, double max_value, std::string label) {
  NiceAxis nice = nice_axis(std::min(min_value, 0.0), std::max({max_value, min_value + 1.0, 1.0}), 5);
  ChartAxis axis;
  axis.min = nice.min;
  axis.max = nice.max;
  for (double tick : nice.ticks) axis.ticks.push_back({tick, format_pounds(tick)});
  axis.label = std::move(label);
  return axis;
}

std::string part_year_note(const OutputLayout& layout, size_t financial_year) {
  double days = 0;
  for (const auto& period : layout.cost_periods)
    if (period.financial_year == financial_year) days += period.end - period.start;
  if (days >= 365) return "";
  if (days < 28) {  // a forecast from 31 March has one day of the year before
    long whole = std::max(1L, std::lround(days));
    return std::to_string(whole) + (whole == 1 ? " day" : " days");
  }
  long months = std::max(1L, std::lround(days / 30.4375));
  return std::to_string(months) + (months == 1 ? " month" : " months");
}

}  // namespace detail

namespace {

// The days of each financial year the forecast covers, so a part year is named as one.
std::vector<double> days_in_financial_years(const OutputLayout& layout) {
  std::vector<double> days(layout.financial_years.size(), 0.0);
  for (const auto& period : layout.cost_periods) days[period.financial_year] += period.end - period.start;
  return days;
}

}  // namespace

std::optional<ReportSection> costs_section(const RunReportData& data) {
  const OutputLayout& layout = data.layout();
  const Scenario& scenario = data.scenario;
  if (!data.summary.costs || layout.financial_years.empty()) return std::nullopt;
  const CostSummary& costs = *data.summary.costs;
  const SummaryGrid& by_year = costs.financial_years;
  const size_t years = layout.financial_years.size(), categories = layout.cost_categories.size();
  const size_t total = costs.total_column(), per_child_year = costs.cost_per_child_year_column();
  const bool per_child = costs.has_cost_per_child_year();
  const std::vector<BudgetRisk> risks = data.summary.budgets.value_or(std::vector<BudgetRisk>{});
  const std::vector<double> days = days_in_financial_years(layout);
  auto year_name = [&](size_t y) {
    std::string part = detail::part_year_note(layout, y);
    return layout.financial_years[y].label + (part.empty() ? "" : " (" + part + ")");
  };
  auto budget_of = [&](size_t y) -> const BudgetRisk* {
    for (const auto& risk : risks)
      if (risk.financial_year == layout.financial_years[y].label) return &risk;
    return nullptr;
  };

  // The chart: a layer per category that costs anything, the 90% range of the total, the budgets.
  std::vector<size_t> shown;
  for (size_t c = 0; c < categories; ++c)
    for (size_t y = 0; y < years; ++y)
      if (by_year.mean(y, c) > 0) {
        shown.push_back(c);
        break;
      }
  std::vector<double> x(years), low(years), high(years);
  std::vector<AxisTick> ticks;
  std::vector<std::vector<double>> layers(shown.size(), std::vector<double>(years));
  std::vector<std::string> names;
  for (size_t c : shown) names.push_back(detail::cost_category_name(scenario, layout, c));
  double highest = 0;
  for (size_t y = 0; y < years; ++y) {
    x[y] = static_cast<double>(y);
    std::string part = detail::part_year_note(layout, y);
    ticks.push_back({x[y], layout.financial_years[y].label + (part.empty() ? "" : "\n" + part)});
    for (size_t k = 0; k < shown.size(); ++k) layers[k][y] = by_year.mean(y, shown[k]);
    low[y] = by_year.quantile(y, total, 0);
    high[y] = by_year.quantile(y, total, 4);
    highest = std::max({highest, high[y], static_cast<double>(by_year.mean(y, total))});
  }
  for (const auto& risk : risks) highest = std::max(highest, risk.budget);

  std::string description = "Average cost per financial year:";
  for (size_t y = 0; y < years; ++y) {
    description += (y ? "; " : " ") + year_name(y) + " " + format_pounds(by_year.mean(y, total)) + " in all";
    for (size_t k = 0; k < shown.size(); ++k) description += ", " + names[k] + " " + format_pounds(layers[k][y]);
    if (const BudgetRisk* budget = budget_of(y)) description += ", budget " + format_pounds(budget->budget);
  }
  description += ".";
  SvgChart chart("chart-costs", "Cost by placement type and financial year", description);
  chart.set_size(760, 280);
  ChartAxis x_axis;
  x_axis.min = -0.5;
  x_axis.max = static_cast<double>(years) - 0.5;
  x_axis.ticks = ticks;
  x_axis.label = "Financial year (1 April to 31 March)";
  chart.set_x_axis(x_axis);
  chart.set_y_axis(detail::money_axis(0, highest, "Cost a year"));
  chart.add_stacked_bars(x, 0.62, layers, stacked_fill_styles(shown.size()), names);
  SeriesStyle whisker;
  whisker.stroke = Colour{26, 26, 26};
  whisker.stroke_width = 1.5;
  chart.add_interval_marks(x, low, high, whisker, "Total: 90% of simulations");
  // Each budget is a level across its own year's bar (budgets differ from year to year).
  SeriesStyle budget_style = dashed_line_styles(1)[0];
  budget_style.stroke_width = 2.5;
  bool first_budget = true;
  for (size_t y = 0; y < years; ++y)
    if (const BudgetRisk* budget = budget_of(y)) {
      chart.add_line({x[y] - 0.45, x[y] + 0.45}, {budget->budget, budget->budget}, budget_style, first_budget ? "Budget" : "");
      first_budget = false;
    }

  std::string html;
  html += "<p>What the council pays for the children of the forecast: each day in a placement at the weekly cost of its "
          "type, allowances paid after children leave care (special guardianship, adoption), and the running costs of "
          "any interventions. Prices are those of " +
          escape_html(format_long_date(scenario.costs.inflation_from)) + ", raised by each cost's inflation";
  if (scenario.costs.discount_rate_per_year > 0)
    html += ", and discounted back to " + escape_html(format_long_date(scenario.costs.discount_from)) + " at " +
            format_trimmed(scenario.costs.discount_rate_per_year * 100, 2) + "% a year";
  html += ". The unit costs and their sources are listed under <a href=\"#assumptions\">Assumptions</a>.</p>\n";

  // In words: the chance of overspending each budget line.
  if (!risks.empty()) {
    html += "<ul class=\"statements\">\n";
    for (const auto& risk : risks) {
      // To the nearest thousand pounds: a forecast is not sure of the pounds.
      double difference = std::round((risk.mean_cost - risk.budget) / 1000) * 1000;
      html += "<li>In " + escape_html(risk.financial_year) + " the expected cost is <strong>" + format_pounds(risk.mean_cost) +
              "</strong> against a budget of " + format_pounds(risk.budget) + " (" + format_pounds(std::abs(difference)) +
              (difference > 0 ? " over" : " under") + "); ";
      if (detail::every_or_none(risk.probability_over))
        html += "<strong>" + detail::share_of_simulations(risk.probability_over, data.replications()) + "</strong> overspends it: " +
                detail::kModelsView + ".</li>\n";
      else
        html += "<strong>" + detail::show_share(risk.probability_over) + "</strong> of simulations overspend it.</li>\n";
    }
    html += "</ul>\n";
  }
  if (per_child) {
    // The first whole year stands for the cost of a child-year: a part year's mix may be unusual.
    size_t y = 0;
    while (y + 1 < years && days[y] < 365) ++y;
    html += "<p><strong>Average annual cost per child in care:</strong> in " + escape_html(year_name(y)) +
            " a year of a child in care costs " + format_pounds(by_year.mean(y, per_child_year)) +
            " in placements on average (90% of simulations: " + format_pounds(by_year.quantile(y, per_child_year, 0)) + " to " +
            format_pounds(by_year.quantile(y, per_child_year, 4)) + "); every year is in the table below.</p>\n";
    // Why the cost of a child-year moves: the mix. The last whole year against the first says which way.
    size_t z = years - 1;
    while (z > y && days[z] < 365) --z;
    const double first = by_year.mean(y, per_child_year), later = by_year.mean(z, per_child_year);
    html += "<p>The cost of a child-year follows the mix of placements, not the number of children: the children who "
            "leave care soonest (by reunification, a special guardianship order or adoption) are often younger children in "
            "foster care, the cheaper placements, while those who stay include more older children in children's homes or "
            "agency foster care. So when the number in care falls, the average cost of a year of care can rise even "
            "as the total cost falls.";
    if (z > y && std::round(later) != std::round(first))
      html += " Here it " + std::string(later > first ? "rises" : "falls") + " from " + format_pounds(first) + " in " +
              escape_html(year_name(y)) + " to " + format_pounds(later) + " in " + escape_html(year_name(z)) + ".";
    html += "</p>\n";
  }

  {
    HtmlTable table("table-cost-totals", "Total cost and budget by financial year");
    std::vector<std::string> headings{"Financial year", "Expected total", "90% of simulations from", "to"};
    if (per_child) headings.push_back("Placements per child-year");
    if (!risks.empty()) {
      headings.push_back("Budget");
      headings.push_back("Chance of overspending");
    }
    std::vector<bool> numeric(headings.size(), true);
    numeric[0] = false;
    table.set_columns(headings, numeric);
    bool certain = false;
    for (size_t y = 0; y < years; ++y) {
      std::vector<TableCell> cells{TableCell::number(by_year.mean(y, total), format_pounds(by_year.mean(y, total))),
                                   TableCell::number(by_year.quantile(y, total, 0), format_pounds(by_year.quantile(y, total, 0))),
                                   TableCell::number(by_year.quantile(y, total, 4), format_pounds(by_year.quantile(y, total, 4)))};
      if (per_child) cells.push_back(TableCell::number(by_year.mean(y, per_child_year), format_pounds(by_year.mean(y, per_child_year))));
      if (!risks.empty()) {
        if (const BudgetRisk* budget = budget_of(y)) {
          cells.push_back(TableCell::number(budget->budget, format_pounds(budget->budget)));
          cells.push_back(TableCell::number(budget->probability_over, detail::show_share(budget->probability_over)));
          certain = certain || detail::every_or_none(budget->probability_over);
        } else {
          cells.push_back(TableCell::text("none"));
          cells.push_back(TableCell::text(""));
        }
      }
      table.add_row(year_name(y), cells, layout.financial_years[y].label);
    }
    // One block, so that a printed page never ends between the heading and its table (a few rows).
    html += "<div class=\"keep-together\">\n<h3>Total by financial year</h3>\n" + table.render() + "</div>\n";
    if (certain) html += detail::certainty_footnote(data.replications());
  }

  html += "<figure>\n<p>The bars show the average cost of each kind in each financial year; the whiskers the range of the "
          "total in 90% of simulations";
  if (!risks.empty()) html += "; the dashed marks the budget of the year";
  html += ". Part years cost less only because they are shorter.</p>\n" + chart.render() + "<figcaption>Average over " +
          format_whole(data.replications()) +
          " simulations. The numbers are in <a href=\"#table-costs\">the data table</a>.</figcaption>\n</figure>\n";

  HtmlTable table("table-costs", "Cost by financial year and kind: average and percentiles of the simulations");
  table.set_columns({"Kind of cost", "Average", "5%", "25%", "Median", "75%", "95%"}, {false, true, true, true, true, true, true});
  auto add_row = [&](const std::string& heading, size_t column, size_t y, const std::string& key, const std::string& row_class) {
    std::vector<TableCell> cells{TableCell::number(by_year.mean(y, column), format_pounds(by_year.mean(y, column)))};
    for (size_t q = 0; q < by_year.probabilities().size(); ++q) {
      double value = by_year.quantile(y, column, q);
      cells.push_back(TableCell::number(value, format_pounds(value)));
    }
    table.add_row(heading, cells, layout.financial_years[y].label + "/" + key, row_class);
  };
  for (size_t y = 0; y < years; ++y) {
    table.add_group_heading(year_name(y));
    for (size_t c = 0; c < categories; ++c)
      add_row(detail::cost_category_name(scenario, layout, c), c, y, layout.cost_categories[c], "");
    add_row("Total", total, y, "total", "total");
    if (per_child) add_row("Placements per child-year in care", per_child_year, y, "cost_per_child_year", "");
  }
  return ReportSection{"costs", "Costs", html, "", table.render()};
}

}  // namespace caseflow
