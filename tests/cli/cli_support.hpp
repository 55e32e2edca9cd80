#pragma once
// Running the `caseflow` program from tests: a scratch folder per test, removed when the test ends however
// it ends, and the exit code, stdout and stderr of a run.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace caseflow::testing {

// A folder in the system's temporary folder, named after the running test and this process, made empty on
// construction and removed with everything in it on destruction, also when the test fails or throws. Folders
// a test made unreadable or unwritable are opened up first so that they can be removed.
class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& prefix) : path_(std::filesystem::temp_directory_path() / (prefix + "-" + unique_name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
    for (auto entry = std::filesystem::recursive_directory_iterator(path_, ignored);
         entry != std::filesystem::recursive_directory_iterator(); entry.increment(ignored))
      if (entry->is_directory(ignored))
        std::filesystem::permissions(entry->path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // "1234-Suite-Test", or "1234-Suite-Test-param" for a parameterized test: one folder name, never a path
  // (the "/" gtest puts in such names would make the folder a subfolder, and leave its parent behind).
  static std::string unique_name() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::to_string(::getpid());
    if (test) name += std::string("-") + test->test_suite_name() + "-" + test->name();
    std::replace(name.begin(), name.end(), '/', '-');
    return name;
  }

 private:
  std::filesystem::path path_;
};

struct CliOutcome {
  int exit_code;
  std::string out;
  std::string err;
};

class CliScratch : public ::testing::Test {
 protected:
  // `arguments` go through the shell: quote what needs quoting.
  CliOutcome caseflow(const std::string& arguments) {
    std::string command = std::string(CASEFLOW_CLI_PATH) + " " + arguments + " >" + (dir_ / "stdout").string() + " 2>" +
                          (dir_ / "stderr").string();
    int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read(dir_ / "stdout"), read(dir_ / "stderr")};
  }
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static std::vector<std::string> lines(const std::filesystem::path& path) {
    std::vector<std::string> result;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string source(const std::string& relative) { return std::string(CASEFLOW_SOURCE_DIR) + "/" + relative; }
  static std::string example() { return source("scenarios/example-small.json"); }

  ScratchFolder scratch_{"caseflow-cli"};
  const std::filesystem::path& dir_ = scratch_.path();
};

// Every file under `folder`, recursively, hidden ones included.
inline std::vector<std::string> files_under(const std::filesystem::path& folder) {
  std::vector<std::string> found;
  if (!std::filesystem::exists(folder)) return found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (!entry.is_directory()) found.push_back(entry.path().lexically_relative(folder).string());
  std::sort(found.begin(), found.end());
  return found;
}

// Starts `caseflow ARGS...` with its output in files, without a shell in between, so a signal reaches it.
inline pid_t spawn_caseflow(const std::vector<std::string>& arguments, const std::filesystem::path& stdout_file,
                            const std::filesystem::path& stderr_file) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int out = ::open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv{const_cast<char*>(CASEFLOW_CLI_PATH)};
    for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(CASEFLOW_CLI_PATH, argv.data());
    ::_exit(127);
  }
  return pid;
}

// Whether `pid` has installed a handler for `signal` (the SigCgt mask of /proc/PID/status).
inline bool catches(pid_t pid, int signal) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("SigCgt:", 0) == 0) return (std::stoull(line.substr(7), nullptr, 16) >> (signal - 1)) & 1;
  return false;
}

}  // namespace caseflow::testing
