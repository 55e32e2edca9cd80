// What a run's band holds: in plain words (chance, the parameters not being known, drift; never the events no
// scenario lists), a notice on the first page when it holds chance alone, and the share of its spread that
// each source makes, from variance_sources.

#include <string>
#include <vector>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "report_support.hpp"

namespace caseflow {

namespace {

// What a reader calls each source, in a list of what a band includes and in "X% from ...".
constexpr const char* kChanceWords = "which children arrive and how each moves (chance)";
constexpr const char* kParametersWords = "that the rates, costs and effects are not known exactly (the scenario's stated ranges)";
constexpr const char* kDriftWords = "that rates drift over the years";
constexpr const char* kUnlisted = "It cannot include events no scenario lists: an inspection, a court judgment, a change of "
                                  "policy or leadership.";

std::string asked_option(Uncertainty asked) { return std::string("--uncertainty ") + uncertainty_name(asked); }

// "A; B; and C" from items that may hold commas.
std::string listed(const std::vector<std::string>& items) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) text += (i == 0 ? "" : i + 1 == items.size() ? "; and " : "; ") + items[i];
  return text;
}

// The sources a band holds beyond chance, as in "20% from chance, 45% from not knowing the rates, 35% from drift".
struct SourceShare {
  std::string name;
  double share;
};
std::vector<SourceShare> held_shares(const HeldUncertainty& held, const VarianceSources::Shares& shares) {
  std::vector<SourceShare> out{{"chance", shares.chance}};
  if (held.parameters) out.push_back({"not knowing the rates", shares.parameters});
  if (held.drift) out.push_back({"drift", shares.drift});
  return out;
}

std::string shares_in_words(const HeldUncertainty& held, const VarianceSources::Shares& shares) {
  if (held.chance_alone()) return "all of the spread comes from chance";
  auto parts = held_shares(held, shares);
  std::string text = detail::show_part(parts[0].share) + " of the spread comes from " + parts[0].name;
  for (size_t i = 1; i < parts.size(); ++i)
    text += (i + 1 == parts.size() ? " and " : ", ") + detail::show_part(parts[i].share) + " from " + parts[i].name;
  return text;
}

// Columns "Chance", then "Not knowing the rates" and "Drift" when the band holds them.
std::vector<std::string> share_headings(const HeldUncertainty& held) {
  std::vector<std::string> headings{"Share from chance"};
  if (held.parameters) headings.push_back("Share from not knowing the rates");
  if (held.drift) headings.push_back("Share from drift");
  return headings;
}

void add_share_cells(std::vector<TableCell>& cells, const HeldUncertainty& held, const VarianceSources::Shares& shares) {
  for (const auto& part : held_shares(held, shares)) cells.push_back(TableCell::number(part.share, detail::show_part(part.share)));
}

}  // namespace

std::string uncertainty_in_words(const RunReportData& data) {
  const HeldUncertainty& held = data.held;
  std::vector<std::string> included{kChanceWords};
  if (held.parameters) included.push_back(kParametersWords);
  if (held.drift) included.push_back(kDriftWords);
  static const char* const kCounts[] = {"", "one source", "two sources", "three sources"};
  std::string html = "<p class=\"holds\"><strong>What the range includes.</strong> The range includes " +
                     std::string(kCounts[included.size()]) + " of uncertainty: " + listed(included) + ".";
  const std::string asked = asked_option(data.options.uncertainty);
  if (!held.parameters)
    html += data.stated.parameters
                ? " It leaves out that the rates, costs and effects are not known exactly, which the scenario states: this "
                  "run asked for <code>" + asked + "</code>."
                : " It takes the rates, costs and effects as known exactly: the scenario states no ranges or estimated "
                  "uncertainty for them.";
  if (!held.drift)
    html += data.stated.drift
                ? " It leaves out the rates' drift over the years, which the scenario states: this run asked for <code>" + asked + "</code>."
                : " It takes the rates as steady over the years: the scenario states no drift.";
  return html + " " + kUnlisted + "</p>\n";
}

std::string chance_alone_notice(const RunReportData& data) {
  if (!data.held.chance_alone()) return "";
  const bool stated = !data.stated.chance_alone();
  std::string html = "<p><strong>This forecast's range holds chance alone.</strong> Its bands are only the chance of "
                     "individual children's paths, and far narrower than what real forecasts miss by: ";
  html += stated ? "this run asked for <code>" + asked_option(data.options.uncertainty) +
                       "</code>, though the scenario states more uncertainty than that."
                 : "the scenario states no ranges, estimated uncertainty or drift for its rates, costs and effects.";
  html += " Read them as the least the forecast could be out by, not as where it will fall.</p>\n<p>";
  html += stated ? "To include what the scenario states, run it again without <code>" + asked_option(data.options.uncertainty) +
                       "</code> (the default is <code>--uncertainty all</code>)."
                 : "To add the uncertainty of the rates and of their drift, state ranges, estimated uncertainty or drift in "
                   "the scenario, as <code>docs/scenario-format.md</code> describes under \xE2\x80\x9CUncertainty: what the "
                   "forecast does not know\xE2\x80\x9D.";
  return html + "</p>\n";
}

