#pragma once
// Replications that each draw their own parameters and drift paths before simulating (the layers of
// uncertainty a run's bands hold), or, with chance alone, all run the scenario as it is.

#include <cstdint>
#include <optional>
#include <string>

#include "caseflow/scenario/parameter_uncertainty.hpp"
#include "caseflow/sim/child_trace.hpp"
#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow {

// Which sources of uncertainty a run's bands hold, each layer including those before it: the chance of
// individual children's paths; and the parameters not being known (parameter_uncertainty.hpp); and the rates
// drifting over the horizon (drift.hpp).
enum class Uncertainty { chance, parameters, all };

// "chance", "parameters", "all"; and back (false for any other word).
const char* uncertainty_name(Uncertainty uncertainty);
bool uncertainty_from_name(const std::string& name, Uncertainty& uncertainty);

// What a run's band holds beyond chance: the layers asked for that the scenario states anything for.
struct HeldUncertainty {
  bool parameters = false;  // the scenario has ranges, estimated uncertainties or uncertain mixes
  bool drift = false;       // the scenario has a drift trend or volatility
  bool chance_alone() const { return !parameters && !drift; }
};
HeldUncertainty held_uncertainty(const Scenario& scenario, Uncertainty asked);

class DrawnReplications {
 public:
  DrawnReplications(const Simulation& simulation, Uncertainty uncertainty);

  // Whether replications draw anything: false when the layer is chance alone, or when the scenario states
  // no uncertainty for the layers asked for (then every replication runs `simulation` itself).
  bool draws() const { return sampler_.has_value() || drift_; }

  // Thread-safe. A replication that draws builds a Simulation of its own (a few percent of a replication).
  void run(uint64_t seed, uint64_t replication, ReplicationRecord& record, ChildTrace* trace = nullptr) const;

 private:
  const Simulation& simulation_;
  Scenario numbers_;  // the scenario without its notes and labels: what each replication copies and draws into
  std::optional<ParameterSampler> sampler_;
  bool drift_ = false;
};

}  // namespace caseflow
