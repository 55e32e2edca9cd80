#pragma once
// Outputs that would destroy inputs (issue 16): `calibrate -o EPISODES.csv` or `run x.json --report x.json`
// once overwrote the input and exited 0. A command lists its input and output files before any work; an
// output that is one of the inputs, or two outputs that are one file, is refused (exit 2) naming both.
// "One file" is decided after links are resolved: through a symbolic link, a hard link, "..", or a
// different spelling of the same path.

#include <filesystem>
#include <string>
#include <vector>

namespace caseflow::cli {

struct NamedFile {
  std::string role;  // how the message names it: "the scenario file", "--report", "-o"
  std::filesystem::path path;
};

// Whether `a` and `b` name one file (either may not exist yet).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Throws usage_error if an output is an input or another output.
void refuse_outputs_over_inputs(const std::vector<NamedFile>& inputs, const std::vector<NamedFile>& outputs);

}  // namespace caseflow::cli
