#include "run_command.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "caseflow/base/input_error.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/output/excel_workbook.hpp"
#include "caseflow/output/run_outputs.hpp"
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

// A new folder named after the scenario file, made here and now: "herefordshire-2020", then "-2", "-3"...
// Made, not only looked for, so that two runs started at once never take the same one (issue 16).
std::string claim_fresh_output_folder(const std::string& scenario_path) {
  std::string stem = std::filesystem::path(scenario_path).stem().string();
  if (stem.empty()) stem = "caseflow-run";
  std::string candidate = stem;
  for (int n = 2;; candidate = stem + "-" + std::to_string(n++)) {
    std::error_code error;
    if (std::filesystem::create_directory(candidate, error)) return candidate;
    std::error_code ignored;
    if (!std::filesystem::exists(std::filesystem::symlink_status(candidate, ignored)))
      throw OutputError(candidate + ": cannot create the output folder: " + error.message());
  }
}

// Removes a folder the run claimed if the run leaves it empty (it failed, or was interrupted).
struct ClaimedFolder {
  std::string path;
  ~ClaimedFolder() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove(path, ignored);  // only an empty folder goes
  }
};

struct RunArguments {
  std::string scenario_path;
  RunOptions options;
  std::string out;
  CLI::Option* out_option = nullptr;
  std::string report_path;
  CLI::Option* report_option = nullptr;
  std::string xlsx_path;
  CLI::Option* xlsx_option = nullptr;
  bool per_replication = false;
  bool verbose = false;
  UncertaintyChoice uncertainty;
};

int run_scenario(RunArguments& arguments) {
  const std::string& scenario_path = arguments.scenario_path;
  RunOptions& options = arguments.options;
  if (arguments.out_option->count() && arguments.out.empty()) throw usage_error("--out needs a folder name");
  {
    std::vector<NamedFile> outputs;
    if (arguments.report_option->count()) outputs.push_back({"--report", arguments.report_path});
    if (arguments.xlsx_option->count()) outputs.push_back({"--xlsx", arguments.xlsx_path});
    refuse_outputs_over_inputs({{"the scenario file", scenario_path}}, outputs);
  }
  ClaimedFolder claimed;
  if (!arguments.out_option->count()) claimed.path = claim_fresh_output_folder(scenario_path);
  const std::string out = arguments.out_option->count() ? arguments.out : claimed.path;

  // Ctrl-C and SIGTERM stop the run between replications (main reports it); nothing is written.
  options.cancel = Interruption::flag();

  options.uncertainty = resolve_uncertainty(arguments.uncertainty);
  Simulation simulation(load_scenario(scenario_path));
  std::optional<ReportFile> report;
  if (arguments.report_option->count()) report.emplace(arguments.report_path, "--report");
  std::optional<ReportFile> workbook;
  if (arguments.xlsx_option->count()) workbook.emplace(arguments.xlsx_path, "--xlsx", "results.xlsx");
  std::vector<std::string> written;
  auto started = std::chrono::steady_clock::now();
  RunResults results;
  double seconds = 0;
  try {
    RunReportOptions report_options{scenario_path, options.uncertainty, std::nullopt};
    {
      // With a report, the lower layers of uncertainty run too (variance_sources), on the same bar.
      const int runs = 1 + (report ? variance_source_runs(held_uncertainty(simulation.scenario(), options.uncertainty)) : 0);
      ProgressBar progress("caseflow run");
      std::atomic<int> finished{0};
      options.on_progress = [&](int, int) { progress.update(++finished, options.replications * runs); };
      results = run_replications(simulation, options);
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (report) report_options.variance_sources = variance_sources(simulation, options, results);
    }
    // The report and the workbook are staged before the CSV files are committed and committed after them:
    // all or nothing.
    const RunSummary summary = summarize_run(results, simulation.scenario());
    if (report) report->stage(render_run_report(simulation.scenario(), results, summary, report_options));
    if (workbook)
      workbook->stage(run_workbook(simulation.scenario(), results.layout, summary, {options.replications, options.seed, options.uncertainty}));
    written = write_run_outputs(results, summary, out, arguments.per_replication, Interruption::flag());
    if (report) report->commit();
    if (workbook) workbook->commit();
  } catch (const InputError& error) {
    throw with_source(error, scenario_path);
  }

  warn_if_chance_alone(simulation.scenario(), scenario_path, options.uncertainty);
  // What was run, then where the report and workbook are, then the folder and every file in it; the speed
  // only when asked (--verbose; `caseflow bench` measures it properly).
  const Scenario& scenario = simulation.scenario();
  std::printf("%s: %d replications, %d months from %s, seed %llu, uncertainty %s\n", scenario.name.c_str(), options.replications,
              scenario.horizon_months, format_long_date(scenario.start_date).c_str(), static_cast<unsigned long long>(options.seed),
              uncertainty_name(options.uncertainty));
  if (report) std::printf("wrote %s (the report)\n", report->path().c_str());
  if (workbook) std::printf("wrote %s (the Excel workbook)\n", workbook->path().c_str());
  std::string files;
  for (const auto& file : written) files += (files.empty() ? "" : ", ") + file;
  std::printf("wrote %s/: %s\n", out.c_str(), files.c_str());
  if (arguments.verbose)
    std::printf("%llu events in %.3f s (%.3g events/s, %d threads)\n", static_cast<unsigned long long>(results.events), seconds,
                seconds > 0 ? static_cast<double>(results.events) / seconds : 0.0,
                std::min(resolve_thread_count(options.threads), options.replications));
  return 0;
}

}  // namespace

Command add_run_command(CLI::App& program) {
  auto arguments = std::make_shared<RunArguments>();
  CLI::App* command = program.add_subcommand(
      "run", "simulate a scenario; writes DIR/summary.csv and DIR/flows_summary.csv (and the cost files when the scenario "
             "has costs, stocks.csv, flows.csv with --per-replication, a report with --report, a workbook with --xlsx)");
  add_scenario(*command, "SCENARIO", arguments->scenario_path, "the scenario file (JSON)");
  add_replication_options(*command, arguments->options.replications, arguments->options.seed, arguments->options.threads);
  arguments->out_option = add_text(*command, "-o,--out", arguments->out, "DIR",
                                   "the folder to write to; by default a new folder named after the scenario file");
  add_switch(*command, "--per-replication", arguments->per_replication,
             "also write every replication's counts: stocks.csv, flows.csv (and costs.csv)");
  add_uncertainty_options(*command, arguments->uncertainty);
  arguments->report_option = add_text(*command, "--report", arguments->report_path, "FILE.html",
                                      "also write the run's report, one HTML file");
  arguments->xlsx_option = add_text(*command, "--xlsx", arguments->xlsx_path, "FILE.xlsx",
                                    "also write the run's tables as an Excel workbook: a sheet per file, costs by financial "
                                    "year, and the assumptions with their sources");
  add_switch(*command, "--verbose", arguments->verbose, "also say how long the simulation took and how fast it ran");
  add_limit_options(*command, arguments->options.limits);
  return {command, [arguments] { return run_scenario(*arguments); }};
}

}  // namespace caseflow::cli
