#pragma once
// The units every part of caseflow converts between: scenarios give rates per year and durations in days.

namespace caseflow {

// Days in an average year (the Julian year): rates per year become rates per day by dividing by it, and a
// cost per week becomes a cost per day by dividing by 7. One value everywhere, so a rate written by
// `calibrate` reads back as the same rate in the simulation.
inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kDaysPerMonth = kDaysPerYear / 12;

}  // namespace caseflow
