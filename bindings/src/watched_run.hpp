#pragma once
// Running replications for Python without blocking it.
//
// The replications run on engine threads with the GIL released. The calling thread waits for them,
// waking a few times a second to take the GIL, check for signals (Ctrl-C, a Jupyter "interrupt kernel")
// and report progress by calling the Python callback. Python is only ever called from the calling
// thread, never from an engine thread. A signal or an exception from the callback cancels the run:
// the engine threads stop after their current replication and the Python exception is raised.

#include <functional>

#include <pybind11/pybind11.h>

#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow::python {

// Call with the GIL held. `progress` is None or a callable(completed, total); it is called when the
// count has changed since the last call, and once at the end.
RunResults run_watched(const Simulation& simulation, RunOptions options, pybind11::handle progress);

// The same for any work that runs replications with the options it is given (several runs, one after another),
// `total` replications in all: `work` runs on an engine thread, without the GIL.
void watch_runs(RunOptions options, int total, pybind11::handle progress, const std::function<void(const RunOptions&)>& work);

}  // namespace caseflow::python
