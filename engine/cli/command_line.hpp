#pragma once
// The command line of `caseflow`, on CLI11. Every command declares its options through these helpers, so
// that they behave alike: whole numbers checked against their range, text and file values that refuse a
// flag in their place, switches that take no value. parse_command_line turns CLI11's outcome into
// caseflow's: --help and --version print and exit 0, and every usage error is an InputError from
// "caseflow" whose one-line message names the flag (with a suggestion for a mistyped one): exit code 2.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "caseflow/base/input_error.hpp"

namespace caseflow::cli {

// An InputError about the command line itself.
InputError usage_error(const std::string& message);

// A command of the program: its CLI11 subcommand, and what runs it once the command line is parsed
// (returning the exit code). The options are bound to state the function shares.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// "--name N": a whole number from `min` to `max` into `target`, whose value is the default shown by --help.
CLI::Option* add_whole_number(CLI::App& command, const std::string& names, int& target, long long min, long long max,
                              const std::string& help);
// The same for a limit held as a double (RunLimits); `default_text` is what --help shows as its default.
CLI::Option* add_whole_number(CLI::App& command, const std::string& names, double& target, long long min, long long max,
                              const std::string& help, const std::string& default_text);
// "--name S": any whole number from 0 to 2^64 - 1 (a seed, a replication number).
CLI::Option* add_unsigned(CLI::App& command, const std::string& names, uint64_t& target, const std::string& value_name,
                          const std::string& help);
// "--name VALUE": text (a path, a date, a choice); `value_name` is how --help shows it ("DIR", "DATE").
CLI::Option* add_text(CLI::App& command, const std::string& names, std::string& target, const std::string& value_name,
                      const std::string& help);
// "--name VALUE": one of `choices` ("exponential|weibull" in --help); the target's value is the default.
CLI::Option* add_choice(CLI::App& command, const std::string& names, std::string& target, const std::vector<std::string>& choices,
                        const std::string& help);
// "--name FILE...": one or more files, and the option may be repeated (`--episodes a.csv b.csv --episodes c.csv`).
CLI::Option* add_files(CLI::App& command, const std::string& names, std::vector<std::string>& target, const std::string& help);
// "--name": on when given; it takes no value.
CLI::Option* add_switch(CLI::App& command, const std::string& names, bool& target, const std::string& help);
// The scenario file(s) a command reads: positional, required.
CLI::Option* add_scenario(CLI::App& command, const std::string& name, std::string& target, const std::string& help);

// Settings every command shares: --help's layout (descriptions wrapped to 80 columns, which CLI11 2.1 does
// not do), words no command takes kept aside for parse_command_line to refuse with a suggestion, and a value
// option given twice taking the last value. Call before adding the commands: they take them from `program`.
void configure_program(CLI::App& program);

// What parsing came to: the command to run, or none and the exit code when there is nothing to run (help
// or the version printed: 0; no command given, the usage printed on stderr: 2).
struct ParsedCommandLine {
  CLI::App* command = nullptr;
  int exit_code = 0;
};

// Parses argv[1..argc) against `program` and its commands. Throws InputError for any usage error.
ParsedCommandLine parse_command_line(CLI::App& program, int argc, const char* const* argv);

}  // namespace caseflow::cli
