#pragma once
// Output files written whole or not at all: each file is written beside its final name and renamed
// into place only when every file of the run has been written. If anything fails first, nothing
// appears (and the folders created for the run are removed again). Earlier files of the same names
// are moved aside first and restored if any step fails (a folder in the way of a file name), so the
// folder never mixes two runs.

#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace caseflow {

// The output could not be written (no permission, a full disk, a folder in the way): not bad input and
// not a bug, so the command line reports it plainly.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StagedOutput {
 public:
  explicit StagedOutput(std::filesystem::path directory);
  ~StagedOutput();  // removes whatever was staged but not committed
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  // Writes `name` in the directory through `write`, under a temporary name for now.
  void write(const std::string& name, const std::function<void(std::ostream&)>& write);
  // Renames every staged file to its final name.
  void commit();

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  std::vector<std::filesystem::path> created_directories_;  // deepest first
  bool committed_ = false;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // temporary, final
};

}  // namespace caseflow
