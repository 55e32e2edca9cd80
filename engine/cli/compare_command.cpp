#include "compare_command.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "caseflow/base/staged_output.hpp"
#include "caseflow/output/comparison_outputs.hpp"
#include "caseflow/output/excel_workbook.hpp"
#include "caseflow/output/run_tables.hpp"
#include "caseflow/report/report_comparison.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/comparison.hpp"
#include "distinct_outputs.hpp"
#include "interruption.hpp"
#include "progress_bar.hpp"
#include "report_file.hpp"
#include "run_guard.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// Each strategy's summary is written as NAME_summary.csv, NAME its file's name, and the base's as
// base_summary.csv: two strategies of one name (or one given twice, or one named "base") would write one file.
void refuse_clashing_names(const std::vector<std::string>& paths) {
  for (size_t i = 1; i < paths.size(); ++i) {
    if (stem(paths[i]) == "base")
      throw usage_error("the strategy " + paths[i] + " is named \"base\": its base_summary.csv would be the base's; "
                        "rename the file");
    for (size_t j = 1; j < i; ++j)
      if (stem(paths[i]) == stem(paths[j]))
        throw usage_error("the strategies " + paths[j] + " and " + paths[i] + " have one name, \"" + stem(paths[i]) +
                          "\": their files (" + stem(paths[i]) + "_summary.csv) would be one; rename one of them");
  }
}

struct CompareArguments {
  std::string base_path;
  std::vector<std::string> strategy_paths;
  RunOptions options;
  std::string out;
  CLI::Option* out_option = nullptr;
  std::string report_path;
  CLI::Option* report_option = nullptr;
  std::string xlsx_path;
  CLI::Option* xlsx_option = nullptr;
  UncertaintyChoice uncertainty;
};