std::optional<ReportSection> range_sources_section(const RunReportData& data) {
  if (!data.options.variance_sources || data.layout().months() == 0) return std::nullopt;
  const VarianceSources& sources = *data.options.variance_sources;
  const OutputLayout& layout = data.layout();
  const HeldUncertainty& held = data.held;
  const size_t in_care = layout.in_care_column(), last = layout.snapshots() - 1;

  // Every 31 March in the horizon, and the end of the horizon when it is not one of them (as in the summary).
  std::vector<std::pair<size_t, std::string>> moments;
  for (const auto& year_end : data.year_ends) moments.emplace_back(year_end.snapshot, format_long_date(year_end.year_end));
  if (moments.empty() || moments.back().first != last) moments.emplace_back(last, format_long_date(layout.snapshot_dates[last]));
  const auto& [headline, headline_name] = data.year_ends.empty() ? moments.back() : moments[data.year_ends.size() - 1];

  std::string html;
  if (held.chance_alone()) {
    html += "<p>This forecast's range holds chance alone (see the notice at the top), so all of its spread comes from "
            "chance: the table shows the range on each 31 March.</p>\n";
  } else {
    html += "<p>How much of the spread of the forecast comes from each source of uncertainty. The same " +
            format_whole(data.replications()) + " simulations were run again with the same seed, with chance alone";
    if (held.parameters && held.drift) html += ", then with the rates, costs and effects drawn too (no drift)";
    html += ". Each source's share is what it adds to the variance of the number across simulations; a source that adds "
            "less than the simulations' own noise shows as none.</p>\n";
    html += "<p class=\"holds\">By " + escape_html(headline_name) + ", " + shares_in_words(held, sources.in_care_shares(headline)) + ".</p>\n";
  }

  HtmlTable table("table-range-sources", "Children in care: the 90% range on each date and the share of its spread from each source");
  std::vector<std::string> headings{"Date", "90% of simulations from", "to"};
  for (auto& heading : share_headings(held)) headings.push_back(heading);
  std::vector<bool> numeric(headings.size(), true);
  numeric[0] = false;
  table.set_columns(headings, numeric);
  for (const auto& [snapshot, name] : moments) {
    const double low = data.stock_quantile(snapshot, in_care, 0), high = data.stock_quantile(snapshot, in_care, 4);
    std::vector<TableCell> cells{TableCell::number(low, detail::show_percentile(low)), TableCell::number(high, detail::show_percentile(high))};
    add_share_cells(cells, held, sources.in_care_shares(snapshot));
    table.add_row(name, cells, format_iso_date(layout.snapshot_dates[snapshot]));
  }
  html += table.render();

  if (data.summary.costs && !sources.cost_all.empty()) {
    const SummaryGrid& by_year = data.summary.costs->financial_years;
    const size_t total = data.summary.costs->total_column(), years = layout.financial_years.size();
    HtmlTable costs("table-cost-sources", "Total cost by financial year: the 90% range and the share of its spread from each source");
    std::vector<std::string> cost_headings{"Financial year", "90% of simulations from", "to"};
    for (auto& heading : share_headings(held)) cost_headings.push_back(heading);
    std::vector<bool> cost_numeric(cost_headings.size(), true);
    cost_numeric[0] = false;
    costs.set_columns(cost_headings, cost_numeric);
    size_t last_whole = years - 1;  // the last year the forecast covers whole, or the last
    for (size_t y = years; y-- > 0;)
      if (detail::part_year_note(layout, y).empty()) {
        last_whole = y;
        break;
      }
    for (size_t y = 0; y < years; ++y) {
      const double low = by_year.quantile(y, total, 0), high = by_year.quantile(y, total, 4);
      std::vector<TableCell> cells{TableCell::number(low, format_pounds(low)), TableCell::number(high, format_pounds(high))};
      add_share_cells(cells, held, sources.cost_shares(y));
      std::string part = detail::part_year_note(layout, y);
      costs.add_row(layout.financial_years[y].label + (part.empty() ? "" : " (" + part + ")"), cells, layout.financial_years[y].label);
    }
    html += "<h3>The total cost</h3>\n";
    if (!held.chance_alone())
      html += "<p class=\"holds\">For the total cost of " + escape_html(layout.financial_years[last_whole].label) + ", " +
              shares_in_words(held, sources.cost_shares(last_whole)) + ".</p>\n";
    html += costs.render();
  }
  return ReportSection{"range", "What the range holds", html, "", ""};
}

}  // namespace caseflow
