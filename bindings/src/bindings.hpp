#pragma once
// The parts of caseflow._core, one per area of the Python package; module.cpp calls them in this order.

#include <pybind11/pybind11.h>

namespace caseflow::python {

void bind_scenario(pybind11::module_& m);  // Scenario
void bind_run(pybind11::module_& m);       // RunOutcome and run(): a run, its summary tables, its arrays
void bind_compare(pybind11::module_& m);   // compare(): caseflow compare's tables
void bind_chunks(pybind11::module_& m);    // chunks of a run in other processes: matrices(), outcome_from_matrices(), concatenate()

}  // namespace caseflow::python
