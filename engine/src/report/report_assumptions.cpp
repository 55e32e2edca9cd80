// Every assumption of a scenario in words, each with the source its note gives.

#include <algorithm>
#include <cmath>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/scenario/time_distribution.hpp"
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

// A note closing a sentence of the report: escaped, with a full stop unless it has one.
std::string source_sentence(const std::string& note) {
  std::string html = detail::sources_html({note});
  bool ends_a_sentence = !note.empty() && (note.back() == '.' || note.back() == '!' || note.back() == '?');
  return html + (ends_a_sentence ? "" : ".");
}

std::string pipeline_name(const Pipeline& pipeline) { return name_of(pipeline.label, pipeline.id); }

std::string stage_name(const Pipeline& pipeline, int stage) {
  return pipeline_name(pipeline) + ": " + name_of(pipeline.stages[stage].label, pipeline.stages[stage].id);
}

// "from 1 April 2021 to 31 March 2022": the scenario's end dates are exclusive, people's are not.
std::string window(const Intervention& intervention) {
  if (intervention.kind == Intervention::Kind::move_children) return "on " + format_long_date(intervention.start);
  std::string text = "from " + format_long_date(intervention.start);
  if (intervention.has_end) text += " to " + format_long_date(intervention.end - std::chrono::days{1});
  return text;
}

std::string age_limits(const Transition& transition) {
  if (!transition.has_age_limits) return "all ages";
  bool from_zero = transition.min_age_years == 0, open_ended = std::isinf(transition.max_age_years);
  std::string low = format_trimmed(transition.min_age_years, 2), high = format_trimmed(transition.max_age_years, 2);
  if (from_zero && open_ended) return "all ages";
  if (from_zero) return "under " + high;
  if (open_ended) return low + " and over";
  return "from " + low + " to under " + high;
}


