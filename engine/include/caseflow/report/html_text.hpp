#pragma once
// Text from users (scenario names, labels, notes) placed in HTML. Everything a scenario says goes
// through escape_html before it reaches a report, so a note cannot break the page or inject markup.

#include <string>
#include <string_view>

namespace caseflow {

// Escapes & < > " ' so the result is safe both as element text and inside a quoted attribute.
std::string escape_html(std::string_view text);

}  // namespace caseflow
