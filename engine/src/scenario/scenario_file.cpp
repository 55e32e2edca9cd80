// Loading a scenario from a file or from text, with the scenarios it inherits from: {"base": "other.json",
// ...overrides} reads other.json (relative to the file's folder) and applies the overrides to it. Kept
// apart from reading the parts, which see one whole JSON document and never a file.

#include "caseflow/scenario/scenario_json.hpp"

#include <nlohmann/json.hpp>

#include "caseflow/base/json_reader.hpp"
#include "caseflow/base/json_text.hpp"

namespace caseflow {

using nlohmann::json;
using detail::JsonNode;

namespace {

// Scenario inheritance: {"base": "other.json", ...overrides}. The overrides are a JSON merge patch
// (RFC 7386) on the base: objects merge key by key, anything else (arrays included) replaces, and null
// deletes. Bases may have bases; the chain is followed to a depth of 16 (a loop is reported).
json resolve_base(json document, const std::filesystem::path& directory, const std::string& source, int depth) {
  if (!document.is_object() || !document.contains("base")) return document;
  JsonNode base_node(document["base"], "/base", source);
  std::filesystem::path base_path = directory / base_node.as_string();
  if (depth >= 16) base_node.fail("more than 16 levels of \"base\": is there a loop?");
  std::error_code error;
  if (!std::filesystem::is_regular_file(base_path, error)) base_node.fail("cannot open the base scenario " + base_path.string());
  json base = resolve_base(detail::read_json_file(base_path, "scenario file"), base_path.parent_path(), base_path.string(), depth + 1);
  document.erase("base");
  base.merge_patch(document);
  return base;
}

}  // namespace

Scenario scenario_from_json(const json& document, const std::string& source, const std::filesystem::path& base_directory) {
  if (document.is_object() && document.contains("base"))
    return scenario_from_json(resolve_base(document, base_directory, source, 0), source);
  return scenario_from_json(document, source);
}

Scenario scenario_from_text(const std::string& text, const std::string& source) {
  return scenario_from_json(detail::parse_json_text(text, source), source, std::filesystem::current_path());
}

Scenario load_scenario(const std::filesystem::path& path) {
  return scenario_from_json(detail::read_json_file(path, "scenario file"), path.string(), path.parent_path());
}

}  // namespace caseflow
