#include "caseflow/report/html_table.hpp"

#include <algorithm>

#include "caseflow/base/number_format.hpp"
#include "caseflow/report/html_text.hpp"

namespace caseflow {

TableCell TableCell::text(const std::string& plain) { return {escape_html(plain), "", false, ""}; }
TableCell TableCell::markup(std::string html, std::string css_class) { return {std::move(html), "", false, std::move(css_class)}; }
TableCell TableCell::number(double exact, std::string shown) { return {escape_html(shown), format_number(exact), true, ""}; }

HtmlTable::HtmlTable(std::string id, std::string caption, bool caption_hidden)
    : id_(std::move(id)), caption_(std::move(caption)), caption_hidden_(caption_hidden) {}

void HtmlTable::set_columns(std::vector<std::string> headings, std::vector<bool> numeric) {
  headings_ = std::move(headings);
  numeric_ = std::move(numeric);
  numeric_.resize(headings_.size(), false);
}

void HtmlTable::add_row(std::string heading, std::vector<TableCell> cells, std::string key, std::string row_class) {
  rows_.push_back({false, std::move(heading), std::move(key), std::move(row_class), std::move(cells)});
}

void HtmlTable::add_group_heading(std::string heading) { rows_.push_back({true, std::move(heading), "", "group", {}}); }

std::string HtmlTable::render() const {
  // The wrapper scrolls wide tables on narrow screens; being focusable lets keyboard users scroll it.
  std::string html = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" + escape_html(caption_) +
                     "\"><table class=\"data\" id=\"" + escape_html(id_) + "\">\n<caption" +
                     (caption_hidden_ ? " class=\"visually-hidden\"" : "") + ">" +
                     escape_html(caption_) + "</caption>\n<thead><tr>";
  for (size_t c = 0; c < headings_.size(); ++c)
    html += std::string("<th scope=\"col\"") + (numeric_[c] ? " class=\"num\"" : "") + ">" + escape_html(headings_[c]) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const Row& row : rows_) {
    if (row.group_heading) {
      html += "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"" + std::to_string(std::max<size_t>(headings_.size(), 1)) +
              "\">" + escape_html(row.heading) + "</th></tr>\n";
      continue;
    }
    html += "<tr";
    if (!row.key.empty()) html += " data-key=\"" + escape_html(row.key) + "\"";
    if (!row.row_class.empty()) html += " class=\"" + escape_html(row.row_class) + "\"";
    html += "><th scope=\"row\">" + escape_html(row.heading) + "</th>";
    for (const TableCell& cell : row.cells) {
      html += "<td";
      if (cell.numeric) html += " class=\"num\" data-value=\"" + cell.value + "\"";
      else if (!cell.css_class.empty()) html += " class=\"" + escape_html(cell.css_class) + "\"";
      html += ">" + cell.html + "</td>";
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table></div>\n";
  return html;
}

}  // namespace caseflow
