#include "caseflow/ssda903/ssda903_mapping.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "caseflow/base/json_reader.hpp"
#include "caseflow/base/json_text.hpp"

namespace caseflow {

using nlohmann::json;
using detail::JsonNode;

namespace {

constexpr const char* kFormat = "caseflow-ssda903-mapping/1";

bool is_code(const std::string& code) {
  return !code.empty() && code.size() <= 8 &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::vector<std::string> parse_codes(const JsonNode& node) {
  node.expect_array();
  if (node.size() == 0) node.fail("must list at least one code");
  std::vector<std::string> codes;
  for (size_t i = 0; i < node.size(); ++i) {
    std::string code = node[i].as_string();
    if (!is_code(code)) node[i].fail("must be an SSDA903 code of upper-case letters and digits, got " + detail::describe(node[i].value()));
    codes.push_back(code);
  }
  return codes;
}

bool contains(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

EpisodeClass Ssda903Mapping::classify(const std::string& legal_status, const std::string& placement, bool uasc) const {
  for (size_t r = 0; r < rules.size(); ++r) {
    const StateRule& rule = rules[r];
    if (!rule.legal_status.empty() && !contains(rule.legal_status, legal_status)) continue;
    if (!rule.placement.empty() && !contains(rule.placement, placement)) continue;
    if (rule.uasc && *rule.uasc != uasc) continue;
    if (rule.not_in_care) return {EpisodeClass::Kind::not_in_care, -1, static_cast<int>(r)};
    return {EpisodeClass::Kind::state, rule.state, static_cast<int>(r)};
  }
  return {};
}

std::optional<int> Ssda903Mapping::exit_for(const std::string& reason_ceased) const {
  for (size_t e = 0; e < exits.size(); ++e)
    if (contains(exits[e].reason_ceased, reason_ceased)) return static_cast<int>(e);
  return std::nullopt;
}

int Ssda903Mapping::state_index(const std::string& id) const {
  for (size_t s = 0; s < states.size(); ++s)
    if (states[s].id == id) return static_cast<int>(s);
  return -1;
}

int Ssda903Mapping::exit_index(const std::string& id) const {
  for (size_t e = 0; e < exits.size(); ++e)
    if (exits[e].id == id) return static_cast<int>(e);
  return -1;
}

Ssda903Mapping mapping_from_json(const json& document, const std::string& source) {
  JsonNode root(document, "", source);
  root.expect_object({"format", "states", "exits", "state_rules", "age_out"});
  if (std::string format = root["format"].as_string(); format != kFormat)
    root["format"].fail(std::string("must be \"") + kFormat + "\", got " + detail::describe(document["format"]));
  Ssda903Mapping mapping;
  mapping.note = root.note();

  std::map<std::string, std::string> id_paths;  // every id, with where it was declared
  auto declare = [&](const JsonNode& where, const std::string& id) {
    if (id == "in_care" || id == "arrival") where.fail("\"" + id + "\" is reserved (it names all children in care / arrivals)");
    if (auto found = id_paths.find(id); found != id_paths.end())
      where.fail("duplicate id \"" + id + "\" (already at " + found->second + "; ids are unique across states and exits)");
    id_paths[id] = where.path();
  };

  JsonNode states = root["states"];
  states.expect_array();
  if (states.size() == 0) states.fail("must list at least one state");
  for (size_t i = 0; i < states.size(); ++i) {
    JsonNode node = states[i];
    node.expect_object({"id", "label", "export"});
    MappingState state;
    state.id = node["id"].as_id();
    declare(node["id"], state.id);
    state.label = node.has("label") ? node["label"].as_string() : "";
    state.note = node.note();
    JsonNode exported = node["export"];
    exported.expect_object({"legal_status", "placement", "uasc"});
    state.export_legal_status = exported["legal_status"].as_string();
    state.export_placement = exported["placement"].as_string();
    for (const char* key : {"legal_status", "placement"})
      if (!is_code(exported[key].as_string()))
        exported[key].fail("must be an SSDA903 code of upper-case letters and digits, got " +
                           detail::describe(exported[key].value()));
    if (exported.has("uasc")) {
      if (!exported["uasc"].value().is_boolean()) exported["uasc"].fail("must be true or false, got " + detail::describe(exported["uasc"].value()));
      state.export_uasc = exported["uasc"].value().get<bool>();
    }
    mapping.states.push_back(std::move(state));
  }

  JsonNode exits = root["exits"];
  exits.expect_array();
  std::map<std::string, std::string> code_paths;
  for (size_t i = 0; i < exits.size(); ++i) {
    JsonNode node = exits[i];
    node.expect_object({"id", "label", "reason_ceased"});
    MappingExit exit;
    exit.id = node["id"].as_id();
    declare(node["id"], exit.id);
    exit.label = node.has("label") ? node["label"].as_string() : "";
    exit.note = node.note();
    JsonNode codes = node["reason_ceased"];
    exit.reason_ceased = parse_codes(codes);
    for (size_t c = 0; c < exit.reason_ceased.size(); ++c) {
      const std::string& code = exit.reason_ceased[c];
      if (code == Ssda903Mapping::kContinues)
        codes[c].fail("X1 means the episode ends and another starts the same day: it is not an exit");
      if (auto found = code_paths.find(code); found != code_paths.end())
        codes[c].fail("REC " + code + " is already mapped at " + found->second);
      code_paths[code] = codes[c].path();
    }
    mapping.exits.push_back(std::move(exit));
  }

  JsonNode rules = root["state_rules"];
  rules.expect_array();
  if (rules.size() == 0) rules.fail("must list at least one rule");
  int unconditional = -1;
  for (size_t i = 0; i < rules.size(); ++i) {
    JsonNode node = rules[i];
    node.expect_object({"legal_status", "placement", "uasc", "state", "not_in_care"});
    if (unconditional >= 0)
      node.fail("can never match: rule " + std::to_string(unconditional) + " before it has no conditions and matches every episode");
    StateRule rule;
    rule.note = node.note();
    if (node.has("legal_status")) rule.legal_status = parse_codes(node["legal_status"]);
    if (node.has("placement")) rule.placement = parse_codes(node["placement"]);
    if (node.has("uasc")) {
      if (!node["uasc"].value().is_boolean()) node["uasc"].fail("must be true or false, got " + detail::describe(node["uasc"].value()));
      rule.uasc = node["uasc"].value().get<bool>();
    }
    bool has_state = node.has("state"), has_not_in_care = node.has("not_in_care");
    if (has_state == has_not_in_care) node.fail("needs exactly one of \"state\" and \"not_in_care\"");
    if (has_not_in_care) {
      if (node["not_in_care"].value() != json(true)) node["not_in_care"].fail("must be true (or leave it out and give \"state\")");
      rule.not_in_care = true;
    } else {
      std::string id = node["state"].as_string();
      rule.state = mapping.state_index(id);
      if (rule.state < 0) {
        std::vector<std::string> names;
        for (const auto& s : mapping.states) names.push_back(s.id);
        std::string message = "unknown state \"" + id + "\"";
        std::string suggestion = detail::closest_match(id, names);
        if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
        node["state"].fail(message);
      }
    }
    if (rule.legal_status.empty() && rule.placement.empty() && !rule.uasc) unconditional = static_cast<int>(i);
    mapping.rules.push_back(std::move(rule));
  }

  JsonNode age_out = root["age_out"];
  age_out.expect_object({"age_years", "exit"});
  // Whole years: the age-out happens on a birthday, as in the data.
  mapping.age_out_years = static_cast<int>(age_out["age_years"].as_integer(1, 150));
  std::string exit_id = age_out["exit"].as_string();
  mapping.age_out_exit = mapping.exit_index(exit_id);
  if (mapping.age_out_exit < 0) age_out["exit"].fail("unknown exit \"" + exit_id + "\"");

  // Exported codes must read back as the state they were written for, or a round trip would move children.
  for (size_t s = 0; s < mapping.states.size(); ++s) {
    const MappingState& state = mapping.states[s];
    EpisodeClass found = mapping.classify(state.export_legal_status, state.export_placement, state.export_uasc);
    if (found.kind == EpisodeClass::Kind::state && found.state == static_cast<int>(s)) continue;
    std::string got = found.kind == EpisodeClass::Kind::state ? "state \"" + mapping.states[found.state].id + "\""
                      : found.kind == EpisodeClass::Kind::not_in_care ? std::string("not in care")
                                                                       : std::string("no state");
    std::string rule = found.rule >= 0 ? " (by /state_rules/" + std::to_string(found.rule) + ")" : "";
    states[s]["export"].fail("LS " + state.export_legal_status + ", PLACE " + state.export_placement +
                             (state.export_uasc ? ", UASC" : "") + " map to " + got + rule + ", not to \"" + state.id +
                             "\"; export codes must map back to their own state");
  }
  return mapping;
}

Ssda903Mapping load_mapping(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(path.string(), "", "cannot open the mapping file");
  std::ostringstream text;
  text << file.rdbuf();
  return mapping_from_json(detail::parse_json_text(text.str(), path.string()), path.string());
}

Ssda903Mapping default_mapping() {
  return mapping_from_json(detail::parse_json_text(default_mapping_text(), "<default mapping>"), "data/ssda903-mapping.json");
}

}  // namespace caseflow
