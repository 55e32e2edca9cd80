#pragma once
// SSDA903 returns chosen on the what-if page, calibrated on this machine into a base scenario (a council's data
// never leaves it): each file is told apart by its columns (an episodes file has DECOM, a UASC file DUC, a
// header file DOB) or, when they say nothing, by its name, and the files go through the steps of `caseflow
// calibrate` (import, care histories, the check on unreadable rows, calibration) with its defaults.

#include <optional>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"

namespace caseflow {

enum class Ssda903FileKind { episodes, header, uasc };

// Throws InputError naming the file (line 1) when neither its columns nor its name tell what it is.
Ssda903FileKind classify_ssda903_file(const CsvText& file);

// The scenario calibrated from `files` (episodes and header files at least), starting on `as_of` or, without
// it, on the last day of the latest collection year of the episodes files (31 March). Throws InputError naming the file
// and line of bad data.
Scenario calibrate_uploaded_returns(const std::vector<CsvText>& files, std::optional<Date> as_of);

}  // namespace caseflow
