#include "caseflow/base/csv_reader.hpp"

namespace caseflow::detail {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
    position_ = 3;
    had_bom_ = true;
  }
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.unterminated_quote = false;
  while (position_ < text_.size()) {
    record.line = line_;
    std::string field;
    bool in_quotes = false, quoted = false, any_content = false;
    bool end_of_record = false;
    while (position_ < text_.size() && !end_of_record) {
      char c = text_[position_++];
      if (in_quotes) {
        if (c == '"') {
          if (position_ < text_.size() && text_[position_] == '"') {
            field += '"';
            ++position_;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line_;
          field += c;
        }
        continue;
      }
      switch (c) {
        case '"':
          // A quote opens a quoted section anywhere in a field; text around it is kept.
          in_quotes = quoted = true;
          any_content = true;
          break;
        case ',':
          record.fields.push_back(std::move(field));
          field.clear();
          any_content = true;
          break;
        case '\r':
          if (position_ < text_.size() && text_[position_] == '\n') ++position_;
          ++line_;
          end_of_record = true;
          break;
        case '\n':
          ++line_;
          end_of_record = true;
          break;
        default:
          field += c;
          if (c != ' ' && c != '\t') any_content = true;
      }
    }
    if (in_quotes) record.unterminated_quote = true;
    if (!any_content && record.fields.empty() && !quoted) continue;  // a blank line
    record.fields.push_back(std::move(field));
    return true;
  }
  return false;
}

}  // namespace caseflow::detail
