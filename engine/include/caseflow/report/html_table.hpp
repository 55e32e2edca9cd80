#pragma once
// Data tables for reports: a caption, column headings, a heading cell per row, and cells that show a
// rounded number to people while carrying the exact value (as the CSV outputs write it) in a
// data-value attribute, so the table behind a chart can be checked against the run's files.

#include <string>
#include <vector>

namespace caseflow {

struct TableCell {
  std::string html;   // what is shown, already escaped
  std::string value;  // the exact number for data-value, "" for text cells
  bool numeric = false;
  std::string css_class;  // optional

  static TableCell text(const std::string& plain);     // escapes
  static TableCell markup(std::string html, std::string css_class = "");  // trusted, already escaped
  static TableCell number(double exact, std::string shown);  // right-aligned, data-value = format_number(exact)
};

class HtmlTable {
 public:
  // `id` for links and tests; `caption` is plain text. A caption that would repeat the heading just
  // above the table can be `hidden`: screen readers still announce it.
  HtmlTable(std::string id, std::string caption, bool caption_hidden = false);

  // The first heading is for the column of row headings.
  void set_columns(std::vector<std::string> headings, std::vector<bool> numeric = {});
  // `key` (optional) is written as data-key on the row, for machines.
  void add_row(std::string heading, std::vector<TableCell> cells, std::string key = "", std::string row_class = "");

  // A row spanning the table that heads the rows after it, e.g. a year over its routes.
  void add_group_heading(std::string heading);

  std::string render() const;

 private:
  struct Row {
    bool group_heading = false;
    std::string heading, key, row_class;
    std::vector<TableCell> cells;
  };
  std::string id_, caption_;
  bool caption_hidden_ = false;
  std::vector<std::string> headings_;
  std::vector<bool> numeric_;
  std::vector<Row> rows_;
};

}  // namespace caseflow
