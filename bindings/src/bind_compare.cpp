// `caseflow compare` from finished runs: the engine's compare_runs, and the tables and terminal table of
// its output files, as the command line writes them.

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "caseflow/output/comparison_outputs.hpp"
#include "caseflow/output/excel_workbook.hpp"
#include "caseflow/stats/comparison.hpp"
#include "python_tables.hpp"
#include "run_outcome.hpp"

namespace caseflow::python {

namespace py = pybind11;

namespace {

// Strategies compared with their base, from runs that kept their replications.
std::vector<NamedComparison> comparisons_of(const Scenario& base_scenario, const RunOutcome& base,
                                            const std::vector<const RunOutcome*>& strategies, const std::vector<std::string>& ids,
                                            const std::vector<std::string>& names) {
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
  return comparisons;
}

// {file name: [(column, values)]} for each comparison_*.csv file, and "table": the text of its terminal table.
py::dict compare(const Scenario& base_scenario, const RunOutcome& base, const std::vector<const RunOutcome*>& strategies,
                 const std::vector<std::string>& ids, const std::vector<std::string>& names) {
  const std::vector<NamedComparison> comparisons = comparisons_of(base_scenario, base, strategies, ids, names);
  py::dict out = python_tables(comparison_tables(comparisons));
  std::ostringstream table;
  write_comparison_table(comparisons, table);
  out["table"] = table.str();
  return out;
}

}  // namespace

void bind_compare(py::module_& m) {
  m.def("compare", &compare, py::arg("base_scenario"), py::arg("base"), py::arg("strategies"), py::arg("ids"),
        py::arg("names"),
        "{file name: [(column, values)]} for each comparison_*.csv file of caseflow compare, and \"table\": its terminal table.");
  m.def(
      "comparison_workbook",
      [](const Scenario& base_scenario, const RunOutcome& base, const std::vector<const RunOutcome*>& strategies,
         const std::vector<std::string>& ids, const std::vector<std::string>& names, const std::vector<const Scenario*>& scenarios,
         const std::string& uncertainty) {
        const std::vector<NamedComparison> comparisons = comparisons_of(base_scenario, base, strategies, ids, names);
        const RunOutcome& finished = require_finished(base);
        return py::bytes(comparison_workbook(base_scenario, finished.results.layout, finished.summary, scenarios, comparisons,
                                             {finished.replications, finished.results.seed, uncertainty_named(uncertainty)}));
      },
      py::arg("base_scenario"), py::arg("base"), py::arg("strategies"), py::arg("ids"), py::arg("names"), py::arg("scenarios"),
      py::arg("uncertainty"), "The bytes of the Excel workbook of caseflow compare --xlsx.");
  m.def("check_strategy_matches_base", &check_strategy_matches_base, py::arg("base"), py::arg("base_file"),
        py::arg("strategy"), py::arg("strategy_file"),
        "Raises ScenarioError, naming strategy_file and the JSON path, unless the strategy has the base's states, "
        "start date and horizon: caseflow compare's check before it runs anything.");
}

}  // namespace caseflow::python
