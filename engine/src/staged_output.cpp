#include "caseflow/staged_output.hpp"

#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace caseflow {

namespace fs = std::filesystem;

StagedOutput::StagedOutput(fs::path directory) : directory_(std::move(directory)) {
  std::error_code error;
  if (!fs::exists(directory_, error)) {
    fs::create_directories(directory_, error);
    if (error) throw std::runtime_error(directory_.string() + ": cannot create the output folder: " + error.message());
    created_directory_ = true;
  } else if (!fs::is_directory(directory_, error)) {
    throw std::runtime_error(directory_.string() + ": exists and is not a folder");
  }
}

StagedOutput::~StagedOutput() {
  if (committed_) return;
  std::error_code ignored;
  for (const auto& [temporary, final_path] : staged_) fs::remove(temporary, ignored);
  if (created_directory_) fs::remove(directory_, ignored);  // only succeeds if it is still empty
}

void StagedOutput::write(const std::string& name, const std::function<void(std::ostream&)>& write) {
  fs::path final_path = directory_ / name;
  fs::path temporary = directory_ / ("." + name + ".partial-" + std::to_string(::getpid()));
  staged_.emplace_back(temporary, final_path);
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(final_path.string() + ": cannot write");
  write(out);
  out.flush();
  if (!out) throw std::runtime_error(final_path.string() + ": write failed (disk full?)");
}

void StagedOutput::commit() {
  for (const auto& [temporary, final_path] : staged_) {
    std::error_code error;
    fs::rename(temporary, final_path, error);
    if (error) throw std::runtime_error(final_path.string() + ": cannot move into place: " + error.message());
  }
  committed_ = true;
}

}  // namespace caseflow
