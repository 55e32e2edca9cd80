// A run through the engine's runner (with the GIL released), its layout, its summary tables (those the
// CLI's files are written from) and its per-replication matrices as numpy views.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "caseflow/base/financial_year.hpp"
#include "caseflow/output/excel_workbook.hpp"
#include "caseflow/output/output_table.hpp"
#include "caseflow/output/run_tables.hpp"
#include "caseflow/sim/run_limits.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "caseflow/stats/variance_sources.hpp"
#include "python_tables.hpp"
#include "result_arrays.hpp"
#include "run_outcome.hpp"
#include "watched_run.hpp"

namespace caseflow::python {

namespace py = pybind11;

namespace {

// Runs replications first_replication .. first_replication + replications - 1. Finished (summarized as
// `caseflow run` would) unless `finish` is false: then it is a chunk, kept whole for concatenate().
std::unique_ptr<RunOutcome> run(const Scenario& scenario, int replications, uint64_t seed, int threads,
                                bool keep_replications, py::handle progress, int first_replication, bool finish,
                                const std::string& uncertainty) {
  RunOptions options;
  options.uncertainty = uncertainty_named(uncertainty);
  Simulation simulation(scenario);
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

// The share of a run's spread due to each source of uncertainty (the engine's variance_sources): the run itself,
// then its lower layers with the same seed, watched as one (Ctrl-C stops it), as a table: children in care by
// snapshot date, then the total cost by financial year (dated its 31 March).
py::list variance_sources_table(const Scenario& scenario, int replications, uint64_t seed, int threads, const std::string& uncertainty) {
  RunOptions options;
  options.uncertainty = uncertainty_named(uncertainty);
  Simulation simulation(scenario);
  options.replications = replications;
  options.seed = seed;
  options.threads = threads;
  const int runs = 1 + variance_source_runs(held_uncertainty(scenario, options.uncertainty));
  RunResults results;
  VarianceSources sources;
  watch_runs(options, replications * runs, py::none(), [&](const RunOptions& watched) {
    results = run_replications(simulation, watched);
    sources = variance_sources(simulation, watched, results);
  });
  using Kind = OutputTable::Kind;
  OutputTable table({{"date", Kind::date}, {"measure", Kind::text}, {"financial_year", Kind::text}, {"variance_chance", Kind::number},
                     {"variance_parameters", Kind::number}, {"variance_all", Kind::number}, {"share_chance", Kind::number},
                     {"share_parameters", Kind::number}, {"share_drift", Kind::number}});
  auto add = [&](Date date, const char* measure, const std::string& year, double chance, double parameters, double all,
                 VarianceSources::Shares shares) {
    table.date(date).text(measure).text(year).number(chance).number(parameters).number(all);
    table.number(shares.chance).number(shares.parameters).number(shares.drift);
  };
  const OutputLayout& layout = results.layout;
  for (size_t k = 0; k < layout.snapshots(); ++k)
    add(layout.snapshot_dates[k], "in_care", "", sources.in_care_chance[k], sources.in_care_parameters[k], sources.in_care_all[k],
        sources.in_care_shares(k));
  for (size_t y = 0; y < sources.cost_all.size(); ++y)
    add(financial_year_end(layout.financial_years[y].first_year), "cost", layout.financial_years[y].label, sources.cost_chance[y],
        sources.cost_parameters[y], sources.cost_all[y], sources.cost_shares(y));
  return python_table(std::move(table));
}

template <class Value, class Label>
std::vector<Value> labels_of(const std::vector<Label>& items, Value Label::*member) {
  std::vector<Value> out;
  for (const Label& item : items) out.push_back(item.*member);
  return out;
}

// A per-replication matrix as a (replications, periods, columns) view, for a run that kept them.
template <class Matrix, class Shape>
auto periods_property(Matrix RunResults::*matrix, Shape shape) {
  return [matrix, shape](py::object self) {
    const RunOutcome& o = require_replications(self.cast<const RunOutcome&>());
    const auto [periods, columns] = shape(o.results.layout);
    return periods_view(o.results.*matrix, periods, columns, self);
  };
}

}  // namespace

void bind_run(py::module_& m) {
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
      .def_property_readonly("cost_periods", [](const RunOutcome& o) { return labels_of(o.results.layout.cost_periods, &CostPeriod::label); })
      .def_property_readonly("cost_period_financial_years",
                             [](const RunOutcome& o) { return labels_of(o.results.layout.cost_periods, &CostPeriod::financial_year); })
      .def_property_readonly("financial_years",
                             [](const RunOutcome& o) { return labels_of(o.results.layout.financial_years, &FinancialYear::label); })
      .def_property_readonly("cost_categories", [](const RunOutcome& o) { return o.results.layout.cost_categories; })
      .def_property_readonly("placement_categories", [](const RunOutcome& o) { return o.results.layout.placement_categories; })
      .def("summary_tables",
           [](const RunOutcome& o) { return python_tables(run_summary_tables(o.results.layout, require_finished(o).summary)); },
           "{file name: [(column, values)]}: the tables of the summary files `caseflow run` writes for this run (no more, "
           "no fewer), as those files have them")
      .def_property_readonly("stock_counts", periods_property(&RunResults::stocks, [](const OutputLayout& layout) {
                               return std::pair{layout.snapshots(), layout.stock_columns.size()};
                             }))
      .def_property_readonly("flow_counts", periods_property(&RunResults::flows, [](const OutputLayout& layout) {
                               return std::pair{layout.months(), layout.flows.size()};
                             }))
      .def_property_readonly("care_days", periods_property(&RunResults::care_days, [](const OutputLayout& layout) {
                               return std::pair{layout.months(), layout.stock_columns.size()};
                             }))
      .def_property_readonly("cost_pounds", periods_property(&RunResults::costs, [](const OutputLayout& layout) {
                               return std::pair{layout.cost_periods.size(), layout.cost_categories.size()};
                             }))
      .def_property_readonly("cost_period_care_days",
                             [](py::object self) {
                               const RunOutcome& o = require_replications(self.cast<const RunOutcome&>());
                               return matrix_view(o.results.period_care_days, self);  // (replications, cost periods)
                             })
      .def_property_readonly("placement_counts", periods_property(&RunResults::placements, [](const OutputLayout& layout) {
                               return std::pair{layout.snapshots(), layout.placement_categories};
                             }))
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
           py::arg("category"), "(replications, financial years) costs of one category index, or of all (-1)");

