#pragma once
// A workbook being written with libxlsxwriter: its formats (headings, pounds, chances, counts, dates) made
// once, cells written by kind, and the bytes of the finished file. Private to the output module: the
// workbooks themselves are excel_workbook.hpp's.

#include <functional>
#include <string>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/output/output_table.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace caseflow::excel {

// How a number is shown: the cell keeps its value (to the 16 significant digits libxlsxwriter writes) whatever
// its format.
enum class Shown { count, whole, pounds, share };

class Book {
 public:
  Book();  // a workbook in a temporary file of its own
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_worksheet* add_sheet(const std::string& name);
  void heading(lxw_worksheet* sheet, int row, int column, const std::string& text);
  void text(lxw_worksheet* sheet, int row, int column, const std::string& text);
  void bold(lxw_worksheet* sheet, int row, int column, const std::string& text);
  void note(lxw_worksheet* sheet, int row, int column, const std::string& text);  // wrapped, for long sources
  void number(lxw_worksheet* sheet, int row, int column, double value, Shown shown);  // blank for NaN
  void date(lxw_worksheet* sheet, int row, int column, Date value);
  // A SUM over rows first..last (0-based) of `column`, with its value for readers that do not calculate.
  void sum(lxw_worksheet* sheet, int row, int column, int first, int last, double value, Shown shown);
  void widths(lxw_worksheet* sheet, const std::vector<double>& widths);
  void freeze_heading(lxw_worksheet* sheet, int rows = 1);

  // Closes the workbook and returns the bytes of the file. Throws std::runtime_error if it cannot be written.
  std::string finish();

 private:
  lxw_format* format_of(Shown shown) const;
  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_format *heading_ = nullptr, *bold_ = nullptr, *note_ = nullptr, *date_ = nullptr;
  lxw_format *count_ = nullptr, *whole_ = nullptr, *pounds_ = nullptr, *share_ = nullptr;
};

// One column of an output table as a sheet shows it: its heading, how its numbers are shown, and the words
// for its text cells (an id made the scenario's label).
struct SheetColumn {
  std::string heading;
  Shown shown = Shown::count;
  std::function<std::string(const std::string&)> words;  // for text columns; identity when empty
};

// Writes `table` into `sheet` row for row and cell for cell, with a heading row: `describe(column name)`
// says how each column is shown. `extra` adds columns after the table's: headings and, for each row, a
// function that writes them (may be empty).
struct ExtraColumns {
  std::vector<std::string> headings;
  std::function<void(Book&, lxw_worksheet*, int row, size_t table_row, int first_column)> write;
};
void write_table(Book& book, lxw_worksheet* sheet, const OutputTable& table,
                 const std::function<SheetColumn(const std::string&)>& describe, const ExtraColumns& extra = {});

}  // namespace caseflow::excel
