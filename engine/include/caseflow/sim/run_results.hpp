#pragma once
// What a run keeps: the layout, and one matrix (replications x cells) per recorded quantity. The list of
// those matrices is written once, in for_each_result_matrix: the runner, the merging of chunks, the memory
// estimate and the Python bindings all go through it, so a new recorded quantity is added here (and to
// ReplicationRecord, which records it) and nowhere else.

#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "caseflow/sim/output_layout.hpp"
#include "caseflow/sim/replication_record.hpp"

namespace caseflow {

using CountMatrix = Eigen::Matrix<int32_t, Eigen::Dynamic, Eigen::Dynamic>;  // replications x cells
using DaysMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic>;    // replications x cells

struct RunResults {
  OutputLayout layout;
  uint64_t seed = 1;
  CountMatrix stocks;  // row r: replication r, laid out as layout.stock_cell
  CountMatrix flows;   // row r: replication r, laid out as layout.flow_cell
  DaysMatrix care_days;  // row r: replication r, child-days by month and column, laid out as layout.day_cell
  DaysMatrix costs;      // row r: replication r, pounds laid out as layout.cost_cell (calendar month, category)
  DaysMatrix period_care_days;  // row r: replication r, child-days in care by calendar month
  CountMatrix placements;       // row r: replication r, children by placement type, layout.placement_cell
  CountMatrix age_bands;        // row r: replication r, children in care by age band, layout.age_band_cell
  uint64_t events = 0;  // processed over all replications
};

// One of RunResults' matrices: its name (as Python's matrices() spells it), where it is in RunResults and
// in a ReplicationRecord, and how many cells a replication has for a layout.
template <class Matrix>
struct ResultMatrix {
  using Scalar = typename Matrix::Scalar;
  const char* name;
  Matrix RunResults::*matrix;
  std::vector<Scalar> ReplicationRecord::*record;
  size_t (*cells)(const OutputLayout& layout);
};

// Calls `visit(ResultMatrix<...>)` for each matrix of RunResults, in this order (the order of the
// fixed-seed fingerprints).
template <class Visit>
void for_each_result_matrix(Visit&& visit) {
  visit(ResultMatrix<CountMatrix>{"stocks", &RunResults::stocks, &ReplicationRecord::stocks,
                                  [](const OutputLayout& layout) { return layout.stock_cells(); }});
  visit(ResultMatrix<CountMatrix>{"flows", &RunResults::flows, &ReplicationRecord::flows,
                                  [](const OutputLayout& layout) { return layout.flow_cells(); }});
  visit(ResultMatrix<DaysMatrix>{"care_days", &RunResults::care_days, &ReplicationRecord::care_days,
                                 [](const OutputLayout& layout) { return layout.day_cells(); }});
  visit(ResultMatrix<DaysMatrix>{"costs", &RunResults::costs, &ReplicationRecord::costs,
                                 [](const OutputLayout& layout) { return layout.cost_cells(); }});
  visit(ResultMatrix<DaysMatrix>{"period_care_days", &RunResults::period_care_days, &ReplicationRecord::period_care_days,
                                 [](const OutputLayout& layout) { return layout.cost_periods.size(); }});
  visit(ResultMatrix<CountMatrix>{"placements", &RunResults::placements, &ReplicationRecord::placements,
                                  [](const OutputLayout& layout) { return layout.placement_cells(); }});
  visit(ResultMatrix<CountMatrix>{"age_bands", &RunResults::age_bands, &ReplicationRecord::age_bands,
                                  [](const OutputLayout& layout) { return layout.age_band_cells(); }});
}

}  // namespace caseflow
