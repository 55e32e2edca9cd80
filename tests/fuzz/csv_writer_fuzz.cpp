// Fuzz target: the CSV writer's quoting (caseflow/base/csv_writer.hpp). The input is rows of text cells,
// cells separated by the byte 0x1F and rows by 0x1E. They are written after a header line, read back with
// the engine's own CSV reader, and every cell must come back as it was given after neutralisation (an
// apostrophe before a leading =, +, -, @, tab or carriage return): no cell split, merged, shifted or
// changed, whatever bytes it holds. Anything else is a finding.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "caseflow/base/csv_reader.hpp"
#include "caseflow/base/csv_writer.hpp"

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

[[noreturn]] void finding(const std::string& what, size_t row, size_t cell) {
  std::fprintf(stderr, "csv_writer_fuzz: %s (row %zu, cell %zu)\n", what.c_str(), row, cell);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace caseflow;
  std::vector<std::vector<std::string>> rows;
  for (const std::string& row : split(std::string(reinterpret_cast<const char*>(data), size), '\x1e'))
    rows.push_back(split(row, '\x1f'));

  std::ostringstream written;
  CsvRowWriter csv(written);
  csv.text("file").text("name");
  csv.end_row();
  for (const auto& row : rows) {
    for (const auto& cell : row) csv.text(cell);
    csv.end_row(rows.size() % 2 ? "\n" : "\r\n");  // both line ends the writers use
  }

  const std::string text = written.str();
  detail::CsvReader reader(text);
  detail::CsvRecord record;
  if (!reader.next(record) || record.fields != std::vector<std::string>{"file", "name"}) finding("the header changed", 0, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    if (!reader.next(record)) finding("a row is missing", r, 0);
    if (record.unterminated_quote) finding("a quote is never closed", r, 0);
    if (record.fields.size() != rows[r].size())
      finding("the row has " + std::to_string(record.fields.size()) + " cells, not " + std::to_string(rows[r].size()), r, 0);
    for (size_t c = 0; c < rows[r].size(); ++c)
      if (record.fields[c] != csv_neutralised(rows[r][c])) finding("a cell came back changed", r, c);
  }
  if (reader.next(record)) finding("a row too many", rows.size(), 0);
  return 0;
}
