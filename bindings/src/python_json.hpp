#pragma once
// Python values to JSON and back, for Scenario.from_dict and Scenario.to_dict.
//
// This only translates: every rule about what a scenario may contain stays in the engine's
// scenario_from_json. A value with no JSON form (an object, bytes, a dict key that is not a string)
// is an InputError naming its JSON path, like any other mistake in a scenario.

#include <string>

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace caseflow::python {

// Accepts dicts (and other mappings) with string keys, lists, tuples, str, bool, int, float, None, and
// numpy scalars (numpy arrays must be turned into lists first). `source` names the document in errors.
nlohmann::json json_from_python(pybind11::handle value, const std::string& source);

// Objects become dicts, arrays lists; numbers keep their JSON kind (integer or float).
pybind11::object python_from_json(const nlohmann::json& value);

}  // namespace caseflow::python
