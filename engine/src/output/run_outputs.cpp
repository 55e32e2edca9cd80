#include "caseflow/output/run_outputs.hpp"

#include <charconv>
#include <cmath>

#include "caseflow/base/staged_output.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

void write_stock_summary_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  CellSummary summary = summarize_cells(results.stocks, kStockQuantiles);
  out << "date,state,mean,p05,p25,p50,p75,p95\n";
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    std::string date = format_iso_date(layout.snapshot_dates[k]);
    for (size_t column = 0; column < layout.stock_columns.size(); ++column) {
      auto cell = static_cast<Eigen::Index>(layout.stock_cell(k, column));
      out << date << ',' << layout.stock_columns[column] << ',' << format_number(summary.mean(cell));
      for (Eigen::Index q = 0; q < summary.quantiles.cols(); ++q) out << ',' << format_number(summary.quantiles(cell, q));
      out << '\n';
    }
  }
}

void write_flow_summary_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  CellSummary summary = summarize_cells(results.flows, kFlowQuantiles);
  out << "month_start,from,to,mean,p05,p50,p95\n";
  for (size_t m = 0; m < layout.months(); ++m) {
    std::string date = format_iso_date(layout.snapshot_dates[m]);
    for (size_t key = 0; key < layout.flows.size(); ++key) {
      auto cell = static_cast<Eigen::Index>(layout.flow_cell(m, key));
      out << date << ',' << layout.flows[key].from << ',' << layout.flows[key].to << ',' << format_number(summary.mean(cell));
      for (Eigen::Index q = 0; q < summary.quantiles.cols(); ++q) out << ',' << format_number(summary.quantiles(cell, q));
      out << '\n';
    }
  }
}

void write_stocks_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "replication,date,state,count\n";
  for (Eigen::Index r = 0; r < results.stocks.rows(); ++r)
    for (size_t k = 0; k < layout.snapshots(); ++k) {
      std::string date = format_iso_date(layout.snapshot_dates[k]);
      for (size_t column = 0; column < layout.stock_columns.size(); ++column)
        out << r << ',' << date << ',' << layout.stock_columns[column] << ','
            << results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k, column))) << '\n';
    }
}

void write_flows_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "replication,month_start,from,to,count\n";
  for (Eigen::Index r = 0; r < results.flows.rows(); ++r)
    for (size_t m = 0; m < layout.months(); ++m) {
      std::string date = format_iso_date(layout.snapshot_dates[m]);
      for (size_t key = 0; key < layout.flows.size(); ++key)
        out << r << ',' << date << ',' << layout.flows[key].from << ',' << layout.flows[key].to << ','
            << results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key))) << '\n';
    }
}

void write_run_outputs(const RunResults& results, const std::string& directory, bool per_replication,
                       const std::vector<Budget>& budgets, const std::atomic<bool>* cancel) {
  auto stop_if_cancelled = [&] {
    if (cancel != nullptr && cancel->load()) throw RunCancelled();  // StagedOutput removes what was staged
  };
  StagedOutput output(directory);
  output.write("summary.csv", [&](std::ostream& out) { write_stock_summary_csv(results, out); });
  stop_if_cancelled();
  output.write("flows_summary.csv", [&](std::ostream& out) { write_flow_summary_csv(results, out); });
  stop_if_cancelled();
  const bool costed = has_costs(results);
  if (costed) output.write("costs_summary.csv", [&](std::ostream& out) { write_cost_summary_csv(results, out); });
  stop_if_cancelled();
  if (results.layout.placement_categories > 0)
    output.write("placements_summary.csv", [&](std::ostream& out) { write_placement_summary_csv(results, out); });
  if (!budgets.empty()) output.write("budget.csv", [&](std::ostream& out) { write_budget_csv(budget_risks(results, budgets), out); });
  if (per_replication) {
    output.write("stocks.csv", [&](std::ostream& out) { write_stocks_csv(results, out); });
    stop_if_cancelled();
    output.write("flows.csv", [&](std::ostream& out) { write_flows_csv(results, out); });
    stop_if_cancelled();
    if (costed) output.write("costs.csv", [&](std::ostream& out) { write_costs_csv(results, out); });
    stop_if_cancelled();
  }
  output.commit();
}

}  // namespace caseflow
