#pragma once
// The optional "uncertainty" object of a transition's time or an arrival stream, in scenario JSON
// (private to the scenario readers and writer; the format is in docs/calibration.md):
//   exponential times and arrivals: {"events": n, "exposure_days": x}
//   weibull times: {"log_shape_se": a, "log_scale_se": b, "correlation": r}

#include <nlohmann/json.hpp>

#include "caseflow/base/json_reader.hpp"
#include "caseflow/scenario/scenario.hpp"

namespace caseflow::detail {

// `time_node` is the time object holding "uncertainty"; `for_transition` false for days_in_state.
ParameterUncertainty parse_time_uncertainty(const JsonNode& time_node, TimeDistribution::Kind kind, bool for_transition);
ParameterUncertainty parse_rate_uncertainty(const JsonNode& node);

// Adds "uncertainty" to `object` when there is one.
void add_uncertainty_json(nlohmann::json& object, const ParameterUncertainty& uncertainty);

}  // namespace caseflow::detail
