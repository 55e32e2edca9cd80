#pragma once
// Which caseflow state an SSDA903 episode is in, and which exit a reason for ceasing means: a small,
// user-editable JSON file ("caseflow-ssda903-mapping/1", docs/calibration.md). The default is
// data/ssda903-mapping.json, compiled into the program so that calibrate works without it on disk.
//
// State rules are tried in order; the first whose conditions (legal status, placement, UASC) all hold
// decides. Each state names the codes `caseflow export-903` writes for it; they must map back to it.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace caseflow {

struct MappingState {
  std::string id;
  std::string label;
  std::string note;
  // Codes written for this state when simulated children are exported.
  std::string export_legal_status;
  std::string export_placement;
  bool export_uasc = false;
};

struct MappingExit {
  std::string id;
  std::string label;
  std::string note;
  std::vector<std::string> reason_ceased;  // REC codes; the first is the one exported
};

struct StateRule {
  std::vector<std::string> legal_status;  // empty: any
  std::vector<std::string> placement;     // empty: any
  std::optional<bool> uasc;               // when given, the child's UASC status must be this
  int state = -1;                         // index into states; -1 with not_in_care
  bool not_in_care = false;               // e.g. V3/V4 short breaks
  std::string note;
};

// How one episode is classified.
struct EpisodeClass {
  enum class Kind { state, not_in_care, unmapped };
  Kind kind = Kind::unmapped;
  int state = -1;  // for Kind::state
  int rule = -1;   // the rule that matched, -1 if none
};

class Ssda903Mapping {
 public:
  // REC for "this episode ends and another starts the same day": not an exit.
  static constexpr const char* kContinues = "X1";

  std::string note;
  std::vector<MappingState> states;
  std::vector<MappingExit> exits;
  std::vector<StateRule> rules;
  int age_out_years = 18;
  int age_out_exit = 0;

  EpisodeClass classify(const std::string& legal_status, const std::string& placement, bool uasc) const;
  // The exit a REC code means; nullopt for a code the mapping does not list (and for X1).
  std::optional<int> exit_for(const std::string& reason_ceased) const;
  int state_index(const std::string& id) const;  // -1 when absent
  int exit_index(const std::string& id) const;   // -1 when absent
};

// Parse and validate; errors are InputErrors naming `source` and the JSON path.
Ssda903Mapping mapping_from_json(const nlohmann::json& document, const std::string& source = "<mapping>");
Ssda903Mapping load_mapping(const std::filesystem::path& path);
// The shipped default (data/ssda903-mapping.json as compiled in).
Ssda903Mapping default_mapping();
const char* default_mapping_text();

}  // namespace caseflow
