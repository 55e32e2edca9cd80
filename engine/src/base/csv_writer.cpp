#include "caseflow/base/csv_writer.hpp"

namespace caseflow {

namespace {

bool starts_a_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string csv_neutralised(std::string_view text) {
  if (!text.empty() && starts_a_formula(text.front())) return "'" + std::string(text);
  return std::string(text);
}

std::string csv_quoted(std::string_view text) {
  bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                      (!text.empty() && (is_blank(text.front()) || is_blank(text.back())));
  if (!needs_quotes) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_text_cell(std::string_view text) { return csv_quoted(csv_neutralised(text)); }

CsvRowWriter& CsvRowWriter::text(std::string_view value) { return cell(csv_text_cell(value)); }

CsvRowWriter& CsvRowWriter::cell(std::string_view encoded) {
  if (cells_++ > 0) row_ += ',';
  row_ += encoded;
  return *this;
}

CsvRowWriter& CsvRowWriter::number(long long value) { return cell(std::to_string(value)); }

void CsvRowWriter::end_row(const char* line_end) {
  // A row of one empty cell would be a blank line, which readers skip: write it as "".
  if (cells_ == 1 && row_.empty()) row_ = "\"\"";
  out_ << row_ << line_end;
  row_.clear();
  cells_ = 0;
}

}  // namespace caseflow
