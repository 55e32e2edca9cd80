#pragma once
// Command-line flags for caseflow's commands: "--name value" options, "--flag" switches and
// positional arguments, with errors that say which flag was wrong and why.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "caseflow/base/input_error.hpp"

namespace caseflow::cli {

class Arguments {
 public:
  // `options` take a value, `switches` do not; anything else starting with "--" is an error.
  Arguments(const std::vector<std::string>& words, const std::set<std::string>& options,
            const std::set<std::string>& switches);

  const std::vector<std::string>& positional() const { return positional_; }
  bool has(const std::string& name) const { return values_.count(name) > 0 || switches_on_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;

  // Whole numbers in [min, max]; `fallback` when the option is absent.
  long long integer(const std::string& name, long long fallback, long long min, long long max) const;
  uint64_t unsigned_integer(const std::string& name, uint64_t fallback) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> values_;
  std::set<std::string> switches_on_;
};

// An InputError about the command line itself.
InputError usage_error(const std::string& message);

}  // namespace caseflow::cli
