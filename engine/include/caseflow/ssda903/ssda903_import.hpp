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

Ssda903Data import_ssda903(const Ssda903Texts& texts, DataQualityReport& report);
Ssda903Data import_ssda903(const Ssda903Files& files, DataQualityReport& report);

}  // namespace caseflow
