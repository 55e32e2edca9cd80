#include "caseflow/base/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace caseflow::detail {

namespace {

std::string escape_pointer_token(std::string_view token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return escaped;
}

}  // namespace

std::string describe(const nlohmann::json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_null()) return "null";
  // nlohmann writes NaN and infinity as null, as JSON has no word for them; they reach the engine from
  // Python (float("nan")) or from code, and the message must say what they are.
  if (value.is_number_float() && !std::isfinite(value.get<double>()))
    return std::isnan(value.get<double>()) ? "NaN (not a number)" : value.get<double>() > 0 ? "infinity" : "-infinity";
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

void JsonNode::fail(const std::string& message) const {
  throw InputError(source_, path_.empty() ? "/" : path_, message);
}

void JsonNode::expect_object(std::initializer_list<std::string_view> allowed) const {
  if (!value_.is_object()) fail("must be an object, got " + describe(value_));
  std::vector<std::string> known(allowed.begin(), allowed.end());
  known.emplace_back("note");
  for (const auto& [key, child] : value_.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (ranges_allowed_ && key.size() > kRangeSuffix.size() && key.ends_with(kRangeSuffix) &&
        std::find(known.begin(), known.end(), key.substr(0, key.size() - kRangeSuffix.size())) != known.end())
      continue;
    std::string message = "unknown key \"" + key + "\"";
    std::string suggestion = closest_match(key, known);
    // A misspelt range ("per_yaer_range"): the number it is beside, spelt right, with its suffix.
    if (ranges_allowed_ && key.size() > kRangeSuffix.size() && key.ends_with(kRangeSuffix)) {
      std::string stem = closest_match(key.substr(0, key.size() - kRangeSuffix.size()), known);
      if (!stem.empty()) suggestion = stem + std::string(kRangeSuffix);
    }
    if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
    else {
      message += "; expected one of";
      for (size_t i = 0; i < known.size(); ++i) message += (i ? ", " : " ") + known[i];
    }
    throw InputError(source_, path_ + "/" + escape_pointer_token(key), message);
  }
}

void JsonNode::expect_array() const {
  if (!value_.is_array()) fail("must be an array, got " + describe(value_));
}

bool JsonNode::has(std::string_view key) const {
  return value_.is_object() && value_.contains(key);
}

JsonNode JsonNode::operator[](std::string_view key) const {
  std::string child_path = path_ + "/" + escape_pointer_token(key);
  if (!has(key)) throw InputError(source_, child_path, "is required");
  JsonNode child(value_.find(key).value(), child_path, source_);
  child.ranges_allowed_ = ranges_allowed_;
  return child;
}

JsonNode JsonNode::operator[](size_t index) const {
  JsonNode child(value_.at(index), path_ + "/" + std::to_string(index), source_);
  child.ranges_allowed_ = ranges_allowed_;
  return child;
}

std::string JsonNode::as_string() const {
  if (!value_.is_string()) fail("must be a string, got " + describe(value_));
  return value_.get<std::string>();
}

std::string JsonNode::as_id() const {
  std::string id = as_string();
  bool valid = !id.empty() && id[0] >= 'a' && id[0] <= 'z' &&
               std::all_of(id.begin(), id.end(), [](char c) {
                 return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
               });
  if (!valid) fail("must be an id of lower-case letters, digits and _ starting with a letter, got " + describe(value_));
  return id;
}

double JsonNode::as_number() const {
  if (!value_.is_number()) fail("must be a number, got " + describe(value_));
  double number = value_.get<double>();
  if (!std::isfinite(number)) fail("must be a finite number, got " + describe(value_));
  return number;
}

double JsonNode::as_positive() const {
  double number = as_number();
  if (!(number > 0)) fail("must be > 0, got " + describe(value_));
  return number;
}

double JsonNode::as_non_negative() const {
  double number = as_number();
  if (number < 0) fail("must be >= 0, got " + describe(value_));
  return number;
}

long long JsonNode::as_integer(long long min, long long max, const std::string& why) const {
  if (value_.is_number_float() && !std::isfinite(value_.get<double>())) fail("must be a finite number, got " + describe(value_));
  if (!value_.is_number_integer() && !(value_.is_number_float() && std::floor(value_.get<double>()) == value_.get<double>()))
    fail("must be a whole number, got " + describe(value_));
  double number = value_.get<double>();
  if (number < static_cast<double>(min) || number > static_cast<double>(max)) {
    std::ostringstream message;
    message << "must be between " << min << " and " << max << ", got " << describe(value_);
    if (!why.empty()) message << " (" << why << ")";
    fail(message.str());
  }
  return static_cast<long long>(number);
}

std::string JsonNode::note() const {
  return has("note") ? (*this)["note"].as_string() : std::string();
}

}  // namespace caseflow::detail
