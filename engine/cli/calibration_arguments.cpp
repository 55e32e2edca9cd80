#include "calibration_arguments.hpp"

#include "caseflow/ssda903/ssda903_records.hpp"

namespace caseflow::cli {

const std::set<std::string>& file_list_options() {
  static const std::set<std::string> names{"--episodes", "--header", "--uasc"};
  return names;
}

std::set<std::string> calibration_value_options() {
  return {"--mapping", "--as-of", "--since", "--hazard", "--age-split", "--out"};
}

Ssda903Files ssda903_files(const ListArguments& lists) {
  Ssda903Files files{lists.list("--episodes"), lists.list("--header"), lists.list("--uasc")};
  if (files.episodes.empty()) throw usage_error("--episodes FILE... is required");
  if (files.headers.empty()) throw usage_error("--header FILE... is required (it holds the dates of birth)");
  return files;
}

Ssda903Mapping mapping_option(const Arguments& arguments) {
  auto path = arguments.value("--mapping");
  return path ? load_mapping(*path) : default_mapping();
}

Date date_option(const Arguments& arguments, const std::string& name) {
  auto text = arguments.value(name);
  if (!text) throw usage_error(name + " DATE is required");
  auto date = parse_ssda903_date(*text);
  if (!date) throw usage_error(name + " must be a date YYYY-MM-DD (or dd/mm/yyyy), got \"" + *text + "\"");
  return *date;
}

CalibrationOptions calibration_options(const Arguments& arguments, const Ssda903Files& files) {
  CalibrationOptions options;
  options.as_of = date_option(arguments, "--as-of");
  if (arguments.has("--since")) options.window_start = date_option(arguments, "--since");
  std::string hazard = arguments.value("--hazard").value_or("exponential");
  if (hazard == "exponential") options.hazard = CalibrationOptions::Hazard::exponential;
  else if (hazard == "weibull") options.hazard = CalibrationOptions::Hazard::weibull;
  else throw usage_error("--hazard must be exponential or weibull, got \"" + hazard + "\"");
  std::string split = arguments.value("--age-split").value_or("auto");
  if (split == "auto") options.age_split = CalibrationOptions::AgeSplit::automatic;
  else if (split == "never") options.age_split = CalibrationOptions::AgeSplit::never;
  else throw usage_error("--age-split must be auto or never, got \"" + split + "\"");
  for (const auto& name : files.episodes) options.source += (options.source.empty() ? "" : ", ") + name;
  return options;
}

}  // namespace caseflow::cli
