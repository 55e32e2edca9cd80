#include "caseflow/base/json_text.hpp"

#include <algorithm>

#include "caseflow/base/input_error.hpp"

namespace caseflow::detail {

nlohmann::json parse_json_text(const std::string& text, const std::string& source) {
  // Where `offset` is, as a line and column a person can find.
  auto line_and_column = [&](size_t offset) {
    offset = std::min(offset, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  };
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    std::string what = error.what();
    size_t detail_start = what.find("syntax error");
    throw InputError(source, line_and_column(error.byte == 0 ? 0 : error.byte - 1),
                     "invalid JSON: " + (detail_start == std::string::npos ? what : what.substr(detail_start)));
  } catch (const nlohmann::json::exception& error) {
    // A number too large for a double (1e999) is an out_of_range error without a position (found by
    // fuzzing; it escaped as an internal error); it quotes the number, so find it in the text.
    std::string what = error.what();
    size_t quote = what.find('\'');
    size_t offset = std::string::npos;
    if (quote != std::string::npos && what.back() == '\'')
      offset = text.find(what.substr(quote + 1, what.size() - quote - 2));
    size_t detail_start = what.find("] ");
    throw InputError(source, offset == std::string::npos ? "line ?" : line_and_column(offset),
                     "invalid JSON: " + (detail_start == std::string::npos ? what : what.substr(detail_start + 2)));
  }
}

}  // namespace caseflow::detail
