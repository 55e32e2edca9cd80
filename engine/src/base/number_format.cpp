#include "caseflow/base/number_format.hpp"

#include <charconv>
#include <cmath>

namespace caseflow {

std::string format_number(double value) {
  if (std::isnan(value)) return "";
  if (value == 0) return "0";  // never "-0"
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace caseflow
