#pragma once
// caseflow::InputError reaches Python as caseflow.ScenarioError (defined in caseflow/_errors.py, so
// that it is an ordinary Python class with `source`, `place` and `detail` attributes).

#include <pybind11/pybind11.h>

namespace caseflow::python {

// Call once while the module is being imported.
void register_scenario_error();

}  // namespace caseflow::python
