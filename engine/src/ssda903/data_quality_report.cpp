#include "caseflow/ssda903/data_quality_report.hpp"

#include <algorithm>

#include "caseflow/base/csv_writer.hpp"

namespace caseflow {

const char* action_name(DataQualityIssue::Action action) {
  switch (action) {
    case DataQualityIssue::Action::dropped: return "dropped";
    case DataQualityIssue::Action::changed: return "changed";
    case DataQualityIssue::Action::note: return "note";
  }
  return "?";
}

void DataQualityReport::add(std::string file, int line, std::string child, DataQualityIssue::Action action,
                            std::string rule, std::string detail) {
  ++by_rule_[rule];
  issues_.push_back({std::move(file), line, std::move(child), action, std::move(rule), std::move(detail)});
}

size_t DataQualityReport::count(const std::string& rule) const {
  auto found = by_rule_.find(rule);
  return found == by_rule_.end() ? 0 : found->second;
}

size_t DataQualityReport::count(DataQualityIssue::Action action) const {
  return static_cast<size_t>(
      std::count_if(issues_.begin(), issues_.end(), [&](const DataQualityIssue& issue) { return issue.action == action; }));
}

std::optional<DataQualityReport::Dropped> DataQualityReport::dropped_since(size_t since, const std::string& file) const {
  std::optional<Dropped> dropped;
  std::map<std::string, size_t> by_rule;
  for (size_t i = since; i < issues_.size(); ++i) {
    const DataQualityIssue& issue = issues_[i];
    if (issue.action != DataQualityIssue::Action::dropped || (!file.empty() && issue.file != file)) continue;
    if (!dropped) dropped = Dropped{&issue, 0, ""};
    ++dropped->count;
    ++by_rule[issue.rule];
  }
  if (dropped)
    for (const auto& [rule, count] : by_rule)
      dropped->by_rule += (dropped->by_rule.empty() ? "" : ", ") + rule + " " + std::to_string(count);
  return dropped;
}

void DataQualityReport::write_csv(std::ostream& out) const {
  out << "file,line,child,action,rule,detail\n";
  CsvRowWriter csv(out);
  for (const auto& issue : issues_) {
    csv.text(issue.file).number(issue.line).text(issue.child).text(action_name(issue.action)).text(issue.rule).text(issue.detail);
    csv.end_row();
  }
}

void DataQualityReport::write_summary(std::ostream& out) const {
  if (issues_.empty()) {
    out << "data quality: no rows dropped or changed\n";
    return;
  }
  std::map<std::pair<std::string, std::string>, size_t> counts;  // (rule, action)
  for (const auto& issue : issues_) ++counts[{issue.rule, action_name(issue.action)}];
  out << "data quality: " << count(DataQualityIssue::Action::dropped) << " rows dropped, "
      << count(DataQualityIssue::Action::changed) << " changed, " << count(DataQualityIssue::Action::note) << " notes\n";
  for (const auto& [key, n] : counts) out << "  " << key.first << " (" << key.second << "): " << n << '\n';
}

}  // namespace caseflow
