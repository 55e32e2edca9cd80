// Chunks of a run (a slice of its replications) out to and back from other processes, merged by the
// engine's concatenate_results and then finished as one run.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "caseflow/sim/runner.hpp"
#include "result_arrays.hpp"
#include "run_outcome.hpp"

namespace caseflow::python {

namespace py = pybind11;

namespace {

// {name: (replications, cells) Fortran-order view} of every matrix of RunResults.
py::dict matrices(py::object self) {
  const RunResults& results = require_replications(self.cast<const RunOutcome&>()).results;
  py::dict out;
  for_each_result_matrix([&](auto m) { out[m.name] = matrix_view(results.*m.matrix, self); });
  return out;
}

// A chunk rebuilt from matrices() of a chunk of the same scenario (run in another process): the layout
// is the scenario's, the numbers are copied in; shapes are checked against the layout.
std::unique_ptr<RunOutcome> outcome_from_matrices(const Scenario& scenario, uint64_t seed, int first_replication,
                                                  uint64_t events, double seconds, int threads, const py::dict& arrays) {
  for_each_result_matrix([&](auto m) {
    if (!arrays.contains(m.name)) throw std::invalid_argument(std::string("missing matrix \"") + m.name + "\"");
  });
  auto outcome = std::make_unique<RunOutcome>();
  RunResults& results = outcome->results;
  results.layout = OutputLayout::for_scenario(scenario);
  results.seed = seed;
  results.events = events;
  auto stocks = arrays["stocks"].cast<py::array>();
  if (stocks.ndim() != 2) throw std::invalid_argument("stocks: expected a 2-dimensional array");
  const Eigen::Index replications = stocks.shape(0);
  for_each_result_matrix([&](auto m) {
    using Scalar = typename decltype(m)::Scalar;
    results.*m.matrix = matrix_from_array<Scalar>(arrays[m.name], replications, static_cast<Eigen::Index>(m.cells(results.layout)), m.name);
  });
  outcome->replications = static_cast<int>(replications);
  outcome->first_replication = first_replication;
  outcome->seconds = seconds;
  outcome->threads = threads;
  outcome->kept_replications = true;
  return outcome;
}

// Chunks of one scenario and seed, in order of replication, merged and finished as one run.
std::unique_ptr<RunOutcome> concatenate(const Scenario& scenario, const std::vector<const RunOutcome*>& chunks,
                                        bool keep_replications, int threads, double seconds) {
  if (chunks.empty()) throw std::invalid_argument("no chunks to concatenate");
  std::vector<RunResults> results;
  int next = chunks.front()->first_replication;
  for (const RunOutcome* chunk : chunks) {
    if (!chunk->kept_replications)
      throw std::invalid_argument("a chunk to concatenate must keep its replications");
    if (chunk->first_replication != next)
      throw std::invalid_argument("chunks must be consecutive: expected one starting at replication " +
                                  std::to_string(next) + ", got " + std::to_string(chunk->first_replication));
    next += chunk->replications;
    results.push_back(chunk->results);
  }
  auto outcome = std::make_unique<RunOutcome>();
  {
    py::gil_scoped_release release;
    outcome->results = concatenate_results(results);
    results.clear();
    outcome->first_replication = chunks.front()->first_replication;
    outcome->threads = threads;
    outcome->seconds = seconds;
    finish_outcome(*outcome, scenario, keep_replications);
  }
  return outcome;
}

}  // namespace

void bind_chunks(py::module_& m) {
  // RunOutcome is bound by bind_run; the chunk protocol's method is added to it here.
  auto run_outcome = py::reinterpret_borrow<py::class_<RunOutcome>>(m.attr("RunOutcome"));
  run_outcome.def("matrices", &matrices, "{name: (replications, cells) Fortran-order view}: what outcome_from_matrices takes back");
  m.def("outcome_from_matrices", &outcome_from_matrices, py::arg("scenario"), py::arg("seed"), py::arg("first_replication"),
        py::arg("events"), py::arg("seconds"), py::arg("threads"), py::arg("matrices"),
        "A chunk rebuilt from the matrices() of a chunk of the same scenario.");
  m.def("concatenate", &concatenate, py::arg("scenario"), py::arg("chunks"), py::arg("keep_replications"),
        py::arg("threads"), py::arg("seconds"),
        "Consecutive chunks of one scenario and seed merged by the engine's concatenate_results, then finished.");
}

}  // namespace caseflow::python
