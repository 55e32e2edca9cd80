// StagedOutput: files appear whole, all together, or not at all.

#include "caseflow/base/staged_output.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

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
