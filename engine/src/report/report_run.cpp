#include "caseflow/report/report_run.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "report_support.hpp"

namespace caseflow {

std::vector<YearEndSnapshot> year_end_snapshots(const OutputLayout& layout) {
  std::vector<YearEndSnapshot> year_ends;
  if (layout.snapshots() < 2) return year_ends;
  constexpr long kMaxDistanceDays = 15;
  int first = financial_year_of(layout.snapshot_dates.front());
  int last = financial_year_of(layout.snapshot_dates.back());
  for (int year = first - 1; year <= last; ++year) {
    Date midnight_after = financial_year_end(year) + std::chrono::days{1};
    size_t best = 0;
    long best_distance = kMaxDistanceDays + 1;
    for (size_t k = 1; k < layout.snapshots(); ++k) {
      long distance = std::labs(days_between(midnight_after, layout.snapshot_dates[k]));
      if (distance < best_distance) {
        best_distance = distance;
        best = k;
      }
    }
    if (best_distance <= kMaxDistanceDays) year_ends.push_back({year, financial_year_end(year), best});
  }
  return year_ends;
}

RunReportData::RunReportData(const Scenario& scenario_in, const RunResults& results_in, const RunSummary& summary_in,
                             RunReportOptions options_in)
    : scenario(scenario_in), results(results_in), summary(summary_in), options(std::move(options_in)) {
  if (results.layout.stock_columns.size() != scenario.states.size() + 1 ||
      results.layout.snapshots() != static_cast<size_t>(scenario.horizon_months) + 1)
    throw std::invalid_argument("run report: the results do not come from this scenario");
  if (summary.stocks.rows() != results.layout.snapshots() || summary.stocks.columns != results.layout.stock_columns.size())
    throw std::invalid_argument("run report: the summary is not of these results");
  year_ends = year_end_snapshots(results.layout);
  held = held_uncertainty(scenario, options.uncertainty);
  stated = held_uncertainty(scenario, Uncertainty::all);
  if (const auto& sources = options.variance_sources) {
    const size_t years = has_costs(results) ? results.layout.financial_years.size() : 0;
    if (sources->in_care_chance.size() != results.layout.snapshots() || sources->in_care_parameters.size() != results.layout.snapshots() ||
        sources->in_care_all.size() != results.layout.snapshots() || sources->cost_chance.size() != years ||
        sources->cost_parameters.size() != years || sources->cost_all.size() != years)
      throw std::invalid_argument("run report: the variance sources are not of these results");
    if (sources->held.parameters != held.parameters || sources->held.drift != held.drift)
      throw std::invalid_argument("run report: the variance sources are of other layers of uncertainty than the report's");
  }
}

std::string RunReportData::state_name(size_t state) const {
  const auto& definition = scenario.states[state];
  return definition.label.empty() ? definition.id : definition.label;
}

std::string RunReportData::exit_name(size_t exit) const {
  const auto& definition = scenario.exits[exit];
  return definition.label.empty() ? definition.id : definition.label;
}

namespace detail {

std::string show_average(double value) { return format_decimal(value, 1); }
std::string show_percentile(double value) { return format_whole(value); }
std::string comparator_name(const Comparator& comparator) { return comparator.label.empty() ? comparator.id : comparator.label; }

std::string show_part(double fraction) {
  if (fraction <= 0) return "none";
  if (fraction >= 1) return "all";
  if (fraction < 0.005) return "under 1%";
  if (fraction > 0.995) return "over 99%";
  return format_percent(fraction);
}

std::string show_share(double fraction) {
  if (fraction <= 0) return "no simulation";
  if (fraction >= 1) return "every simulation";
  return show_part(fraction);
}

std::string share_of_simulations(double fraction, int replications) {
  if (fraction >= 1) return replications == 1 ? "the one simulation" : "every one of the " + format_whole(replications) + " simulations";
  if (fraction <= 0) return replications == 1 ? "no simulation" : "none of the " + format_whole(replications) + " simulations";
  return show_part(fraction) + " of simulations";
}

std::string certainty_footnote(int replications) {
  return "<p class=\"footnote\">\xE2\x80\x9C" "Every simulation\xE2\x80\x9D and \xE2\x80\x9Cno simulation\xE2\x80\x9D mean every one (or none) of the " +
         format_whole(replications) + " simulations: " + kModelsView + ". Events no scenario lists can still happen.</p>\n";
}

std::string reproduce_command(const std::string& program, const std::vector<std::string>& files, int replications,
                              uint64_t seed, Uncertainty uncertainty) {
  std::string command = program;
  for (const auto& file : files) {
    bool plain = !file.empty() && file.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                                         "._-/+=:,@%") == std::string::npos;
    std::string quoted = "'";
    for (char c : file) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += " " + (plain ? file : quoted + "'");
  }
  return command + " --replications " + std::to_string(replications) + " --seed " + std::to_string(seed) + " --uncertainty " +
         uncertainty_name(uncertainty);
}

std::string layers_asked_in_words(Uncertainty asked, const HeldUncertainty& held) {
  std::string text = asked == Uncertainty::all ? "this run asked for every source of uncertainty the scenario states "
                                                 "(<code>--uncertainty all</code>, the default)"
                     : asked == Uncertainty::parameters ? "this run asked for chance and the parameters' ranges, not drift "
                                                          "(<code>--uncertainty parameters</code>)"
                                                        : "this run asked for chance alone (<code>--uncertainty chance</code>)";
  text += ", so its bands hold chance";
  if (held.parameters) text += held.drift ? ", the parameters' ranges and drift" : " and the parameters' ranges";
  else if (held.drift) text += " and drift";
  else text += " alone";
  return text;
}

std::string show_count(double value) { return value == std::floor(value) ? format_whole(value) : format_decimal(value, 1); }

std::vector<double> snapshot_positions(const RunReportData& data) { return data.layout().snapshot_times; }

SvgChart stacked_averages_chart(const RunReportData& data, const std::string& id, const std::string& title,
                                const std::string& y_label, const std::vector<std::string>& names,
                                const std::vector<std::vector<double>>& means, double highest) {
  const size_t last = data.layout().snapshots() - 1;
  std::vector<size_t> order(names.size());
  for (size_t n = 0; n < order.size(); ++n) order[n] = n;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return means[a][last] > means[b][last]; });
  std::string description = title + ", stacked; on " + format_long_date(data.layout().snapshot_dates.back()) + ":";
  for (size_t n = 0; n < order.size(); ++n) description += (n ? ", " : " ") + names[order[n]] + " " + show_count(means[order[n]][last]);
  SvgChart chart(id, title, description + ".");
  chart.set_size(760, 300);
  chart.set_x_axis(snapshot_axis(data));
  chart.set_y_axis(count_axis(highest, y_label));
  chart.add_stacked_areas(snapshot_positions(data), means, stacked_fill_styles(names.size()), names);
  return chart;
}

