#include "caseflow/ssda903/ssda903_export.hpp"

#include <cmath>
#include <optional>
#include <sstream>

#include "caseflow/base/csv_writer.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/base/staged_output.hpp"

namespace caseflow {

namespace {

struct ExportedEpisode {
  int state = 0;  // mapping state
  long start = 0;  // days since the scenario's start date
  std::optional<long> end;
  std::string reason_ceased;
  bool starts_care = false;
};

struct ExportedChild {
  long birth = 0;
  std::vector<ExportedEpisode> episodes;
  std::optional<long> uasc_ceased;  // the day the child left its UASC state, if it was in one
  bool uasc = false;
};

long day_of(double time) { return static_cast<long>(std::ceil(time)); }

}  // namespace

Ssda903Texts export_ssda903(const Scenario& scenario, const ChildTrace& trace, const Ssda903Mapping& mapping,
                            const Ssda903ExportOptions& options) {
  std::vector<int> state_map, exit_code;  // scenario index -> mapping state; exits -> mapping exit
  for (size_t s = 0; s < scenario.states.size(); ++s) {
    int found = mapping.state_index(scenario.states[s].id);
    if (found < 0)
      throw InputError("export", "", "scenario state \"" + scenario.states[s].id +
                                         "\" is not in the SSDA903 mapping, so it has no codes to export (a mapping "
                                         "with every state of the scenario can be given with --mapping)");
    state_map.push_back(found);
  }
  for (size_t e = 0; e < scenario.exits.size(); ++e) {
    int found = mapping.exit_index(scenario.exits[e].id);
    if (found < 0)
      throw InputError("export", "", "scenario exit \"" + scenario.exits[e].id +
                                         "\" is not in the SSDA903 mapping, so it has no REC code to export (a mapping "
                                         "with every exit of the scenario can be given with --mapping)");
    exit_code.push_back(found);
  }

  std::vector<ExportedChild> children(trace.birth_days.size());
  for (size_t c = 0; c < children.size(); ++c) children[c].birth = trace.birth_days[c];
  auto open_episode = [&](ExportedChild& child, int scenario_state, long start, bool starts_care) {
    int state = state_map[scenario_state];
    child.episodes.push_back({state, start, std::nullopt, "", starts_care});
    if (mapping.states[state].export_uasc) child.uasc = true;
  };
  auto close_episode = [&](ExportedChild& child, long end, const std::string& reason) {
    if (child.episodes.empty() || child.episodes.back().end) return;
    ExportedEpisode& e = child.episodes.back();
    e.end = end;
    e.reason_ceased = reason;
    if (mapping.states[e.state].export_uasc) child.uasc_ceased = end;
  };
  for (const ChildMove& move : trace.moves) {
    ExportedChild& child = children.at(move.child);
    switch (move.kind) {
      case ChildMove::Kind::initial: {
        double already = move.child < trace.initial_days_in_state.size() ? trace.initial_days_in_state[move.child] : 0.0;
        open_episode(child, move.to.index, day_of(move.time - already), true);
        break;
      }
      case ChildMove::Kind::arrival: open_episode(child, move.to.index, day_of(move.time), true); break;
      default:  // transitions, age-outs, and moves made by capacity or interventions: the same in the return
        if (move.to.kind == Destination::Kind::state) {
          close_episode(child, day_of(move.time), Ssda903Mapping::kContinues);
          open_episode(child, move.to.index, day_of(move.time), false);
        } else {
          close_episode(child, day_of(move.time), mapping.exits[exit_code[move.to.index]].reason_ceased.front());
        }
        break;
    }
  }

  // Whole collection years inside [start, end of horizon].
  Date start = scenario.start_date;
  Date end = add_months(scenario.start_date, scenario.horizon_months);
  std::vector<int> years = options.years;
  auto year_end = [](int y) { return Date{std::chrono::year{y} / std::chrono::March / 31}; };
  auto year_start = [](int y) { return Date{std::chrono::year{y - 1} / std::chrono::April / 1}; };
  if (years.empty()) {
    int first = static_cast<int>(std::chrono::year_month_day{collection_year_end(start)}.year());
    if (year_start(first) < start) ++first;
    for (int y = first; year_end(y) < end; ++y) years.push_back(y);
  }
  for (int y : years)
    if (year_start(y) < start || !(year_end(y) < end))
      throw InputError("export", "years", "collection year " + std::to_string(y - 1) + "-" + std::to_string(y) +
                                                " is not inside the simulated period " + format_iso_date(start) + " to " +
                                                format_iso_date(end));

  auto date = [&](long day) { return format_ssda903_date(start + std::chrono::days{day}); };
  Ssda903Texts texts;
  for (int y : years) {
    long first_day = days_between(start, year_start(y));
    long last_day = days_between(start, year_end(y));
    std::ostringstream episodes, headers, uasc;
    episodes << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n";
    headers << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n";
    uasc << "CHILD,SEX,DOB,DUC\r\n";
    CsvRowWriter episode_rows(episodes), header_rows(headers), uasc_rows(uasc);
    for (size_t c = 0; c < children.size(); ++c) {
      const ExportedChild& child = children[c];
      std::string id = options.child_prefix + std::to_string(c);
      bool present = false;
      for (const ExportedEpisode& e : child.episodes) {
        if (e.start > last_day || (e.end && *e.end < first_day)) continue;
        present = true;
        const MappingState& state = mapping.states[e.state];
        bool closed = e.end && *e.end <= last_day;
        episode_rows.text(id).number(date(e.start)).text(e.starts_care ? "S" : "B").text(state.export_legal_status).text("");
        episode_rows.text(state.export_placement).text("").number(closed ? date(*e.end) : "");
        episode_rows.text(closed ? e.reason_ceased : "").text("").text("").text("").text("").end_row("\r\n");
      }
      if (!present) continue;
      header_rows.text(id).text("").number(date(child.birth)).text("").text("").text("").text("").end_row("\r\n");
      if (child.uasc)
        uasc_rows.text(id).text("").number(date(child.birth))
            .number(child.uasc_ceased && *child.uasc_ceased <= last_day ? date(*child.uasc_ceased) : "")
            .end_row("\r\n");
    }
    std::string suffix = std::to_string(y) + ".csv";
    texts.episodes.push_back({"episodes_" + suffix, episodes.str()});
    texts.headers.push_back({"header_" + suffix, headers.str()});
    texts.uasc.push_back({"uasc_" + suffix, uasc.str()});
  }
  return texts;
}

void write_csv_texts(const Ssda903Texts& texts, const std::string& directory) {
  StagedOutput output(directory);
  for (const auto* group : {&texts.episodes, &texts.headers, &texts.uasc})
    for (const CsvText& file : *group) output.write(file.name, [&](std::ostream& out) { out << file.text; });
  output.commit();
}

}  // namespace caseflow
