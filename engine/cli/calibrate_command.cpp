#include "calibrate_command.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "calibration_arguments.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/care_history.hpp"

namespace caseflow::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: caseflow calibrate --episodes FILE... --header FILE... [--uasc FILE...] [--mapping FILE] --as-of DATE\n"
    "         -o SCENARIO.json [--quality-report FILE] [--since DATE] [--horizon-months N]\n"
    "         [--hazard exponential|weibull] [--age-split auto|never]";

// "out/scenario.json" -> "out/scenario.data-quality.csv": the report sits next to the scenario.
fs::path default_report_path(const fs::path& scenario) {
  fs::path report = scenario;
  report.replace_extension();
  return report.string() + ".data-quality.csv";
}

}  // namespace

int calibrate_command(const std::vector<std::string>& words) {
  ListArguments lists = take_list_options(words, file_list_options());
  std::set<std::string> options = calibration_value_options();
  options.insert({"--quality-report", "--horizon-months"});
  Arguments arguments(lists.rest, options, {});
  if (!arguments.positional().empty()) throw usage_error(std::string("unexpected \"") + arguments.positional()[0] + "\"\n" + kUsage);
  if (!arguments.has("--out")) throw usage_error(std::string("-o SCENARIO.json is required\n") + kUsage);
  Ssda903Files files = ssda903_files(lists);
  CalibrationOptions calibration = calibration_options(arguments, files);
  calibration.horizon_months = static_cast<int>(arguments.integer("--horizon-months", 36, 1, 1200));
  Ssda903Mapping mapping = mapping_option(arguments);

  DataQualityReport report;
  Ssda903Data data = import_ssda903(files, report);
  CareHistories histories = build_care_histories(data, mapping, report);
  CalibrationResult result = calibrate(histories, mapping, calibration);
  nlohmann::json document = scenario_to_json(result.scenario);
  // The scenario must load as it is written; if not, that is a bug here, not bad input.
  try {
    scenario_from_json(document, "calibrated scenario");
  } catch (const InputError& error) {
    throw std::logic_error(std::string("the calibrated scenario does not validate: ") + error.what());
  }

  fs::path scenario_path = *arguments.value("--out");
  fs::path report_path = arguments.has("--quality-report") ? fs::path(*arguments.value("--quality-report")) : default_report_path(scenario_path);
  fs::path scenario_folder = scenario_path.parent_path().empty() ? fs::path(".") : scenario_path.parent_path();
  fs::path report_folder = report_path.parent_path().empty() ? fs::path(".") : report_path.parent_path();
  StagedOutput scenario_output(scenario_folder);
  scenario_output.write(scenario_path.filename().string(), [&](std::ostream& out) { out << document.dump(2) << '\n'; });
  StagedOutput report_output(report_folder);
  report_output.write(report_path.filename().string(), [&](std::ostream& out) { report.write_csv(out); });
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

}  // namespace caseflow::cli
