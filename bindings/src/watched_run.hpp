#pragma once
// Running replications for Python without blocking it.
//
// The replications run on engine threads with the GIL released. The calling thread waits for them,
// waking a few times a second to take the GIL, check for signals (Ctrl-C, a Jupyter "interrupt kernel")
// and report progress by calling the Python callback. Python is only ever called from the calling
// thread, never from an engine thread. A signal or an exception from the callback cancels the run:
// the engine threads stop after their current replication and the Python exception is raised.

#include <pybind11/pybind11.h>

#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow::python {

// Call with the GIL held. `progress` is None or a callable(completed, total); it is called when the
// count has changed since the last call, and once at the end.
RunResults run_watched(const Simulation& simulation, RunOptions options, pybind11::handle progress);

}  // namespace caseflow::python
