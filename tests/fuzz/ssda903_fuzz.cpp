// Fuzz target: bytes as an SSDA903 return, through the importer and on to care histories. The input is
// up to three CSV files separated by a line "%%" (episodes, then header, then UASC), so one input can
// vary all of them. A file the importer cannot use at all is an InputError; everything else is repaired
// or dropped and reported (ssda903_import.hpp, care_history.hpp). Anything else is a finding.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "caseflow/base/input_error.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "caseflow/ssda903/data_quality_report.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"

namespace {

using namespace caseflow;

std::vector<std::string> split_files(const std::string& text) {
  std::vector<std::string> files(1);
  size_t start = 0;
  while (files.size() < 3) {
    size_t marker = text.find("\n%%\n", start);
    if (marker == std::string::npos) break;
    files.back() = text.substr(start, marker + 1 - start);
    files.emplace_back();
    start = marker + 4;
  }
  files.back() = text.substr(start);
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Ssda903Mapping mapping = default_mapping();
  std::vector<std::string> files = split_files(std::string(reinterpret_cast<const char*>(data), size));
  Ssda903Texts texts;
  texts.episodes.push_back({"episodes.csv", files[0]});
  if (files.size() > 1) texts.headers.push_back({"header.csv", files[1]});
  if (files.size() > 2) texts.uasc.push_back({"uasc.csv", files[2]});
  DataQualityReport report;
  try {
    Ssda903Data imported = import_ssda903(texts, report);
    build_care_histories(imported, mapping, report);
  } catch (const InputError& error) {
    if (error.source().empty() || error.message().empty()) {
      std::fprintf(stderr, "ssda903_fuzz: an InputError without a file or message: %s\n", error.what());
      std::abort();
    }
  }
  return 0;
}
