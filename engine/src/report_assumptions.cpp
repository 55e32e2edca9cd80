// Every assumption of a scenario in words, each with the source its note gives.

#include <algorithm>
#include <cmath>

#include "caseflow/html_table.hpp"
#include "caseflow/html_text.hpp"
#include "caseflow/report_run_sections.hpp"
#include "caseflow/time_distribution.hpp"
#include "caseflow/uk_format.hpp"
#include "report_support.hpp"

namespace caseflow {

namespace detail {

std::string sources_html(const std::vector<std::string>& notes) {
  std::string html;
  for (const auto& note : notes) {
    if (note.empty()) continue;
    html += (html.empty() ? "" : "<br>") + escape_html(note);
  }
  return html.empty() ? "<span class=\"missing\">no source given</span>" : html;
}

std::string describe_time(const TimeDistribution& time) {
  using Kind = TimeDistribution::Kind;
  auto number = [](double value) { return format_trimmed(value, 3); };
  std::string mean = "mean " + describe_days(mean_time(time));
  switch (time.kind) {
    case Kind::exponential: return "exponential, " + mean;
    case Kind::weibull: return "Weibull, shape " + number(time.shape) + ", scale " + number(time.scale_days) + " days; " + mean;
    case Kind::gamma: return "gamma, shape " + number(time.shape) + ", scale " + number(time.scale_days) + " days; " + mean;
    case Kind::lognormal:
      return "log-normal, meanlog " + number(time.meanlog) + ", sdlog " + number(time.sdlog) + " (of days); median " +
             describe_days(std::exp(time.meanlog)) + ", " + mean;
    case Kind::fixed: return "always " + describe_days(time.days);
    case Kind::uniform: return "uniform between " + number(time.min_days) + " and " + describe_days(time.max_days);
  }
  return "";
}

std::string describe_ages(const AgeDistribution& ages) {
  // In age order: JSON objects come back with their keys sorted as text ("10-15" before "5-9").
  std::vector<AgeBand> bands = ages.bands;
  std::sort(bands.begin(), bands.end(), [](const AgeBand& a, const AgeBand& b) { return a.min_years < b.min_years; });
  std::string text;
  for (const auto& band : bands) {
    std::string name = band.min_years == 0 && band.end_years == 1 ? "under 1"
                       : band.end_years == band.min_years + 1     ? "aged " + std::to_string(band.min_years)
                                                                   : std::to_string(band.min_years) + "\xE2\x80\x93" + std::to_string(band.end_years - 1);
    text += (text.empty() ? "" : ", ") + name + ": " + format_trimmed(band.share * 100, 1) + "%";
  }
  return text;
}

}  // namespace detail

namespace {

std::string name_of(const std::string& label, const std::string& id) { return label.empty() ? id : label; }

std::string age_limits(const Transition& transition) {
  if (!transition.has_age_limits) return "all ages";
  bool from_zero = transition.min_age_years == 0, open_ended = std::isinf(transition.max_age_years);
  std::string low = format_trimmed(transition.min_age_years, 2), high = format_trimmed(transition.max_age_years, 2);
  if (from_zero && open_ended) return "all ages";
  if (from_zero) return "under " + high;
  if (open_ended) return low + " and over";
  return "from " + low + " to under " + high;
}

}  // namespace

ReportSection assumptions_section(const Scenario& scenario) {
  auto state_name = [&](int s) { return name_of(scenario.states[s].label, scenario.states[s].id); };
  auto destination_name = [&](Destination d) {
    return d.kind == Destination::Kind::state ? state_name(d.index)
                                              : name_of(scenario.exits[d.index].label, scenario.exits[d.index].id) + " (leaves care)";
  };
  std::string html;
  html += "<p>The scenario <strong>" + escape_html(scenario.name) + "</strong> starts on " +
          escape_html(format_long_date(scenario.start_date)) + " and runs for " + std::to_string(scenario.horizon_months) +
          (scenario.horizon_months == 1 ? " month" : " months") + ". " +
          "Every figure below is an input of the simulation; the source column gives the note the scenario records for it.</p>\n";
  if (!scenario.note.empty()) html += "<p><strong>About the scenario:</strong> " + escape_html(scenario.note) + "</p>\n";

  {
    HtmlTable table("table-states", "Care states", true);
    table.set_columns({"State", "Identifier", "Source"});
    for (const auto& state : scenario.states)
      table.add_row(name_of(state.label, state.id), {TableCell::markup("<code>" + escape_html(state.id) + "</code>"),
                                                      TableCell::markup(detail::sources_html({state.note}))}, state.id);
    html += "<h3>Care states</h3>\n" + table.render();
  }
  if (!scenario.exits.empty()) {
    HtmlTable table("table-exit-routes", "Ways of leaving care", true);
    table.set_columns({"Route", "Identifier", "Source"});
    for (const auto& exit : scenario.exits)
      table.add_row(name_of(exit.label, exit.id), {TableCell::markup("<code>" + escape_html(exit.id) + "</code>"),
                                                    TableCell::markup(detail::sources_html({exit.note}))}, exit.id);
    html += "<h3>Ways of leaving care</h3>\n" + table.render();
  }
  if (!scenario.transitions.empty()) {
    HtmlTable table("table-transitions", "Moves between states and out of care", true);
    table.set_columns({"From", "To", "Time in the state before the move", "Ages", "Source"});
    for (size_t i = 0; i < scenario.transitions.size(); ++i) {
      const Transition& transition = scenario.transitions[i];
      table.add_row(state_name(transition.from_state),
                    {TableCell::text(destination_name(transition.to)), TableCell::text(detail::describe_time(transition.time)),
                     TableCell::text(age_limits(transition)),
                     TableCell::markup(detail::sources_html({transition.note, transition.time.note}))},
                    "transition-" + std::to_string(i));
    }
    html += "<h3>Moves between states and out of care</h3>\n<p>On entering a state, a child draws a waiting time for each "
            "move out of it; the earliest happens. Times count from the day the child entered the state. Outside its ages a "
            "move cannot happen.</p>\n" + table.render();
  }
  if (scenario.has_age_out) {
    html += "<h3>Leaving care by age</h3>\n<p>Every child leaves care on reaching " + format_trimmed(scenario.age_out.age_years, 2) +
            " years of age, by the route <strong>" +
            escape_html(name_of(scenario.exits[scenario.age_out.exit].label, scenario.exits[scenario.age_out.exit].id)) +
            "</strong>, whatever else is pending. Source: " + detail::sources_html({scenario.age_out.note}) + ".</p>\n";
  }
  if (!scenario.arrivals.empty()) {
    HtmlTable table("table-arrivals", "Children entering care", true);
    table.set_columns({"Into state", "Per year", "Ages on entry", "Source"}, {false, true, false, false});
    double total = 0;
    for (size_t i = 0; i < scenario.arrivals.size(); ++i) {
      const ArrivalStream& stream = scenario.arrivals[i];
      total += stream.per_year;
      table.add_row(state_name(stream.state),
                    {TableCell::number(stream.per_year, format_trimmed(stream.per_year, 2)), TableCell::text(detail::describe_ages(stream.ages)),
                     TableCell::markup(detail::sources_html({stream.note, stream.ages.note}))},
                    "arrival-" + std::to_string(i));
    }
    if (scenario.arrivals.size() > 1)
      table.add_row("All entries", {TableCell::number(total, format_trimmed(total, 2)), TableCell::text(""), TableCell::text("")}, "", "total");
    html += "<h3>Children entering care</h3>\n<p>Children enter care at random times, at the average rates below (a Poisson "
            "process), at an age drawn from the age bands.</p>\n" + table.render();
  }
  if (!scenario.initial_population.empty()) {
    HtmlTable table("table-initial", "Children in care at the start", true);
    table.set_columns({"State", "Children", "Ages", "Time already in the state", "Source"}, {false, true, false, false, false});
    double total = 0;
    for (size_t i = 0; i < scenario.initial_population.size(); ++i) {
      const InitialCohort& cohort = scenario.initial_population[i];
      total += cohort.count;
      std::vector<std::string> notes{cohort.note, cohort.ages.note};
      if (cohort.has_days_in_state) notes.push_back(cohort.days_in_state.note);
      table.add_row(state_name(cohort.state),
                    {TableCell::number(cohort.count, format_whole(cohort.count)), TableCell::text(detail::describe_ages(cohort.ages)),
                     TableCell::text(cohort.has_days_in_state ? detail::describe_time(cohort.days_in_state) : "none (they start today)"),
                     TableCell::markup(detail::sources_html(notes))},
                    "initial-" + std::to_string(i));
    }
    table.add_row("All children", {TableCell::number(total, format_whole(total)), TableCell::text(""), TableCell::text(""), TableCell::text("")}, "", "total");
    html += "<h3>Children in care at the start</h3>\n" + table.render();
  }
  if (!scenario.comparators.empty()) {
    HtmlTable table("table-comparator-sources", "Comparators", true);
    table.set_columns({"Comparator", "Children in care", "Source"}, {false, true, false});
    for (const auto& comparator : scenario.comparators)
      table.add_row(comparator.label, {TableCell::number(comparator.children_in_care, format_trimmed(comparator.children_in_care, 1)),
                                       TableCell::markup(detail::sources_html({comparator.note}))});
    html += "<h3>Comparators</h3>\n<p>Levels to set the forecast against; they do not change the simulation.</p>\n" + table.render();
  }
  return {"assumptions", "Assumptions", html, "starts-page"};
}

}  // namespace caseflow
