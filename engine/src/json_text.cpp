#include "json_text.hpp"

#include <algorithm>

#include "caseflow/input_error.hpp"

namespace caseflow::detail {

nlohmann::json parse_json_text(const std::string& text, const std::string& source) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    size_t offset = std::min<size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = error.what();
    size_t detail_start = what.find("syntax error");
    throw InputError(source, "line " + std::to_string(line) + ", column " + std::to_string(column),
                     "invalid JSON: " + (detail_start == std::string::npos ? what : what.substr(detail_start)));
  }
}

}  // namespace caseflow::detail
