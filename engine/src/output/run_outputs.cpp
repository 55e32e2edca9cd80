#include "caseflow/output/run_outputs.hpp"

#include "caseflow/base/csv_writer.hpp"
#include "caseflow/base/number_format.hpp"
#include "caseflow/base/staged_output.hpp"
#include "caseflow/output/run_tables.hpp"
#include "caseflow/sim/runner.hpp"

namespace caseflow {

namespace {

// The text cells of a column written on every row, encoded once (csv_writer.hpp).
std::vector<std::string> text_cells(const std::vector<std::string>& texts) {
  std::vector<std::string> cells;
  for (const auto& text : texts) cells.push_back(csv_text_cell(text));
  return cells;
}

}  // namespace

void write_stocks_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "replication,date,state,count\n";
  const std::vector<std::string> states = text_cells(layout.stock_columns);
  for (Eigen::Index r = 0; r < results.stocks.rows(); ++r)
    for (size_t k = 0; k < layout.snapshots(); ++k) {
      std::string date = format_iso_date(layout.snapshot_dates[k]);
      for (size_t column = 0; column < layout.stock_columns.size(); ++column)
        out << r << ',' << date << ',' << states[column] << ','
            << results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k, column))) << '\n';
    }
}

void write_flows_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "replication,month_start,from,to,count\n";
  std::vector<std::string> from, to;
  for (const auto& flow : layout.flows) from.push_back(csv_text_cell(flow.from)), to.push_back(csv_text_cell(flow.to));
  for (Eigen::Index r = 0; r < results.flows.rows(); ++r)
    for (size_t m = 0; m < layout.months(); ++m) {
      std::string date = format_iso_date(layout.snapshot_dates[m]);
      for (size_t key = 0; key < layout.flows.size(); ++key)
        out << r << ',' << date << ',' << from[key] << ',' << to[key] << ','
            << results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key))) << '\n';
    }
}

void write_costs_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "replication,period,category,cost\n";
  const std::vector<std::string> categories = text_cells(layout.cost_categories);
  for (Eigen::Index r = 0; r < results.costs.rows(); ++r)
    for (size_t p = 0; p < layout.cost_periods.size(); ++p)
      for (size_t c = 0; c < layout.cost_categories.size(); ++c)
        out << r << ',' << layout.cost_periods[p].label << ',' << categories[c] << ','
            << format_number(results.costs(r, static_cast<Eigen::Index>(layout.cost_cell(p, c)))) << '\n';
}

const std::vector<std::string>& run_output_file_names() {
  static const std::vector<std::string> names = {"summary.csv",   "flows_summary.csv", "costs_summary.csv",
                                                 "placements_summary.csv", "budget.csv", "age_bands_summary.csv",
                                                 "stocks.csv",    "flows.csv",         "costs.csv"};
  return names;
}

std::vector<std::string> write_run_outputs(const RunResults& results, const RunSummary& summary, const std::string& directory,
                                           bool per_replication, const std::atomic<bool>* cancel) {
  auto stop_if_cancelled = [&] {
    if (cancel != nullptr && cancel->load()) throw RunCancelled();  // StagedOutput removes what was staged
  };
  StagedOutput output(directory);
  output.supersede(run_output_file_names());
  std::vector<std::string> written;
  for (const auto& [file, table] : run_summary_tables(results.layout, summary)) {
    output.write(file, [&table = table](std::ostream& out) { write_csv(table, out); });
    written.push_back(file);
    stop_if_cancelled();
  }
  if (per_replication) {
    output.write("stocks.csv", [&](std::ostream& out) { write_stocks_csv(results, out); });
    written.emplace_back("stocks.csv");
    stop_if_cancelled();
    output.write("flows.csv", [&](std::ostream& out) { write_flows_csv(results, out); });
    written.emplace_back("flows.csv");
    stop_if_cancelled();
    if (summary.costs) {
      output.write("costs.csv", [&](std::ostream& out) { write_costs_csv(results, out); });
      written.emplace_back("costs.csv");
    }
    stop_if_cancelled();
  }
  output.commit();
  return written;
}

}  // namespace caseflow
