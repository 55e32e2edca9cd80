#include "report_command.hpp"

#include <cstdio>

#include "arguments.hpp"
#include "caseflow/report_run.hpp"
#include "caseflow/runner.hpp"
#include "caseflow/scenario_json.hpp"
#include "progress_bar.hpp"
#include "report_file.hpp"

namespace caseflow::cli {

int report_command(const std::vector<std::string>& words) {
  constexpr const char* kUsage = "usage: caseflow report SCENARIO [--replications N] [--seed S] [--threads T] -o FILE.html";
  // "-o FILE" is the short form of "--output FILE".
  std::vector<std::string> expanded;
  for (const auto& word : words) expanded.push_back(word == "-o" ? "--output" : word);
  Arguments arguments(expanded, {"--replications", "--seed", "--threads", "--output"}, {});
  if (arguments.positional().size() != 1) throw usage_error(kUsage);
  auto output = arguments.value("--output");
  if (!output) throw usage_error(std::string("-o FILE.html is required: where to write the report\n") + kUsage);
  const std::string& scenario_path = arguments.positional()[0];

  RunOptions options;
  options.replications = static_cast<int>(arguments.integer("--replications", 1000, 1, 10'000'000));
  options.seed = arguments.unsigned_integer("--seed", 1);
  options.threads = static_cast<int>(arguments.integer("--threads", 0, 0, 1024));

  Simulation simulation(load_scenario(scenario_path));
  ReportFile report(*output, "-o");
  RunResults results;
  {
    ProgressBar progress("caseflow report");
    options.on_progress = [&](int completed, int total) { progress.update(completed, total); };
    results = run_replications(simulation, options);
  }
  report.stage(render_run_report(simulation.scenario(), results, {scenario_path}));
  report.commit();
  std::printf("%s: %d replications, %d months\nwrote %s\n", simulation.scenario().name.c_str(), options.replications,
              simulation.scenario().horizon_months, report.path().c_str());
  return 0;
}

}  // namespace caseflow::cli
