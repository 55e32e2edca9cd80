#pragma once
// Simulated children written as an SSDA903 return, so that calibration can be tested on data whose
// truth is known: one episodes, header and UASC file per collection year (1 April - 31 March), with
// the codes the mapping gives each state ("export") and each exit (its first REC code).
//
// Times are turned into days by rounding up: a move at 100.3 days happens on day 101. A child in
// care at 00:00 of day D in the simulation is then exactly a child with DECOM <= D < DEC in the files.
// As in a real return, an episode still open on 31 March has no DEC in that year's file and appears again,
// closed, in the next year's.

#include <string>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/child_trace.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"

namespace caseflow {

struct Ssda903ExportOptions {
  // Collection years to write, each named by the year it ends in (2019: 1 April 2018 - 31 March 2019).
  // Empty: every whole collection year inside the simulated period.
  std::vector<int> years;
  std::string child_prefix = "C";  // CHILD ids are the prefix and the child's number in the trace
};

// Files named episodes_YYYY.csv, header_YYYY.csv and uasc_YYYY.csv. Throws InputError when a scenario
// state or exit is not in the mapping, or a year asked for is outside the simulated period.
Ssda903Texts export_ssda903(const Scenario& scenario, const ChildTrace& trace, const Ssda903Mapping& mapping,
                            const Ssda903ExportOptions& options = {});

// Writes the files into `directory`, whole or not at all.
void write_csv_texts(const Ssda903Texts& texts, const std::string& directory);

}  // namespace caseflow
