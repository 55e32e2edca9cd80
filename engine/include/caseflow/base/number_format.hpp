#pragma once
// Numbers as the CSV outputs write them: exact, for machines (uk_format.hpp rounds them for people).

#include <string>

namespace caseflow {

// Shortest text that reads back as the same double ("336", "12.5", "0.30000000000000004"), in fixed
// notation ("18000000", never "1.8e+07") from 1e-9 up to 1e21; "" for NaN, and "0" for minus zero.
std::string format_number(double value);

}  // namespace caseflow