  // The engine's bounds on a run's size, which caseflow.run and the command line both check against.
  m.attr("MIN_REPLICATIONS") = kMinReplications;
  m.attr("MAX_REPLICATIONS") = kMaxReplications;
  m.attr("MAX_THREADS") = kMaxThreads;

  m.def(
      "run_workbook",
      [](const Scenario& scenario, const RunOutcome& outcome, const std::string& uncertainty) {
        const RunOutcome& finished = require_finished(outcome);
        return py::bytes(run_workbook(scenario, finished.results.layout, finished.summary,
                                      {finished.replications, finished.results.seed, uncertainty_named(uncertainty)}));
      },
      py::arg("scenario"), py::arg("outcome"), py::arg("uncertainty"), "The bytes of the Excel workbook of caseflow run --xlsx.");
  m.def("held_uncertainty", [](const Scenario& scenario, const std::string& uncertainty) {
        HeldUncertainty held = held_uncertainty(scenario, uncertainty_named(uncertainty));
        std::vector<std::string> sources{"chance"};
        if (held.parameters) sources.emplace_back("parameters");
        if (held.drift) sources.emplace_back("drift");
        return sources;
      }, py::arg("scenario"), py::arg("uncertainty"),
        "The sources a run's band holds: \"chance\", and \"parameters\" and \"drift\" where the scenario states them "
        "and the layers asked for include them.");
  m.def("variance_sources", &variance_sources_table, py::arg("scenario"), py::arg("replications"), py::arg("seed"),
        py::arg("threads"), py::arg("uncertainty"),
        "The variance of children in care (by snapshot) and of each financial year's total cost in runs of each layer of "
        "uncertainty with one seed, and the share of each source: a table (date, measure, financial_year, variance_chance, "
        "variance_parameters, variance_all, share_chance, share_parameters, share_drift). The GIL is released; Ctrl-C stops it.");
  m.def("run", &run, py::arg("scenario"), py::arg("replications"), py::arg("seed"), py::arg("threads"),
        py::arg("keep_replications"), py::arg("progress"), py::arg("first_replication") = 0, py::arg("finish") = true,
        py::arg("uncertainty") = "all",
        "Runs replications with the GIL released; progress is None or a callable(completed, total). With "
        "finish=False, a chunk: every matrix kept, no summaries, for concatenate().");
}

}  // namespace caseflow::python
