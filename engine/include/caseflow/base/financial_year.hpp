#pragma once
// The UK financial year, 1 April to 31 March, in which councils budget and report. A year is named by
// the calendar year in which it starts: financial year 2021 is "2021/22" (as the cost outputs write
// it), 1 April 2021 to 31 March 2022.

#include <string>

#include "caseflow/base/calendar.hpp"

namespace caseflow {

// The financial year a day belongs to: 31 March 2022 -> 2021, 1 April 2022 -> 2022.
int financial_year_of(Date date);

Date financial_year_start(int year);  // 1 April of `year`
Date financial_year_end(int year);    // 31 March of `year` + 1

// "2021/22"; "1999/00" at the turn of a century.
std::string financial_year_label(int year);

}  // namespace caseflow
