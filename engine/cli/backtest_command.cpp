#include "backtest_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "calibration_arguments.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/calibration/backtest.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "progress_bar.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace {

struct BacktestArguments {
  CalibrationArguments calibration;
  BacktestOptions backtest;
  UncertaintyChoice uncertainty;
};

int backtest_returns(BacktestArguments& arguments) {
  const Ssda903Files& files = arguments.calibration.files;
  BacktestOptions& backtest = arguments.backtest;
  backtest.calibration = calibration_options(arguments.calibration);
  backtest.run.uncertainty = resolve_uncertainty(arguments.uncertainty);
  Ssda903Mapping mapping = mapping_option(arguments.calibration);

  DataQualityReport report;
  Ssda903Data data = import_ssda903(files, report);
  CareHistories histories = build_care_histories(data, mapping, report);
  BacktestResult result;
  {
    ProgressBar progress("caseflow backtest");
    backtest.run.on_progress = [&](int completed, int total) { progress.update(completed, total); };
    result = run_backtest(histories, mapping, backtest);
  }
  std::ostringstream text;
  write_backtest_text(result, text);

  const std::string& out = arguments.calibration.out;
  StagedOutput output(out);
  output.write("backtest.csv", [&](std::ostream& stream) { write_backtest_csv(result, stream); });
  output.write("backtest.txt", [&](std::ostream& stream) { stream << text.str(); });
  output.write("scenario.json", [&](std::ostream& stream) { stream << scenario_to_json(result.calibration.scenario).dump(2) << '\n'; });
  output.write("data-quality.csv", [&](std::ostream& stream) { report.write_csv(stream); });
  output.commit();

  report.write_summary(std::cout);
  std::cout << '\n' << text.str();
  std::printf("\n%d replications, uncertainty %s; wrote %s/backtest.csv, backtest.txt, scenario.json, data-quality.csv\n",
              backtest.run.replications, uncertainty_name(backtest.run.uncertainty), out.c_str());
  return 0;
}

}  // namespace

Command add_backtest_command(CLI::App& program) {
  auto arguments = std::make_shared<BacktestArguments>();
  CLI::App* command =
      program.add_subcommand("backtest", "fit up to a date, forecast the months after, compare with what happened");
  add_calibration_options(*command, arguments->calibration, "DIR",
                          "the folder to write backtest.csv, backtest.txt, scenario.json and data-quality.csv to");
  BacktestOptions& backtest = arguments->backtest;
  add_whole_number(*command, "--months", backtest.months, 1, kMaxHorizonMonths, "months to forecast after --as-of");
  add_replication_options(*command, backtest.run.replications, backtest.run.seed, backtest.run.threads);
  add_uncertainty_options(*command, arguments->uncertainty);
  return {command, [arguments] { return backtest_returns(*arguments); }};
}

}  // namespace caseflow::cli
