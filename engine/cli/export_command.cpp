#include "export_command.hpp"

#include <cstdio>

#include "arguments.hpp"
#include "caseflow/scenario/parameter_uncertainty.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"
#include "caseflow/ssda903/ssda903_export.hpp"

namespace caseflow::cli {

int export_command(const std::vector<std::string>& words) {
  Arguments arguments(words, {"--out", "--seed", "--replication", "--mapping"}, {"--parameter-uncertainty"});
  if (arguments.positional().size() != 1 || !arguments.has("--out"))
    throw usage_error(
        "usage: caseflow export-903 SCENARIO --out DIR [--seed S] [--replication R] [--mapping FILE] [--parameter-uncertainty]");
  uint64_t seed = arguments.unsigned_integer("--seed", 1);
  uint64_t replication = arguments.unsigned_integer("--replication", 0);
  auto mapping_path = arguments.value("--mapping");
  Ssda903Mapping mapping = mapping_path ? load_mapping(*mapping_path) : default_mapping();
  Simulation simulation(load_scenario(arguments.positional()[0]));

  ReplicationRecord record;
  ChildTrace trace;
  if (arguments.has("--parameter-uncertainty"))
    DrawnReplications(simulation, Uncertainty::all).run(seed, replication, record, &trace);
  else
    simulation.run_replication(seed, replication, record, &trace);
  Ssda903Texts texts = export_ssda903(simulation.scenario(), trace, mapping);
  std::string out = *arguments.value("--out");
  write_csv_texts(texts, out);
  std::printf("%zu simulated children, %zu collection years written to %s (episodes_YYYY.csv, header_YYYY.csv, uasc_YYYY.csv)\n",
              trace.birth_days.size(), texts.episodes.size(), out.c_str());
  return 0;
}

}  // namespace caseflow::cli
