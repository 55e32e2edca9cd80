#include "caseflow/stats/variance_sources.hpp"

#include <algorithm>

#include "caseflow/stats/cost_summary.hpp"

namespace caseflow {

namespace {

template <class Column>
double variance(const Column& values) {
  const Eigen::Index n = values.size();
  if (n < 2) return 0;
  double mean = values.template cast<double>().mean();
  return (values.template cast<double>().array() - mean).square().sum() / static_cast<double>(n - 1);
}

std::vector<double> in_care_variances(const RunResults& results) {
  const OutputLayout& layout = results.layout;
  std::vector<double> out;
  for (size_t k = 0; k < layout.snapshots(); ++k)
    out.push_back(variance(results.stocks.col(static_cast<Eigen::Index>(layout.stock_cell(k, layout.in_care_column())))));
  return out;
}

std::vector<double> cost_variances(const RunResults& results) {
  if (!has_costs(results)) return {};
  DaysMatrix totals = financial_year_costs(results);
  std::vector<double> out;
  for (Eigen::Index y = 0; y < totals.cols(); ++y) out.push_back(variance(totals.col(y)));
  return out;
}

VarianceSources::Shares shares(double chance, double parameters, double all) {
  double added_parameters = std::max(0.0, parameters - chance);
  double added_drift = std::max(0.0, all - parameters);
  double total = chance + added_parameters + added_drift;
  if (!(total > 0)) return {};
  return {chance / total, added_parameters / total, added_drift / total};
}

}  // namespace

VarianceSources::Shares VarianceSources::in_care_shares(size_t snapshot) const {
  return shares(in_care_chance[snapshot], in_care_parameters[snapshot], in_care_all[snapshot]);
}

VarianceSources::Shares VarianceSources::cost_shares(size_t financial_year) const {
  return shares(cost_chance[financial_year], cost_parameters[financial_year], cost_all[financial_year]);
}

int variance_source_runs(const HeldUncertainty& held) {
  // As variance_sources below: chance when anything else is held, and the parameters layer under drift.
  return held.chance_alone() ? 0 : held.parameters && held.drift ? 2 : 1;
}

VarianceSources variance_sources(const Simulation& simulation, const RunOptions& options, const RunResults& full_run) {
  VarianceSources sources;
  sources.held = held_uncertainty(simulation.scenario(), options.uncertainty);
  sources.in_care_all = in_care_variances(full_run);
  sources.cost_all = cost_variances(full_run);
  auto run_layer = [&](Uncertainty layer, std::vector<double>& in_care, std::vector<double>& costs) {
    RunOptions layer_options = options;
    layer_options.uncertainty = layer;
    RunResults results = run_replications(simulation, layer_options);
    in_care = in_care_variances(results);
    costs = cost_variances(results);
  };
  if (sources.held.drift && sources.held.parameters) {
    run_layer(Uncertainty::parameters, sources.in_care_parameters, sources.cost_parameters);
  } else {
    sources.in_care_parameters = sources.in_care_all;  // no drift: the full run is the parameters layer
    sources.cost_parameters = sources.cost_all;
  }
  if (sources.held.chance_alone()) {
    sources.in_care_chance = sources.in_care_all;
    sources.cost_chance = sources.cost_all;
  } else if (!sources.held.parameters) {
    // Drift alone: the parameters layer is chance; run it once, for both.
    run_layer(Uncertainty::chance, sources.in_care_chance, sources.cost_chance);
    sources.in_care_parameters = sources.in_care_chance;
    sources.cost_parameters = sources.cost_chance;
  } else {
    run_layer(Uncertainty::chance, sources.in_care_chance, sources.cost_chance);
  }
  return sources;
}

}  // namespace caseflow
