#pragma once
// A strict little HTML reader for tests: it builds a tree of elements and fails on anything a
// well-formed report should never contain: an unclosed or stray tag, a mismatched end tag, a bare "&"
// or an unknown entity, an attribute without quotes, a duplicate id. Inline SVG's "<x/>" is allowed.

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace caseflow::testing {

// An element, or a piece of text (name "#text") among its parent's children, in document order.
struct HtmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // values with entities decoded
  std::vector<std::unique_ptr<HtmlElement>> children;
  std::string text;  // for "#text" nodes (and the raw content of <style>), decoded
  HtmlElement* parent = nullptr;

  std::string attribute(const std::string& key) const {
    auto found = attributes.find(key);
    return found == attributes.end() ? "" : found->second;
  }
  bool has(const std::string& key) const { return attributes.count(key) > 0; }

  // All text under this element, in document order.
  std::string all_text() const {
    std::string result = text;
    for (const auto& child : children) result += child->all_text();
    return result;
  }
  // Descendant elements named `tag` (any element when empty), in document order.
  std::vector<const HtmlElement*> find_all(const std::string& tag) const {
    std::vector<const HtmlElement*> found;
    for (const auto& child : children) {
      if (child->name == "#text") continue;
      if (tag.empty() || child->name == tag) found.push_back(child.get());
      auto deeper = child->find_all(tag);
      found.insert(found.end(), deeper.begin(), deeper.end());
    }
    return found;
  }
  const HtmlElement* find_id(const std::string& id) const {
    for (const HtmlElement* element : find_all(""))
      if (element->attribute("id") == id) return element;
    return nullptr;
  }
  // The nearest enclosing element named `tag`, or nullptr.
  const HtmlElement* ancestor(const std::string& tag) const {
    for (const HtmlElement* up = parent; up; up = up->parent)
      if (up->name == tag) return up;
    return nullptr;
  }
};

class HtmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses a whole document; the root returned is a nameless element holding <html>.
inline std::unique_ptr<HtmlElement> parse_html(const std::string& source) {
  static const std::set<std::string> kVoid = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"};
  static const std::set<std::string> kRawText = {"style", "script"};
  auto root = std::make_unique<HtmlElement>();
  HtmlElement* current = root.get();
  std::set<std::string> ids;
  size_t i = 0;
  auto line_of = [&](size_t at) { return "line " + std::to_string(1 + std::count(source.begin(), source.begin() + static_cast<long>(at), '\n')); };
  auto fail = [&](const std::string& message) { throw HtmlError(line_of(i) + ": " + message); };
  auto decode = [&](const std::string& raw) {
    static const std::map<std::string, std::string> kEntities = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"#39", "'"}, {"nbsp", "\xC2\xA0"}};
    std::string out;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      size_t semicolon = raw.find(';', k);
      if (semicolon == std::string::npos || semicolon - k > 8) fail("bare & in \"" + raw.substr(k, 20) + "\"");
      auto entity = kEntities.find(raw.substr(k + 1, semicolon - k - 1));
      if (entity == kEntities.end()) fail("unknown entity " + raw.substr(k, semicolon - k + 1));
      out += entity->second;
      k = semicolon;
    }
    return out;
  };
  auto is_name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':'; };

  while (i < source.size()) {
    if (source[i] != '<') {
      size_t next = source.find('<', i);
      if (next == std::string::npos) next = source.size();
      std::string raw = source.substr(i, next - i);
      if (raw.find('>') != std::string::npos) fail("stray > in text");
      auto node = std::make_unique<HtmlElement>();
      node->name = "#text";
      node->text = decode(raw);
      node->parent = current;
      current->children.push_back(std::move(node));
      i = next;
      continue;
    }
    if (source.compare(i, 4, "<!--") == 0) {
      size_t end = source.find("-->", i);
      if (end == std::string::npos) fail("unclosed comment");
      i = end + 3;
      continue;
    }
    if (source.compare(i, 2, "<!") == 0) {
      size_t end = source.find('>', i);
      if (end == std::string::npos) fail("unclosed doctype");
      i = end + 1;
      continue;
    }
    if (source.compare(i, 2, "</") == 0) {
      size_t end = source.find('>', i);
      if (end == std::string::npos) fail("unclosed end tag");
      std::string name = source.substr(i + 2, end - i - 2);
      if (name != current->name) fail("</" + name + "> closes <" + current->name + ">");
      current = current->parent;
      i = end + 1;
      continue;
    }
    // A start tag.
    size_t k = i + 1;
    while (k < source.size() && is_name_char(source[k])) ++k;
    std::string name = source.substr(i + 1, k - i - 1);
    if (name.empty()) fail("< that starts no tag");
    auto element = std::make_unique<HtmlElement>();
    element->name = name;
    element->parent = current;
    bool self_closing = false;
    for (;;) {
      while (k < source.size() && std::isspace(static_cast<unsigned char>(source[k]))) ++k;
      if (k >= source.size()) fail("unclosed tag <" + name + ">");
      if (source[k] == '>') {
        ++k;
        break;
      }
      if (source.compare(k, 2, "/>") == 0) {
        self_closing = true;
        k += 2;
        break;
      }
      size_t name_start = k;
      while (k < source.size() && is_name_char(source[k])) ++k;
      std::string attribute = source.substr(name_start, k - name_start);
      if (attribute.empty()) fail("bad attribute in <" + name + ">");
      std::string value;
      if (source[k] == '=') {
        if (source[k + 1] != '"') fail("attribute " + attribute + " of <" + name + "> is not in double quotes");
        size_t close = source.find('"', k + 2);
        if (close == std::string::npos) fail("unclosed attribute value");
        std::string raw = source.substr(k + 2, close - k - 2);
        if (raw.find('<') != std::string::npos) fail("< inside an attribute value");
        value = decode(raw);
        k = close + 1;
      }
      if (element->attributes.count(attribute)) fail("duplicate attribute " + attribute + " in <" + name + ">");
      element->attributes[attribute] = value;
    }
    if (element->has("id")) {
      if (!ids.insert(element->attribute("id")).second) fail("duplicate id \"" + element->attribute("id") + "\"");
    }
    i = k;
    HtmlElement* added = element.get();
    current->children.push_back(std::move(element));
    if (self_closing || kVoid.count(name)) continue;
    if (kRawText.count(name)) {
      size_t end = source.find("</" + name + ">", i);
      if (end == std::string::npos) fail("unclosed <" + name + ">");
      added->text = source.substr(i, end - i);
      i = end + name.size() + 3;
      continue;
    }
    current = added;
  }
  if (current != root.get()) fail("<" + current->name + "> is never closed");
  return root;
}

}  // namespace caseflow::testing
