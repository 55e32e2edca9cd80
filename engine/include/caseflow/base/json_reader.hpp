#pragma once
// Walking a JSON document while keeping its JSON path, so every complaint says where it is.
// For the engine's parsers (scenarios, SSDA903 mappings), not for the program or the bindings.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "caseflow/base/closest_match.hpp"
#include "caseflow/base/input_error.hpp"

namespace caseflow::detail {

// The parsers' suggestions for unknown keys and ids (base/closest_match.hpp).
using caseflow::closest_match;

// A JSON value with its path ("/transitions/3/time") in the document named `source`.
class JsonNode {
 public:
  JsonNode(const nlohmann::json& value, std::string path, const std::string& source)
      : value_(value), path_(std::move(path)), source_(source) {}

  const nlohmann::json& value() const { return value_; }
  const std::string& path() const { return path_; }
  const std::string& source() const { return source_; }

  [[noreturn]] void fail(const std::string& message) const;

  // Checks this is an object whose keys are all in `allowed` (and "note", allowed everywhere; and, in a
  // document that allows ranges, "KEY_range" beside any allowed KEY, which its reader then checks).
  void expect_object(std::initializer_list<std::string_view> allowed) const;

  // This node, and every node reached from it, accepting "KEY_range" keys (scenarios: parameter_ranges.hpp).
  JsonNode allowing_ranges() const {
    JsonNode node = *this;
    node.ranges_allowed_ = true;
    return node;
  }
  void expect_array() const;

  bool has(std::string_view key) const;
  JsonNode operator[](std::string_view key) const;  // the key must exist (checked)
  JsonNode operator[](size_t index) const;
  size_t size() const { return value_.size(); }

  std::string as_string() const;
  std::string as_id() const;  // [a-z][a-z0-9_]*
  double as_number() const;
  double as_positive() const;      // > 0
  double as_non_negative() const;  // >= 0
  // `why` is appended to the message when the number is out of range: what the limit is for.
  long long as_integer(long long min, long long max, const std::string& why = "") const;

  // The optional "note" of this object, "" when absent.
  std::string note() const;

 private:
  const nlohmann::json& value_;
  std::string path_;
  const std::string& source_;
  bool ranges_allowed_ = false;
};

// The suffix of a key that gives a range to its neighbour: "per_year_range" beside "per_year".
inline constexpr std::string_view kRangeSuffix = "_range";

// A short rendering of a JSON value for messages ("-5", "\"weibul\"", "an object").
std::string describe(const nlohmann::json& value);

}  // namespace caseflow::detail