int compare_scenarios(CompareArguments& arguments) {
  RunOptions& options = arguments.options;
  std::vector<std::string> paths{arguments.base_path};
  paths.insert(paths.end(), arguments.strategy_paths.begin(), arguments.strategy_paths.end());
  std::string out = arguments.out_option->count() ? arguments.out : "compare-" + stem(paths[0]);
  refuse_clashing_names(paths);
  {
    std::vector<NamedFile> inputs{{"the base", paths[0]}};
    for (size_t i = 1; i < paths.size(); ++i) inputs.push_back({"the strategy", paths[i]});
    std::vector<NamedFile> outputs;
    if (arguments.report_option->count()) outputs.push_back({"--report", arguments.report_path});
    if (arguments.xlsx_option->count()) outputs.push_back({"--xlsx", arguments.xlsx_path});
    refuse_outputs_over_inputs(inputs, outputs);
  }
  std::optional<ReportFile> report;
  if (arguments.report_option->count()) report.emplace(arguments.report_path, "--report");
  std::optional<ReportFile> workbook;
  if (arguments.xlsx_option->count()) workbook.emplace(arguments.xlsx_path, "--xlsx", "comparison.xlsx");
  if (out.empty()) throw usage_error("--out needs a folder name");
  // Ctrl-C and SIGTERM stop the runs between replications (main reports it); nothing is written.
  options.cancel = Interruption::flag();

  // Read and check everything before simulating anything.
  std::vector<Simulation> simulations;
  for (const auto& path : paths) simulations.emplace_back(load_scenario(path));
  const Scenario& base = simulations[0].scenario();
  for (size_t i = 1; i < simulations.size(); ++i)
    check_strategy_matches_base(base, paths[0], simulations[i].scenario(), paths[i]);
  options.uncertainty = resolve_uncertainty(arguments.uncertainty);

  std::vector<RunResults> results;
  {
    ProgressBar progress("caseflow compare");
    const int total = options.replications * static_cast<int>(simulations.size());
    for (size_t i = 0; i < simulations.size(); ++i) {
      const int done_before = options.replications * static_cast<int>(i);
      options.on_progress = [&](int completed, int) { progress.update(done_before + completed, total); };
      try {
        results.push_back(run_replications(simulations[i], options));
      } catch (const InputError& error) {
        throw with_source(error, paths[i]);
      }
    }
  }

  std::vector<NamedComparison> comparisons;
  for (size_t i = 1; i < simulations.size(); ++i)
    comparisons.push_back({stem(paths[i]), simulations[i].scenario().name, compare_runs(results[0], results[i], base.comparators)});

  // The base's summary serves its summary.csv and the report; a strategy needs only its summary.csv.
  const RunSummary base_summary = summarize_run(results[0], base);
  StagedOutput output(out);
  for (const auto& [file, table] : comparison_tables(comparisons)) output.write(file, [&](std::ostream& o) { write_csv(table, o); });
  for (size_t i = 0; i < simulations.size(); ++i) {
    std::string prefix = (i == 0 ? std::string("base") : stem(paths[i])) + "_";
    const SummaryGrid stocks = i == 0 ? base_summary.stocks : summarize_stocks(results[i]);
    output.write(prefix + "summary.csv", [&](std::ostream& o) { write_csv(stock_summary_table(results[i].layout, stocks), o); });
  }
  Interruption::stop_if_interrupted();  // `output` removes what it staged
  // The report is staged before the CSV files are committed and committed after them: all or nothing.
  if (report) {
    // The bands hold what any of the scenarios states: a strategy may state a range for its own effect.
    HeldUncertainty held;
    for (const Simulation& simulation : simulations) {
      HeldUncertainty own = held_uncertainty(simulation.scenario(), options.uncertainty);
      held.parameters = held.parameters || own.parameters;
      held.drift = held.drift || own.drift;
    }
    report->stage(render_comparison_report(base, results[0], base_summary, comparisons, {paths, options.uncertainty, held}));
  }
  if (workbook) {
    std::vector<const Scenario*> strategies;
    for (size_t i = 1; i < simulations.size(); ++i) strategies.push_back(&simulations[i].scenario());
    workbook->stage(comparison_workbook(base, results[0].layout, base_summary, strategies, comparisons,
                                        {options.replications, options.seed, options.uncertainty}));
  }
  output.commit();
  if (report) report->commit();
  if (workbook) workbook->commit();
  warn_if_chance_alone(base, paths[0], options.uncertainty);

  std::cout << base.name << ": " << options.replications << " replications, seed " << options.seed
            << ", common random numbers\n\n";
  write_comparison_table(comparisons, std::cout);
  std::cout << "\nwrote " << out << "/comparison_*.csv and the summary.csv of each scenario\n";
  if (report) std::cout << "wrote " << report->path() << "\n";
  if (workbook) std::cout << "wrote " << workbook->path() << " (the Excel workbook)\n";
  return 0;
}

}  // namespace

Command add_compare_command(CLI::App& program) {
  auto arguments = std::make_shared<CompareArguments>();
  CLI::App* command = program.add_subcommand(
      "compare", "run a base and strategies with common random numbers; writes DIR/comparison_*.csv");
  add_scenario(*command, "BASE", arguments->base_path, "the base scenario file (JSON)");
  command->add_option("STRATEGY", arguments->strategy_paths, "one or more strategies: scenario files with the base's "
                                                              "states, start date and horizon")
      ->type_name("")
      ->required();
  add_replication_options(*command, arguments->options.replications, arguments->options.seed, arguments->options.threads);
  add_uncertainty_options(*command, arguments->uncertainty);
  arguments->out_option = add_text(*command, "-o,--out", arguments->out, "DIR",
                                   "the folder to write to; by default compare-BASE (the base file's name)");
  arguments->report_option = add_text(*command, "--report", arguments->report_path, "FILE.html",
                                      "also write the comparison's report, one HTML file");
  arguments->xlsx_option = add_text(*command, "--xlsx", arguments->xlsx_path, "FILE.xlsx",
                                    "also write the comparison's tables as an Excel workbook: the strategies ranked, a sheet "
                                    "per file, and the assumptions with their sources");
  // Each run is checked against the limits on its own (the results of every scenario are kept until the end).
  add_limit_options(*command, arguments->options.limits);
  return {command, [arguments] { return compare_scenarios(*arguments); }};
}

}  // namespace caseflow::cli
