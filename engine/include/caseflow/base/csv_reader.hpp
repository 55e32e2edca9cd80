#pragma once
// Splitting CSV text into records, tolerant of what spreadsheets and case-management systems write:
// a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with doubled quotes and embedded commas
// or line breaks. Private to the engine's importers: it knows nothing of column meanings.

#include <string>
#include <string_view>
#include <vector>

namespace caseflow::detail {

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;          // physical line (1-based) on which the record starts
  bool unterminated_quote = false;  // a quote opened and never closed: the record ran to the end of the text
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  bool had_byte_order_mark() const { return had_bom_; }
  // The next record, false at the end. Blank lines are skipped.
  bool next(CsvRecord& record);

 private:
  std::string_view text_;
  size_t position_ = 0;
  int line_ = 1;
  bool had_bom_ = false;
};

}  // namespace caseflow::detail
