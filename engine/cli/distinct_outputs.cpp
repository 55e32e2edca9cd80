#include "distinct_outputs.hpp"

#include <system_error>

#include "command_line.hpp"

namespace caseflow::cli {

namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error_a, error_b;
  // Both there: the file system says (hard links included).
  if (fs::exists(a, error_a) && fs::exists(b, error_b)) return fs::equivalent(a, b, error_a) && !error_a;
  // One still to be made: the same path once the links and ".." of the part that exists are resolved.
  const fs::path resolved_a = fs::weakly_canonical(fs::absolute(a, error_a), error_a);
  const fs::path resolved_b = fs::weakly_canonical(fs::absolute(b, error_b), error_b);
  return !error_a && !error_b && resolved_a == resolved_b;
}

namespace {

std::string named(const NamedFile& file) { return file.role + " " + file.path.string(); }

}  // namespace

void refuse_outputs_over_inputs(const std::vector<NamedFile>& inputs, const std::vector<NamedFile>& outputs) {
  for (size_t i = 0; i < outputs.size(); ++i) {
    for (const NamedFile& input : inputs)
      if (same_file(outputs[i].path, input.path))
        throw usage_error(named(outputs[i]) + " is " + named(input) +
                          ": writing it would destroy that input; give another file to write");
    for (size_t j = 0; j < i; ++j)
      if (same_file(outputs[i].path, outputs[j].path))
        throw usage_error(named(outputs[j]) + " and " + named(outputs[i]) +
                          " are one file: one would overwrite the other; give them different names");
  }
}

}  // namespace caseflow::cli
