#pragma once
// The SSDA903 return as data: the rows of the episodes, header and UASC files after reading and
// row-level cleaning (ssda903_import.hpp), each with the file and line it came from.
// Column meanings are the Department for Education's, in its yearly guidance 'Children looked after return
// (SSDA903): guide to the collection'; docs/calibration.md says how caseflow reads them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/ssda903/collection_years.hpp"

namespace caseflow {

struct SourceLine {
  int file = -1;  // index into Ssda903Data::files
  int line = 0;   // 1-based physical line where the row starts
};

// One row of the episodes file: a period with one legal status and one placement.
struct Episode {
  std::string child;           // CHILD
  Date start{};                // DECOM
  std::optional<Date> end;     // DEC; empty while the episode is open
  std::string reason_new;      // RNE
  std::string legal_status;    // LS
  std::string placement;       // PLACE
  std::string provider;        // PLACE_PROVIDER (PR0-PR5); empty when the file has no such column
  std::string reason_ceased;   // REC; empty when open or not given
  SourceLine source;
};

struct ChildHeader {
  std::string child;  // CHILD
  std::string sex;    // SEX, kept as given
  Date birth{};       // DOB
  SourceLine source;
};

struct UascRecord {
  std::string child;           // CHILD
  std::optional<Date> ceased;  // DUC: the day the child stopped being an unaccompanied asylum-seeking child
  SourceLine source;
};

struct Ssda903Data {
  std::vector<std::string> files;  // file names, indexed by SourceLine::file
  std::vector<Episode> episodes;   // rows kept, in the order read
  std::map<std::string, ChildHeader> children;
  std::map<std::string, UascRecord> uasc;
  // The data window the files can support: from 1 April of the earliest collection year of an episodes
  // file to the day after the latest collection year ends (see docs/calibration.md, "data window").
  std::optional<Date> first_collection_year_start;
  std::optional<Date> coverage_end;
  size_t rows_read = 0;  // the data rows of every file, kept or dropped (dropped_rows.hpp)
  std::vector<EpisodesFileYear> episodes_file_years;  // the year each episodes file is for, in the order given
  // Problems with the files as a whole that a user must see (two files for one year, a year with none):
  // also in the data-quality report; the command line prints them on stderr.
  std::vector<std::string> warnings;

  const std::string& file_name(const SourceLine& source) const;
  // "episodes_2019.csv:12", for messages and the data-quality report.
  std::string where(const SourceLine& source) const;
  // Whether the child counts as unaccompanied asylum-seeking on `date`.
  bool is_uasc_on(const std::string& child, Date date) const;
};

// The order of day and month in slashed dates: dd/mm/yyyy is the return's; mm/dd/yyyy is what a spreadsheet
// in a US locale saves (date_order.hpp tells them apart).
enum class DateOrder { day_first, month_first };

// SSDA903 dates: dd/mm/yyyy (the return's format, also d/m/yyyy; mm/dd/yyyy when `order` is month_first) or
// ISO yyyy-mm-dd; a trailing time of day (" 00:00:00", as spreadsheets export) is ignored. nullopt when
// unreadable, not a real day, or outside the years 1900-2199.
std::optional<Date> parse_ssda903_date(std::string_view text, DateOrder order = DateOrder::day_first);
std::string format_ssda903_date(Date date);  // dd/mm/yyyy

// The first 31 March on or after `date`: the end of the collection year (1 April - 31 March) holding it.
Date collection_year_end(Date date);

}  // namespace caseflow
