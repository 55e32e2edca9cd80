#include "uncertainty_json.hpp"

namespace caseflow::detail {

ParameterUncertainty parse_rate_uncertainty(const JsonNode& node) {
  node.expect_object({"events", "exposure_days"});
  ParameterUncertainty uncertainty;
  uncertainty.given = true;
  uncertainty.events = node["events"].as_positive();
  uncertainty.exposure_days = node["exposure_days"].as_positive();
  return uncertainty;
}

ParameterUncertainty parse_time_uncertainty(const JsonNode& time_node, TimeDistribution::Kind kind, bool for_transition) {
  JsonNode node = time_node["uncertainty"];
  if (!for_transition) node.fail("parameter uncertainty belongs to transition times, not to days_in_state");
  if (kind == TimeDistribution::Kind::exponential) return parse_rate_uncertainty(node);
  if (kind != TimeDistribution::Kind::weibull)
    node.fail("parameter uncertainty is supported for exponential and weibull times, not for \"" +
              time_node["dist"].as_string() + "\"");
  node.expect_object({"log_shape_se", "log_scale_se", "correlation"});
  ParameterUncertainty uncertainty;
  uncertainty.given = true;
  uncertainty.log_shape_se = node["log_shape_se"].as_non_negative();
  uncertainty.log_scale_se = node["log_scale_se"].as_non_negative();
  if (node.has("correlation")) {
    uncertainty.correlation = node["correlation"].as_number();
    if (uncertainty.correlation < -1 || uncertainty.correlation > 1)
      node["correlation"].fail("must be between -1 and 1, got " + describe(node["correlation"].value()));
  }
  return uncertainty;
}

void add_uncertainty_json(nlohmann::json& object, const ParameterUncertainty& uncertainty) {
  if (!uncertainty.given) return;
  if (uncertainty.events > 0)
    object["uncertainty"] = {{"events", uncertainty.events}, {"exposure_days", uncertainty.exposure_days}};
  else
    object["uncertainty"] = {{"log_shape_se", uncertainty.log_shape_se},
                             {"log_scale_se", uncertainty.log_scale_se},
                             {"correlation", uncertainty.correlation}};
}

}  // namespace caseflow::detail
