#pragma once
// Parsing JSON text with errors that give the line and column a person can find (private to the engine).
// scenario_from_text has the same logic inline; it can move here when that file is next touched.

#include <string>

#include <nlohmann/json.hpp>

namespace caseflow::detail {

// Throws InputError(source, "line L, column C", "invalid JSON: ...").
nlohmann::json parse_json_text(const std::string& text, const std::string& source);

}  // namespace caseflow::detail
