#include "caseflow/ssda903/care_history.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "caseflow/base/input_error.hpp"

namespace caseflow {

namespace {

using Action = DataQualityIssue::Action;

std::string date_text(Date date) { return format_ssda903_date(date); }

class ChildBuilder {
 public:
  ChildBuilder(const Ssda903Data& data, const Ssda903Mapping& mapping, DataQualityReport& report,
               std::optional<Date> coverage_end)
      : data_(data), mapping_(mapping), report_(report), coverage_end_(coverage_end) {}

  // Returns false when the child has nothing usable.
  bool build(const std::string& child, std::vector<Episode> episodes, ChildHistory& history) {
    child_ = child;
    auto header = data_.children.find(child);
    if (header == data_.children.end()) {
      for (const Episode& e : episodes) report(e, Action::dropped, "no_header", "child not in any header file: no date of birth");
      return false;
    }
    history.child = child;
    history.birth = header->second.birth;
    history.age_out = anniversary(history.birth, mapping_.age_out_years);

    // Start order; an episode that starts and ends on the same day goes before one that only starts then.
    std::stable_sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) {
      bool a_zero = a.end && *a.end == a.start, b_zero = b.end && *b.end == b.start;
      return std::tie(a.start, b_zero) < std::tie(b.start, a_zero);
    });
    std::vector<Episode> kept;
    for (Episode& e : episodes) {
      if (e.start < history.birth)
        report(e, Action::dropped, "start_before_birth",
               "DECOM " + date_text(e.start) + " is before the date of birth " + date_text(history.birth));
      else if (e.start >= history.age_out)
        report(e, Action::dropped, "start_after_age_out",
               "DECOM " + date_text(e.start) + " is on or after the " + std::to_string(mapping_.age_out_years) +
                   "th birthday (" + date_text(history.age_out) + ")");
      else
        kept.push_back(std::move(e));
    }
    clean_sequence(kept);
    history.spells = build_spells(kept, history);
    cut_at_age_out(kept, history);
    for (const Episode& e : kept) history.placements.push_back({e.start, e.end, e.placement, e.provider});
    return !history.spells.empty();
  }

 private:
  void report(const Episode& e, Action action, const char* rule, const std::string& detail) {
    report_.add(data_.file_name(e.source), e.source.line, child_, action, rule, detail);
  }

  // The rules about consecutive episodes; afterwards episodes do not overlap and only the last can be open.
  void clean_sequence(std::vector<Episode>& eps) {
    const std::string x1 = Ssda903Mapping::kContinues;
    for (size_t i = 0; i < eps.size(); ++i) {
      Episode& e = eps[i];
      const Episode* next = i + 1 < eps.size() ? &eps[i + 1] : nullptr;
      const std::string rec = e.reason_ceased;
      std::string rec_text = rec.empty() ? "(blank)" : rec;
      if (next) {
        if (!e.end) {
          report(e, Action::changed, "open_episode_followed",
                 "open episode closed on " + date_text(next->start) + ", when the next episode (" + data_.where(next->source) +
                     ") starts; REC " + rec_text + " -> X1");
          e.end = next->start;
          e.reason_ceased = x1;
        } else if (*e.end > next->start) {
          report(e, Action::changed, "overlap_truncated",
                 "DEC " + date_text(*e.end) + " is after the next episode starts (" + data_.where(next->source) + ", DECOM " +
                     date_text(next->start) + "); DEC -> " + date_text(next->start) + (rec == x1 ? "" : ", REC " + rec_text + " -> X1"));
          e.end = next->start;
          e.reason_ceased = x1;
        } else if (*e.end == next->start) {
          if (rec.empty()) {
            report(e, Action::changed, "missing_reason_ceased", "no REC, and the next episode starts on DEC: REC -> X1");
            e.reason_ceased = x1;
          }
        } else if (rec == x1) {
          report(e, Action::changed, "x1_gap_closed",
                 "REC X1 says the next episode starts on DEC, but it starts on " + date_text(next->start) + "; DEC " +
                     date_text(*e.end) + " -> " + date_text(next->start));
          e.end = next->start;
        } else if (rec.empty()) {
          report(e, Action::note, "unknown_reason_ceased", "no REC and the child is out of care until " +
                     date_text(next->start) + ": the stay is censored on DEC");
        }
      } else if (!e.end && !rec.empty()) {
        report(e, Action::changed, "open_with_reason_ceased", "REC " + rec + " on an open episode (no DEC) ignored");
        e.reason_ceased.clear();
      } else if (e.end && rec == x1) {
        report(e, Action::note, "x1_without_next", "REC X1 but no episode follows: the stay is censored on DEC");
      } else if (e.end && rec.empty()) {
        report(e, Action::note, "unknown_reason_ceased", "no REC: the stay is censored on DEC");
      }
    }
  }

