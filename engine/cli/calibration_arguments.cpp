#include "calibration_arguments.hpp"

#include <cstdio>
#include <cstdlib>

#include "caseflow/ssda903/dropped_rows.hpp"
#include "caseflow/ssda903/ssda903_records.hpp"
#include "interruption.hpp"

namespace caseflow::cli {

namespace {

// A date option in ISO (YYYY-MM-DD) or SSDA903 (dd/mm/yyyy) form.
Date parse_date_option(const std::string& name, const std::string& text) {
  auto date = parse_ssda903_date(text);
  if (!date) throw usage_error(name + " must be a date YYYY-MM-DD (or dd/mm/yyyy), got \"" + text + "\"");
  return *date;
}

}  // namespace

void add_calibration_options(CLI::App& command, CalibrationArguments& arguments, const std::string& out_value_name,
                             const std::string& out_help, bool as_of_optional) {
  add_files(command, "--episodes", arguments.files.episodes, "SSDA903 episodes files, typically one per collection year")
      ->required();
  add_files(command, "--header", arguments.files.headers, "SSDA903 header files: they hold the dates of birth")->required();
  add_files(command, "--uasc", arguments.files.uasc, "SSDA903 UASC files");
  arguments.mapping_option = add_text(command, "--mapping", arguments.mapping_path, "FILE",
                                      "how SSDA903 codes map to states (default: data/ssda903-mapping.json, built in)");
  arguments.as_of_option =
      add_text(command, "--as-of", arguments.as_of, "DATE",
               "the scenario's start date, YYYY-MM-DD or dd/mm/yyyy: the children in care then are the initial population");
  if (!as_of_optional) arguments.as_of_option->required();
  add_text(command, "-o,--out", arguments.out, out_value_name, out_help)->required();
  arguments.since_option = add_text(command, "--since", arguments.since, "DATE",
                                    "start of the data window (default: 1 April of the earliest collection year)");
  add_text(command, "--window-years", arguments.window_years, "auto|N",
           "estimate from the last N years of data before --as-of (0: all of it; auto: as long as balances the council's "
           "chance against its drift; --since overrides)")
      ->capture_default_str();
  add_choice(command, "--transition-window", arguments.transition_window, {"all", "arrivals"},
             "estimate the waiting times from all the data (from --since) or from the arrivals' window (--window-years)");
  add_choice(command, "--drift", arguments.drift, {"estimated", "none"},
             "drift of the arrivals and exit rates from the year-to-year changes in the data, or none");
  add_choice(command, "--arrival-trend", arguments.arrival_trend, {"none", "recent"},
             "carry on the trend of the entries of the last three years, or not");
  add_choice(command, "--hazard", arguments.hazard, {"exponential", "weibull"}, "the form of the times between moves");
  add_choice(command, "--age-split", arguments.age_split, {"auto", "never"},
             "split a transition by age band where the data say its rate differs");
  add_choice(command, "--date-order", arguments.date_order, {"auto", "dmy", "mdy"},
             "the order of dd/mm/yyyy dates: told from each file's dates (auto), day first (dmy, the SSDA903 format) or "
             "month first (mdy, as a spreadsheet in a US locale saves them)");
  add_switch(command, "--allow-dropped-rows", arguments.allow_dropped_rows,
             "calibrate even when more than 1% of the return's rows cannot be read (see the data-quality report)");
}

ReturnsRead read_returns(const CalibrationArguments& arguments, const Ssda903Mapping& mapping, DataQualityReport& report) {
  Ssda903ImportOptions options;
  if (arguments.date_order == "dmy") options.date_order = DateOrder::day_first;
  if (arguments.date_order == "mdy") options.date_order = DateOrder::month_first;
  ReturnsRead read;
  read.data = import_ssda903(arguments.files, report, options);
  Interruption::stop_if_interrupted();
  for (const std::string& warning : read.data.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  read.histories = build_care_histories(read.data, mapping, report);
  if (!arguments.allow_dropped_rows) refuse_many_unreadable_rows(read.data, report);
  Interruption::stop_if_interrupted();
  return read;
}

std::vector<NamedFile> calibration_inputs(const CalibrationArguments& arguments) {
  std::vector<NamedFile> inputs;
  for (const auto& file : arguments.files.episodes) inputs.push_back({"the episodes file", file});
  for (const auto& file : arguments.files.headers) inputs.push_back({"the header file", file});
  for (const auto& file : arguments.files.uasc) inputs.push_back({"the UASC file", file});
  if (arguments.mapping_option->count()) inputs.push_back({"the mapping file", arguments.mapping_path});
  return inputs;
}

Ssda903Mapping mapping_option(const CalibrationArguments& arguments) {
  return arguments.mapping_option->count() ? load_mapping(arguments.mapping_path) : default_mapping();
}

CalibrationOptions calibration_options(const CalibrationArguments& arguments) {
  CalibrationOptions options;
  if (arguments.as_of_option->count()) options.as_of = parse_date_option("--as-of", arguments.as_of);
  if (arguments.since_option->count()) options.window_start = parse_date_option("--since", arguments.since);
  if (arguments.window_years == "auto") {
    options.window_years = CalibrationOptions::kAdaptiveWindow;
  } else {
    char* end = nullptr;
    long years = std::strtol(arguments.window_years.c_str(), &end, 10);
    if (arguments.window_years.empty() || *end != '\0' || years < 0 || years > 100)
      throw usage_error("--window-years must be auto or a whole number of years from 0 to 100, got \"" +
                        arguments.window_years + "\"");
    options.window_years = static_cast<int>(years);
  }
  options.transitions_from_all_data = arguments.transition_window == "all";
  options.drift = arguments.drift == "estimated";
  options.drift_trend = arguments.arrival_trend == "recent";
  options.hazard = arguments.hazard == "weibull" ? CalibrationOptions::Hazard::weibull : CalibrationOptions::Hazard::exponential;
  options.age_split = arguments.age_split == "never" ? CalibrationOptions::AgeSplit::never : CalibrationOptions::AgeSplit::automatic;
  for (const auto& name : arguments.files.episodes) options.source += (options.source.empty() ? "" : ", ") + name;
  return options;
}

}  // namespace caseflow::cli
