#include "caseflow/report/report_backtest.hpp"

#include <algorithm>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_document.hpp"
#include "caseflow/report/svg_chart.hpp"

namespace caseflow {

namespace {

std::string percent(double share) { return format_trimmed(100 * share, 1) + "%"; }

double days_since(Date start, Date date) { return static_cast<double>(days_between(start, date)); }

// A time axis over the whole data, labelled at 31 March of every other year (every year when there are few).
ChartAxis year_axis(const RollingBacktest& backtest, double end) {
  ChartAxis axis;
  axis.min = 0;
  axis.max = end;
  using namespace std::chrono;
  int first = static_cast<int>(year_month_day{backtest.data_start}.year());
  int last = static_cast<int>(year_month_day{backtest.data_start + days{static_cast<int>(end)}}.year());
  int step = last - first > 8 ? 2 : 1;
  for (int year = first + 1; year <= last; year += step) {
    Date march = sys_days{std::chrono::year{year} / March / 31};
    double x = days_since(backtest.data_start, march);
    if (x >= 0 && x <= end) axis.ticks.push_back({x, "Mar\n" + std::to_string(year)});
  }
  axis.label = "31 March of each year";
  return axis;
}

ChartAxis count_axis(double lowest, double highest) {
  NiceAxis nice = nice_axis(std::max(0.0, lowest * 0.9), highest * 1.05, 5);
  ChartAxis axis;
  axis.min = nice.min;
  axis.max = nice.max;
  for (double tick : nice.ticks) axis.ticks.push_back({tick, format_whole(tick)});
  axis.label = "Children in care";
  return axis;
}

std::string scores_html(const std::vector<HorizonScore>& scores) {
  HtmlTable table("table-scores", "How the forecasts did, by years ahead");
  table.set_columns({"Years ahead", "Forecasts", "caseflow error", "Last count error", "Trend error", "Bias", "In 50% band",
                     "In 90% band"},
                    {false, true, true, true, true, true, true, true});
  for (const HorizonScore& s : scores)
    table.add_row(std::to_string(s.horizon_years),
                  {TableCell::number(s.forecasts, format_whole(s.forecasts)), TableCell::number(s.mape_model, percent(s.mape_model)),
                   TableCell::number(s.mape_last, percent(s.mape_last)), TableCell::number(s.mape_trend, percent(s.mape_trend)),
                   TableCell::number(s.bias, percent(s.bias)), TableCell::number(s.coverage_50, percent(s.coverage_50)),
                   TableCell::number(s.coverage_90, percent(s.coverage_90))});
  return table.render();
}

}  // namespace

std::string render_backtest_report(const RollingBacktest& backtest, const std::vector<HorizonScore>& scores,
                                   const std::string& source) {
  ReportDocument document;
  document.kicker = "Back-test of children in care forecasts";
  document.title = "How the forecasts did, " + format_long_date(backtest.origins.front()) + " to " +
                   format_long_date(backtest.origins.back());
  document.lead_html = "<p>From each 31 March with enough data before it, caseflow was fitted on the data up to that date "
                       "alone, and its forecast set against what the data record happened next. " +
                       escape_html(source.empty() ? std::string() : "Data: " + source + ".") + "</p>";

  std::string summary =
      "<p>Errors are the mean absolute percentage error of the forecast's average number of children in care, beside "
      "two forecasts made without a model: the last count carried forward, and a straight line through the counts of "
      "the last three years. A band that is honest holds what happened about as often as it says: the 90% band in about "
      "90 of 100 forecasts. One council's forecasts share its history, so these figures describe this council; whether "
      "the bands are honest in general is a question for many councils.</p>\n" +
      scores_html(scores);
  document.sections.push_back({"scores", "How the forecasts did", summary, "", ""});

  double end = backtest.observed_dates.empty() ? 1 : days_since(backtest.data_start, backtest.observed_dates.back());
  std::vector<double> observed_x;
  for (Date date : backtest.observed_dates) observed_x.push_back(days_since(backtest.data_start, date));
  double lowest = *std::min_element(backtest.observed.begin(), backtest.observed.end());
  double highest = *std::max_element(backtest.observed.begin(), backtest.observed.end());
  for (const OriginFan& fan : backtest.fans) {
    lowest = std::min(lowest, *std::min_element(fan.p05.begin(), fan.p05.end()));
    highest = std::max(highest, *std::max_element(fan.p95.begin(), fan.p95.end()));
  }

  std::string charts;
  HtmlTable table("table-forecasts", "Each forecast beside what happened");
  table.set_columns({"Made on", "Years ahead", "Observed", "Average", "5%", "25%", "75%", "95%", "Last count", "Trend"},
                    {false, true, true, true, true, true, true, true, true, true});
  SeriesStyle outer, inner, median, observed;
  outer.fill = Colour::from_oklch(0.90, 0.035, 245);
  inner.fill = Colour::from_oklch(0.74, 0.075, 245);
  median.stroke = Colour::from_oklch(0.30, 0.09, 245);
  median.stroke_width = 2;
  observed.stroke = Colour::from_oklch(0.25, 0.0, 0);
  observed.stroke_width = 1.5;
  observed.dash = "5 3";
  for (size_t o = 0; o < backtest.fans.size(); ++o) {
    const OriginFan& fan = backtest.fans[o];
    std::vector<double> x;
    for (Date date : fan.dates) x.push_back(days_since(backtest.data_start, date));
    std::string description = "Forecast made on " + format_long_date(fan.origin) + ": 90% of simulations between " +
                              format_whole(fan.p05.back()) + " and " + format_whole(fan.p95.back()) + " on " +
                              format_long_date(fan.dates.back()) + ".";
    for (const BacktestForecast& f : backtest.forecasts)
      if (f.origin == fan.origin && f.date == fan.dates.back())
        description += " Observed: " + format_whole(f.observed) + (f.in_90() ? ", inside" : ", outside") + " the 90% band.";
    SvgChart chart("chart-origin-" + std::to_string(o), "Forecast made on " + format_long_date(fan.origin), description);
    chart.set_size(760, 220);
    chart.set_x_axis(year_axis(backtest, end));
    chart.set_y_axis(count_axis(lowest, highest));
    chart.add_band(x, fan.p05, fan.p95, outer, "90% of simulations");
    chart.add_band(x, fan.p25, fan.p75, inner, "50% of simulations");
    chart.add_line(x, fan.mean, median, "Forecast average");
    chart.add_line(observed_x, backtest.observed, observed, "Observed");
    charts += "<figure>\n" + chart.render() + "</figure>\n";
  }
  for (const BacktestForecast& f : backtest.forecasts)
    table.add_row(format_long_date(f.origin),
                  {TableCell::number(f.horizon_years, std::to_string(f.horizon_years)), TableCell::number(f.observed, format_whole(f.observed)),
                   TableCell::number(f.mean, format_trimmed(f.mean, 1)), TableCell::number(f.p05, format_whole(f.p05)),
                   TableCell::number(f.p25, format_whole(f.p25)), TableCell::number(f.p75, format_whole(f.p75)),
                   TableCell::number(f.p95, format_whole(f.p95)), TableCell::number(f.naive_last, format_whole(f.naive_last)),
                   TableCell::number(f.naive_trend, format_trimmed(f.naive_trend, 1))});
  document.sections.push_back({"forecasts", "Each forecast against what happened",
                               "<p>Each chart is one forecast: the line and bands from the day it was made, the dashed line "
                               "what the data record, before and after. The numbers are in <a href=\"#table-forecasts\">the "
                               "data table</a>.</p>\n" + charts,
                               "", table.render()});
  return render_report_html(document);
}

}  // namespace caseflow
