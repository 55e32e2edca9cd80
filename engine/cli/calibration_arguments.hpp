#pragma once
// What calibrate and backtest share on the command line: the SSDA903 files, the mapping, the calibration
// options (--as-of, --since, --window-years, --transition-window, --hazard, --age-split), how to read the
// returns (--date-order, --allow-dropped-rows) and where to write (-o/--out).

#include <string>

#include "caseflow/calibration/calibration.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"
#include "command_line.hpp"
#include "distinct_outputs.hpp"

namespace caseflow::cli {

struct CalibrationArguments {
  Ssda903Files files;
  std::string mapping_path;
  CLI::Option* mapping_option = nullptr;
  std::string as_of;
  CLI::Option* as_of_option = nullptr;
  std::string since;
  CLI::Option* since_option = nullptr;
  std::string window_years = "auto";
  std::string transition_window = "all";
  std::string drift = "estimated";
  std::string arrival_trend = "none";
  std::string hazard = "weibull";
  std::string age_split = "auto";
  std::string out;
  std::string date_order = "auto";
  bool allow_dropped_rows = false;
};

// Declares the shared options on `command`; `out_value_name` and `out_help` say what -o/--out names there.
// --as-of is required unless `as_of_optional` (a rolling back-test chooses its own dates).
void add_calibration_options(CLI::App& command, CalibrationArguments& arguments, const std::string& out_value_name,
                             const std::string& out_help, bool as_of_optional = false);

// The files read: the returns' (--episodes, --header, --uasc) and --mapping's, for refuse_outputs_over_inputs.
std::vector<NamedFile> calibration_inputs(const CalibrationArguments& arguments);
// The returns given, read as `calibrate` and `backtest` both read them: imported by --date-order, each warning
// about the files as a whole on stderr, turned into care histories by `mapping`, and refused when more than
// kMaxUnreadableRowShare of their rows could not be read (dropped_rows.hpp) unless --allow-dropped-rows. Ctrl-C
// and SIGTERM stop it between its steps.
struct ReturnsRead {
  Ssda903Data data;
  CareHistories histories;
};
ReturnsRead read_returns(const CalibrationArguments& arguments, const Ssda903Mapping& mapping, DataQualityReport& report);
// The mapping given by --mapping, or the default one.
Ssda903Mapping mapping_option(const CalibrationArguments& arguments);
// The options given; as_of stays unset when --as-of was not given.
CalibrationOptions calibration_options(const CalibrationArguments& arguments);

}  // namespace caseflow::cli
