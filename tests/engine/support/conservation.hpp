#pragma once
// Children are conserved: in every replication and month, each state's stock at the next snapshot is its
// stock at this one plus the flows in minus the flows out, and the states add up to in_care. Fails the
// calling test (gtest assertions) at the first replication, month and column that does not balance.

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "caseflow/sim/runner.hpp"

namespace caseflow::testing {

inline void expect_conservation(const RunResults& results) {
  const OutputLayout& layout = results.layout;
  std::map<std::string, size_t> column_of;
  for (size_t c = 0; c < layout.stock_columns.size(); ++c) column_of[layout.stock_columns[c]] = c;
  for (Eigen::Index r = 0; r < results.stocks.rows(); ++r) {
    for (size_t m = 0; m < layout.months(); ++m) {
      std::vector<long> change(layout.stock_columns.size(), 0);
      for (size_t key = 0; key < layout.flows.size(); ++key) {
        long count = results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key)));
        const FlowKey& flow = layout.flows[key];
        // Arrivals add to in_care; exits (a "to" that is not a state) take from it.
        if (flow.from == "arrival") change[layout.in_care_column()] += count;
        else change[column_of.at(flow.from)] -= count;
        if (column_of.count(flow.to)) change[column_of.at(flow.to)] += count;
        else change[layout.in_care_column()] -= count;
      }
      for (size_t c = 0; c < layout.stock_columns.size(); ++c) {
        long before = results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(m, c)));
        long after = results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(m + 1, c)));
        ASSERT_EQ(after, before + change[c]) << "replication " << r << " month " << m << " " << layout.stock_columns[c];
      }
      long sum = 0;
      for (size_t c = 0; c + 1 < layout.stock_columns.size(); ++c)
        sum += results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(m + 1, c)));
      ASSERT_EQ(sum, results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(m + 1, layout.in_care_column()))));
    }
  }
}

}  // namespace caseflow::testing
