#include "caseflow/base/staged_output.hpp"

#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <streambuf>
#include <system_error>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace caseflow {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPartial = ".partial-";
constexpr const char* kPrevious = ".previous";
constexpr const char* kLockName = ".caseflow.lock";
constexpr const char* kCommitting = ".caseflow.committing-";

// An output stream onto a file descriptor this code opened itself (std::ofstream cannot be given the
// flags that refuse a planted link). Errors set badbit, as a full disk does for an ofstream.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~DescriptorBuffer() override { sync(); }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    const char* next = pbase();
    while (next < pptr()) {
      ssize_t written = ::write(fd_, next, static_cast<size_t>(pptr() - next));
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) return -1;
      next += written;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return 0;
  }

 private:
  int fd_;
  char buffer_[1 << 16];
};

// Creates `path` new for writing: fails rather than open anything already there, a link included.
int create_new_file(const fs::path& path) {
  for (;;) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EINTR) return fd;
  }
}

// Whether process `pid` is gone. A process of another user still answers EPERM: it runs.
bool process_is_gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

// "123" -> 123; nullopt for anything but 1 to 9 digits.
std::optional<long> parse_pid(const std::string& digits) {
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stol(digits);
}

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() > end.size() && text.compare(text.size() - end.size(), std::string::npos, end) == 0;
}

// ".NAME.partial-PID[.previous]": NAME, PID and whether it is an earlier file moved aside; nullopt for any other name.
struct StagedName {
  std::string final_name;
  long pid = 0;
  bool previous = false;
};
std::optional<StagedName> parse_staged_name(std::string name) {
  StagedName parsed;
  if (ends_with(name, kPrevious)) {
    parsed.previous = true;
    name.resize(name.size() - std::strlen(kPrevious));
  }
  size_t at = name.rfind(kPartial);
  if (name.size() < 2 || name[0] != '.' || at == std::string::npos || at < 2) return std::nullopt;
  std::optional<long> pid = parse_pid(name.substr(at + std::strlen(kPartial)));
  if (!pid) return std::nullopt;
  parsed.pid = *pid;
  parsed.final_name = name.substr(1, at - 1);
  return parsed;
}

fs::path commit_marker(const fs::path& directory, long pid) { return directory / (kCommitting + std::to_string(pid)); }

// An exclusive lock on a folder while its files are replaced or recovered. The lock file is removed on
// release; one found replaced or removed after the wait is not the lock any more, so the wait starts again
// on the new one. Where locks cannot be had (a read-only folder, a file system without flock) the work goes
// ahead without one: the renames then fail or succeed as they would have.
class FolderLock {
 public:
  explicit FolderLock(const fs::path& directory) : path_(directory / kLockName) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0) return;
      int locked;
      while ((locked = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
      }
      if (locked != 0) {
        ::close(fd);
        return;
      }
      struct stat held {}, named {};
      if (::fstat(fd, &held) == 0 && ::lstat(path_.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
          held.st_ino == named.st_ino) {
        fd_ = fd;
        return;
      }
      ::close(fd);
    }
  }
  ~FolderLock() {
    if (fd_ < 0) return;
    ::unlink(path_.c_str());
    ::close(fd_);
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  fs::path path_;
  int fd_ = -1;
};

// What one ended process left in a folder.
struct Leftovers {
  std::vector<std::pair<fs::path, std::string>> staged, previous;  // the hidden file, its final name
  bool committing = false;
};

// With the folder's lock held (so that no commit is half-way): finishes or undoes what ended processes left.
// A process that had begun its commit (its marker is there) had written every file whole: its commit is
// finished, so the folder holds its run entire. One that had not is undone: its files are removed, and an
// earlier file moved aside is put back where nothing took its place.
int recover_locked(const fs::path& directory) {
  std::map<long, Leftovers> ended;
  std::error_code error;
  for (fs::directory_iterator entry(directory, error), end; !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name.rfind(kCommitting, 0) == 0) {
      std::optional<long> pid = parse_pid(name.substr(std::strlen(kCommitting)));
      if (pid && process_is_gone(*pid)) ended[*pid].committing = true;
      continue;
    }
    std::optional<StagedName> staged = parse_staged_name(name);
    if (!staged || !process_is_gone(staged->pid)) continue;
    std::error_code ignored;
    if (!entry->is_regular_file(ignored) && !entry->is_symlink(ignored)) continue;
    (staged->previous ? ended[staged->pid].previous : ended[staged->pid].staged).emplace_back(entry->path(), staged->final_name);
  }
  int recovered = 0;
  auto count = [&](const std::error_code& outcome) { recovered += outcome ? 0 : 1; };
  for (const auto& [pid, left] : ended) {
    std::error_code outcome;
    for (const auto& staged : left.staged) {
      if (left.committing) {
        fs::rename(staged.first, directory / staged.second, outcome);
        if (outcome) fs::remove(staged.first, outcome);  // a folder in the way: that commit had failed
      } else {
        fs::remove(staged.first, outcome);
      }
      count(outcome);
    }
    for (const auto& previous : left.previous) {
      const fs::path final_path = directory / previous.second;
      if (!left.committing && !fs::exists(fs::symlink_status(final_path, outcome)))
        fs::rename(previous.first, final_path, outcome);
      else
        fs::remove(previous.first, outcome);
      count(outcome);
    }
    if (left.committing) fs::remove(commit_marker(directory, pid), outcome);
  }
  return recovered;
}

}  // namespace

