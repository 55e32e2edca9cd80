#pragma once
// A return that loses many of its rows must not calibrate quietly (issue 16): a year saved with the wrong
// date format once lost 399 of 648 episodes with exit 0, the reason only in the data-quality report. Rows
// that could not be read (no child id, a date that is not one, an end before the start, a child without a
// header row...) count here; rows dropped by design (a row repeated across years, an episode a later year
// supersedes, a short break that is not care) do not.

#include <cstddef>

#include "caseflow/ssda903/data_quality_report.hpp"
#include "caseflow/ssda903/ssda903_records.hpp"

namespace caseflow {

// The share of a return's rows that may be unreadable before calibrating needs to be asked for.
inline constexpr double kMaxUnreadableRowShare = 0.01;

// How many of the report's dropped rows could not be read.
size_t unreadable_rows(const DataQualityReport& report);

// Throws InputError naming the file with the most unreadable rows and its first such line when more than
// `max_share` of `data.rows_read` could not be read.
void refuse_many_unreadable_rows(const Ssda903Data& data, const DataQualityReport& report,
                                 double max_share = kMaxUnreadableRowShare);

}  // namespace caseflow
