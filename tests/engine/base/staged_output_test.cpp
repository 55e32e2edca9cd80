// StagedOutput: files appear whole, all together, or not at all.

#include "caseflow/base/staged_output.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using caseflow::StagedOutput;

namespace {

class StagedOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("caseflow-staged-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> everything() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) found.push_back(entry.path().lexically_relative(dir_).string());
    std::sort(found.begin(), found.end());
    return found;
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path dir_;
};

}  // namespace

TEST_F(StagedOutputTest, NothingIsVisibleBeforeCommitAndEverythingAfter) {
  StagedOutput output(dir_ / "out");
  output.write("a.csv", [](std::ostream& out) { out << "a\n"; });
  output.write("b.csv", [](std::ostream& out) { out << "b\n"; });
  EXPECT_FALSE(fs::exists(dir_ / "out" / "a.csv"));
  output.commit();
  EXPECT_EQ(everything(), (std::vector<std::string>{"out", "out/a.csv", "out/b.csv"}));
  EXPECT_EQ(read(dir_ / "out" / "b.csv"), "b\n");
}

// A writer that fails half-way (an exception, as a cancelled run or a full disk gives) leaves no file and
// removes the folders it created, however deep.
TEST_F(StagedOutputTest, AFailedWriteLeavesNothing) {
  try {
    StagedOutput output(dir_ / "x" / "y" / "out");
    output.write("a.csv", [](std::ostream& out) { out << "complete\n"; });
    output.write("b.csv", [](std::ostream& out) {
      out << "half";
      throw std::runtime_error("disk full");
    });
    output.commit();
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "disk full");
  }
  EXPECT_TRUE(everything().empty());
}

TEST_F(StagedOutputTest, AnUncommittedOutputInAnExistingFolderLeavesItAsItWas) {
  std::ofstream(dir_ / "a.csv") << "previous\n";
  {
    StagedOutput output(dir_);
    output.write("a.csv", [](std::ostream& out) { out << "new\n"; });
  }
  EXPECT_EQ(everything(), (std::vector<std::string>{"a.csv"}));
  EXPECT_EQ(read(dir_ / "a.csv"), "previous\n");
}

TEST_F(StagedOutputTest, AFolderInTheWayRestoresThePreviousFiles) {
  std::ofstream(dir_ / "a.csv") << "previous a\n";
  std::ofstream(dir_ / "b.csv") << "previous b\n";
  fs::create_directories(dir_ / "c.csv");
  StagedOutput output(dir_);
  output.write("a.csv", [](std::ostream& out) { out << "new a\n"; });
  output.write("b.csv", [](std::ostream& out) { out << "new b\n"; });
  output.write("c.csv", [](std::ostream& out) { out << "new c\n"; });
  EXPECT_THROW(output.commit(), std::runtime_error);
  EXPECT_EQ(read(dir_ / "a.csv"), "previous a\n");
  EXPECT_EQ(read(dir_ / "b.csv"), "previous b\n");
  EXPECT_TRUE(fs::is_directory(dir_ / "c.csv"));
}

TEST_F(StagedOutputTest, CommitReplacesPreviousFilesAndKeepsNoBackup) {
  std::ofstream(dir_ / "a.csv") << "previous\n";
  StagedOutput output(dir_);
  output.write("a.csv", [](std::ostream& out) { out << "new\n"; });
  output.commit();
  EXPECT_EQ(everything(), (std::vector<std::string>{"a.csv"}));
  EXPECT_EQ(read(dir_ / "a.csv"), "new\n");
}

// A superseded name not written this time goes at the commit (a run without per-replication files after one
// with them); an unrelated file and a folder of a superseded name stay; a failed commit puts it back.
TEST_F(StagedOutputTest, SupersededFilesNotWrittenAgainAreRemovedAtCommit) {
  std::ofstream(dir_ / "a.csv") << "previous a\n";
  std::ofstream(dir_ / "stocks.csv") << "previous stocks\n";
  std::ofstream(dir_ / "notes.txt") << "the user's\n";
  fs::create_directories(dir_ / "flows.csv");
  {
    StagedOutput output(dir_);
    output.supersede({"a.csv", "stocks.csv", "flows.csv"});
    output.write("a.csv", [](std::ostream& out) { out << "new a\n"; });
    EXPECT_TRUE(fs::exists(dir_ / "stocks.csv"));  // nothing changes before the commit
    output.commit();
  }
  EXPECT_EQ(everything(), (std::vector<std::string>{"a.csv", "flows.csv", "notes.txt"}));
  EXPECT_EQ(read(dir_ / "a.csv"), "new a\n");
}

