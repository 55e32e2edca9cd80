#include "export_command.hpp"

#include <cstdio>
#include <memory>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/run_limits.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"
#include "caseflow/ssda903/ssda903_export.hpp"
#include "interruption.hpp"
#include "run_guard.hpp"
#include "run_options.hpp"

namespace caseflow::cli {

namespace {

struct ExportArguments {
  std::string scenario_path;
  std::string out;
  uint64_t seed = 1;
  uint64_t replication = 0;
  std::string mapping_path;
  CLI::Option* mapping_option = nullptr;
  UncertaintyChoice uncertainty;
  RunLimits limits;
};

int export_replication(const ExportArguments& arguments) {
  Ssda903Mapping mapping = arguments.mapping_option->count() ? load_mapping(arguments.mapping_path) : default_mapping();
  Simulation simulation(load_scenario(arguments.scenario_path));
  // The limits `run` applies, for its one replication: a scenario that would simulate millions of children
  // is refused before it fills the memory (issue 16).
  try {
    check_run_limits(simulation, 1, 1, arguments.limits);
  } catch (const InputError& error) {
    throw with_source(error, arguments.scenario_path);
  }

  ReplicationRecord record;
  ChildTrace trace;
  DrawnReplications(simulation, resolve_uncertainty(arguments.uncertainty)).run(arguments.seed, arguments.replication, record, &trace);
  Interruption::stop_if_interrupted();  // main reports it; nothing is written
  Ssda903Texts texts = export_ssda903(simulation.scenario(), trace, mapping);
  Interruption::stop_if_interrupted();
  write_csv_texts(texts, arguments.out);
  std::printf("%zu simulated children, %zu collection years written to %s (episodes_YYYY.csv, header_YYYY.csv, uasc_YYYY.csv)\n",
              trace.birth_days.size(), texts.episodes.size(), arguments.out.c_str());
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& program) {
  auto arguments = std::make_shared<ExportArguments>();
  CLI::App* command = program.add_subcommand("export-903", "write one simulated replication as SSDA903 files");
  add_scenario(*command, "SCENARIO", arguments->scenario_path, "the scenario file (JSON)");
  add_text(*command, "-o,--out", arguments->out, "DIR", "the folder to write the SSDA903 files to")->required();
  add_unsigned(*command, "--seed", arguments->seed, "S", "random seed");
  add_unsigned(*command, "--replication", arguments->replication, "R", "which replication of that seed to write");
  arguments->mapping_option = add_text(*command, "--mapping", arguments->mapping_path, "FILE",
                                       "how states map to SSDA903 codes (default: data/ssda903-mapping.json, built in)");
  add_uncertainty_options(*command, arguments->uncertainty);
  add_limit_options(*command, arguments->limits);
  return {command, [arguments] { return export_replication(*arguments); }};
}

}  // namespace caseflow::cli
