#pragma once
// Reading a report's tables and a run's CSV files side by side, for tests that check one against the other.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "caseflow/report/report_run.hpp"
#include "caseflow/stats/run_summary.hpp"
#include "html_checker.hpp"

namespace caseflow::testing {

// The report of a run, from its summary as `caseflow run` computes it.
inline std::string render_report(const Scenario& scenario, const RunResults& results, const RunReportOptions& options = {}) {
  return render_run_report(scenario, results, summarize_run(results, scenario), options);
}

// Every line of a CSV file split at commas (the outputs never quote a field).
inline std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

// The data-value of every numeric cell, by the row's data-key, in table order.
inline std::vector<std::pair<std::string, std::vector<std::string>>> table_values(const HtmlElement& root, const std::string& id) {
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  const HtmlElement* table = root.find_id(id);
  if (!table) {
    ADD_FAILURE() << "no table " << id;
    return rows;
  }
  for (const HtmlElement* row : table->find_all("tr")) {
    if (row->attribute("data-key").empty()) continue;
    std::vector<std::string> values;
    for (const HtmlElement* cell : row->find_all("td"))
      if (cell->has("data-value")) values.push_back(cell->attribute("data-value"));
    rows.emplace_back(row->attribute("data-key"), values);
  }
  return rows;
}

}  // namespace caseflow::testing
