#pragma once
// Reading SSDA903 files (episodes, header, UASC; several years each) into Ssda903Data.
//
// Row-level rules are applied here and every row dropped or changed is reported with its file and line
// (rules in docs/calibration.md): unreadable or impossible dates, missing or extra fields, codes in
// lower case, rows repeated within or across years, an episode superseded by a later year's copy.
// Rules about a child's sequence of episodes (overlaps, open episodes followed by another) belong to
// care_history.hpp. A file that cannot be used at all is an InputError naming the file and line: it
// cannot be read, is not text (a workbook, UTF-16, compressed), has no header line or one whose quote is
// never closed, lacks a required column, or has rows none of which can be used; so are episodes files
// with no row at all. Nothing else throws.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "caseflow/ssda903/data_quality_report.hpp"
#include "caseflow/ssda903/ssda903_records.hpp"

namespace caseflow {

struct Ssda903Files {
  std::vector<std::string> episodes;
  std::vector<std::string> headers;
  std::vector<std::string> uasc;
};

// The same, already in memory (tests, and the export -> import round trip).
struct CsvText {
  std::string name;
  std::string text;
};
struct Ssda903Texts {
  std::vector<CsvText> episodes;
  std::vector<CsvText> headers;
  std::vector<CsvText> uasc;
};

// The largest SSDA903 file read, and the most rows in one: a council's return is a few MB and tens of
// thousands of rows a year; the limits turn a wrong file (a database dump, a device) into an error before it
// fills the memory (issue 16).
inline constexpr size_t kMaxSsda903FileBytes = size_t{256} << 20;
inline constexpr size_t kMaxSsda903Rows = 1'000'000;

struct Ssda903ImportOptions {
  // The order of day and month in slashed dates, for every file; by default each file's is told from its
  // dates (date_order.hpp), and a file whose order cannot be told is an InputError.
  std::optional<DateOrder> date_order;
};

Ssda903Data import_ssda903(const Ssda903Texts& texts, DataQualityReport& report, const Ssda903ImportOptions& options = {});
Ssda903Data import_ssda903(const Ssda903Files& files, DataQualityReport& report, const Ssda903ImportOptions& options = {});

}  // namespace caseflow