// What an intervention does, in words.
std::string intervention_effect(const Scenario& scenario, const Intervention& intervention) {
  auto state_name = [&](int s) { return name_of(scenario.states[s].label, scenario.states[s].id); };
  auto destination_name = [&](Destination d) {
    return d.kind == Destination::Kind::state ? state_name(d.index) : name_of(scenario.exits[d.index].label, scenario.exits[d.index].id);
  };
  switch (intervention.kind) {
    case Intervention::Kind::scale_rate:
      return "moves from " + state_name(intervention.from_state) + " to " + destination_name(intervention.to) +
             " happen at " + format_trimmed(intervention.factor, 3) + " times their usual rate";
    case Intervention::Kind::divert_arrivals:
      return format_trimmed(intervention.share * 100, 1) + "% of children who would enter care" +
             (intervention.arrival_state >= 0 ? " into " + state_name(intervention.arrival_state) : std::string()) +
             " are kept out of care";
    case Intervention::Kind::add_capacity: {
      auto signed_number = [](double n, int decimals) { return (n >= 0 ? "+" : "") + format_trimmed(n, decimals); };
      if (!intervention.foster)
        return signed_number(intervention.extra_per_month, 0) + " orders a month at " +
               stage_name(scenario.pipelines[intervention.pipeline], intervention.stage);
      std::string text;
      if (intervention.extra_placements != 0) text = signed_number(intervention.extra_placements, 0) + " foster placements";
      if (intervention.extra_recruited_per_year != 0)
        text += (text.empty() ? "" : " and ") + signed_number(intervention.extra_recruited_per_year, 2) + " foster placements recruited a year";
      return text.empty() ? "no change to foster placements" : text;
    }
    case Intervention::Kind::move_children: {
      std::string text = format_whole(intervention.count) + " children move from " + state_name(intervention.from_state) + " to " +
                         destination_name(intervention.to);
      for (const auto& transition : scenario.transitions)
        if (transition.from_state == intervention.from_state && transition.to == intervention.to && transition.via_pipeline >= 0) {
          text += ", through " + pipeline_name(scenario.pipelines[transition.via_pipeline]);
          break;
        }
      return text;
    }
  }
  return "";
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
                                                      TableCell::markup(detail::sources_html({state.note}), "source")}, state.id);
    html += "<h3>Care states</h3>\n" + table.render();
  }
  if (!scenario.exits.empty()) {
    HtmlTable table("table-exit-routes", "Ways of leaving care", true);
    table.set_columns({"Route", "Identifier", "Source"});
    for (const auto& exit : scenario.exits)
      table.add_row(name_of(exit.label, exit.id), {TableCell::markup("<code>" + escape_html(exit.id) + "</code>"),
                                                    TableCell::markup(detail::sources_html({exit.note}), "source")}, exit.id);
    html += "<h3>Ways of leaving care</h3>\n" + table.render();
  }
  if (!scenario.transitions.empty()) {
    HtmlTable table("table-transitions", "Moves between states and out of care", true);
    table.set_columns({"From", "To", "Time in the state before the move", "Ages", "Source"});
    for (size_t i = 0; i < scenario.transitions.size(); ++i) {
      const Transition& transition = scenario.transitions[i];
      std::string time = detail::describe_time(transition.time);
      if (transition.via_pipeline >= 0)
        time += "; then the case goes through " + pipeline_name(scenario.pipelines[transition.via_pipeline]) + " before the move";
      table.add_row(state_name(transition.from_state),
                    {TableCell::text(destination_name(transition.to)), TableCell::text(time),
                     TableCell::text(age_limits(transition)),
                     TableCell::markup(detail::sources_html({transition.note, transition.time.note}), "source")},
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
            "</strong>, whatever else is pending. Source: " + source_sentence(scenario.age_out.note) + "</p>\n";
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
                     TableCell::markup(detail::sources_html({stream.note, stream.ages.note}), "source")},
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
      std::string state = state_name(cohort.state);
      if (cohort.pipeline_transition >= 0) {
        const Transition& transition = scenario.transitions[cohort.pipeline_transition];
        const Pipeline& pipeline = scenario.pipelines[transition.via_pipeline];
        state += " (case for " + destination_name(transition.to) + " already at " + stage_name(pipeline, cohort.pipeline_stage) + ")";
      }
      if (cohort.waiting_for_state >= 0) state += " (waiting to step down to " + state_name(cohort.waiting_for_state) + ")";
      table.add_row(state,
                    {TableCell::number(cohort.count, format_whole(cohort.count)), TableCell::text(detail::describe_ages(cohort.ages)),
                     TableCell::text(cohort.has_days_in_state ? detail::describe_time(cohort.days_in_state) : "none (they start today)"),
                     TableCell::markup(detail::sources_html(notes), "source")},
                    "initial-" + std::to_string(i));
    }
    table.add_row("All children", {TableCell::number(total, format_whole(total)), TableCell::text(""), TableCell::text(""), TableCell::text("")}, "", "total");
    html += "<h3>Children in care at the start</h3>\n" + table.render();
  }
  if (!scenario.pipelines.empty()) {
    HtmlTable table("table-pipelines", "Legal pipelines", true);
    table.set_columns({"Stage", "Orders a month", "Time at the stage", "Source"}, {false, true, false, false});
    std::string pipeline_notes;
    for (const auto& pipeline : scenario.pipelines) {
      table.add_group_heading(pipeline_name(pipeline));
      for (size_t k = 0; k < pipeline.stages.size(); ++k) {
        const PipelineStage& stage = pipeline.stages[k];
        table.add_row(name_of(stage.label, stage.id),
                      {TableCell::number(stage.capacity_per_month, format_whole(stage.capacity_per_month)),
                       TableCell::text(detail::describe_time(stage.service_time)),
                       TableCell::markup(detail::sources_html({stage.note, stage.service_time.note}), "source")},
                      pipeline.id + "/" + stage.id);
      }
      if (!pipeline.note.empty())
        pipeline_notes += "<li><strong>" + escape_html(pipeline_name(pipeline)) + ":</strong> " + escape_html(pipeline.note) + "</li>\n";
    }
    html += "<h3>Legal pipelines</h3>\n<p>Some moves need an order: when such a move is due, the child's case goes through "
            "the stages of a pipeline in turn. At each stage it takes the stage's time, then waits for one of the stage's "
            "orders of the month, first come first served. The child stays in care, in the same state, until the last stage "
            "is through.</p>\n";
    if (!pipeline_notes.empty()) html += "<ul>\n" + pipeline_notes + "</ul>\n";
    html += table.render();
  }
  if (scenario.has_foster_placements) {
    const FosterPlacements& foster = scenario.foster_placements;
    std::string states;
    for (size_t i = 0; i < foster.states.size(); ++i)
      states += (i == 0 ? "" : i + 1 == foster.states.size() ? " and " : ", ") + escape_html(state_name(foster.states[i]));
    html += "<h3>Foster placements</h3>\n<p>Each child in " + states + " uses a foster placement. On " +
            escape_html(format_long_date(scenario.start_date)) + ", " + format_whole(foster.free_at_start) +
            " placements are free beyond those in use, and " + format_trimmed(foster.recruited_per_year, 2) +
            " more are recruited a year (net). A child who needs a placement when none is free goes to <strong>" +
            escape_html(state_name(foster.overflow_state)) + "</strong> instead, and steps down when one frees up, longest "
            "waiting first. Source: " + source_sentence(foster.note) + "</p>\n";
  }
  if (!scenario.interventions.empty()) {
    HtmlTable table("table-interventions", "Interventions", true);
    table.set_columns({"Intervention", "When", "Effect", "Source"});
    for (size_t i = 0; i < scenario.interventions.size(); ++i) {
      const Intervention& intervention = scenario.interventions[i];
      static const char* kKinds[] = {"Change a rate", "Keep children out of care", "Add capacity", "Move children"};
      table.add_row(intervention.label.empty() ? kKinds[static_cast<int>(intervention.kind)] : intervention.label,
                    {TableCell::text(window(intervention)), TableCell::text(intervention_effect(scenario, intervention)),
                     TableCell::markup(detail::sources_html({intervention.note}), "source")},
                    "intervention-" + std::to_string(i));
    }
    html += "<h3>Interventions</h3>\n<p>Changes the scenario makes on given dates: the levers of a strategy.</p>\n" + table.render();
  }
  if (!scenario.placement_types.empty()) {
    HtmlTable table("table-placement-types", "Placement types and their unit costs", true);
    table.set_columns({"Placement type", "Cost a week", "Inflation a year", "Source"}, {false, true, true, false});
    for (const auto& type : scenario.placement_types)
      table.add_row(name_of(type.label, type.id),
                    {TableCell::number(type.weekly_cost, format_pounds(type.weekly_cost)),
                     TableCell::number(type.inflation_per_year, format_trimmed(type.inflation_per_year * 100, 2) + "%"),
                     TableCell::markup(detail::sources_html({type.note}), "source")},
                    type.id);
    html += "<h3>Placement types and unit costs</h3>\n<p>Every day a child spends in care is paid at the weekly cost of the "
            "child's placement type, from the prices of " + escape_html(format_long_date(scenario.costs.inflation_from)) +
            " raised by the type's inflation.</p>\n" + table.render();
    if (!scenario.placement_mix.empty()) {
      HtmlTable mix("table-placement-mix", "Placements given in each state", true);
      mix.set_columns({"State", "Placement types", "Source"});
      for (size_t s = 0; s < scenario.placement_mix.size() && s < scenario.states.size(); ++s) {
        const PlacementMix& shares = scenario.placement_mix[s];
        if (shares.types.empty()) continue;
        std::string text;
        for (size_t k = 0; k < shares.types.size(); ++k) {
          const PlacementType& type = scenario.placement_types[shares.types[k]];
          text += (k ? ", " : "") + name_of(type.label, type.id) + ": " + format_trimmed(shares.shares[k] * 100, 1) + "%";
        }
        mix.add_row(state_name(static_cast<int>(s)), {TableCell::text(text), TableCell::markup(detail::sources_html({shares.note}), "source")},
                    scenario.states[s].id);
      }
      html += "<h3>Placements by state</h3>\n<p>A child entering a state is given a placement of one of these types, with "
              "these chances.</p>\n" + mix.render();
    }
  }
  if (!scenario.costs.allowances.empty()) {
    HtmlTable table("table-allowances", "Allowances after leaving care", true);
    table.set_columns({"Allowance", "After leaving by", "Cost a week", "Paid for", "Source"}, {false, false, true, false, false});
    for (const auto& allowance : scenario.costs.allowances) {
      std::string paid_for = format_trimmed(allowance.years, 2) + (allowance.years == 1 ? " year" : " years");
      if (!std::isinf(allowance.until_age_years)) paid_for += ", not past age " + format_trimmed(allowance.until_age_years, 2);
      table.add_row(name_of(allowance.label, allowance.id),
                    {TableCell::text(name_of(scenario.exits[allowance.exit].label, scenario.exits[allowance.exit].id)),
                     TableCell::number(allowance.weekly_cost, format_pounds(allowance.weekly_cost)), TableCell::text(paid_for),
                     TableCell::markup(detail::sources_html({allowance.note}), "source")},
                    allowance.id);
    }
    html += "<h3>Allowances after leaving care</h3>\n" + table.render();
  }
  if (!scenario.costs.budgets.empty()) {
    HtmlTable table("table-budgets", "Budget lines", true);
    table.set_columns({"Financial year", "Budget", "Source"}, {false, true, false});
    for (const auto& budget : scenario.costs.budgets)
      table.add_row(financial_year_label(budget.first_year),
                    {TableCell::number(budget.amount, format_pounds(budget.amount)), TableCell::markup(detail::sources_html({budget.note}), "source")},
                    financial_year_label(budget.first_year));
    html += "<h3>Budget lines</h3>\n<p>What the council has to spend in each financial year, set against the total cost of "
            "placements, allowances and running costs.</p>\n" + table.render();
  }
  if (!scenario.costs.note.empty()) html += "<p><strong>About the costs:</strong> " + escape_html(scenario.costs.note) + "</p>\n";
  if (!scenario.comparators.empty()) {
    HtmlTable table("table-comparator-sources", "Comparators", true);
    table.set_columns({"Comparator", "Children in care", "Source"}, {false, true, false});
    for (const auto& comparator : scenario.comparators)
      table.add_row(detail::comparator_name(comparator), {TableCell::number(comparator.count, format_trimmed(comparator.count, 1)),
                                       TableCell::markup(detail::sources_html({comparator.note}), "source")});
    html += "<h3>Comparators</h3>\n<p>Levels to set the forecast against; they do not change the simulation.</p>\n" + table.render();
  }
  if (!scenario.history.empty()) {
    HtmlTable table("table-history", "Children in care before the start", true);
    table.set_columns({"Date", "Children in care", "Source"}, {false, true, false});
    for (const auto& point : scenario.history)
      table.add_row(format_long_date(point.date), {TableCell::number(point.in_care, format_trimmed(point.in_care, 1)),
                                                   TableCell::markup(detail::sources_html({point.note}), "source")},
                    format_iso_date(point.date));
    html += "<h3>Children in care before the start</h3>\n<p>Counts observed before the forecast, drawn beside it; they do not "
            "change the simulation.</p>\n" + table.render();
  }
  return {"assumptions", "Assumptions", html, "starts-page", ""};
}

}  // namespace caseflow
