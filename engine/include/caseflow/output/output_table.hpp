#pragma once
// A table as an output file holds it and as Python's pandas DataFrame shows it: named columns of one length,
// each of text, dates or numbers. The CSV writers write these tables and Python turns the same tables into
// DataFrames, so a DataFrame has a file's columns, rows and numbers by construction.

#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "caseflow/base/calendar.hpp"

namespace caseflow {

class OutputTable {
 public:
  enum class Kind { text, date, number };
  struct Column {
    std::string name;
    Kind kind = Kind::number;
    std::vector<std::string> text;  // when kind is text
    std::vector<Date> dates;        // when kind is date
    std::vector<double> numbers;    // when kind is number: minus zero kept as zero, as the files write it
    size_t size() const { return kind == Kind::text ? text.size() : kind == Kind::date ? dates.size() : numbers.size(); }
  };

  OutputTable(std::vector<std::pair<std::string, Kind>> columns);

  // The next cell of the row being filled, column after column; after the last column a new row begins.
  // Throws std::logic_error when the column is of another kind.
  OutputTable& text(std::string value);
  OutputTable& date(Date value);
  OutputTable& number(double value);

  const std::vector<Column>& columns() const { return columns_; }
  // For a reader that takes the columns over (Python moves the numbers into its arrays without a copy).
  std::vector<Column>& columns() { return columns_; }
  size_t rows() const { return columns_.empty() ? 0 : columns_.back().size(); }  // complete rows

 private:
  Column& next(Kind kind);
  std::vector<Column> columns_;
  size_t next_ = 0;
};

// A table with the name of the file it is written to ("summary.csv").
struct NamedTable {
  std::string file;
  OutputTable table;
};

// The table as CSV: a header of the column names, then a row per row. Text is quoted by RFC 4180 where it
// needs it and made safe for spreadsheets (caseflow/base/csv_writer.hpp: a file name with a comma or a name
// beginning with "=" stays one cell of text), dates as "2020-11-02", numbers as format_number writes them.
// Throws std::logic_error if the last row is not complete.
void write_csv(const OutputTable& table, std::ostream& out);

}  // namespace caseflow
