// caseflow._core: the compiled core of the Python package `caseflow`. Private: the pure-Python package
// (bindings/caseflow) is the API. This file only moves data across the boundary: scenarios through the
// engine's JSON reader and writer, runs through the engine's runner, summaries from the engine's
// summary code (so the numbers are those of the CLI's CSV files), per-replication counts as numpy views.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "caseflow/runner.hpp"
#include "caseflow/scenario_json.hpp"
#include "caseflow/simulation.hpp"
#include "caseflow/summary.hpp"
#include "python_json.hpp"
#include "scenario_error.hpp"
#include "watched_run.hpp"

namespace py = pybind11;

namespace caseflow::python {
namespace {

// A finished run as Python sees it: the summaries the CLI writes, and the per-replication counts when
// they were asked to be kept (otherwise they are dropped as soon as they are summarized).
struct RunOutcome {
  OutputLayout layout;
  int replications = 0;
  uint64_t seed = 0;
  int threads = 0;
  uint64_t events = 0;
  double seconds = 0;  // wall time of the replications, as the CLI reports it
  CellSummary stock_summary;
  CellSummary flow_summary;
  bool kept_replications = false;
  CountMatrix stocks;  // replications x cells, column-major (Eigen's default)
  CountMatrix flows;
};

std::unique_ptr<RunOutcome> run(const Scenario& scenario, int replications, uint64_t seed, int threads,
                                bool keep_replications, py::handle progress) {
  Simulation simulation(scenario);
  RunOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = threads;

  auto started = std::chrono::steady_clock::now();
  RunResults results = run_watched(simulation, options, progress);
  auto outcome = std::make_unique<RunOutcome>();
  outcome->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  {
    py::gil_scoped_release release;  // sorting every cell of 10,000 replications takes a moment
    outcome->stock_summary = summarize_cells(results.stocks, kStockQuantiles);
    outcome->flow_summary = summarize_cells(results.flows, kFlowQuantiles);
  }
  outcome->layout = std::move(results.layout);
  outcome->replications = replications;
  outcome->seed = seed;
  outcome->threads = std::min(resolve_thread_count(threads), replications);
  outcome->events = results.events;
  outcome->kept_replications = keep_replications;
  if (keep_replications) {
    outcome->stocks = std::move(results.stocks);
    outcome->flows = std::move(results.flows);
  }
  return outcome;
}

// (replications, periods, columns) over a replications x (periods * columns) column-major matrix whose
// cell index is period * columns + column: element (r, k, c) is at r + (k * columns + c) * replications.
// No copy: the array's base is the Python object that owns the matrix, which it keeps alive. Read-only,
// because the summaries were computed from these very numbers.
py::array_t<int32_t> counts_view(const CountMatrix& counts, size_t periods, size_t columns, py::handle owner) {
  const auto replications = static_cast<py::ssize_t>(counts.rows());
  const auto item = static_cast<py::ssize_t>(sizeof(int32_t));
  std::vector<py::ssize_t> shape{replications, static_cast<py::ssize_t>(periods), static_cast<py::ssize_t>(columns)};
  std::vector<py::ssize_t> strides{item, item * replications * static_cast<py::ssize_t>(columns), item * replications};
  py::array_t<int32_t> view(shape, strides, counts.data(), owner);
  view.attr("setflags")(py::arg("write") = false);
  return view;
}

py::array_t<double> copy_vector(const Eigen::VectorXd& values) {
  py::array_t<double> out(values.size());
  std::copy(values.data(), values.data() + values.size(), out.mutable_data());
  return out;
}

// cells x probabilities, C order.
py::array_t<double> copy_quantiles(const Eigen::MatrixXd& quantiles) {
  py::array_t<double> out({quantiles.rows(), quantiles.cols()});
  auto view = out.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < quantiles.rows(); ++i)
    for (Eigen::Index j = 0; j < quantiles.cols(); ++j) view(i, j) = quantiles(i, j);
  return out;
}

py::tuple summary_arrays(const CellSummary& summary) {
  return py::make_tuple(summary.probabilities, copy_vector(summary.mean), copy_quantiles(summary.quantiles));
}

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
}  // namespace caseflow::python

PYBIND11_MODULE(_core, m) {
  using namespace caseflow;
  using namespace caseflow::python;
  m.doc() = "caseflow's compiled core. Private: use the caseflow package.";
  m.attr("__version__") = CASEFLOW_VERSION;
  register_scenario_error();

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

  py::class_<RunOutcome>(m, "RunOutcome")
      .def_readonly("replications", &RunOutcome::replications)
      .def_readonly("seed", &RunOutcome::seed)
      .def_readonly("threads", &RunOutcome::threads)
      .def_readonly("events", &RunOutcome::events)
      .def_readonly("seconds", &RunOutcome::seconds)
      .def_readonly("kept_replications", &RunOutcome::kept_replications)
      .def_property_readonly("snapshot_days",  // days since 1970-01-01, for numpy's datetime64[D]
                             [](const RunOutcome& o) {
                               std::vector<int64_t> days;
                               for (Date date : o.layout.snapshot_dates) days.push_back(date.time_since_epoch().count());
                               return py::array_t<int64_t>(static_cast<py::ssize_t>(days.size()), days.data());
                             })
      .def_property_readonly("stock_columns", [](const RunOutcome& o) { return o.layout.stock_columns; })
      .def_property_readonly("flow_keys",
                             [](const RunOutcome& o) {
                               std::vector<std::pair<std::string, std::string>> keys;
                               for (const FlowKey& key : o.layout.flows) keys.emplace_back(key.from, key.to);
                               return keys;
                             })
      .def("stock_summary", [](const RunOutcome& o) { return summary_arrays(o.stock_summary); },
           "(probabilities, mean by cell, cells x probabilities quantiles); cell = snapshot * columns + column")
      .def("flow_summary", [](const RunOutcome& o) { return summary_arrays(o.flow_summary); },
           "(probabilities, mean by cell, cells x probabilities quantiles); cell = month * keys + key")
      .def_property_readonly("stock_counts",
                             [](py::object self) {
                               const auto& o = self.cast<const RunOutcome&>();
                               return counts_view(o.stocks, o.layout.snapshots(), o.layout.stock_columns.size(), self);
                             })
      .def_property_readonly("flow_counts", [](py::object self) {
        const auto& o = self.cast<const RunOutcome&>();
        return counts_view(o.flows, o.layout.months(), o.layout.flows.size(), self);
      });

  m.def("run", &run, py::arg("scenario"), py::arg("replications"), py::arg("seed"), py::arg("threads"),
        py::arg("keep_replications"), py::arg("progress"),
        "Runs replications with the GIL released; progress is None or a callable(completed, total).");
}
