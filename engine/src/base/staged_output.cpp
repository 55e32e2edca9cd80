#include "caseflow/base/staged_output.hpp"

#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace caseflow {

namespace fs = std::filesystem;

StagedOutput::StagedOutput(fs::path directory) : directory_(std::move(directory)) {
  std::error_code error;
  if (!fs::exists(directory_, error)) {
    // Remember which folders this creates, so that a failure removes them all and no more.
    for (fs::path missing = directory_; !missing.empty() && !fs::exists(missing, error); missing = missing.parent_path()) {
      created_directories_.push_back(missing);
      if (missing == missing.parent_path()) break;
    }
    fs::create_directories(directory_, error);
    if (error) {
      std::error_code ignored;
      for (const auto& created : created_directories_) fs::remove(created, ignored);
      throw OutputError(directory_.string() + ": cannot create the output folder: " + error.message());
    }
  } else if (!fs::is_directory(directory_, error)) {
    throw OutputError(directory_.string() + ": exists and is not a folder");
  }
}

StagedOutput::~StagedOutput() {
  if (committed_) return;
  std::error_code ignored;
  for (const auto& [temporary, final_path] : staged_) fs::remove(temporary, ignored);
  for (const auto& created : created_directories_) fs::remove(created, ignored);  // only if still empty
}

void StagedOutput::write(const std::string& name, const std::function<void(std::ostream&)>& write) {
  fs::path final_path = directory_ / name;
  fs::path temporary = directory_ / ("." + name + ".partial-" + std::to_string(::getpid()));
  staged_.emplace_back(temporary, final_path);
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) throw OutputError(final_path.string() + ": cannot write");
  write(out);
  out.flush();
  if (!out) throw OutputError(final_path.string() + ": write failed (disk full?)");
}

void StagedOutput::commit() {
  // Earlier files of the same names are moved aside first, so that a failure can put them back.
  std::vector<std::pair<fs::path, fs::path>> set_aside;  // backup, final
  std::vector<fs::path> placed;
  auto roll_back = [&] {
    std::error_code ignored;
    for (const auto& final_path : placed) fs::remove(final_path, ignored);
    for (const auto& [backup, final_path] : set_aside) fs::rename(backup, final_path, ignored);
  };
  for (const auto& [temporary, final_path] : staged_) {
    std::error_code error;
    fs::file_status status = fs::symlink_status(final_path, error);
    if (!fs::exists(status)) continue;
    if (fs::is_directory(status)) {
      roll_back();
      throw OutputError(final_path.string() + ": cannot move into place: a folder of that name is in the way");
    }
    fs::path backup = temporary;
    backup += ".previous";
    fs::rename(final_path, backup, error);
    if (error) {
      roll_back();
      throw OutputError(final_path.string() + ": cannot replace the existing file: " + error.message());
    }
    set_aside.emplace_back(backup, final_path);
  }
  for (const auto& [temporary, final_path] : staged_) {
    std::error_code error;
    fs::rename(temporary, final_path, error);
    if (error) {
      roll_back();
      throw OutputError(final_path.string() + ": cannot move into place: " + error.message());
    }
    placed.push_back(final_path);
  }
  committed_ = true;
  std::error_code ignored;
  for (const auto& [backup, final_path] : set_aside) fs::remove(backup, ignored);
}

}  // namespace caseflow
