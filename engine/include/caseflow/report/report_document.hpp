#pragma once
// A report as one self-contained HTML page: a title, a contents list and sections, with the styles for
// screen and print inline. No scripts, fonts, images or links outside the file, so it opens offline,
// can be mailed as one attachment, and prints to PDF as it looks.
//
// A report is assembled from sections made by separate functions (report_run_sections.hpp for a run);
// other reports (strategy comparisons, costs) add their own section functions and reuse this page.

#include <string>
#include <vector>

namespace caseflow {

struct ReportSection {
  std::string id;       // the anchor, unique in the page: "summary", "children-in-care"
  std::string heading;  // plain text, the section's <h2> and its entry in the contents
  std::string html;     // the body, already escaped; sub-headings are <h3>
  std::string css_class;  // optional, e.g. "starts-page" to begin a new page when printed
  // The data tables behind the section's charts, already escaped. They are gathered at the end of the
  // page under "Data tables", so the text and charts read (and print) without pages of numbers between
  // them; the section links to them.
  std::string data_tables_html;
};

struct ReportDocument {
  std::string kicker;     // plain text above the title: "Children in care forecast"
  std::string title;      // plain text: <title> and <h1>
  std::string lead_html;  // a paragraph under the title saying what was simulated, already escaped
  // What a reader must not miss, in a box under the lead (paragraphs, already escaped); "" for none.
  std::string notice_html;
  std::vector<ReportSection> sections;
  std::string footer_html;
};

// The id of the closing section that holds the sections' data tables.
inline constexpr const char* kDataTablesSectionId = "data-tables";

std::string render_report_html(const ReportDocument& document);

}  // namespace caseflow
