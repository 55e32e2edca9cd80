// The summary at the top of a run's report: the numbers a service manager asks for first, in words.

#include <cmath>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "report_support.hpp"

namespace caseflow {

namespace {

// A date on which the summary reports the count, and how to name it.
struct Moment {
  size_t snapshot;
  std::string name;  // "31 March 2022"
};

std::string key_figure(const std::string& label, const std::string& value, const std::string& detail) {
  return "<li><span class=\"label\">" + label + "</span><span class=\"value\">" + value + "</span>" +
         (detail.empty() ? "" : "<span class=\"detail\">" + detail + "</span>") + "</li>\n";
}

// The expected change against the start as a share of it, never rounded to "0%" or to "100% fewer":
// "12% fewer than at the start", "about as many as at the start", "none left on average".
std::string relative_change(double now, double at_end) {
  if (!(now > 0)) return "";
  const double change = at_end - now, fraction = std::abs(change) / now;
  if (std::round(100 * fraction) == 0) return "about as many as at the start";
  if (change < 0 && at_end <= 0) return "none left on average";
  if (change < 0 && fraction > 0.995) return "over 99% fewer than at the start";
  return format_percent(fraction) + (change < 0 ? " fewer" : " more") + " than at the start";
}

}  // namespace

ReportSection summary_section(const RunReportData& data) {
  const OutputLayout& layout = data.layout();
  const size_t in_care = layout.in_care_column(), last = layout.snapshots() - 1;
  const std::string start_name = format_long_date(layout.snapshot_dates.front());
  const std::string end_name = format_long_date(layout.snapshot_dates.back());

  // The moments: every 31 March in the horizon, and the end of the horizon when it is not one of them.
  std::vector<Moment> moments;
  bool counted_off_the_day = false;
  for (const auto& year_end : data.year_ends) {
    moments.push_back({year_end.snapshot, format_long_date(year_end.year_end)});
    if (layout.snapshot_dates[year_end.snapshot] != year_end.year_end + std::chrono::days{1}) counted_off_the_day = true;
  }
  if (last > 0 && (moments.empty() || moments.back().snapshot != last)) moments.push_back({last, end_name});

  // Shares of simulations that end below or above where they started.
  const double fewer = data.summary.in_care.fewer_at_end, more = data.summary.in_care.more_at_end;
  const double now = data.stock_mean(0, in_care), at_end = data.stock_mean(last, in_care);
  const double change = at_end - now;

  std::string html;
  html += "<ul class=\"key-figures\">\n";
  html += key_figure("In care on " + escape_html(start_name), detail::show_count(now), "at the start of the forecast");
  if (!moments.empty()) {
    const Moment& headline = data.year_ends.empty() ? moments.back() : moments[data.year_ends.size() - 1];
    html += key_figure("Expected on " + escape_html(headline.name), format_whole(data.stock_mean(headline.snapshot, in_care)),
                       "90% of simulations: " + format_whole(data.stock_quantile(headline.snapshot, in_care, 0)) + " to " +
                           format_whole(data.stock_quantile(headline.snapshot, in_care, 4)));
    std::string signed_change = (std::round(change) > 0 ? "+" : "") + format_whole(change);
    html += key_figure("Expected change by " + escape_html(end_name), signed_change, relative_change(now, at_end));
    html += key_figure("Chance of fewer children in care on " + escape_html(end_name) + " than at the start",
                       detail::show_share(fewer),
                       detail::every_or_none(fewer) ? "of the " + format_whole(data.replications()) + ": " + detail::kModelsView : "");
  }
  html += "</ul>\n";

  if (!moments.empty()) {
    html += "<ul class=\"statements\">\n";
    for (const Moment& moment : moments) {
      html += "<li>In 90% of simulations, between <strong>" + format_whole(data.stock_quantile(moment.snapshot, in_care, 0)) +
              "</strong> and <strong>" + format_whole(data.stock_quantile(moment.snapshot, in_care, 4)) +
              "</strong> children are in care on " + escape_html(moment.name) + "; in half of them between " +
              format_whole(data.stock_quantile(moment.snapshot, in_care, 1)) + " and " +
              format_whole(data.stock_quantile(moment.snapshot, in_care, 3)) + ".</li>\n";
    }
    html += "</ul>\n";
    std::string direction = std::round(change) == 0 ? "about the same as" :
                            change < 0 ? format_whole(-change) + " fewer than" : format_whole(change) + " more than";
    html += "<p><strong>Expected change:</strong> on average " + format_whole(at_end) + " children are in care on " +
            escape_html(end_name) + ", " + direction + " the " + detail::show_count(now) + " on " + escape_html(start_name) +
            ". The number falls in " + detail::share_of_simulations(fewer, data.replications()) + " and rises in " +
            (detail::every_or_none(more) ? detail::share_of_simulations(more, data.replications()) : detail::show_part(more)) +
            (detail::every_or_none(fewer) || detail::every_or_none(more) ? std::string(": ") + detail::kModelsView : std::string()) +
            ".</p>\n";
  }
  html += uncertainty_in_words(data);

  if (!data.scenario.comparators.empty() && !moments.empty()) {
    // A row per date and a column per comparator: there are few comparators, and maybe many years.
    HtmlTable table("table-comparators", "Chance that the number of children in care is at or below each comparator");
    std::vector<std::string> headings{"Date"};
    for (const Comparator& comparator : data.scenario.comparators)
      headings.push_back(detail::comparator_name(comparator) + ": " + format_trimmed(comparator.count, 1));
    std::vector<bool> numeric(headings.size(), true);
    numeric[0] = false;
    table.set_columns(headings, numeric);
    bool certain = false;
    for (const Moment& moment : moments) {
      std::vector<TableCell> cells;
      for (size_t c = 0; c < data.scenario.comparators.size(); ++c) {
        const double chance = data.summary.in_care.at_or_below_comparator(moment.snapshot, c);
        cells.push_back(TableCell::number(chance, detail::show_share(chance)));
        certain = certain || detail::every_or_none(chance);
      }
      table.add_row(moment.name, cells, format_iso_date(layout.snapshot_dates[moment.snapshot]));
    }
    html += "<h3>Against the comparators</h3>\n<p>The share of simulations in which the number in care is at or below each "
            "comparator on each 31 March in the forecast (the end of a financial year) and on its last day; a comparison of "
            "strategies gives them every 12 months from the start date instead, the dates its differences are measured on. "
            "The comparators and their sources are listed under <a href=\"#assumptions\">Assumptions</a>.</p>\n" +
            table.render();
    if (certain) html += detail::certainty_footnote(data.replications());
  }
  if (counted_off_the_day) {
    html += "<p class=\"footnote\">Simulated counts are taken at the start of each month from the start date, so a figure for "
            "31 March is the count at midnight on the nearest month start: ";
    bool first = true;
    for (const auto& year_end : data.year_ends) {
      if (!first) html += ", ";
      first = false;
      html += escape_html(format_long_date(layout.snapshot_dates[year_end.snapshot]));
    }
    html += ".</p>\n";
  }
  return {"summary", "Summary", html, "", ""};
}

}  // namespace caseflow
