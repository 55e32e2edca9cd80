#pragma once
// Which collection year (1 April to 31 March) each episodes file is for, and whether the files cover the
// years between the first and the last. A return for a year holds the episodes open during it: every DEC and
// the DECOMs of the year's new episodes fall in that year, the DECOMs of long stays in earlier years, and by a
// slip a date may fall just after it (a DEC of 1 April). The year is therefore the latest that holds a good
// part of the file's dates (a quarter), not the year of its latest date, which one stray date would move, nor
// simply the year holding most of them, which a small return with many long stays would pull back a year.

#include <string>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/ssda903/data_quality_report.hpp"

namespace caseflow {

struct EpisodesFileYear {
  std::string file;       // the file's name
  int year_end = 0;       // the calendar year whose 31 March ends the collection year: 2020 for 2019/20
  int dates_in_year = 0;  // how many of its DECOM and DEC dates fall in that year
  int dates = 0;          // all its DECOM and DEC dates
};

// The latest collection year holding at least a quarter of `dates`; when none does (dates spread over many
// years), the year holding most of them, the later on a tie. `dates` must not be empty.
EpisodesFileYear infer_collection_year(const std::string& file, const std::vector<Date>& dates);

// "2019/20 (1 April 2019 to 31 March 2020)", for messages.
std::string describe_collection_year(int year_end);

// Checks the files' years: two files for one year (rule collection_year_shared, on the later file), or a
// year between the first and the last with no file (rule collection_year_missing, on the first file after
// the gap). Each problem goes to the report and is returned as a one-line warning for the terminal.
std::vector<std::string> check_collection_years(const std::vector<EpisodesFileYear>& years, DataQualityReport& report);

}  // namespace caseflow
