#pragma once
// The what-if page's files (src/serve/www: HTML, CSS, JavaScript), compiled into the program so that the page
// needs no install folder, no CDN and no network.

#include <string_view>

namespace caseflow {

struct WwwAsset {
  std::string_view content_type;
  std::string_view body;
};

// The file served at `path` ("/", "/app.js", "/style.css"), or nullptr.
const WwwAsset* find_www_asset(std::string_view path);

}  // namespace caseflow
