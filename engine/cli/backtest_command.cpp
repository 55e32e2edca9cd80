#include "backtest_command.hpp"

#include <cstdio>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "calibration_arguments.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/calibration/backtest.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "progress_bar.hpp"

namespace caseflow::cli {

namespace {

constexpr const char* kUsage =
    "usage: caseflow backtest --episodes FILE... --header FILE... [--uasc FILE...] [--mapping FILE] --as-of DATE\n"
    "         [--months N] [--replications N] [--seed S] [--threads T] [--parameter-uncertainty]\n"
    "         [--since DATE] [--hazard exponential|weibull] [--age-split auto|never] --out DIR";

}  // namespace

int backtest_command(const std::vector<std::string>& words) {
  ListArguments lists = take_list_options(words, file_list_options());
  std::set<std::string> options = calibration_value_options();
  options.insert({"--months", "--replications", "--seed", "--threads"});
  Arguments arguments(lists.rest, options, {"--parameter-uncertainty"});
  if (!arguments.positional().empty()) throw usage_error(std::string("unexpected \"") + arguments.positional()[0] + "\"\n" + kUsage);
  if (!arguments.has("--out")) throw usage_error(std::string("--out DIR is required\n") + kUsage);
  Ssda903Files files = ssda903_files(lists);
  BacktestOptions backtest;
  backtest.calibration = calibration_options(arguments, files);
  backtest.months = static_cast<int>(arguments.integer("--months", 12, 1, 1200));
  backtest.run.replications = static_cast<int>(arguments.integer("--replications", 1000, 1, 10'000'000));
  backtest.run.seed = arguments.unsigned_integer("--seed", 1);
  backtest.run.threads = static_cast<int>(arguments.integer("--threads", 0, 0, 1024));
  backtest.run.uncertainty = arguments.has("--parameter-uncertainty") ? Uncertainty::all : Uncertainty::chance;
  Ssda903Mapping mapping = mapping_option(arguments);

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

  std::string out = *arguments.value("--out");
  StagedOutput output(out);
  output.write("backtest.csv", [&](std::ostream& stream) { write_backtest_csv(result, stream); });
  output.write("backtest.txt", [&](std::ostream& stream) { stream << text.str(); });
  output.write("scenario.json", [&](std::ostream& stream) { stream << scenario_to_json(result.calibration.scenario).dump(2) << '\n'; });
  output.write("data-quality.csv", [&](std::ostream& stream) { report.write_csv(stream); });
  output.commit();

  report.write_summary(std::cout);
  std::cout << '\n' << text.str();
  std::printf("\n%d replications%s; wrote %s/backtest.csv, backtest.txt, scenario.json, data-quality.csv\n",
              backtest.run.replications, backtest.run.uncertainty != Uncertainty::chance ? " with parameter uncertainty" : "", out.c_str());
  return 0;
}

}  // namespace caseflow::cli
