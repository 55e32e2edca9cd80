#include "caseflow/serve/ssda903_upload.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string_view>

#include "caseflow/base/input_error.hpp"
#include "caseflow/calibration/calibration.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "caseflow/ssda903/data_quality_report.hpp"
#include "caseflow/ssda903/dropped_rows.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"

namespace caseflow {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The column names of the first line, upper case, without a byte order mark, quotes or spaces.
std::vector<std::string> first_line_columns(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  text = text.substr(0, text.find_first_of("\r\n"));
  std::vector<std::string> columns;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string column;
    for (char c : text.substr(start, comma - start))
      if (c != '"' && !std::isspace(static_cast<unsigned char>(c))) column += c;
    columns.push_back(upper(column));
    start = comma + 1;
  }
  return columns;
}

}  // namespace

Ssda903FileKind classify_ssda903_file(const CsvText& file) {
  const std::vector<std::string> columns = first_line_columns(file.text);
  auto has = [&columns](const char* name) { return std::find(columns.begin(), columns.end(), name) != columns.end(); };
  // A UASC file also has DOB, so DUC is asked first.
  if (has("DECOM")) return Ssda903FileKind::episodes;
  if (has("DUC")) return Ssda903FileKind::uasc;
  if (has("DOB")) return Ssda903FileKind::header;
  const std::string name = lower(file.name);
  if (name.find("episode") != std::string::npos) return Ssda903FileKind::episodes;
  if (name.find("uasc") != std::string::npos) return Ssda903FileKind::uasc;
  if (name.find("header") != std::string::npos) return Ssda903FileKind::header;
  throw InputError(file.name, "line 1",
                   "is not an SSDA903 return: its columns have none of DECOM (episodes), DOB (header) and DUC (UASC), "
                   "and its name does not say episodes, header or uasc");
}

Scenario calibrate_uploaded_returns(const std::vector<CsvText>& files, std::optional<Date> as_of) {
  Ssda903Texts texts;
  for (const CsvText& file : files) {
    switch (classify_ssda903_file(file)) {
      case Ssda903FileKind::episodes: texts.episodes.push_back(file); break;
      case Ssda903FileKind::header: texts.headers.push_back(file); break;
      case Ssda903FileKind::uasc: texts.uasc.push_back(file); break;
    }
  }
  if (texts.episodes.empty() || texts.headers.empty())
    throw InputError("the SSDA903 files", "", "need at least one episodes file and one header file (the header files hold the dates of birth)");
  DataQualityReport report;
  const Ssda903Mapping mapping = default_mapping();
  const Ssda903Data data = import_ssda903(texts, report);
  const CareHistories histories = build_care_histories(data, mapping, report);
  refuse_many_unreadable_rows(data, report);
  CalibrationOptions options;
  if (as_of) {
    options.as_of = *as_of;
  } else if (data.coverage_end) {
    // The last day of the latest collection year (31 March): calibration needs its start within the data.
    options.as_of = *data.coverage_end - std::chrono::days{1};
  } else {
    throw InputError("the SSDA903 files", "", "say nothing of the collection years: give the date to start from");
  }
  for (const CsvText& file : texts.episodes) options.source += (options.source.empty() ? "" : ", ") + file.name;
  return calibrate(histories, mapping, options).scenario;
}

}  // namespace caseflow
