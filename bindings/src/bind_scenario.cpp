// Scenarios through the engine's JSON reader and writer.

#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "python_json.hpp"

namespace caseflow::python {

namespace py = pybind11;

namespace {

std::vector<std::string> ids(const auto& definitions) {
  std::vector<std::string> out;
  for (const auto& definition : definitions) out.push_back(definition.id);
  return out;
}

std::vector<std::string> labels(const auto& definitions) {
  std::vector<std::string> out;
  for (const auto& definition : definitions) out.push_back(definition.label);
  return out;
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<Scenario>(m, "Scenario")
      .def_static("load", [](const std::string& path) { return load_scenario(path); }, py::arg("path"))
      .def_static(
          "from_json_value",
          [](py::handle value, const std::string& source, std::optional<std::string> base_directory) {
            nlohmann::json document = json_from_python(value, source);
            // Only with a directory can "base" (inheritance from another file) be resolved.
            return base_directory ? scenario_from_json(document, source, *base_directory) : scenario_from_json(document, source);
          },
          py::arg("value"), py::arg("source"), py::arg("base_directory"))
      .def("to_json_value", [](const Scenario& scenario) { return python_from_json(scenario_to_json(scenario)); })
      .def_property_readonly("name", [](const Scenario& s) { return s.name; })
      .def_property_readonly("start_date", [](const Scenario& s) { return format_iso_date(s.start_date); })
      .def_property_readonly("horizon_months", [](const Scenario& s) { return s.horizon_months; })
      .def_property_readonly("state_ids", [](const Scenario& s) { return ids(s.states); })
      .def_property_readonly("state_labels", [](const Scenario& s) { return labels(s.states); })
      .def_property_readonly("exit_ids", [](const Scenario& s) { return ids(s.exits); })
      .def_property_readonly("exit_labels", [](const Scenario& s) { return labels(s.exits); });
}

}  // namespace caseflow::python
