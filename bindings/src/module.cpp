// caseflow._core: the compiled core of the Python package `caseflow`. Private: the pure-Python package
// (bindings/caseflow) is the API. This file only moves data across the boundary: scenarios through the
// engine's JSON reader and writer, runs through the engine's runner, the tables of the run's and a
// comparison's files (the very tables the CLI writes them from) as numpy arrays, per-replication
// matrices as numpy views, and chunks of a run (a slice of its replications) out to and back from
// other processes, merged by the engine's concatenate_results.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "caseflow/output/comparison_outputs.hpp"
#include "caseflow/output/run_tables.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"
#include "caseflow/stats/comparison.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "python_json.hpp"
#include "python_tables.hpp"
#include "result_arrays.hpp"
#include "run_outcome.hpp"
#include "scenario_error.hpp"
#include "watched_run.hpp"

namespace py = pybind11;

namespace caseflow::python {
namespace {

// Runs replications first_replication .. first_replication + replications - 1. Finished (summarized as
// `caseflow run` would) unless `finish` is false: then it is a chunk, kept whole for concatenate().
std::unique_ptr<RunOutcome> run(const Scenario& scenario, int replications, uint64_t seed, int threads,
                                bool keep_replications, py::handle progress, int first_replication, bool finish,
                                bool parameter_uncertainty) {
  Simulation simulation(scenario);
  RunOptions options;
  options.parameter_uncertainty = parameter_uncertainty;
  options.replications = replications;
  options.first_replication = first_replication;
  options.seed = seed;
  options.threads = threads;

  auto started = std::chrono::steady_clock::now();
  auto outcome = std::make_unique<RunOutcome>();
  outcome->results = run_watched(simulation, options, progress);
  outcome->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  outcome->replications = replications;
  outcome->first_replication = first_replication;
  outcome->threads = std::min(resolve_thread_count(threads), replications);
  if (finish) {
    py::gil_scoped_release release;  // sorting every cell of 10,000 replications takes a moment
    finish_outcome(*outcome, scenario, keep_replications);
  } else {
    outcome->kept_replications = true;
  }
  return outcome;
}

// The names of RunResults' matrices, as matrices() and outcome_from_matrices() spell them.
constexpr const char* kMatrixNames[] = {"stocks", "flows", "care_days", "costs", "period_care_days", "placements"};

py::dict matrices(py::object self) {
  const auto& o = self.cast<const RunOutcome&>();
  const RunResults& r = o.results;
  py::dict out;
  out["stocks"] = matrix_view(r.stocks, self);
  out["flows"] = matrix_view(r.flows, self);
  out["care_days"] = matrix_view(r.care_days, self);
  out["costs"] = matrix_view(r.costs, self);
  out["period_care_days"] = matrix_view(r.period_care_days, self);
  out["placements"] = matrix_view(r.placements, self);
  return out;
}

// A chunk rebuilt from matrices() of a chunk of the same scenario (run in another process): the layout
// is the scenario's, the numbers are copied in; shapes are checked against the layout.
std::unique_ptr<RunOutcome> outcome_from_matrices(const Scenario& scenario, uint64_t seed, int first_replication,
                                                  uint64_t events, double seconds, int threads, const py::dict& arrays) {
  for (const char* name : kMatrixNames)
    if (!arrays.contains(name)) throw std::invalid_argument(std::string("missing matrix \"") + name + "\"");
  auto outcome = std::make_unique<RunOutcome>();
  RunResults& results = outcome->results;
  results.layout = OutputLayout::for_scenario(scenario);
  results.seed = seed;
  results.events = events;
  const OutputLayout& layout = results.layout;
  auto stocks = arrays["stocks"].cast<py::array>();
  if (stocks.ndim() != 2) throw std::invalid_argument("stocks: expected a 2-dimensional array");
  const Eigen::Index replications = stocks.shape(0);
  auto cells = [](size_t n) { return static_cast<Eigen::Index>(n); };
  results.stocks = matrix_from_array<int32_t>(arrays["stocks"], replications, cells(layout.stock_cells()), "stocks");
  results.flows = matrix_from_array<int32_t>(arrays["flows"], replications, cells(layout.flow_cells()), "flows");
  results.care_days = matrix_from_array<double>(arrays["care_days"], replications, cells(layout.day_cells()), "care_days");
  results.costs = matrix_from_array<double>(arrays["costs"], replications, cells(layout.cost_cells()), "costs");
  results.period_care_days = matrix_from_array<double>(arrays["period_care_days"], replications,
                                                       cells(layout.cost_periods.size()), "period_care_days");
  results.placements =
      matrix_from_array<int32_t>(arrays["placements"], replications, cells(layout.placement_cells()), "placements");
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

// `caseflow compare` from finished runs that kept their replications: {file name: [(column, values)]} for
// each of its comparison_*.csv files, and "table": the text of its terminal table.
py::dict compare(const Scenario& base_scenario, const RunOutcome& base, const std::vector<const RunOutcome*>& strategies,
                 const std::vector<std::string>& ids, const std::vector<std::string>& names) {
  if (strategies.size() != ids.size() || ids.size() != names.size())
    throw std::invalid_argument("one id and one name per strategy");
  auto require_replications = [](const RunOutcome& o, const std::string& what) {
    if (!o.kept_replications) throw std::invalid_argument(what + ": a comparison needs the per-replication results");
  };
  require_replications(base, "base");
  std::vector<NamedComparison> comparisons;
  for (size_t i = 0; i < strategies.size(); ++i) {
    require_replications(*strategies[i], ids[i]);
    try {
      comparisons.push_back({ids[i], names[i], compare_runs(base.results, strategies[i]->results, base_scenario.comparators)});
    } catch (const std::invalid_argument& error) {
      throw std::invalid_argument(ids[i] + ": " + error.what());
    }
  }
  py::dict out = python_tables(comparison_tables(comparisons));
  std::ostringstream table;
  write_comparison_table(comparisons, table);
  out["table"] = table.str();
  return out;
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
      .def_readonly("first_replication", &RunOutcome::first_replication)
      .def_property_readonly("seed", [](const RunOutcome& o) { return o.results.seed; })
      .def_readonly("threads", &RunOutcome::threads)
      .def_property_readonly("events", [](const RunOutcome& o) { return o.results.events; })
      .def_readonly("seconds", &RunOutcome::seconds)
      .def_readonly("finished", &RunOutcome::finished)
      .def_readonly("kept_replications", &RunOutcome::kept_replications)
      .def_property_readonly("snapshot_days",  // days since 1970-01-01, for numpy's datetime64[D]
                             [](const RunOutcome& o) {
                               std::vector<int64_t> days;
                               for (Date date : o.results.layout.snapshot_dates) days.push_back(date.time_since_epoch().count());
                               return py::array_t<int64_t>(static_cast<py::ssize_t>(days.size()), days.data());
                             })
      .def_property_readonly("stock_columns", [](const RunOutcome& o) { return o.results.layout.stock_columns; })
      .def_property_readonly("flow_keys",
                             [](const RunOutcome& o) {
                               std::vector<std::pair<std::string, std::string>> keys;
                               for (const FlowKey& key : o.results.layout.flows) keys.emplace_back(key.from, key.to);
                               return keys;
                             })
      .def_property_readonly("cost_periods",
                             [](const RunOutcome& o) {
                               std::vector<std::string> out;
                               for (const CostPeriod& period : o.results.layout.cost_periods) out.push_back(period.label);
                               return out;
                             })
      .def_property_readonly("cost_period_financial_years",
                             [](const RunOutcome& o) {
                               std::vector<size_t> out;
                               for (const CostPeriod& period : o.results.layout.cost_periods) out.push_back(period.financial_year);
                               return out;
                             })
      .def_property_readonly("financial_years",
                             [](const RunOutcome& o) {
                               std::vector<std::string> out;
                               for (const FinancialYear& year : o.results.layout.financial_years) out.push_back(year.label);
                               return out;
                             })
      .def_property_readonly("cost_categories", [](const RunOutcome& o) { return o.results.layout.cost_categories; })
      .def_property_readonly("placement_categories", [](const RunOutcome& o) { return o.results.layout.placement_categories; })
      .def("summary_tables",
           [](const RunOutcome& o) { return python_tables(run_summary_tables(o.results.layout, require_finished(o).summary)); },
           "{file name: [(column, values)]}: the tables of the summary files `caseflow run` writes for this run (no more, "
           "no fewer), as those files have them")
      .def_property_readonly("stock_counts",
                             [](py::object self) {
                               const auto& o = require_replications(self.cast<const RunOutcome&>());
                               const auto& layout = o.results.layout;
                               return periods_view(o.results.stocks, layout.snapshots(), layout.stock_columns.size(), self);
                             })
      .def_property_readonly("flow_counts",
                             [](py::object self) {
                               const auto& o = require_replications(self.cast<const RunOutcome&>());
                               const auto& layout = o.results.layout;
                               return periods_view(o.results.flows, layout.months(), layout.flows.size(), self);
                             })
      .def_property_readonly("care_days",
                             [](py::object self) {
                               const auto& o = require_replications(self.cast<const RunOutcome&>());
                               const auto& layout = o.results.layout;
                               return periods_view(o.results.care_days, layout.months(), layout.stock_columns.size(), self);
                             })
      .def_property_readonly("cost_pounds",
                             [](py::object self) {
                               const auto& o = require_replications(self.cast<const RunOutcome&>());
                               const auto& layout = o.results.layout;
                               return periods_view(o.results.costs, layout.cost_periods.size(), layout.cost_categories.size(), self);
                             })
      .def_property_readonly("cost_period_care_days",
                             [](py::object self) {
                               const auto& o = require_replications(self.cast<const RunOutcome&>());
                               return matrix_view(o.results.period_care_days, self);  // (replications, cost periods)
                             })
      .def_property_readonly("placement_counts",
                             [](py::object self) {
                               const auto& o = require_replications(self.cast<const RunOutcome&>());
                               const auto& layout = o.results.layout;
                               return periods_view(o.results.placements, layout.snapshots(), layout.placement_categories, self);
                             })
      .def("financial_year_costs",
           [](const RunOutcome& o, int category) {
             const DaysMatrix years = caseflow::financial_year_costs(require_replications(o).results,
                                                                     category < 0 ? static_cast<size_t>(-1) : static_cast<size_t>(category));
             py::array_t<double> out({years.rows(), years.cols()});
             auto view = out.mutable_unchecked<2>();
             for (Eigen::Index r = 0; r < years.rows(); ++r)
               for (Eigen::Index y = 0; y < years.cols(); ++y) view(r, y) = years(r, y);
             return out;
           },
           py::arg("category"), "(replications, financial years) costs of one category index, or of all (-1)")
      .def("matrices", [](py::object self) { require_replications(self.cast<const RunOutcome&>()); return matrices(self); },
           "{name: (replications, cells) Fortran-order view}: what outcome_from_matrices takes back");

  m.def("run", &run, py::arg("scenario"), py::arg("replications"), py::arg("seed"), py::arg("threads"),
        py::arg("keep_replications"), py::arg("progress"), py::arg("first_replication") = 0, py::arg("finish") = true,
        py::arg("parameter_uncertainty") = false,
        "Runs replications with the GIL released; progress is None or a callable(completed, total). With "
        "finish=False, a chunk: every matrix kept, no summaries, for concatenate().");
  m.def("outcome_from_matrices", &outcome_from_matrices, py::arg("scenario"), py::arg("seed"), py::arg("first_replication"),
        py::arg("events"), py::arg("seconds"), py::arg("threads"), py::arg("matrices"),
        "A chunk rebuilt from the matrices() of a chunk of the same scenario.");
  m.def("concatenate", &concatenate, py::arg("scenario"), py::arg("chunks"), py::arg("keep_replications"),
        py::arg("threads"), py::arg("seconds"),
        "Consecutive chunks of one scenario and seed merged by the engine's concatenate_results, then finished.");
  m.def("compare", &compare, py::arg("base_scenario"), py::arg("base"), py::arg("strategies"), py::arg("ids"),
        py::arg("names"),
        "{file name: [(column, values)]} for each comparison_*.csv file of caseflow compare, and \"table\": its terminal table.");
}
