#include "caseflow/output/output_table.hpp"

#include <stdexcept>

#include "caseflow/base/csv_writer.hpp"
#include "caseflow/base/number_format.hpp"

namespace caseflow {

OutputTable::OutputTable(std::vector<std::pair<std::string, Kind>> columns) {
  for (auto& [name, kind] : columns) columns_.push_back({std::move(name), kind, {}, {}, {}});
}

OutputTable::Column& OutputTable::next(Kind kind) {
  Column& column = columns_.at(next_);
  if (column.kind != kind) throw std::logic_error("output table: a value of the wrong kind for column " + column.name);
  next_ = next_ + 1 == columns_.size() ? 0 : next_ + 1;
  return column;
}

OutputTable& OutputTable::text(std::string value) {
  next(Kind::text).text.push_back(std::move(value));
  return *this;
}

OutputTable& OutputTable::date(Date value) {
  next(Kind::date).dates.push_back(value);
  return *this;
}

OutputTable& OutputTable::number(double value) {
  next(Kind::number).numbers.push_back(value == 0 ? 0.0 : value);
  return *this;
}

void write_csv(const OutputTable& table, std::ostream& out) {
  for (const auto& column : table.columns())
    if (column.size() != table.rows()) throw std::logic_error("output table: the last row is not complete (column " + column.name + ")");
  const auto& columns = table.columns();
  CsvRowWriter csv(out);
  for (const auto& column : columns) csv.text(column.name);
  csv.end_row();
  for (size_t row = 0; row < table.rows(); ++row) {
    for (const auto& column : columns) {
      switch (column.kind) {
        case OutputTable::Kind::text: csv.text(column.text[row]); break;
        case OutputTable::Kind::date: csv.number(format_iso_date(column.dates[row])); break;
        case OutputTable::Kind::number: csv.number(format_number(column.numbers[row])); break;
      }
    }
    csv.end_row();
  }
}

}  // namespace caseflow
