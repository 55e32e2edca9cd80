#pragma once
// "Did you mean ...?": the likely intended word for a typo, for every message that refuses a name it does
// not know (a scenario key or id, a mapping's state, a command-line flag or command).

#include <string>
#include <string_view>
#include <vector>

namespace caseflow {

// The closest of `candidates` to `word` if it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace caseflow