  std::vector<Spell> build_spells(const std::vector<Episode>& eps, const ChildHistory& history) {
    std::vector<Spell> spells;
    int current = -1;                 // index of the spell the previous episode belongs to
    bool previous_continues = false;  // the previous episode ended with X1 on this one's start
    bool previous_unmapped = false;   // ... and the mapping could not place it
    for (size_t i = 0; i < eps.size(); ++i) {
      const Episode& e = eps[i];
      bool contiguous = previous_continues && i > 0 && eps[i - 1].end == e.start;
      EpisodeClass found = mapping_.classify(e.legal_status, e.placement, data_.is_uasc_on(history.child, e.start));
      bool continues = e.end && e.reason_ceased == Ssda903Mapping::kContinues && i + 1 < eps.size() && eps[i + 1].start == *e.end;
      if (found.kind != EpisodeClass::Kind::state) {
        if (found.kind == EpisodeClass::Kind::not_in_care)
          report(e, Action::dropped, "not_in_care",
                 "LS " + e.legal_status + ", PLACE " + e.placement + " is not care (mapping /state_rules/" +
                     std::to_string(found.rule) + "); a following episode starts a new period in care");
        else
          report(e, Action::dropped, "unmapped_codes",
                 "no mapping rule matches LS \"" + e.legal_status + "\", PLACE \"" + e.placement + "\"; the stay before it is censored");
        if (current >= 0 && contiguous) spells[current].outcome = Spell::Outcome::censored;
        current = -1;
        previous_continues = continues;
        previous_unmapped = found.kind == EpisodeClass::Kind::unmapped;
        continue;
      }
      if (current >= 0 && contiguous && spells[current].state == found.state) {
        spells[current].end = e.end;  // the same state goes on through a change of placement or legal status
      } else {
        if (current >= 0 && contiguous) {
          spells[current].outcome = Spell::Outcome::transition;
          spells[current].next = found.state;
        }
        Spell spell;
        spell.state = found.state;
        spell.start = e.start;
        spell.end = e.end;
        spell.entered_care = !(contiguous && (current >= 0 || previous_unmapped));
        spell.source = e.source;
        spells.push_back(spell);
        current = static_cast<int>(spells.size()) - 1;
      }
      Spell& spell = spells[current];
      if (!e.end) {
        spell.outcome = Spell::Outcome::open;
      } else if (continues) {
        spell.outcome = Spell::Outcome::censored;  // replaced when the next episode is read
      } else if (auto exit = mapping_.exit_for(e.reason_ceased)) {
        spell.outcome = Spell::Outcome::exit;
        spell.next = *exit;
      } else {
        spell.outcome = Spell::Outcome::censored;
        if (!e.reason_ceased.empty() && e.reason_ceased != Ssda903Mapping::kContinues)
          report(e, Action::note, "unmapped_reason_ceased",
                 "REC " + e.reason_ceased + " is not in the mapping: the stay is censored on DEC");
      }
      if (e.legal_status.empty() || e.placement.empty())
        report(e, Action::note, "missing_code",
               std::string(e.legal_status.empty() ? "LS" : "PLACE") + " is blank; mapped to \"" +
                   mapping_.states[found.state].id + "\" by /state_rules/" + std::to_string(found.rule));
      previous_continues = continues;
      previous_unmapped = false;
    }
    return spells;
  }

  // Care ends at the age-out birthday: a stay reaching it ends there, as an age-out, whatever its REC.
  void cut_at_age_out(const std::vector<Episode>& eps, ChildHistory& history) {
    for (Spell& spell : history.spells) {
      bool reaches = spell.end ? *spell.end >= history.age_out : (coverage_end_ && history.age_out < *coverage_end_);
      if (!reaches) continue;
      bool past = !spell.end || *spell.end > history.age_out;
      if (past) {
        // Report against the last episode of the spell, the one whose DEC is moved.
        const Episode* last = nullptr;
        for (const Episode& e : eps)
          if (e.start >= spell.start && e.start < history.age_out) last = &e;
        if (last)
          report(*last, Action::changed, "after_age_out",
                 std::string(spell.end ? "DEC " + date_text(*spell.end) : std::string("open episode")) + " goes past the " +
                     std::to_string(mapping_.age_out_years) + "th birthday: care ends on " + date_text(history.age_out));
      }
      spell.end = history.age_out;
      spell.outcome = Spell::Outcome::age_out;
      spell.next = mapping_.age_out_exit;
    }
  }

  const Ssda903Data& data_;
  const Ssda903Mapping& mapping_;
  DataQualityReport& report_;
  std::optional<Date> coverage_end_;
  std::string child_;
};

}  // namespace

CareHistories build_care_histories(const Ssda903Data& data, const Ssda903Mapping& mapping, DataQualityReport& report) {
  CareHistories histories;
  histories.first_collection_year_start = data.first_collection_year_start;
  histories.coverage_end = data.coverage_end;
  std::map<std::string, std::vector<Episode>> by_child;
  for (const Episode& e : data.episodes) by_child[e.child].push_back(e);
  ChildBuilder builder(data, mapping, report, data.coverage_end);
  const size_t first_issue = report.issues().size();
  for (auto& [child, episodes] : by_child) {
    ChildHistory history;
    if (builder.build(child, std::move(episodes), history)) histories.children.push_back(std::move(history));
  }
  // Episodes read but none usable: a header file of other children, dates of birth after every start. A
  // scenario calibrated from nothing would look like a council with no children in care.
  if (histories.children.empty() && !data.episodes.empty()) {
    auto dropped = report.dropped_since(first_issue);
    if (!dropped) throw InputError(data.file_name(data.episodes.front().source), "", "no episode can be used");
    throw InputError(dropped->first->file, "line " + std::to_string(dropped->first->line),
                     dropped->first->detail + ", and no child's episodes can be used (" + std::to_string(dropped->count) +
                         (dropped->count == 1 ? " episode" : " episodes") + " dropped: " + dropped->by_rule + ")");
  }
  return histories;
}

std::vector<int> observed_stock(const CareHistories& histories, Date date, size_t state_count) {
  std::vector<int> counts(state_count, 0);
  for (const auto& child : histories.children)
    for (const auto& spell : child.spells)
      if (spell.start <= date && (!spell.end || date < *spell.end)) ++counts.at(static_cast<size_t>(spell.state));
  return counts;
}

}  // namespace caseflow
