#include "run_options.hpp"

#include <cstdio>
#include <string>

namespace caseflow::cli {

void add_replication_options(CLI::App& command, int& replications, uint64_t& seed, int& threads) {
  add_whole_number(command, "--replications", replications, kMinReplications, kMaxReplications,
                   "independent replications of the forecast");
  add_unsigned(command, "--seed", seed, "S", "random seed: the same seed gives the same numbers, at any thread count");
  add_whole_number(command, "--threads", threads, 0, kMaxThreads, "worker threads; 0 for all hardware threads")
      ->type_name("T");
}

void add_uncertainty_options(CLI::App& command, UncertaintyChoice& choice) {
  choice.layer_option = add_choice(command, "--uncertainty", choice.layer, {"chance", "parameters", "all"},
                                   "what the bands hold: chance (children's paths) alone; and parameters (the ranges and "
                                   "estimated uncertainty the scenario states); and all (drift too)");
  add_switch(command, "--parameter-uncertainty", choice.parameter_uncertainty,
             "the default (--uncertainty all), kept for command lines written before it was");
}

Uncertainty resolve_uncertainty(const UncertaintyChoice& choice) {
  Uncertainty uncertainty = Uncertainty::all;
  uncertainty_from_name(choice.layer, uncertainty);
  if (choice.parameter_uncertainty && choice.layer_option && choice.layer_option->count() && uncertainty != Uncertainty::all)
    throw usage_error("--parameter-uncertainty asks for every source of uncertainty, --uncertainty " + choice.layer +
                      " for fewer: give one of them");
  return uncertainty;
}

void warn_if_chance_alone(const Scenario& scenario, const std::string& scenario_path, Uncertainty uncertainty) {
  if (uncertainty == Uncertainty::chance || !held_uncertainty(scenario, uncertainty).chance_alone()) return;
  std::fprintf(stderr,
               "warning: %s states no parameter ranges, estimated uncertainty or drift: its bands hold only the chance of "
               "individual children's paths, far narrower than what real forecasts miss by (docs/scenario-format.md, "
               "\"Uncertainty\")\n",
               scenario_path.c_str());
}

void add_limit_options(CLI::App& command, RunLimits& limits) {
  add_whole_number(command, "--max-memory-mb", limits.max_memory_mb, 1, 1LL << 40,
                   "refuse a run that would need more memory than this, in MiB (default: half of this machine's)", "")
      ->type_name("MB");
  add_whole_number(command, "--max-children", limits.max_children, 1, static_cast<long long>(kMaxChildrenPerReplication),
                   "refuse a run whose replications would each simulate more children than this",
                   std::to_string(static_cast<long long>(limits.max_children)));
}

}  // namespace caseflow::cli
