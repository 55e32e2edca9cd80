#pragma once
// Parsing JSON text with errors that give the line and column a person can find (private to the engine):
// scenarios, mapping files and everything else read as JSON. The text is held to what a person could have
// written: no NUL bytes, no key twice in one object, no nesting deeper than kMaxJsonDepth; a file is read
// only up to kMaxJsonFileBytes. Each limit is stated in docs/scenario-format.md.

#include <cstddef>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace caseflow::detail {

// Arrays and objects within each other. A scenario needs fewer than 10; the limit turns a malformed or
// hostile file into an error rather than a stack overflow in the code that walks the document.
inline constexpr int kMaxJsonDepth = 100;
// The largest JSON file read: a scenario is a few kB, England's under 100 kB.
inline constexpr std::size_t kMaxJsonFileBytes = 64 * 1024 * 1024;

// Throws InputError(source, "line L, column C", "invalid JSON: ...") for text that is not JSON, names the
// line and column of a NUL byte or of nesting beyond kMaxJsonDepth, and the JSON path (with the lines of
// both) of a key given twice in one object.
nlohmann::json parse_json_text(const std::string& text, const std::string& source);

// Reads and parses the file at `path`; `what` names it in messages ("scenario file"). A folder, a file
// that cannot be opened, and one larger than kMaxJsonFileBytes are errors naming the file. It reads in
// chunks and stops at the limit or at a NUL byte, so a device that never ends (/dev/zero) is refused
// without reading it all.
nlohmann::json read_json_file(const std::filesystem::path& path, const std::string& what);

}  // namespace caseflow::detail