size_t average_table_count(size_t columns) { return (columns + kAverageColumnsPerTable - 1) / kAverageColumnsPerTable; }

std::string average_tables(const RunReportData& data, const std::string& id_prefix, const std::string& caption,
                           const std::vector<std::string>& names, const std::vector<std::vector<double>>& means) {
  const OutputLayout& layout = data.layout();
  const size_t columns = names.size(), parts = average_table_count(columns);
  std::string tables;
  for (size_t part = 0; part < parts; ++part) {
    size_t first = part * columns / parts, end = (part + 1) * columns / parts;  // balanced parts
    std::string part_caption = caption;
    if (parts > 1) part_caption += " (part " + std::to_string(part + 1) + " of " + std::to_string(parts) + ")";
    HtmlTable table(id_prefix + "-" + std::to_string(part + 1), part_caption);
    std::vector<std::string> headings{"Date"};
    for (size_t column = first; column < end; ++column) headings.push_back(names[column]);
    std::vector<bool> numeric(headings.size(), true);
    numeric[0] = false;
    table.set_columns(headings, numeric);
    for (size_t k = 0; k < layout.snapshots(); ++k) {
      std::vector<TableCell> cells;
      for (size_t column = first; column < end; ++column)
        cells.push_back(TableCell::number(means[column][k], show_average(means[column][k])));
      table.add_row(format_long_date(layout.snapshot_dates[k]), cells, format_iso_date(layout.snapshot_dates[k]));
    }
    tables += table.render();
  }
  return tables;
}

