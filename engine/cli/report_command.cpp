#include "report_command.hpp"

#include <atomic>
#include <cstdio>
#include <memory>

#include "caseflow/report/report_run.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/variance_sources.hpp"
#include "distinct_outputs.hpp"
#include "interruption.hpp"
#include "progress_bar.hpp"
#include "report_file.hpp"
#include "run_guard.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace {

struct ReportArguments {
  std::string scenario_path;
  RunOptions options;
  std::string output;
  UncertaintyChoice uncertainty;
};

int report_scenario(ReportArguments& arguments) {
  const std::string& scenario_path = arguments.scenario_path;
  RunOptions& options = arguments.options;
  refuse_outputs_over_inputs({{"the scenario file", scenario_path}}, {{"--out", arguments.output}});
  // Ctrl-C and SIGTERM stop the run between replications (main reports it); nothing is written.
  options.cancel = Interruption::flag();

  options.uncertainty = resolve_uncertainty(arguments.uncertainty);
  Simulation simulation(load_scenario(scenario_path));
  ReportFile report(arguments.output, "--out");
  RunResults results;
  RunReportOptions report_options{scenario_path, options.uncertainty, std::nullopt};
  try {
    // The lower layers of uncertainty run too (variance_sources), on the same bar.
    const int runs = 1 + variance_source_runs(held_uncertainty(simulation.scenario(), options.uncertainty));
    ProgressBar progress("caseflow report");
    std::atomic<int> finished{0};
    options.on_progress = [&](int, int) { progress.update(++finished, options.replications * runs); };
    results = run_replications(simulation, options);
    report_options.variance_sources = variance_sources(simulation, options, results);
  } catch (const InputError& error) {
    throw with_source(error, scenario_path);
  }
  report.stage(render_run_report(simulation.scenario(), results, summarize_run(results, simulation.scenario()), report_options));
  Interruption::stop_if_interrupted();  // `report` removes what it staged
  report.commit();
  warn_if_chance_alone(simulation.scenario(), scenario_path, options.uncertainty);
  std::printf("%s: %d replications, %d months\nwrote %s\n", simulation.scenario().name.c_str(), options.replications,
              simulation.scenario().horizon_months, report.path().c_str());
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& program) {
  auto arguments = std::make_shared<ReportArguments>();
  CLI::App* command = program.add_subcommand(
      "report", "simulate a scenario and write its report, one HTML file to open in a browser or print");
  add_scenario(*command, "SCENARIO", arguments->scenario_path, "the scenario file (JSON)");
  // --output: the long form this option had before it was --out.
  add_text(*command, "-o,--out,--output", arguments->output, "FILE.html", "where to write the report")->required();
  add_replication_options(*command, arguments->options.replications, arguments->options.seed, arguments->options.threads);
  add_uncertainty_options(*command, arguments->uncertainty);
  add_limit_options(*command, arguments->options.limits);
  return {command, [arguments] { return report_scenario(*arguments); }};
}

}  // namespace caseflow::cli
