// Reading a return's files from disk, bounded (kMaxSsda903FileBytes); ssda903_import.cpp reads their text.

#include "caseflow/ssda903/ssda903_import.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "caseflow/base/input_error.hpp"

namespace caseflow {

namespace {

std::vector<CsvText> read_files(const std::vector<std::string>& names) {
  std::vector<CsvText> texts;
  for (const auto& name : names) {
    // A folder opens as a stream that reads nothing, which would pass for an empty file.
    std::error_code ignored;
    if (std::filesystem::is_directory(name, ignored)) throw InputError(name, "", "is a folder, not a file");
    std::ifstream in(name, std::ios::binary);
    if (!in) throw InputError(name, "", "cannot open the file");
    // In chunks, to the limit or the first NUL byte (read_table places it): a device that never ends
    // (/dev/zero) or a huge file is refused without being read whole.
    std::string text;
    std::vector<char> chunk(64 * 1024);
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      const size_t got = static_cast<size_t>(in.gcount());
      if (text.size() + got > kMaxSsda903FileBytes)
        throw InputError(name, "", "is larger than " + std::to_string(kMaxSsda903FileBytes >> 20) +
                                       " MB, the most caseflow reads as one SSDA903 file: is it the right file?");
      text.append(chunk.data(), got);
      if (std::memchr(chunk.data(), '\0', got) != nullptr) break;
    }
    if (in.bad()) throw InputError(name, "", "cannot read the file");
    texts.push_back({name, std::move(text)});
  }
  return texts;
}

}  // namespace

Ssda903Data import_ssda903(const Ssda903Files& files, DataQualityReport& report, const Ssda903ImportOptions& options) {
  return import_ssda903(Ssda903Texts{read_files(files.episodes), read_files(files.headers), read_files(files.uasc)}, report,
                        options);
}

}  // namespace caseflow