ChartAxis snapshot_axis(const RunReportData& data, double from) {
  const OutputLayout& layout = data.layout();
  ChartAxis axis;
  axis.min = std::min(from, 0.0);
  axis.max = std::max(layout.snapshot_times.back(), 1.0);
  size_t months = layout.months();
  auto month_label = [&](size_t k) { return format_short_date(layout.snapshot_dates[k]); };
  auto two_lines = [](const std::string& text) {  // "2 Nov 2020" -> "2 Nov\n2020"
    size_t space = text.rfind(' ');
    return space == std::string::npos ? text : text.substr(0, space) + "\n" + text.substr(space + 1);
  };
  std::vector<size_t> labelled;
  if (data.year_ends.size() >= 2) {
    for (const auto& year_end : data.year_ends) {
      labelled.push_back(year_end.snapshot);
      axis.ticks.push_back({layout.snapshot_times[year_end.snapshot], two_lines(format_short_date(year_end.year_end))});
    }
    // The start and the end too, when they are far enough from a year end for their labels to fit.
    size_t room = std::max<size_t>(4, months / 9);
    for (size_t k : {size_t{0}, months}) {
      bool clear = std::all_of(labelled.begin(), labelled.end(), [&](size_t other) {
        return (k > other ? k - other : other - k) >= room;
      });
      if (clear) {
        labelled.push_back(k);
        axis.ticks.push_back({layout.snapshot_times[k], two_lines(month_label(k))});
      }
    }
  } else {
    size_t step = 1;
    for (size_t candidate : {1, 2, 3, 6, 12, 24, 60, 120})
      if (months / candidate <= 8) {
        step = candidate;
        break;
      }
    for (size_t k = 0; k <= months; k += step) axis.ticks.push_back({layout.snapshot_times[k], two_lines(month_label(k))});
  }
  if (from < 0) {
    // Before the start: each 31 March, every so many when there are many of them, and only where its label
    // clears those already placed.
    const Date start = layout.snapshot_dates.front();
    std::vector<Date> year_ends;
    for (int year = financial_year_of(start + std::chrono::days{static_cast<long>(std::floor(from))}) - 1;; ++year) {
      Date end = financial_year_end(year);
      if (end >= start) break;
      if (days_between(start, end) >= from) year_ends.push_back(end);
    }
    const size_t step = std::max<size_t>(1, (year_ends.size() + 7) / 8);
    const double room = 30.44 * static_cast<double>(std::max<size_t>(4, months / 9));
    for (size_t i = year_ends.size(); i-- > 0;) {
      if ((year_ends.size() - 1 - i) % step != 0) continue;
      const double at = static_cast<double>(days_between(start, year_ends[i]));
      bool clear = std::all_of(axis.ticks.begin(), axis.ticks.end(), [&](const AxisTick& tick) { return std::abs(tick.value - at) >= room; });
      if (clear) axis.ticks.push_back({at, two_lines(format_short_date(year_ends[i]))});
    }
  }
  std::sort(axis.ticks.begin(), axis.ticks.end(), [](const AxisTick& a, const AxisTick& b) { return a.value < b.value; });
  if (months <= 120)
    for (size_t k = 0; k <= months; ++k) axis.minor_ticks.push_back(layout.snapshot_times[k]);
  return axis;
}

ChartAxis count_axis(double max_value, std::string label, double min_value) {
  NiceAxis nice = nice_axis(min_value, std::max(max_value, min_value + 1.0), 5);
  if (nice.step < 1) {  // children come whole: no ticks at 4.2
    nice.min = std::floor(min_value);
    nice.max = std::max(std::ceil(max_value), nice.min + 1);
    nice.ticks.clear();
    for (double tick = nice.min; tick <= nice.max; ++tick) nice.ticks.push_back(tick);
  }
  ChartAxis axis;
  axis.min = nice.min;
  axis.max = nice.max;
  for (double tick : nice.ticks) axis.ticks.push_back({tick, format_trimmed(tick, 2)});
  axis.label = std::move(label);
  return axis;
}

}  // namespace detail

