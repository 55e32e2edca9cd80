// Parsing JSON text, and reading it from a file, with every complaint at a line and column (or a JSON path)
// a person can find. nlohmann's parser accepts a few things no person means: a NUL byte ends its input
// silently, a key given twice keeps the last value, and nesting is limited only by memory (and the code
// that later walks a deep document recurses). Those are refused here, before or while the text is parsed.

#include "caseflow/base/json_text.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <unordered_map>
#include <vector>

#include "caseflow/base/input_error.hpp"

namespace caseflow::detail {

namespace {

using nlohmann::json;

// Where `offset` is in `text`, as a line and column a person can find (columns count bytes).
std::string line_and_column(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

[[noreturn]] void refuse_nul(const std::string& text, size_t offset, const std::string& source) {
  throw InputError(source, line_and_column(text, offset),
                   "contains a NUL byte, which JSON text cannot contain: is it a binary file rather than JSON?");
}

// One pass over the text before the parser sees it: refuses NUL bytes and nesting deeper than
// kMaxJsonDepth, and returns where each key starts (a string followed by ':'), in order, so that the
// parser's n-th key can be given a line and column. Where the text is not JSON the parser stops before
// any key this pass may have miscounted.
std::vector<size_t> scan_text(const std::string& text, const std::string& source) {
  std::vector<size_t> keys;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0') refuse_nul(text, i, source);
    if (c == '"') {
      const size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        if (text[i] == '\0') refuse_nul(text, i, source);
      }
      size_t next = i + 1;
      while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\n' || text[next] == '\r')) ++next;
      if (next < text.size() && text[next] == ':') keys.push_back(start);
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        throw InputError(source, line_and_column(text, i),
                         "arrays and objects are nested more than " + std::to_string(kMaxJsonDepth) +
                             " levels deep, the most caseflow reads (a scenario needs fewer than 10)");
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
    }
  }
  return keys;
}

// A parser callback that keeps the JSON path of where the parser is, and refuses a key that its object
// already has: nlohmann would keep the last value, so a key repeated by mistake would change the scenario
// without a word.
class DuplicateKeyCheck {
 public:
  DuplicateKeyCheck(const std::string& text, const std::string& source, std::vector<size_t> key_offsets)
      : text_(text), source_(source), key_offsets_(std::move(key_offsets)) {}

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        element_begins();
        open_.push_back({event == json::parse_event_t::object_start, {}, {}, 0});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        open_.pop_back();
        break;
      case json::parse_event_t::key: {
        const size_t ordinal = keys_seen_++;
        Container& object = open_.back();
        object.key = parsed.get<std::string>();
        auto [first, inserted] = object.keys.emplace(object.key, ordinal);
        if (!inserted)
          throw InputError(source_, path(),
                           "duplicate key \"" + object.key + "\"" + where(ordinal, first->second) +
                               ": a key may appear once in an object (otherwise the last would silently win)");
        break;
      }
      case json::parse_event_t::value:
        element_begins();
        break;
    }
    return true;
  }

 private:
  struct Container {
    bool object;
    std::unordered_map<std::string, size_t> keys;  // each key and its ordinal among all keys of the text
    std::string key;                                // an object's current key
    size_t elements;                                // an array's elements so far
  };

  void element_begins() {
    if (!open_.empty() && !open_.back().object) ++open_.back().elements;
  }

  std::string path() const {
    json::json_pointer pointer;
    for (const Container& container : open_)
      pointer = container.object ? pointer / container.key : pointer / (container.elements - 1);
    return pointer.to_string();
  }

  // " (at line 9, column 5; first at line 3, column 5)", when the scan placed both keys.
  std::string where(size_t ordinal, size_t first_ordinal) const {
    if (ordinal >= key_offsets_.size()) return "";
    return " (at " + line_and_column(text_, key_offsets_[ordinal]) + "; first at " +
           line_and_column(text_, key_offsets_[first_ordinal]) + ")";
  }

  const std::string& text_;
  const std::string& source_;
  std::vector<size_t> key_offsets_;
  std::vector<Container> open_;
  size_t keys_seen_ = 0;
};

}  // namespace

json parse_json_text(const std::string& text, const std::string& source) {
  DuplicateKeyCheck check(text, source, scan_text(text, source));
  try {
    return json::parse(text, [&check](int depth, json::parse_event_t event, json& parsed) {
      return check(depth, event, parsed);
    });
  } catch (const json::parse_error& error) {
    std::string what = error.what();
    size_t detail_start = what.find("syntax error");
    throw InputError(source, line_and_column(text, error.byte == 0 ? 0 : error.byte - 1),
                     "invalid JSON: " + (detail_start == std::string::npos ? what : what.substr(detail_start)));
  } catch (const json::exception& error) {
    // A number too large for a double (1e999) is an out_of_range error without a position (found by
    // fuzzing; it escaped as an internal error); it quotes the number, so find it in the text.
    std::string what = error.what();
    size_t quote = what.find('\'');
    size_t offset = std::string::npos;
    if (quote != std::string::npos && what.back() == '\'')
      offset = text.find(what.substr(quote + 1, what.size() - quote - 2));
    size_t detail_start = what.find("] ");
    throw InputError(source, offset == std::string::npos ? "line ?" : line_and_column(text, offset),
                     "invalid JSON: " + (detail_start == std::string::npos ? what : what.substr(detail_start + 2)));
  }
}

json read_json_file(const std::filesystem::path& path, const std::string& what) {
  const std::string source = path.string();
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) throw InputError(source, "", "is a folder, not a " + what);
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(source, "", "cannot open the " + what);
  std::string text;
  std::vector<char> chunk(64 * 1024);
  while (file) {
    file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const size_t got = static_cast<size_t>(file.gcount());
    if (got == 0) break;
    if (text.size() + got > kMaxJsonFileBytes)
      throw InputError(source, "",
                       "is larger than " + std::to_string(kMaxJsonFileBytes / (1024 * 1024)) + " MB, the most caseflow reads as a " +
                           what + " (a scenario is a few hundred kB at most): is it the right file?");
    text.append(chunk.data(), got);
    if (std::memchr(chunk.data(), '\0', got) != nullptr) break;  // no need to read on: parse_json_text places it
  }
  if (file.bad()) throw InputError(source, "", "cannot read the " + what);
  return parse_json_text(text, source);
}

}  // namespace caseflow::detail
