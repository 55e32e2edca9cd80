#include "compare_command.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "arguments.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/output/comparison_outputs.hpp"
#include "caseflow/output/run_tables.hpp"
#include "caseflow/report/report_comparison.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "interruption.hpp"
#include "progress_bar.hpp"
#include "report_file.hpp"
#include "run_guard.hpp"

namespace caseflow::cli {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

}  // namespace

int compare_command(const std::vector<std::string>& words) {
  Arguments arguments(words, {"--replications", "--seed", "--threads", "--out", "--report", kMaxMemoryOption, kMaxChildrenOption},
                      {});
  if (arguments.positional().size() < 2)
    throw usage_error("usage: caseflow compare BASE STRATEGY... [--replications N] [--seed S] [--threads T] [--out DIR]"
                      " [--report FILE.html] [--max-memory-mb MB] [--max-children N]");
  RunOptions options;
  options.replications = static_cast<int>(arguments.integer("--replications", 1000, 1, 10'000'000));
  options.seed = arguments.unsigned_integer("--seed", 1);
  options.threads = static_cast<int>(arguments.integer("--threads", 0, 0, 1024));
  const auto& paths = arguments.positional();
  std::string out = arguments.value("--out").value_or("compare-" + stem(paths[0]));
  std::optional<ReportFile> report;
  if (auto report_path = arguments.value("--report")) report.emplace(*report_path, "--report");
  if (out.empty()) throw usage_error("--out needs a folder name");
  // Each run is checked against the limits on its own (the results of every scenario are kept until the end).
  read_run_limits(arguments, options.limits);
  // Ctrl-C and SIGTERM stop the runs between replications; nothing is written.
  Interruption interruption;
  options.cancel = interruption.flag();

  // Read and check everything before simulating anything.
  std::vector<Simulation> simulations;
  for (const auto& path : paths) simulations.emplace_back(load_scenario(path));
  const Scenario& base = simulations[0].scenario();
  for (size_t i = 1; i < simulations.size(); ++i) {
    const Scenario& strategy = simulations[i].scenario();
    if (simulations[i].layout().stock_columns != simulations[0].layout().stock_columns)
      throw InputError(paths[i], "/states", "a strategy must have the same states, in the same order, as its base " + paths[0]);
    if (strategy.start_date != base.start_date) throw InputError(paths[i], "/start_date", "must equal the base's start date");
    if (strategy.horizon_months != base.horizon_months)
      throw InputError(paths[i], "/horizon_months", "must equal the base's horizon");
  }

  std::vector<RunResults> results;
  try {
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
  } catch (const RunCancelled&) {
    std::fprintf(stderr, "caseflow compare: interrupted by signal %d; nothing was written\n", interruption.signal_number());
    return interruption.exit_code();
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
  if (interruption.interrupted()) {
    std::fprintf(stderr, "caseflow compare: interrupted by signal %d; nothing was written\n", interruption.signal_number());
    return interruption.exit_code();  // `output` removes what it staged
  }
  // The report is staged before the CSV files are committed and committed after them: all or nothing.
  if (report) report->stage(render_comparison_report(base, results[0], base_summary, comparisons, {paths}));
  output.commit();
  if (report) report->commit();

  std::cout << base.name << ": " << options.replications << " replications, seed " << options.seed
            << ", common random numbers\n\n";
  write_comparison_table(comparisons, std::cout);
  std::cout << "\nwrote " << out << "/comparison_*.csv and the summary.csv of each scenario\n";
  if (report) std::cout << "wrote " << report->path() << "\n";
  return 0;
}

}  // namespace caseflow::cli
