#include "run_command.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "arguments.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/output/run_outputs.hpp"
#include "caseflow/report/report_run.hpp"
#include "caseflow/scenario/parameter_uncertainty.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "interruption.hpp"
#include "progress_bar.hpp"
#include "report_file.hpp"
#include "run_guard.hpp"

namespace caseflow::cli {

namespace {

// A folder named after the scenario file that does not exist yet: "herefordshire-2020", then "-2", "-3"...
std::string fresh_output_folder(const std::string& scenario_path) {
  std::string stem = std::filesystem::path(scenario_path).stem().string();
  if (stem.empty()) stem = "caseflow-run";
  std::string candidate = stem;
  for (int n = 2; std::filesystem::exists(candidate); ++n) candidate = stem + "-" + std::to_string(n);
  return candidate;
}

}  // namespace

int run_command(const std::vector<std::string>& words) {
  Arguments arguments(words, {"--replications", "--seed", "--threads", "--out", "--report", kMaxMemoryOption,
                              kMaxChildrenOption},
                      {"--per-replication", "--parameter-uncertainty"});
  if (arguments.positional().size() != 1) throw usage_error(std::string("usage: caseflow ") + kRunUsage);
  const std::string& scenario_path = arguments.positional()[0];

  RunOptions options;
  options.replications = static_cast<int>(arguments.integer("--replications", 1000, 1, 10'000'000));
  options.seed = arguments.unsigned_integer("--seed", 1);
  options.threads = static_cast<int>(arguments.integer("--threads", 0, 0, 1024));
  read_run_limits(arguments, options.limits);
  options.parameter_uncertainty = arguments.has("--parameter-uncertainty");
  std::string out = arguments.value("--out").value_or(fresh_output_folder(scenario_path));
  if (out.empty()) throw usage_error("--out needs a folder name");

  // From here on Ctrl-C and SIGTERM stop the run cleanly instead of killing it half-way.
  Interruption interruption;
  options.cancel = interruption.flag();

  Simulation simulation(load_scenario(scenario_path));
  if (options.parameter_uncertainty && !has_parameter_uncertainty(simulation.scenario()))
    std::fprintf(stderr, "warning: %s gives no parameter an \"uncertainty\"; --parameter-uncertainty changes nothing\n",
                 scenario_path.c_str());
  std::optional<ReportFile> report;
  if (auto report_path = arguments.value("--report")) report.emplace(*report_path, "--report");
  auto started = std::chrono::steady_clock::now();
  RunResults results;
  double seconds = 0;
  try {
    {
      ProgressBar progress("caseflow run");
      options.on_progress = [&](int completed, int total) { progress.update(completed, total); };
      results = run_replications(simulation, options);
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // The report is staged before the CSV files are committed and committed after them: all or nothing.
    const RunSummary summary = summarize_run(results, simulation.scenario());
    if (report) report->stage(render_run_report(simulation.scenario(), results, summary, {scenario_path}));
    write_run_outputs(results, summary, out, arguments.has("--per-replication"), interruption.flag());
    if (report) report->commit();
  } catch (const RunCancelled&) {
    std::fprintf(stderr, "caseflow run: interrupted by signal %d; nothing was written\n", interruption.signal_number());
    return interruption.exit_code();
  } catch (const InputError& error) {
    throw with_source(error, scenario_path);
  }

  std::printf("%s: %d replications, %d months, %llu events in %.3f s (%.3g events/s, %d threads)\n",
              simulation.scenario().name.c_str(), options.replications, simulation.scenario().horizon_months,
              static_cast<unsigned long long>(results.events), seconds,
              seconds > 0 ? static_cast<double>(results.events) / seconds : 0.0,
              std::min(resolve_thread_count(options.threads), options.replications));
  std::printf("wrote %s/summary.csv and %s/flows_summary.csv%s\n", out.c_str(), out.c_str(),
              arguments.has("--per-replication") ? " (and stocks.csv, flows.csv)" : "");
  if (report) std::printf("wrote %s\n", report->path().c_str());
  return 0;
}

}  // namespace caseflow::cli
