#pragma once
// What the SSDA903 import did to the rows it was given: every row dropped or changed, by file and line,
// with the documented rule that did it (docs/calibration.md lists the rules). Written next to the
// outputs of `caseflow calibrate` and `caseflow backtest`, so an analyst can check each decision.

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace caseflow {

struct DataQualityIssue {
  enum class Action { dropped, changed, note };
  std::string file;
  int line = 0;       // 0 when the issue concerns the whole file
  std::string child;  // the CHILD id, when known
  Action action = Action::note;
  std::string rule;   // a rule id from docs/calibration.md, e.g. "duplicate_row"
  std::string detail;
};

class DataQualityReport {
 public:
  void add(std::string file, int line, std::string child, DataQualityIssue::Action action, std::string rule,
           std::string detail);

  const std::vector<DataQualityIssue>& issues() const { return issues_; }
  // How many issues a rule raised.
  size_t count(const std::string& rule) const;
  size_t count(DataQualityIssue::Action action) const;

  // The rows dropped from issue number `since` on (only those of `file`, unless it is empty): the first of
  // them and a tally by rule, for the message when nothing usable is left. nullopt when none was dropped.
  struct Dropped {
    const DataQualityIssue* first;
    size_t count;
    std::string by_rule;  // "bad_start_date 2, missing_child 1"
  };
  std::optional<Dropped> dropped_since(size_t since, const std::string& file = "") const;

  // file,line,child,action,rule,detail; in the order the issues were found.
  void write_csv(std::ostream& out) const;
  // A few lines: issues per rule and action, for the terminal.
  void write_summary(std::ostream& out) const;

 private:
  std::vector<DataQualityIssue> issues_;
  std::map<std::string, size_t> by_rule_;
};

const char* action_name(DataQualityIssue::Action action);

}  // namespace caseflow
