#include "report_file.hpp"

#include "command_line.hpp"

namespace caseflow::cli {

namespace fs = std::filesystem;

ReportFile::ReportFile(const std::string& path, const std::string& option, const std::string& example) : path_(path) {
  fs::path file(path);
  if (path.empty() || !file.has_filename() || fs::is_directory(file))
    throw usage_error(option + " must name a file such as " + example + ", got \"" + path + "\"");
  name_ = file.filename().string();
  output_ = std::make_unique<StagedOutput>(file.has_parent_path() ? file.parent_path() : fs::path("."));
}

void ReportFile::stage(const std::string& bytes) {
  output_->write(name_, [&](std::ostream& out) { out << bytes; });
}

void ReportFile::commit() { output_->commit(); }

}  // namespace caseflow::cli
