#include "excel_book.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <xlsxwriter.h>

namespace caseflow::excel {

namespace {

namespace fs = std::filesystem;

// A file of this process's own in the temporary folder: libxlsxwriter writes to a file, and the callers
// want the bytes (to stage them beside a run's other files, or to hand them to Python).
std::string temporary_path() {
  static std::atomic<unsigned> counter{0};
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return (fs::temp_directory_path() / ("caseflow-workbook-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                                       std::to_string(now) + ".xlsx"))
      .string();
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("writing the workbook: ") + what + ": " + lxw_strerror(error));
}

lxw_row_t row_of(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t column_of(int column) { return static_cast<lxw_col_t>(column); }

}  // namespace

Book::Book() : path_(temporary_path()) {
  book_ = workbook_new(path_.c_str());
  if (book_ == nullptr) throw std::runtime_error("writing the workbook: cannot create " + path_);
  heading_ = workbook_add_format(book_);
  format_set_bold(heading_);
  format_set_text_wrap(heading_);
  format_set_align(heading_, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_bottom(heading_, LXW_BORDER_THIN);
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  note_ = workbook_add_format(book_);
  format_set_text_wrap(note_);
  format_set_align(note_, LXW_ALIGN_VERTICAL_TOP);
  date_ = workbook_add_format(book_);
  format_set_num_format(date_, "d mmm yyyy");
  count_ = workbook_add_format(book_);
  format_set_num_format(count_, "#,##0.0");
  whole_ = workbook_add_format(book_);
  format_set_num_format(whole_, "#,##0");
  pounds_ = workbook_add_format(book_);
  format_set_num_format(pounds_, "\xC2\xA3#,##0;-\xC2\xA3#,##0");
  share_ = workbook_add_format(book_);
  format_set_num_format(share_, "0.0%");
}

Book::~Book() {
  if (book_ != nullptr) workbook_close(book_);  // unfinished: written and thrown away
  std::error_code ignored;
  fs::remove(path_, ignored);
}

lxw_worksheet* Book::add_sheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
  if (sheet == nullptr) throw std::runtime_error("writing the workbook: cannot add the sheet \"" + name + "\"");
  return sheet;
}

void Book::heading(lxw_worksheet* sheet, int row, int column, const std::string& text) {
  check(worksheet_write_string(sheet, row_of(row), column_of(column), text.c_str(), heading_), "a heading");
}

void Book::text(lxw_worksheet* sheet, int row, int column, const std::string& text) {
  if (text.empty()) return;
  check(worksheet_write_string(sheet, row_of(row), column_of(column), text.c_str(), nullptr), "a text cell");
}

void Book::bold(lxw_worksheet* sheet, int row, int column, const std::string& text) {
  check(worksheet_write_string(sheet, row_of(row), column_of(column), text.c_str(), bold_), "a text cell");
}

void Book::note(lxw_worksheet* sheet, int row, int column, const std::string& text) {
  if (text.empty()) return;
  check(worksheet_write_string(sheet, row_of(row), column_of(column), text.c_str(), note_), "a note");
}

lxw_format* Book::format_of(Shown shown) const {
  switch (shown) {
    case Shown::pounds: return pounds_;
    case Shown::share: return share_;
    case Shown::whole: return whole_;
    case Shown::count: break;
  }
  return count_;
}

void Book::number(lxw_worksheet* sheet, int row, int column, double value, Shown shown) {
  if (std::isnan(value)) return;  // the CSV's empty field
  check(worksheet_write_number(sheet, row_of(row), column_of(column), value == 0 ? 0.0 : value, format_of(shown)), "a number");
}

void Book::date(lxw_worksheet* sheet, int row, int column, Date value) {
  std::chrono::year_month_day ymd{value};
  lxw_datetime when{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())), 0, 0, 0.0};
  check(worksheet_write_datetime(sheet, row_of(row), column_of(column), &when, date_), "a date");
}

namespace {

// "C" for the third column, "AA" for the 27th.
std::string column_letters(int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters;
}

}  // namespace

void Book::sum(lxw_worksheet* sheet, int row, int column, int first, int last, double value, Shown shown) {
  const std::string letters = column_letters(column);
  const std::string formula = "=SUM(" + letters + std::to_string(first + 1) + ":" + letters + std::to_string(last + 1) + ")";
  check(worksheet_write_formula_num(sheet, row_of(row), column_of(column), formula.c_str(), format_of(shown), value), "a total");
}

void Book::widths(lxw_worksheet* sheet, const std::vector<double>& widths) {
  for (size_t c = 0; c < widths.size(); ++c)
    check(worksheet_set_column(sheet, column_of(static_cast<int>(c)), column_of(static_cast<int>(c)), widths[c], nullptr), "a width");
}

void Book::freeze_heading(lxw_worksheet* sheet, int rows) { worksheet_freeze_panes(sheet, row_of(rows), 0); }

std::string Book::finish() {
  lxw_error error = workbook_close(book_);
  book_ = nullptr;
  check(error, path_.c_str());
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("writing the workbook: cannot read back " + path_);
  return bytes.str();
}

void write_table(Book& book, lxw_worksheet* sheet, const OutputTable& table,
                 const std::function<SheetColumn(const std::string&)>& describe, const ExtraColumns& extra) {
  const auto& columns = table.columns();
  std::vector<SheetColumn> shown;
  std::vector<double> widths;
  for (size_t c = 0; c < columns.size(); ++c) {
    shown.push_back(describe(columns[c].name));
    book.heading(sheet, 0, static_cast<int>(c), shown.back().heading);
    widths.push_back(columns[c].kind == OutputTable::Kind::text ? 28 : columns[c].kind == OutputTable::Kind::date ? 13 : 15);
  }
  for (size_t e = 0; e < extra.headings.size(); ++e) {
    book.heading(sheet, 0, static_cast<int>(columns.size() + e), extra.headings[e]);
    widths.push_back(16);
  }
  book.widths(sheet, widths);
  book.freeze_heading(sheet);
  for (size_t r = 0; r < table.rows(); ++r) {
    const int row = static_cast<int>(r) + 1;
    for (size_t c = 0; c < columns.size(); ++c) {
      const auto& column = columns[c];
      const int at = static_cast<int>(c);
      if (column.kind == OutputTable::Kind::text)
        book.text(sheet, row, at, shown[c].words ? shown[c].words(column.text[r]) : column.text[r]);
      else if (column.kind == OutputTable::Kind::date)
        book.date(sheet, row, at, column.dates[r]);
      else
        book.number(sheet, row, at, column.numbers[r], shown[c].shown);
    }
    if (extra.write) extra.write(book, sheet, row, r, static_cast<int>(columns.size()));
  }
}

}  // namespace caseflow::excel