ReportSection method_section(const RunReportData& data) {
  const OutputLayout& layout = data.layout();
  std::string start = format_long_date(layout.snapshot_dates.front());
  std::string html;
  html += "<p>Each of the " + format_whole(data.replications()) +
          " simulations follows every child in the scenario, one day after another, from " + escape_html(start) + " to " +
          escape_html(format_long_date(layout.snapshot_dates.back())) +
          ": when children enter care, how long they stay in each state, and how and when they leave. Each simulation is "
          "one possible future; together they show how sure the forecast is.</p>\n";
  int day = static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{layout.snapshot_dates.front()}.day()));
  html += "<ul>\n<li><strong>Counts</strong> are taken at midnight at the start of each simulated month (here the " +
          format_ordinal(day) + " of the month, or the month's last day when it is shorter), after everything that "
          "happened before.</li>\n"
          "<li><strong>Average</strong> is the mean over simulations. <strong>Median</strong>: half of the simulations are "
          "below it. <strong>90% range</strong>: from the 5th to the 95th percentile, so 90% of simulations fall inside it; "
          "<strong>50% range</strong>: from the 25th to the 75th percentile. Percentiles interpolate linearly between "
          "simulations, as numpy does by default.</li>\n"
          "<li><strong>Data tables</strong> hold the same figures as the run's CSV files (<code>summary.csv</code>, "
          "<code>flows_summary.csv</code>), rounded to one decimal place for reading; figures by financial year add up the "
          "months of each simulation first.</li>\n";
  html += "<li><strong>Uncertainty</strong>: " + detail::layers_asked_in_words(data.options.uncertainty, data.held) + ".</li>\n";
  std::string scenario_file = data.options.scenario_file.empty() ? "SCENARIO.json" : data.options.scenario_file;
  std::string command =
      detail::reproduce_command("caseflow run", {scenario_file}, data.replications(), data.results.seed, data.options.uncertainty);
  html += "<li><strong>Random numbers</strong> come from seed " + std::to_string(data.results.seed) +
          ": the same scenario, number of simulations, seed and layers of uncertainty give the same figures. To reproduce "
          "them: <code>" + escape_html(command) + "</code>.</li>\n</ul>\n";
  return {"about", "About these figures", html, "", ""};
}

ReportDocument build_run_report(const Scenario& scenario, const RunResults& results, const RunSummary& summary,
                                const RunReportOptions& options) {
  RunReportData data(scenario, results, summary, options);
  const OutputLayout& layout = data.layout();
  ReportDocument document;
  document.kicker = "Children in care forecast";
  document.title = scenario.name;
  document.lead_html = "A forecast from " + escape_html(format_long_date(layout.snapshot_dates.front())) + " to " +
                       escape_html(format_long_date(layout.snapshot_dates.back())) + " (" +
                       std::to_string(scenario.horizon_months) + (scenario.horizon_months == 1 ? " month" : " months") +
                       "), from " + format_whole(data.replications()) +
                       (data.replications() == 1 ? " simulation" : " simulations") + " of the scenario.";
  document.notice_html = chance_alone_notice(data);
  document.sections.push_back(summary_section(data));
  if (layout.months() > 0) {  // a forecast of no months has nothing to chart: the summary says it all
    document.sections.push_back(children_in_care_section(data));
    if (auto range = range_sources_section(data)) document.sections.push_back(std::move(*range));
    document.sections.push_back(stocks_by_state_section(data));
    if (auto placements = placements_section(data)) document.sections.push_back(std::move(*placements));
    if (auto ages = age_bands_section(data)) document.sections.push_back(std::move(*ages));
  }
  if (auto exits = exits_by_year_section(data)) document.sections.push_back(std::move(*exits));
  if (auto costs = costs_section(data)) document.sections.push_back(std::move(*costs));
  document.sections.push_back(assumptions_section(scenario));
  document.sections.push_back(method_section(data));
  document.footer_html = "<p>Made by caseflow from " +
                         (options.scenario_file.empty() ? std::string("a scenario") : "<code>" + escape_html(options.scenario_file) + "</code>") +
                         ", seed " + std::to_string(results.seed) + ", uncertainty " + uncertainty_name(options.uncertainty) +
                         ". Every figure is a simulation result, not a prediction of any one child's care.</p>";
  return document;
}

std::string render_run_report(const Scenario& scenario, const RunResults& results, const RunSummary& summary,
                              const RunReportOptions& options) {
  return render_report_html(build_run_report(scenario, results, summary, options));
}

}  // namespace caseflow
