#include "caseflow/base/number_format.hpp"

#include <charconv>
#include <cmath>

namespace caseflow {

std::string format_number(double value) {
  if (std::isnan(value)) return "";
  if (value == 0) return "0";  // never "-0"
  // Fixed notation, never "1.8e+07": a spreadsheet or a reader takes 18000000 as it is. Still the shortest
  // digits that read back as the same double. Only the extremes no count or sum of money reaches keep the
  // scientific form, whose fixed one would run to hundreds of digits.
  char buffer[64];
  const double size = std::abs(value);
  auto result = size >= 1e-9 && size < 1e21 ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                                             : std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace caseflow
