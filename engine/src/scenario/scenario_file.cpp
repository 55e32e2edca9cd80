// Loading a scenario from a file or from text, with the scenarios it inherits from: {"base": "other.json",
// ...overrides} reads other.json (relative to the file's folder) and applies the overrides to it. Kept
// apart from reading the parts, which see one whole JSON document and never a file. A mistake in a value
// that a base file holds is reported against that file, not against the file that inherits it.

#include "caseflow/scenario/scenario_json.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "caseflow/base/json_reader.hpp"
#include "caseflow/base/json_text.hpp"

namespace caseflow {

using nlohmann::json;
using detail::JsonNode;

namespace {

namespace fs = std::filesystem;

// The most levels of "base": a strategy inherits from a council's scenario, which rarely inherits again.
constexpr size_t kMaxBaseLevels = 16;

// One scenario of a chain of inheritance: its document without "base", the name it is reported under,
// and the file it was read from (none for a document given in memory).
struct Layer {
  json document;
  std::string source;
  std::optional<fs::path> file;
};

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error;
  return fs::equivalent(a, b, error);
}

// Scenario inheritance: {"base": "other.json", ...overrides}. The overrides are a JSON merge patch
// (RFC 7386) on the base: objects merge key by key, anything else (arrays included) replaces, and null
// deletes. Bases may have bases, to kMaxBaseLevels; a base that leads back to a scenario of the chain is
// a loop. Returns the chain, the inheriting document first.
std::vector<Layer> inheritance_chain(Layer first, const fs::path& directory) {
  std::vector<Layer> chain{std::move(first)};
  fs::path folder = directory;
  while (chain.back().document.is_object() && chain.back().document.contains("base")) {
    Layer& layer = chain.back();
    JsonNode base_node(layer.document["base"], "/base", layer.source);
    fs::path base_path = folder / base_node.as_string();
    for (const Layer& earlier : chain)
      if (earlier.file && same_file(*earlier.file, base_path)) {
        std::string loop;
        for (const Layer& in_loop : chain) loop += (in_loop.file ? in_loop.file->filename().string() : in_loop.source) + " -> ";
        base_node.fail("leads back to " + earlier.file->filename().string() + ", already in the chain of bases (a loop: " + loop +
                       base_path.filename().string() + ")");
      }
    if (chain.size() > kMaxBaseLevels)
      base_node.fail("more than " + std::to_string(kMaxBaseLevels) + " levels of \"base\" (scenarios inheriting from scenarios), the most caseflow follows");
    std::error_code error;
    if (!fs::is_regular_file(base_path, error)) base_node.fail("cannot open the base scenario " + base_path.string());
    layer.document.erase("base");
    chain.push_back({detail::read_json_file(base_path, "scenario file"), base_path.string(), base_path});
    folder = base_path.parent_path();
  }
  return chain;
}

// The scenario the chain describes: each layer a merge patch on the one below it.
json merged(const std::vector<Layer>& chain) {
  json document = chain.back().document;
  for (size_t i = chain.size() - 1; i-- > 0;) document.merge_patch(chain[i].document);
  return document;
}

// The layer that holds the value at `pointer` (a JSON path) of the merged scenario: the first, from the
// inheriting file down, that sets it, directly or by replacing a value that contains it. Where none does
// (a required key missing everywhere), the inheriting file.
const Layer& layer_holding(const std::vector<Layer>& chain, const std::string& pointer) {
  std::vector<std::string> tokens;
  try {
    for (json::json_pointer at(pointer); !at.empty(); at = at.parent_pointer()) tokens.insert(tokens.begin(), at.back());
  } catch (const json::exception&) {
    return chain.front();
  }
  // How deep an upper layer has objects along the path: a lower layer's value above that depth that is
  // not an object was replaced by them, and so holds nothing at the path.
  size_t merged_depth = 0;
  for (const Layer& layer : chain) {
    const json* at = &layer.document;
    size_t depth = 0;
    for (; depth < tokens.size() && at->is_object(); ++depth) {
      auto child = at->find(tokens[depth]);
      if (child == at->end()) break;
      at = &*child;
    }
    if (depth == tokens.size()) return layer;
    // A value that is not an object, which replaces everything below it in the layers underneath.
    if (!at->is_object()) return depth <= merged_depth ? chain.front() : layer;
    merged_depth = std::max(merged_depth, depth);
  }
  return chain.front();
}

Scenario scenario_from_layer(Layer first, const fs::path& directory) {
  if (!first.document.is_object() || !first.document.contains("base")) return scenario_from_json(first.document, first.source);
  const std::string source = first.source;
  const std::vector<Layer> chain = inheritance_chain(std::move(first), directory);
  try {
    return scenario_from_json(merged(chain), source);
  } catch (const InputError& error) {
    if (error.source() != source || error.place().empty() || error.place()[0] != '/') throw;
    const Layer& holder = layer_holding(chain, error.place());
    if (&holder == &chain.front()) throw;
    throw InputError(holder.source, error.place(), error.message());
  }
}

}  // namespace

Scenario scenario_from_json(const json& document, const std::string& source, const fs::path& base_directory) {
  return scenario_from_layer({document, source, std::nullopt}, base_directory);
}

Scenario scenario_from_text(const std::string& text, const std::string& source) {
  return scenario_from_json(detail::parse_json_text(text, source), source, fs::current_path());
}

Scenario load_scenario(const fs::path& path) {
  return scenario_from_layer({detail::read_json_file(path, "scenario file"), path.string(), path}, path.parent_path());
}

}  // namespace caseflow
