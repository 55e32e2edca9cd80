#pragma once
// Each child's time in care as a sequence of spells in caseflow states, built from the imported
// episodes and a mapping. This is where the rules about a child's sequence of episodes apply
// (overlaps, open episodes followed by another, X1 with a gap, care after the 18th birthday, episodes
// not in care); each is reported with the file and line of the episode it changes (docs/calibration.md).
//
// A spell is a stay in one state: consecutive episodes that map to the same state are one spell.
// Days are whole: a spell covers [start, end), so a child is in care at 00:00 of day D when
// start <= D < end, the same convention as the simulation's snapshots.

#include <optional>
#include <string>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/ssda903/data_quality_report.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"
#include "caseflow/ssda903/ssda903_records.hpp"

namespace caseflow {

struct Spell {
  // How the spell ended. `censored`: it ended but we do not know how (no or unmapped REC, or an
  // episode the mapping cannot place follows), so it counts as exposure without an event.
  enum class Outcome { open, transition, exit, age_out, censored };
  int state = 0;              // index into Ssda903Mapping::states
  Date start{};
  std::optional<Date> end;    // empty while open at the end of the data
  Outcome outcome = Outcome::open;
  int next = -1;              // the next state (transition) or the exit index (exit)
  bool entered_care = false;  // the first spell of a period in care: an arrival
  SourceLine source;          // the episode that began it
};

// Where a child lived for a stretch of time: one episode's PLACE and PLACE_PROVIDER over [start, end), after the
// sequence rules. A spell may hold several (a change of foster carer is not a transition).
struct PlacementStay {
  Date start{};
  std::optional<Date> end;  // empty while open at the end of the data
  std::string placement;    // PLACE
  std::string provider;     // PLACE_PROVIDER; empty when not given
};

struct ChildHistory {
  std::string child;
  Date birth{};
  Date age_out{};  // the birthday at the mapping's age-out age
  std::vector<Spell> spells;
  std::vector<PlacementStay> placements;  // the child's episodes in order, also those not in care
};

struct CareHistories {
  std::vector<ChildHistory> children;  // ordered by child id
  std::optional<Date> first_collection_year_start;  // from Ssda903Data
  std::optional<Date> coverage_end;
};

// Throws InputError, at the first episode dropped, when episodes were read but no child has any left.
CareHistories build_care_histories(const Ssda903Data& data, const Ssda903Mapping& mapping, DataQualityReport& report);

// Children in each mapping state at 00:00 of `date` (start <= date < end); one count per state.
std::vector<int> observed_stock(const CareHistories& histories, Date date, size_t state_count);

}  // namespace caseflow
