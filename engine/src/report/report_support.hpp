#pragma once
// Pieces the sections of a run's report share: how counts are shown, the time axis, the count axis and
// the "source" cell of an assumption. Private to the report's source files.

#include <cstdint>
#include <string>
#include <vector>

#include "caseflow/report/chart_style.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"

namespace caseflow::detail {

// Counts for reading: an average to one decimal ("312.4"), a percentile to whole children ("312": a
// fraction there comes only from interpolating between simulations).
std::string show_average(double value);
std::string show_percentile(double value);
// A count in prose: whole numbers as they are ("336"), others to one decimal.
std::string show_count(double value);

// How often something happens among a run's simulations, as a table cell or a key figure shows it: "45%";
// "under 1%" and "over 99%" rather than rounding a rare event away or a likely one into a certainty; and
// "every simulation" or "no simulation" only when it is literally so, which certainty_note then qualifies.
std::string show_share(double fraction);
// Whether a share is of every or of no simulation: the model's view under its assumptions, never a certainty.
inline bool every_or_none(double fraction) { return fraction <= 0 || fraction >= 1; }
// The same after "in" in a sentence: "45% of simulations", "every one of the 1,000 simulations", "none of
// the 1,000 simulations".
std::string share_of_simulations(double fraction, int replications);
// What qualifies a share of every or no simulation, to follow it in a sentence (no full stop).
inline constexpr const char* kModelsView = "the model's view under its assumptions, not a certainty";
// A footnote for a table that shows "every simulation" or "no simulation" somewhere.
std::string certainty_footnote(int replications);

// A share of a variance (not a chance), for the sources of a band's spread: "45%", "under 1%", "over 99%",
// and "all" or "none" when it is exactly so.
std::string show_part(double fraction);

// The command that reproduces a run's figures: `program` ("caseflow run"), the scenario files, and every option
// that changes a number, each written out even at its default so that the command means the same if a default
// changes: "caseflow run scenarios/x.json --replications 1000 --seed 1 --uncertainty all". A file name is
// quoted for a POSIX shell when it needs it.
std::string reproduce_command(const std::string& program, const std::vector<std::string>& files, int replications,
                              uint64_t seed, Uncertainty uncertainty);
// "this run asked for ... (<code>--uncertainty all</code>, the default), so its bands hold chance, ..." (markup).
std::string layers_asked_in_words(Uncertainty asked, const HeldUncertainty& held);

// x positions (days since the start) of the snapshots, and a time axis over them labelled at each
// 31 March (or at regular month starts when the horizon holds fewer than two year ends). An axis `from` a
// time before the start (negative days: a history drawn before the forecast) begins there, labelled at the
// 31 Marches before the start too.
std::vector<double> snapshot_positions(const RunReportData& data);
ChartAxis snapshot_axis(const RunReportData& data, double from = 0);

// A stacked chart of averages over the snapshots: layers named `names`, `means[layer][snapshot]`, a y axis up to
// `highest` labelled `y_label`; its text alternative names the layers at the last snapshot, largest first (what
// the eye takes from the chart).
SvgChart stacked_averages_chart(const RunReportData& data, const std::string& id, const std::string& title,
                                const std::string& y_label, const std::vector<std::string>& names,
                                const std::vector<std::vector<double>>& means, double highest);

// The averages behind such a chart as data tables: a row per snapshot date, a column per layer (`names`,
// `means[layer][snapshot]`), at most kAverageColumnsPerTable columns to a table so that each fits a printed page,
// the layers shared out evenly; ids `id_prefix`-1, -2... and `caption`, "(part 1 of 2)" added when there are more.
constexpr size_t kAverageColumnsPerTable = 6;
size_t average_table_count(size_t columns);
std::string average_tables(const RunReportData& data, const std::string& id_prefix, const std::string& caption,
                           const std::vector<std::string>& names, const std::vector<std::vector<double>>& means);

// A y axis from a round number at or below `min_value` (0 by default) to one above `max_value`, ticks
// labelled "1,200".
ChartAxis count_axis(double max_value, std::string label, double min_value = 0);

// A y axis of pounds from a round number at or below min(`min_value`, 0), ticks labelled "£1,500,000".
ChartAxis money_axis(double min_value, double max_value, std::string label);
// "" for a financial year the forecast covers whole, else how much of it: "5 months".
std::string part_year_note(const OutputLayout& layout, size_t financial_year);
// What a reader calls a cost category of OutputLayout: the placement type's or allowance's label.
std::string cost_category_name(const Scenario& scenario, const OutputLayout& layout, size_t category);

// What a reader calls a comparator: its label, or its id when it has none.
std::string comparator_name(const Comparator& comparator);

// The sources of one assumption: the notes given, each escaped, or a marked "no source given".
std::string sources_html(const std::vector<std::string>& notes);

// The words of a transition's time or of time already spent: "exponential, mean 180 days (about 6 months)".
std::string describe_time(const TimeDistribution& time);
// "under 1: 45%, 1–4: 20%, …".
std::string describe_ages(const AgeDistribution& ages);

}  // namespace caseflow::detail
