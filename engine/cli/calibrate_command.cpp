#include "calibrate_command.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "calibration_arguments.hpp"
#include "distinct_outputs.hpp"
#include "interruption.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace fs = std::filesystem;

namespace {

// "out/scenario.json" -> "out/scenario.data-quality.csv": the report sits next to the scenario.
fs::path default_report_path(const fs::path& scenario) {
  fs::path report = scenario;
  report.replace_extension();
  return report.string() + ".data-quality.csv";
}

struct CalibrateArguments {
  CalibrationArguments calibration;
  std::string quality_report;
  CLI::Option* quality_report_option = nullptr;
  int horizon_months = CalibrationOptions{}.horizon_months;
};

int calibrate_scenario(CalibrateArguments& arguments) {
  const Ssda903Files& files = arguments.calibration.files;
  CalibrationOptions calibration = calibration_options(arguments.calibration);
  calibration.horizon_months = arguments.horizon_months;
  Ssda903Mapping mapping = mapping_option(arguments.calibration);
  const fs::path scenario_path = arguments.calibration.out;
  const fs::path report_path =
      arguments.quality_report_option->count() ? fs::path(arguments.quality_report) : default_report_path(scenario_path);
  refuse_outputs_over_inputs(calibration_inputs(arguments.calibration),
                             {{"-o", scenario_path}, {"--quality-report", report_path}});

  DataQualityReport report;
  // Ctrl-C and SIGTERM stop the command between its steps (main reports it); nothing is written.
  const ReturnsRead returns = read_returns(arguments.calibration, mapping, report);
  const Ssda903Data& data = returns.data;
  const CareHistories& histories = returns.histories;
  CalibrationResult result = calibrate(histories, mapping, calibration);
  Interruption::stop_if_interrupted();
  nlohmann::json document = scenario_to_json(result.scenario);
  // The scenario must load as it is written; if not, that is a bug here, not bad input.
  try {
    scenario_from_json(document, "calibrated scenario");
  } catch (const InputError& error) {
    throw std::logic_error(std::string("the calibrated scenario does not validate: ") + error.what());
  }

  fs::path scenario_folder = scenario_path.parent_path().empty() ? fs::path(".") : scenario_path.parent_path();
  fs::path report_folder = report_path.parent_path().empty() ? fs::path(".") : report_path.parent_path();
  StagedOutput scenario_output(scenario_folder);
  scenario_output.write(scenario_path.filename().string(), [&](std::ostream& out) { out << document.dump(2) << '\n'; });
  StagedOutput report_output(report_folder);
  report_output.write(report_path.filename().string(), [&](std::ostream& out) { report.write_csv(out); });
  Interruption::stop_if_interrupted();  // the outputs remove what they staged
  scenario_output.commit();
  report_output.commit();

  std::printf("read %zu episodes of %zu children (%zu episode files, %zu header files, %zu UASC files)\n",
              data.episodes.size(), histories.children.size(), files.episodes.size(), files.headers.size(), files.uasc.size());
  report.write_summary(std::cout);
  std::printf("data window %s to %s; %d children in care on %s\n", format_iso_date(result.window_start).c_str(),
              format_iso_date(result.as_of).c_str(), result.children_in_care, format_iso_date(result.as_of).c_str());
  std::printf("estimated %zu transitions and %zu arrival streams\n", result.transitions.size(), result.arrivals.size());
  std::printf("wrote %s and %s\n", scenario_path.string().c_str(), report_path.string().c_str());
  return 0;
}

}  // namespace

Command add_calibrate_command(CLI::App& program) {
  auto arguments = std::make_shared<CalibrateArguments>();
  CLI::App* command = program.add_subcommand("calibrate", "estimate a scenario from SSDA903 returns (docs/calibration.md)");
  add_calibration_options(*command, arguments->calibration, "SCENARIO.json", "where to write the scenario");
  arguments->quality_report_option =
      add_text(*command, "--quality-report", arguments->quality_report, "FILE",
               "where to write the data-quality report (default: beside the scenario, NAME.data-quality.csv)");
  add_whole_number(*command, "--horizon-months", arguments->horizon_months, 1, kMaxHorizonMonths,
                   "the scenario's horizon in months");
  return {command, [arguments] { return calibrate_scenario(*arguments); }};
}

}  // namespace caseflow::cli
