#pragma once
// Options that take several values, as in `--episodes a.csv b.csv --header h.csv`: each such flag takes
// the words after it up to the next flag, and may be repeated. Used by calibrate and backtest before
// the remaining words go to Arguments. Also reads "-o" as "--out".

#include <map>
#include <set>
#include <string>
#include <vector>

namespace caseflow::cli {

struct ListArguments {
  std::map<std::string, std::vector<std::string>> lists;
  std::vector<std::string> rest;  // every other word, in order

  const std::vector<std::string>& list(const std::string& name) const;
};

ListArguments take_list_options(const std::vector<std::string>& words, const std::set<std::string>& list_names);

}  // namespace caseflow::cli
