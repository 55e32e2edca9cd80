#include "backtest_command.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "calibration_arguments.hpp"
#include "interruption.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/calibration/backtest.hpp"
#include "caseflow/calibration/rolling_backtest.hpp"
#include "caseflow/output/backtest_tables.hpp"
#include "caseflow/report/report_backtest.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "progress_bar.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace {

// The files each kind of back-test writes into --out (as the writes below name them), checked against the
// inputs before any work.
const std::vector<std::string> kOneOriginFiles{"backtest.csv", "backtest.txt", "scenario.json", "data-quality.csv"};
const std::vector<std::string> kRollingFiles{"backtest_origins.csv", "backtest_scores.csv", "backtest.txt", "backtest.html",
                                             "data-quality.csv"};

struct BacktestArguments {
  CalibrationArguments calibration;
  BacktestOptions backtest;
  UncertaintyChoice uncertainty;
  bool rolling = false;
  std::vector<int> horizons{1, 2, 3};
  int min_history_years = 3;
  int every_years = 1;
};

// One origin, --as-of: the months after it, state by state.
int backtest_one_origin(BacktestArguments& arguments, const CareHistories& histories, const Ssda903Mapping& mapping,
                        const DataQualityReport& report) {
  BacktestOptions& backtest = arguments.backtest;
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
  Interruption::stop_if_interrupted();  // `output` removes what it staged
  output.commit();

  report.write_summary(std::cout);
  std::cout << '\n' << text.str();
  std::printf("\n%d replications, uncertainty %s; wrote %s/backtest.csv, backtest.txt, scenario.json, data-quality.csv\n",
              backtest.run.replications, uncertainty_name(backtest.run.uncertainty), out.c_str());
  return 0;
}

// Every 31 March with enough data before it, horizons of years.
int backtest_rolling(BacktestArguments& arguments, const CareHistories& histories, const Ssda903Mapping& mapping,
                     const DataQualityReport& report) {
  RollingBacktestOptions options;
  options.calibration = arguments.backtest.calibration;
  options.run = arguments.backtest.run;
  options.horizons_years = arguments.horizons;
  options.min_history_years = arguments.min_history_years;
  options.every_years = arguments.every_years;
  RollingBacktest backtest;
  {
    ProgressBar progress("caseflow backtest");
    options.on_origin = [&](size_t done, size_t total) { progress.update(static_cast<int>(done), static_cast<int>(total)); };
    backtest = run_rolling_backtest(histories, mapping, options);
  }
  const std::vector<HorizonScore> scores = score_backtest(backtest.forecasts);
  std::ostringstream text;
  write_backtest_scores_text(backtest, scores, text);

  const std::string& out = arguments.calibration.out;
  StagedOutput output(out);
  output.write("backtest_origins.csv", [&](std::ostream& stream) { write_csv(backtest_forecast_table(backtest), stream); });
  output.write("backtest_scores.csv", [&](std::ostream& stream) { write_csv(backtest_score_table(scores), stream); });
  output.write("backtest.txt", [&](std::ostream& stream) { stream << text.str(); });
  output.write("backtest.html", [&](std::ostream& stream) { stream << render_backtest_report(backtest, scores, options.calibration.source); });
  output.write("data-quality.csv", [&](std::ostream& stream) { report.write_csv(stream); });
  Interruption::stop_if_interrupted();  // `output` removes what it staged
  output.commit();

  report.write_summary(std::cout);
  std::cout << '\n' << text.str();
  std::printf("\n%d replications at each of %zu origins, uncertainty %s; wrote %s/backtest_origins.csv, backtest_scores.csv, "
              "backtest.txt, backtest.html, data-quality.csv\n",
              options.run.replications, backtest.origins.size(), uncertainty_name(options.run.uncertainty), out.c_str());
  return 0;
}

int backtest_returns(BacktestArguments& arguments) {
  if (arguments.rolling == static_cast<bool>(arguments.calibration.as_of_option->count()))
    throw usage_error(arguments.rolling ? "--rolling chooses its own origins: give it without --as-of"
                                        : "--as-of DATE (one origin) or --rolling (every 31 March) is required");
  std::vector<NamedFile> outputs;
  for (const std::string& name : arguments.rolling ? kRollingFiles : kOneOriginFiles)
    outputs.push_back({"--out", std::filesystem::path(arguments.calibration.out) / name});
  refuse_outputs_over_inputs(calibration_inputs(arguments.calibration), outputs);
  BacktestOptions& backtest = arguments.backtest;
  backtest.calibration = calibration_options(arguments.calibration);
  backtest.run.uncertainty = resolve_uncertainty(arguments.uncertainty);
  // Ctrl-C and SIGTERM stop the runs between replications, the command between its steps; nothing is written.
  backtest.run.cancel = Interruption::flag();
  Ssda903Mapping mapping = mapping_option(arguments.calibration);

  DataQualityReport report;
  const ReturnsRead returns = read_returns(arguments.calibration, mapping, report);
  return arguments.rolling ? backtest_rolling(arguments, returns.histories, mapping, report)
                           : backtest_one_origin(arguments, returns.histories, mapping, report);
}

}  // namespace

Command add_backtest_command(CLI::App& program) {
  auto arguments = std::make_shared<BacktestArguments>();
  CLI::App* command = program.add_subcommand(
      "backtest", "fit on the data up to a date, forecast, and compare with what happened: from one date (--as-of), "
                  "or from every 31 March (--rolling)");
  add_calibration_options(*command, arguments->calibration, "DIR", "the folder to write the back-test's files to", true);
  BacktestOptions& backtest = arguments->backtest;
  add_whole_number(*command, "--months", backtest.months, 1, kMaxHorizonMonths, "with --as-of: months to forecast");
  add_switch(*command, "--rolling", arguments->rolling,
             "forecast from every 31 March with --min-history-years of data before it, --horizons years ahead");
  command->add_option("--horizons", arguments->horizons, "with --rolling: the years ahead to score")
      ->delimiter(',')
      ->check(CLI::Range(1, 10))
      ->type_name("YEARS,...")
      ->capture_default_str();
  add_whole_number(*command, "--min-history-years", arguments->min_history_years, 1, 50,
                   "with --rolling: whole years of data before the first origin");
  add_whole_number(*command, "--every-years", arguments->every_years, 1, 50,
                   "with --rolling: an origin every this many years, counting back from the last");
  add_replication_options(*command, backtest.run.replications, backtest.run.seed, backtest.run.threads);
  add_uncertainty_options(*command, arguments->uncertainty);
  return {command, [arguments] { return backtest_returns(*arguments); }};
}

}  // namespace caseflow::cli
