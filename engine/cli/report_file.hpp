#pragma once
// The one file of a report (HTML) or a workbook (Excel), written whole or not at all (through StagedOutput): staged before a
// run's other files are committed and committed after them, so a failure leaves no half-written report.

#include <filesystem>
#include <memory>
#include <string>

#include "caseflow/base/staged_output.hpp"

namespace caseflow::cli {

class ReportFile {
 public:
  // Checks the path at once, before any long run: `option` names the flag in error messages, `example` a
  // file name it could take. Holds any file's bytes: an HTML report or an Excel workbook.
  ReportFile(const std::string& path, const std::string& option, const std::string& example = "report.html");

  void stage(const std::string& bytes);
  void commit();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<StagedOutput> output_;
  std::string name_;
};

}  // namespace caseflow::cli
