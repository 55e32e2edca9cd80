#include "report_command.hpp"

#include <cstdio>

#include "arguments.hpp"
#include "caseflow/report/report_run.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "interruption.hpp"
#include "progress_bar.hpp"
#include "report_file.hpp"
#include "run_guard.hpp"

namespace caseflow::cli {

int report_command(const std::vector<std::string>& words) {
  constexpr const char* kUsage =
      "usage: caseflow report SCENARIO [--replications N] [--seed S] [--threads T] -o FILE.html "
      "[--max-memory-mb MB] [--max-children N]";
  // "-o FILE" is the short form of "--output FILE".
  std::vector<std::string> expanded;
  for (const auto& word : words) expanded.push_back(word == "-o" ? "--output" : word);
  Arguments arguments(expanded, {"--replications", "--seed", "--threads", "--output", kMaxMemoryOption, kMaxChildrenOption}, {});
  if (arguments.positional().size() != 1) throw usage_error(kUsage);
  auto output = arguments.value("--output");
  if (!output) throw usage_error(std::string("-o FILE.html is required: where to write the report\n") + kUsage);
  const std::string& scenario_path = arguments.positional()[0];

  RunOptions options;
  options.replications = static_cast<int>(arguments.integer("--replications", 1000, 1, 10'000'000));
  options.seed = arguments.unsigned_integer("--seed", 1);
  options.threads = static_cast<int>(arguments.integer("--threads", 0, 0, 1024));
  read_run_limits(arguments, options.limits);
  // Ctrl-C and SIGTERM stop the run between replications; nothing is written.
  Interruption interruption;
  options.cancel = interruption.flag();

  Simulation simulation(load_scenario(scenario_path));
  ReportFile report(*output, "-o");
  RunResults results;
  try {
    ProgressBar progress("caseflow report");
    options.on_progress = [&](int completed, int total) { progress.update(completed, total); };
    results = run_replications(simulation, options);
  } catch (const RunCancelled&) {
    std::fprintf(stderr, "caseflow report: interrupted by signal %d; nothing was written\n", interruption.signal_number());
    return interruption.exit_code();
  } catch (const InputError& error) {
    throw with_source(error, scenario_path);
  }
  report.stage(render_run_report(simulation.scenario(), results, summarize_run(results, simulation.scenario()), {scenario_path}));
  if (interruption.interrupted()) {
    std::fprintf(stderr, "caseflow report: interrupted by signal %d; nothing was written\n", interruption.signal_number());
    return interruption.exit_code();  // `report` removes what it staged
  }
  report.commit();
  std::printf("%s: %d replications, %d months\nwrote %s\n", simulation.scenario().name.c_str(), options.replications,
              simulation.scenario().horizon_months, report.path().c_str());
  return 0;
}

}  // namespace caseflow::cli
