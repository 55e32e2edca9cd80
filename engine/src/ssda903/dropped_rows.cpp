#include "caseflow/ssda903/dropped_rows.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "caseflow/base/input_error.hpp"

namespace caseflow {

namespace {

// The rules that drop a row because it could not be read (docs/calibration.md lists every rule).
bool is_unreadable(const DataQualityIssue& issue) {
  static const std::set<std::string> rules{"missing_child",      "missing_start_date", "bad_start_date",
                                           "end_before_start",   "missing_birth_date", "bad_birth_date",
                                           "unterminated_quote", "no_header",          "start_before_birth"};
  return issue.action == DataQualityIssue::Action::dropped && rules.count(issue.rule) > 0;
}

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * share);
  return text;
}

}  // namespace

size_t unreadable_rows(const DataQualityReport& report) {
  return static_cast<size_t>(std::count_if(report.issues().begin(), report.issues().end(), is_unreadable));
}

void refuse_many_unreadable_rows(const Ssda903Data& data, const DataQualityReport& report, double max_share) {
  const size_t unreadable = unreadable_rows(report);
  if (data.rows_read == 0 || static_cast<double>(unreadable) <= max_share * static_cast<double>(data.rows_read)) return;
  // The file that lost most, and the first line it lost; the rules, most frequent first.
  std::map<std::string, size_t> by_file, by_rule;
  std::map<std::string, const DataQualityIssue*> first_in_file;
  for (const DataQualityIssue& issue : report.issues())
    if (is_unreadable(issue)) {
      ++by_file[issue.file], ++by_rule[issue.rule];
      const DataQualityIssue*& first = first_in_file[issue.file];
      if (first == nullptr || issue.line < first->line) first = &issue;
    }
  const auto worst = std::max_element(by_file.begin(), by_file.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<std::pair<size_t, std::string>> rules;
  for (const auto& rule : by_rule) rules.emplace_back(rule.second, rule.first);
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::string tally;
  for (const auto& rule : rules) tally += (tally.empty() ? "" : ", ") + rule.second + " " + std::to_string(rule.first);
  const DataQualityIssue& first = *first_in_file.at(worst->first);
  throw InputError(worst->first, "line " + std::to_string(first.line),
                   first.detail + "; " + std::to_string(unreadable) + " of the return's " + std::to_string(data.rows_read) +
                       " rows (" + percent(static_cast<double>(unreadable) / static_cast<double>(data.rows_read)) +
                       ") could not be read (" + tally + "), more than the " + percent(max_share) +
                       " caseflow calibrates without: correct the files, or accept the loss with --allow-dropped-rows");
}

}  // namespace caseflow
