#include "caseflow/report/report_document.hpp"

#include "caseflow/report/html_text.hpp"

namespace caseflow {

namespace {

// System fonts only (nothing is downloaded). Sizes in rem for screens, points for paper. Charts scale
// with the page width. Print: A4, no contents list, headings kept with what follows, figures unsplit.
constexpr const char* kStyle = R"css(
:root { --ink: #1a1a1a; --muted: #4f4f4f; --rule: #cfcfcf; --accent: #1d4f73; --panel: #eef3f7; }
html { font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
       color: var(--ink); background: #fff; line-height: 1.5; }
body { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; font-size: 1rem; }
header { border-bottom: 1px solid var(--rule); padding-bottom: 0.75rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85rem; font-weight: 600; color: var(--accent); margin: 0; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.2rem 0 0.5rem; }
h2 { font-size: 1.45rem; line-height: 1.25; border-top: 3px solid var(--accent); padding-top: 0.6rem; margin: 2.25rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.4rem; }
.lead { font-size: 1.05rem; color: var(--muted); margin: 0; }
.notice { border: 2px solid #8a4b00; border-left-width: 8px; background: #fff6e5; padding: 0.2rem 1rem; margin: 1rem 0 0; }
.notice p { margin: 0.5rem 0; }
nav h2 { border: 0; font-size: 1rem; margin: 1rem 0 0.25rem; padding: 0; }
nav ol { columns: 2; margin: 0; padding-left: 1.4rem; }
a { color: var(--accent); }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; list-style: none; margin: 1rem 0; padding: 0; }
.key-figures li { background: var(--panel); border-left: 5px solid var(--accent); padding: 0.6rem 0.8rem; }
.key-figures .label { display: block; font-size: 0.9rem; color: var(--muted); }
.key-figures .value { display: block; font-size: 1.75rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.key-figures .detail { display: block; font-size: 0.9rem; }
ul.statements { padding-left: 1.2rem; }
ul.statements li { margin: 0.2rem 0; }
figure { margin: 1rem 0 1.25rem; }
svg.chart { display: block; width: 100%; height: auto; }
figcaption { font-size: 0.92rem; color: var(--muted); margin-top: 0.25rem; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
table.data { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
table.data caption { text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
table.data th, table.data td { padding: 0.18rem 0.55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
table.data thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
table.data th[scope="row"] { font-weight: 400; min-width: 9.5em; }
table.data td.source { min-width: 16em; }
table.data .num { text-align: right; white-space: nowrap; }
table.data thead th.num { white-space: normal; min-width: 4.5em; }
table.data tr.total th, table.data tr.total td { font-weight: 700; }
table.data tr.group th { font-weight: 700; padding-top: 0.8rem; border-bottom: 1px solid var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.missing { color: var(--muted); font-style: italic; }
.footnote { font-size: 0.88rem; color: var(--muted); }
code { font-size: 0.9em; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm 13mm 15mm; }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; margin-top: 1.2rem; break-after: avoid; }
  h3 { break-after: avoid; }
  figure, .key-figures, table.data caption { break-inside: avoid; }
  tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .key-figures { grid-template-columns: repeat(4, 1fr); }
  .key-figures li { border: 1px solid #8a8a8a; border-left: 5px solid var(--accent); }
  .notice { break-inside: avoid; }
  .keep-together { break-inside: avoid; }
  section.starts-page { break-before: page; }
}
)css";

}  // namespace

std::string render_report_html(const ReportDocument& input) {
  ReportDocument document = input;
  ReportSection tables{kDataTablesSectionId, "Data tables", "", "starts-page", ""};
  for (const auto& section : input.sections)
    if (!section.data_tables_html.empty())
      tables.html += "<h3>" + escape_html(section.heading) + "</h3>\n" + section.data_tables_html;
  if (!tables.html.empty()) {
    tables.html = "<p>The numbers behind each chart, as the run's CSV files have them, rounded for reading.</p>\n" + tables.html;
    document.sections.push_back(std::move(tables));
  }
  std::string html = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                     escape_html(document.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<header>\n";
  if (!document.kicker.empty()) html += "<p class=\"kicker\">" + escape_html(document.kicker) + "</p>\n";
  html += "<h1>" + escape_html(document.title) + "</h1>\n";
  if (!document.lead_html.empty()) html += "<p class=\"lead\">" + document.lead_html + "</p>\n";
  if (!document.notice_html.empty()) html += "<div class=\"notice\" role=\"note\">\n" + document.notice_html + "</div>\n";
  html += "</header>\n<nav aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n";
  for (const auto& section : document.sections)
    html += "<li><a href=\"#" + escape_html(section.id) + "\">" + escape_html(section.heading) + "</a></li>\n";
  html += "</ol>\n</nav>\n<main>\n";
  for (const auto& section : document.sections) {
    html += "<section id=\"" + escape_html(section.id) + "\" aria-labelledby=\"" + escape_html(section.id) + "-heading\"";
    if (!section.css_class.empty()) html += " class=\"" + escape_html(section.css_class) + "\"";
    html += ">\n<h2 id=\"" + escape_html(section.id) + "-heading\">" + escape_html(section.heading) + "</h2>\n" + section.html +
            "</section>\n";
  }
  html += "</main>\n";
  if (!document.footer_html.empty()) html += "<footer>\n" + document.footer_html + "\n</footer>\n";
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace caseflow