std::string staged_file_name(const std::string& name, long pid) { return "." + name + kPartial + std::to_string(pid); }

int remove_stale_staged_files(const fs::path& directory) {
  FolderLock lock(directory);
  return recover_locked(directory);
}

StagedOutput::StagedOutput(fs::path directory) : directory_(std::move(directory)) {
  std::error_code error;
  // symlink_status: a link to a folder that does not exist is there all the same, and is not ours to remove.
  if (fs::exists(fs::symlink_status(directory_, error)) && !fs::exists(directory_, error)) {
    std::error_code ignored;
    throw OutputError(directory_.string() + ": is a link to " + fs::read_symlink(directory_, ignored).string() +
                      ", which does not exist: create that folder, or give another");
  }
  if (!fs::exists(directory_, error)) {
    // Remember which folders this creates, so that a failure removes them all and no more.
    for (fs::path missing = directory_; !missing.empty() && !fs::exists(fs::symlink_status(missing, error));
         missing = missing.parent_path()) {
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
  } else {
    remove_stale_staged_files(directory_);  // frees the space of killed runs before this one needs it
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
  for (const auto& staged : staged_)
    if (staged.second == final_path) throw OutputError(final_path.string() + ": written twice by one command");
  fs::path temporary = directory_ / staged_file_name(name, ::getpid());
  int fd = create_new_file(temporary);
  if (fd < 0 && errno == EEXIST) {
    // Left by an earlier process that had this process's number, or a link planted there: removing it
    // removes the link, never what it points to.
    std::error_code ignored;
    if (!fs::is_directory(fs::symlink_status(temporary, ignored))) fs::remove(temporary, ignored);
    fd = create_new_file(temporary);
  }
  if (fd < 0) throw OutputError(final_path.string() + ": cannot write: " + std::strerror(errno));
  staged_.emplace_back(temporary, final_path);
  struct Closer {
    int fd;
    ~Closer() {
      if (fd >= 0) ::close(fd);
    }
  } closer{fd};
  bool written = false;
  {
    DescriptorBuffer buffer(fd);  // flushed when left, an exception from `write` included
    std::ostream out(&buffer);
    write(out);
    out.flush();
    written = static_cast<bool>(out);
  }
  closer.fd = -1;
  if (::close(fd) != 0) written = false;
  if (!written) throw OutputError(final_path.string() + ": write failed (disk full?)");
}

void StagedOutput::supersede(std::vector<std::string> names) { superseded_ = std::move(names); }

void StagedOutput::commit() {
  FolderLock lock(directory_);
  // A run killed half-way through its commit is finished first, so that this one replaces it whole.
  recover_locked(directory_);
  // The marker says that every file was written whole: were this process killed before the end, the next
  // output into the folder would finish the commit rather than leave a mix of two runs.
  const fs::path marker = commit_marker(directory_, ::getpid());
  {
    std::error_code ignored;
    fs::remove(marker, ignored);  // left by an earlier process of this number
    int fd = create_new_file(marker);
    if (fd >= 0) ::close(fd);
  }
  // Earlier files of the same names are moved aside first, so that a failure can put them back.
  std::vector<std::pair<fs::path, fs::path>> set_aside;  // backup, final
  std::vector<fs::path> placed;
  auto roll_back = [&] {
    std::error_code ignored;
    for (const auto& final_path : placed) fs::remove(final_path, ignored);
    for (const auto& [backup, final_path] : set_aside) fs::rename(backup, final_path, ignored);
    fs::remove(marker, ignored);
  };
  // What goes aside: the files of the superseded names this commit does not write (named as if staged, so
  // that recovery after a kill treats them alike), then the earlier files it replaces.
  std::vector<std::pair<fs::path, fs::path>> replaced;  // hidden name, final
  for (const std::string& name : superseded_) {
    const fs::path final_path = directory_ / name;
    bool written = false;
    for (const auto& staged : staged_) written = written || staged.second == final_path;
    if (!written) replaced.emplace_back(directory_ / staged_file_name(name, ::getpid()), final_path);
  }
  const size_t not_written = replaced.size();
  replaced.insert(replaced.end(), staged_.begin(), staged_.end());
  for (size_t i = 0; i < replaced.size(); ++i) {
    const auto& [temporary, final_path] = replaced[i];
    const bool written_now = i >= not_written;
    std::error_code error;
    fs::file_status status = fs::symlink_status(final_path, error);
    if (!fs::exists(status)) continue;
    if (fs::is_directory(status) && !written_now) continue;  // a folder of that name was never this output's
    if (fs::is_directory(status)) {
      roll_back();
      throw OutputError(final_path.string() + ": cannot move into place: a folder of that name is in the way");
    }
    fs::path backup = temporary;
    backup += kPrevious;
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
  fs::remove(marker, ignored);
}

}  // namespace caseflow
