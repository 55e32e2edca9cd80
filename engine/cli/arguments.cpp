#include "arguments.hpp"

#include <charconv>

namespace caseflow::cli {

InputError usage_error(const std::string& message) { return InputError("caseflow", "", message); }

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& options,
                     const std::set<std::string>& switches) {
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.rfind("--", 0) != 0 || word.size() == 2) {
      positional_.push_back(word);
      continue;
    }
    std::string name = word, value;
    bool inline_value = false;
    if (size_t equals = word.find('='); equals != std::string::npos) {
      name = word.substr(0, equals);
      value = word.substr(equals + 1);
      inline_value = true;
    }
    if (switches.count(name)) {
      if (inline_value) throw usage_error(name + " takes no value");
      switches_on_.insert(name);
    } else if (options.count(name)) {
      if (!inline_value) {
        if (i + 1 >= words.size()) throw usage_error(name + " needs a value");
        value = words[++i];
      }
      values_[name] = value;
    } else {
      std::string known;
      for (const auto& option : options) known += " " + option;
      for (const auto& flag : switches) known += " " + flag;
      throw usage_error("unknown option " + name + "; this command takes" + known);
    }
  }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
  auto found = values_.find(name);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

long long Arguments::integer(const std::string& name, long long fallback, long long min, long long max) const {
  auto text = value(name);
  if (!text) return fallback;
  long long number = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (error != std::errc() || end != text->data() + text->size())
    throw usage_error(name + " must be a whole number, got \"" + *text + "\"");
  if (number < min || number > max)
    throw usage_error(name + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + *text);
  return number;
}

uint64_t Arguments::unsigned_integer(const std::string& name, uint64_t fallback) const {
  auto text = value(name);
  if (!text) return fallback;
  uint64_t number = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (error != std::errc() || end != text->data() + text->size())
    throw usage_error(name + " must be a whole number >= 0, got \"" + *text + "\"");
  return number;
}

}  // namespace caseflow::cli
