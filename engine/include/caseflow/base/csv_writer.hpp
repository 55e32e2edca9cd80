#pragma once
// Writing CSV, the one way every output file of caseflow does it (summaries, comparisons, back-tests, the
// data-quality report, SSDA903 exports): fields quoted by RFC 4180 where they need it, and text cells made
// safe to open in a spreadsheet.
//
// A spreadsheet runs a cell that begins with =, +, -, @ (or a tab or carriage return before them) as a
// formula: a file name, a scenario name or a CHILD id written raw could run code when finance opens the
// file (CSV injection). Text cells that begin so get a leading apostrophe, as OWASP advises; number and
// date cells are written as they are (a negative number stays a number).

#include <ostream>
#include <string>
#include <string_view>

namespace caseflow {

// A text cell: neutralised (csv_neutralised), then quoted (csv_quoted).
std::string csv_text_cell(std::string_view text);
// `text` with an apostrophe in front when it begins with a character a spreadsheet takes as a formula.
std::string csv_neutralised(std::string_view text);
// `text` as one RFC 4180 field: in double quotes, with quotes doubled, when it holds a comma, a quote or a
// line break, or begins or ends with a space or tab (which some readers would trim); as it is otherwise.
std::string csv_quoted(std::string_view text);

// One row of a CSV file, cell after cell, ended by end_row(): the cells separated by commas, the row by `\n`.
class CsvRowWriter {
 public:
  explicit CsvRowWriter(std::ostream& out) : out_(out) {}
  // Text (names, ids, codes, messages): neutralised and quoted.
  CsvRowWriter& text(std::string_view value);
  // Text that is already a CSV cell (csv_text_cell's result, kept for a column written on every row).
  CsvRowWriter& cell(std::string_view encoded);
  // A number or a date already formatted (format_number, format_iso_date): written as it is.
  CsvRowWriter& number(std::string_view formatted) { return cell(formatted); }
  CsvRowWriter& number(long long value);
  // Ends the row with `line_end` ("\n", or "\r\n" for files in the SSDA903 return's own form).
  void end_row(const char* line_end = "\n");

 private:
  std::ostream& out_;
  std::string row_;
  int cells_ = 0;
};

}  // namespace caseflow
