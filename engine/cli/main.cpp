// The `caseflow` program: a thin shell that turns command lines into engine calls.
// Exit codes: 0 success, 2 bad input (the message names the file and the place in it), 1 anything else.

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "backtest_command.hpp"
#include "bench_command.hpp"
#include "calibrate_command.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/base/staged_output.hpp"
#include "compare_command.hpp"
#include "export_command.hpp"
#include "report_command.hpp"
#include "run_command.hpp"

namespace {

constexpr const char* kUsage =
    "usage: caseflow COMMAND ...\n"
    "\n"
    "commands:\n"
    "  run SCENARIO [--replications N] [--seed S] [--threads T] [--out DIR] [--per-replication]\n"
    "      [--parameter-uncertainty] [--report FILE.html] [--max-memory-mb MB] [--max-children N]\n"
    "      simulate a scenario; writes DIR/summary.csv and DIR/flows_summary.csv\n"
    "      (and stocks.csv, flows.csv with --per-replication; and a report with --report)\n"
    "  compare BASE STRATEGY... [--replications N] [--seed S] [--threads T] [--out DIR] [--report FILE.html]\n"
    "      [--max-memory-mb MB] [--max-children N]\n"
    "      run a base and strategies with common random numbers; writes DIR/comparison_*.csv\n"
    "  report SCENARIO [--replications N] [--seed S] [--threads T] -o FILE.html\n"
    "      simulate a scenario and write a report to open in a browser or print: one HTML file\n"
    "  calibrate --episodes FILE... --header FILE... [--uasc FILE...] --as-of DATE -o SCENARIO.json ...\n"
    "      estimate a scenario from SSDA903 returns (docs/calibration.md)\n"
    "  backtest --episodes FILE... --header FILE... --as-of DATE [--months N] --out DIR ...\n"
    "      fit up to a date, forecast the months after, compare with what happened\n"
    "  export-903 SCENARIO --out DIR [--seed S] [--replication R]\n"
    "      write one simulated replication as SSDA903 files\n"
    "  bench SCENARIO [--replications N] [--seed S] [--threads T] [--months M]\n"
    "      time the scenario on 1 thread and on T (default all): events/s per core, replications/s,\n"
    "      wall and CPU time, peak memory, thread scaling; writes no files\n"
    "\n"
    "exit codes: 0 success, 2 bad input, 1 another error (such as an unwritable folder),\n"
    "130/143 interrupted by Ctrl-C/SIGTERM (nothing written). Errors: docs/errors.md\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    std::fputs(kUsage, words.empty() ? stderr : stdout);
    return words.empty() ? 2 : 0;
  }
  std::string command = words[0];
  words.erase(words.begin());
  try {
    if (command == "run") return caseflow::cli::run_command(words);
    if (command == "report") return caseflow::cli::report_command(words);
    if (command == "compare") return caseflow::cli::compare_command(words);
    if (command == "calibrate") return caseflow::cli::calibrate_command(words);
    if (command == "backtest") return caseflow::cli::backtest_command(words);
    if (command == "export-903") return caseflow::cli::export_command(words);
    if (command == "bench") return caseflow::cli::bench_command(words);
    std::fprintf(stderr, "%s", kUsage);
    throw caseflow::cli::usage_error("unknown command \"" + command + "\"");
  } catch (const caseflow::InputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  } catch (const caseflow::OutputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "internal error: %s\n", error.what());
    return 1;
  }
}
