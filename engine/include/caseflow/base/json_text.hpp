#pragma once
// Parsing JSON text with errors that give the line and column a person can find (private to the engine):
// scenarios, mapping files and everything else read as JSON.

#include <string>

#include <nlohmann/json.hpp>

namespace caseflow::detail {

// Throws InputError(source, "line L, column C", "invalid JSON: ...").
nlohmann::json parse_json_text(const std::string& text, const std::string& source);

}  // namespace caseflow::detail
