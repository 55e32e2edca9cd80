// The `caseflow` program: a thin shell that turns command lines into engine calls.
// Exit codes: 0 success, 2 bad input (the message names the file and the place in it, or the flag), 1 anything
// else, 128 + the signal's number when interrupted.

#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "backtest_command.hpp"
#include "bench_command.hpp"
#include "calibrate_command.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/base/resource_error.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/sim/runner.hpp"
#include "command_line.hpp"
#include "compare_command.hpp"
#include "export_command.hpp"
#include "interruption.hpp"
#include "report_command.hpp"
#include "run_command.hpp"
#include "serve_command.hpp"

int main(int argc, char** argv) {
  using namespace caseflow::cli;
  // From the start: a signal while a scenario or a return is read, or files are written, stops the command
  // at its next check with nothing written, never half-way.
  Interruption interruption;
  std::string command_name = "caseflow";
  try {
    CLI::App program("caseflow: forecasts of children in care, by discrete-event simulation", "caseflow");
    program.set_version_flag("--version", "caseflow " CASEFLOW_VERSION, "print the version and exit");
    program.require_subcommand(0, 1);
    configure_program(program);
    // Every command's help ends with this; the program's own adds how to get a command's.
    const std::string exit_codes =
        "exit codes: 0 success, 2 bad input, 1 another error (an unwritable folder...),\n"
        "130/143 interrupted by Ctrl-C/SIGTERM (nothing written). Errors: docs/errors.md";
    program.footer(exit_codes);
    const std::vector<Command> commands = {add_run_command(program),       add_compare_command(program),
                                           add_report_command(program),    add_calibrate_command(program),
                                           add_backtest_command(program),  add_export_command(program),
                                           add_bench_command(program),     add_serve_command(program)};
    program.footer("`caseflow COMMAND --help` lists a command's options, with their defaults.\n" + exit_codes);

    ParsedCommandLine parsed = parse_command_line(program, argc, argv);
    for (const Command& command : commands) {
      if (command.app != parsed.command) continue;
      command_name += " " + command.app->get_name();
      return command.run();
    }
    return parsed.exit_code;
  } catch (const caseflow::RunCancelled&) {
    // What the command had staged was removed as its StagedOutput went out of scope.
    std::fprintf(stderr, "%s: interrupted by signal %d; nothing was written\n", command_name.c_str(),
                 Interruption::signal_number());
    return Interruption::exit_code();
  } catch (const caseflow::InputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  } catch (const caseflow::OutputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  } catch (const caseflow::ResourceError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "error: out of memory (fewer replications or threads need less)\n");
    return 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "internal error: %s\n", error.what());
    return 1;
  }
}
