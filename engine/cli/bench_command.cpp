#include "bench_command.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/benchmark.hpp"
#include "caseflow/sim/runner.hpp"
#include "interruption.hpp"
#include "run_guard.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace {

void print_row(const char* label, const std::string& single, const std::string& parallel) {
  std::printf("  %-22s %14s %14s\n", label, single.c_str(), parallel.c_str());
}

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string whole(uint64_t value) { return std::to_string(value); }

struct BenchArguments {
  std::string scenario_path;
  BenchmarkOptions options;
  int months = 0;
  CLI::Option* months_option = nullptr;
  UncertaintyChoice uncertainty;
};

int bench_scenario(BenchArguments& arguments) {
  const std::string& scenario_path = arguments.scenario_path;
  BenchmarkOptions& options = arguments.options;
  if (arguments.months_option->count()) options.horizon_months = arguments.months;
  options.uncertainty = resolve_uncertainty(arguments.uncertainty);
  options.cancel = Interruption::flag();  // Ctrl-C and SIGTERM stop the runs between replications

  // The machine's load when the measurement starts: timings on a shared machine mean little without it.
  double load[1] = {-1};
  bool has_load = getloadavg(load, 1) == 1;

  BenchmarkResult result;
  try {
    result = run_benchmark(load_scenario(scenario_path), options);
  } catch (const InputError& error) {
    throw with_source(error, scenario_path);
  }

  const BenchmarkRun& one = result.single_thread;
  const BenchmarkRun& many = result.parallel;
  std::printf("caseflow bench %s: %s, seed %llu, uncertainty %s\n", scenario_path.c_str(), result.scenario_name.c_str(),
              static_cast<unsigned long long>(options.seed), uncertainty_name(options.uncertainty));
  if (has_load) std::printf("load average (1 min) at the start: %.2f on %d hardware threads\n", load[0], resolve_thread_count(0));
  print_row("", "1 thread", std::to_string(many.threads) + (many.threads == 1 ? " thread" : " threads"));
  print_row("replications", whole(static_cast<uint64_t>(one.replications)), whole(static_cast<uint64_t>(many.replications)));
  print_row("months", whole(static_cast<uint64_t>(result.horizon_months)), whole(static_cast<uint64_t>(result.horizon_months)));
  print_row("events", whole(one.events), whole(many.events));
  print_row("wall time (s)", format("%.3f", one.wall_seconds), format("%.3f", many.wall_seconds));
  print_row("CPU time (s)", format("%.3f", one.cpu_seconds), format("%.3f", many.cpu_seconds));
  print_row("events/s per core", format("%.4g", one.events_per_second_per_core()),
            format("%.4g", many.events_per_second_per_core()));
  print_row("replications/s", format("%.1f", one.replications_per_second()), format("%.1f", many.replications_per_second()));
  print_row("peak memory (MB)", format("%.1f", one.peak_memory_mb), format("%.1f", many.peak_memory_mb));
  print_row("thread scaling", "1.00", format("%.2f", result.thread_scaling()));
  std::printf("events/s per core: events per CPU-second on 1 thread, per wall-second and thread on %d.\n"
              "peak memory: the process's peak resident memory up to the end of that run (ru_maxrss).\n",
              many.threads);
  return 0;
}

}  // namespace

Command add_bench_command(CLI::App& program) {
  auto arguments = std::make_shared<BenchArguments>();
  CLI::App* command = program.add_subcommand(
      "bench", "time a scenario on 1 thread and on T (default all): events/s per core, replications/s, wall and CPU "
               "time, peak memory, thread scaling; writes no files");
  add_scenario(*command, "SCENARIO", arguments->scenario_path, "the scenario file (JSON)");
  add_replication_options(*command, arguments->options.replications, arguments->options.seed, arguments->options.threads);
  add_uncertainty_options(*command, arguments->uncertainty);
  arguments->months_option =
      add_whole_number(*command, "--months", arguments->months, 1, kMaxHorizonMonths,
                       "forecast this many months instead of the scenario's horizon")
          ->type_name("M")
          ->default_str("");
  add_limit_options(*command, arguments->options.limits);
  return {command, [arguments] { return bench_scenario(*arguments); }};
}

}  // namespace caseflow::cli
