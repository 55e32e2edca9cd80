// Reading a scenario's comparators from JSON: reference counts of children in care (a target, a
// neighbour's rate applied to this council) that the outputs compare the forecast with.

#include "scenario_parts.hpp"

namespace caseflow::detail {

void read_comparators(const JsonNode& root, Scenario& scenario) {
  if (root.has("comparators")) {
    JsonNode comparators = root["comparators"];
    comparators.expect_array();
    for (size_t i = 0; i < comparators.size(); ++i) {
      JsonNode node = comparators[i];
      node.expect_object({"id", "label", "count"});
      Comparator comparator{node["id"].as_id(), node.has("label") ? node["label"].as_string() : "",
                            node["count"].as_non_negative(), node.note()};
      for (const auto& other : scenario.comparators)
        if (other.id == comparator.id) node["id"].fail("duplicate comparator id \"" + comparator.id + "\"");
      scenario.comparators.push_back(std::move(comparator));
    }
  }
}

}  // namespace caseflow::detail
