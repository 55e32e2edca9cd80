#pragma once
// Output files written whole or not at all: each file is written beside its final name and renamed
// into place only when every file of the run has been written. If anything fails first, nothing
// appears (and the folders created for the run are removed again). Earlier files of the same names
// are moved aside first and restored if any step fails (a folder in the way of a file name), so the
// folder never mixes two runs.
//
// The files being written are hidden, ".NAME.partial-PID" (and ".NAME.partial-PID.previous" for an earlier
// file moved aside during the commit). They are created new (O_EXCL, O_NOFOLLOW): never through a link
// someone planted at that name. Commits into one folder take turns (an exclusive flock on a hidden
// ".caseflow.lock" there, removed afterwards), so two runs writing into one folder at once never leave a mix
// of their files: the last to commit wins whole.
//
// A process killed outright (kill -9, out of memory) leaves its hidden files behind. The next StagedOutput
// into the folder, holding the lock, deals with those of processes that no longer run: a commit that had
// begun (a ".caseflow.committing-PID" marker, made once every file was written whole) is finished; files of
// a run killed before its commit are removed.

#include <filesystem>
#include <functional>
#include <ostream>
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
  // Creates `directory` (and its missing parents) when it does not exist. A link there that points nowhere
  // is an OutputError, and the link stays as it was.
  explicit StagedOutput(std::filesystem::path directory);
  ~StagedOutput();  // removes whatever was staged but not committed
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  // Writes `name` in the directory through `write`, under a temporary name for now.
  void write(const std::string& name, const std::function<void(std::ostream&)>& write);
  // Files an earlier output of the same kind may have left in the folder, which this one replaces even where
  // it writes no file of that name (a run without per-replication files after a run with them): at commit,
  // those of `names` not written this time are removed with the same care as replaced files (set aside
  // first, put back if the commit fails), so the folder holds this output's files alone.
  void supersede(std::vector<std::string> names);
  // Renames every staged file to its final name, holding the folder's lock.
  void commit();

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  std::vector<std::filesystem::path> created_directories_;  // deepest first
  bool committed_ = false;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // temporary, final
  std::vector<std::string> superseded_;
};

// The hidden name a file is staged under by process `pid`: ".NAME.partial-PID".
std::string staged_file_name(const std::string& name, long pid);

// Finishes or removes what processes no longer running left in `directory` (see above), holding the folder's
// lock. Returns how many files it moved or removed. StagedOutput calls it; errors are ignored (the files stay).
int remove_stale_staged_files(const std::filesystem::path& directory);

}  // namespace caseflow
