// caseflow._core: the compiled core of the Python package `caseflow`. Private: the pure-Python package
// (bindings/caseflow) is the API, and _core.pyi describes what this module exports. The module only moves
// data across the boundary; each area of it is bound in its own file (bindings.hpp).

#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "scenario_error.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "caseflow's compiled core. Private: use the caseflow package.";
  m.attr("__version__") = CASEFLOW_VERSION;
  caseflow::python::register_scenario_error();
  caseflow::python::bind_scenario(m);
  caseflow::python::bind_run(m);
  caseflow::python::bind_compare(m);
  caseflow::python::bind_chunks(m);
}
