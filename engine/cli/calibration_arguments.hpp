#pragma once
// What calibrate and backtest share on the command line: the SSDA903 files, the mapping, and the
// calibration options (--as-of, --since, --hazard, --age-split).

#include <set>
#include <string>

#include "arguments.hpp"
#include "caseflow/calibration/calibration.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"
#include "list_arguments.hpp"

namespace caseflow::cli {

// The list options (files) and the value options calibrate and backtest both take.
const std::set<std::string>& file_list_options();
std::set<std::string> calibration_value_options();

Ssda903Files ssda903_files(const ListArguments& lists);
Ssda903Mapping mapping_option(const Arguments& arguments);
CalibrationOptions calibration_options(const Arguments& arguments, const Ssda903Files& files);
// A date option in ISO (YYYY-MM-DD) or SSDA903 (dd/mm/yyyy) form.
Date date_option(const Arguments& arguments, const std::string& name);

}  // namespace caseflow::cli