TEST_F(StagedOutputTest, AFailedCommitPutsBackTheSupersededFiles) {
  std::ofstream(dir_ / "stocks.csv") << "previous stocks\n";
  fs::create_directories(dir_ / "c.csv");
  StagedOutput output(dir_);
  output.supersede({"stocks.csv"});
  output.write("b.csv", [](std::ostream& out) { out << "new b\n"; });
  output.write("c.csv", [](std::ostream& out) { out << "new c\n"; });  // a folder is in its way
  EXPECT_THROW(output.commit(), std::runtime_error);
  EXPECT_EQ(read(dir_ / "stocks.csv"), "previous stocks\n");
  EXPECT_FALSE(fs::exists(dir_ / "b.csv"));
}

namespace {

// The number of a process that has ended.
long dead_process() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

// kill -9 leaves the hidden staged files behind: the next output into the folder removes those of processes
// that have ended, puts back an earlier file a killed commit had moved aside, and leaves a running process's alone.
TEST_F(StagedOutputTest, StagedFilesOfEndedProcessesAreRemovedByTheNextOutput) {
  const long dead = dead_process();
  std::ofstream(dir_ / caseflow::staged_file_name("a.csv", dead)) << "half a\n";
  std::ofstream(dir_ / (caseflow::staged_file_name("b.csv", dead) + ".previous")) << "earlier b\n";
  std::ofstream(dir_ / (caseflow::staged_file_name("c.csv", dead) + ".previous")) << "earlier c\n";
  std::ofstream(dir_ / "c.csv") << "newer c\n";
  std::ofstream(dir_ / caseflow::staged_file_name("d.csv", 1)) << "pid 1 runs\n";
  std::ofstream(dir_ / ".notes.partial-x") << "not a staged name\n";
  std::ofstream(dir_ / "keep.csv") << "kept\n";
  {
    StagedOutput output(dir_);
    output.write("e.csv", [](std::ostream& out) { out << "e\n"; });
    output.commit();
  }
  EXPECT_EQ(everything(), (std::vector<std::string>{".d.csv.partial-1", ".notes.partial-x", "b.csv", "c.csv", "e.csv", "keep.csv"}));
  EXPECT_EQ(read(dir_ / "b.csv"), "earlier b\n");
  EXPECT_EQ(read(dir_ / "c.csv"), "newer c\n");
}

// A process killed half-way through its commit had written every file whole (its marker says so): the next
// output into the folder finishes that commit, so the folder holds the killed run entire, never a mix of it
// and the run before.
TEST_F(StagedOutputTest, ACommitKilledHalfWayIsFinishedByTheNextOutput) {
  const long dead = dead_process();
  std::ofstream(dir_ / (".caseflow.committing-" + std::to_string(dead))).close();
  std::ofstream(dir_ / "a.csv") << "killed run's a\n";  // already moved into place
  std::ofstream(dir_ / (caseflow::staged_file_name("a.csv", dead) + ".previous")) << "earlier a\n";
  std::ofstream(dir_ / (caseflow::staged_file_name("b.csv", dead) + ".previous")) << "earlier b\n";
  std::ofstream(dir_ / caseflow::staged_file_name("b.csv", dead)) << "killed run's b\n";
  std::ofstream(dir_ / caseflow::staged_file_name("c.csv", dead)) << "killed run's c\n";  // not set aside yet
  std::ofstream(dir_ / "c.csv") << "earlier c\n";
  EXPECT_EQ(caseflow::remove_stale_staged_files(dir_), 4);
  EXPECT_EQ(everything(), (std::vector<std::string>{"a.csv", "b.csv", "c.csv"}));
  EXPECT_EQ(read(dir_ / "a.csv"), "killed run's a\n");
  EXPECT_EQ(read(dir_ / "b.csv"), "killed run's b\n");
  EXPECT_EQ(read(dir_ / "c.csv"), "killed run's c\n");
}

// A commit of a process that still runs is not touched.
TEST_F(StagedOutputTest, TheCommitOfARunningProcessIsLeftAlone) {
  std::ofstream(dir_ / ".caseflow.committing-1").close();
  std::ofstream(dir_ / caseflow::staged_file_name("b.csv", 1)) << "b\n";
  EXPECT_EQ(caseflow::remove_stale_staged_files(dir_), 0);
  EXPECT_EQ(everything(), (std::vector<std::string>{".b.csv.partial-1", ".caseflow.committing-1"}));
}

// A link planted at the name a file is staged under is replaced, never written through.
TEST_F(StagedOutputTest, AStagedFileNeverFollowsALinkPlantedAtItsName) {
  std::ofstream(dir_ / "precious.txt") << "precious\n";
  fs::create_directories(dir_ / "out");
  fs::create_symlink(dir_ / "precious.txt", dir_ / "out" / caseflow::staged_file_name("a.csv", ::getpid()));
  StagedOutput output(dir_ / "out");
  output.write("a.csv", [](std::ostream& out) { out << "new\n"; });
  output.commit();
  EXPECT_EQ(read(dir_ / "precious.txt"), "precious\n");
  EXPECT_EQ(read(dir_ / "out" / "a.csv"), "new\n");
  EXPECT_FALSE(fs::is_symlink(dir_ / "out" / "a.csv"));
  EXPECT_EQ(everything(), (std::vector<std::string>{"out", "out/a.csv", "precious.txt"}));
}

// An output folder that is a link to nowhere is refused; the link is not removed.
TEST_F(StagedOutputTest, ALinkToAFolderThatDoesNotExistIsRefusedAndKept) {
  fs::create_symlink(dir_ / "gone", dir_ / "out");
  try {
    StagedOutput output(dir_ / "out");
    FAIL() << "a dangling link was taken as a folder";
  } catch (const caseflow::OutputError& error) {
    EXPECT_EQ(std::string(error.what()), (dir_ / "out").string() + ": is a link to " + (dir_ / "gone").string() +
                                             ", which does not exist: create that folder, or give another");
  }
  EXPECT_TRUE(fs::is_symlink(dir_ / "out"));
  EXPECT_EQ(everything(), (std::vector<std::string>{"out"}));
}

// The commit waits for the folder's lock; the lock file is gone once the commit is done.
TEST_F(StagedOutputTest, TheCommitWaitsForTheFolderLock) {
  int held = ::open((dir_ / ".caseflow.lock").c_str(), O_RDWR | O_CREAT, 0600);
  ASSERT_GE(held, 0);
  ASSERT_EQ(::flock(held, LOCK_EX), 0);
  pid_t child = ::fork();
  if (child == 0) {
    ::close(held);  // the lock belongs to the open file the parent holds, which this copy would keep open
    StagedOutput output(dir_);
    output.write("a.csv", [](std::ostream& out) { out << "a\n"; });
    output.commit();
    ::_exit(0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(fs::exists(dir_ / "a.csv")) << "committed while another process held the folder's lock";
  int status = 0;
  EXPECT_EQ(::waitpid(child, &status, WNOHANG), 0) << "the commit did not wait";
  ::unlink((dir_ / ".caseflow.lock").c_str());  // as a lock holder does when it is done
  ::close(held);
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(everything(), (std::vector<std::string>{"a.csv"}));
}

TEST_F(StagedOutputTest, OneNameWrittenTwiceIsRefused) {
  StagedOutput output(dir_);
  output.write("a.csv", [](std::ostream& out) { out << "first\n"; });
  EXPECT_THROW(output.write("a.csv", [](std::ostream& out) { out << "second\n"; }), caseflow::OutputError);
}
