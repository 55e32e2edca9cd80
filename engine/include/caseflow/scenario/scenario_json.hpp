#pragma once
// Reading, validating and writing scenarios in the JSON format of docs/scenario-format.md ("caseflow-scenario/1").
// Every error is an InputError naming the file and the JSON path, and says what was expected.

#include <filesystem>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

// Parse and validate; `source` names the document in error messages. A document with "base" is rejected
// here: it names a file, so use the overload below that says where to find it.
Scenario scenario_from_json(const nlohmann::json& document, const std::string& source = "<scenario>");
// The same, resolving "base" (scenario inheritance) relative to `base_directory`.
Scenario scenario_from_json(const nlohmann::json& document, const std::string& source,
                            const std::filesystem::path& base_directory);
Scenario scenario_from_text(const std::string& text, const std::string& source = "<scenario>");
Scenario load_scenario(const std::filesystem::path& path);

// The inverse of scenario_from_json: the result parses back to an equal scenario.
nlohmann::json scenario_to_json(const Scenario& scenario);

}  // namespace caseflow
