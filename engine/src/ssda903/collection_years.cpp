#include "caseflow/ssda903/collection_years.hpp"

#include <algorithm>
#include <map>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/uk_format.hpp"

namespace caseflow {

EpisodesFileYear infer_collection_year(const std::string& file, const std::vector<Date>& dates) {
  std::map<int, int> by_year;  // collection year (by its closing calendar year) -> dates in it
  for (Date date : dates) ++by_year[financial_year_of(date) + 1];
  const int total = static_cast<int>(dates.size());
  EpisodesFileYear most{file, 0, 0, total}, latest_with_a_quarter{file, 0, 0, total};
  for (const auto& [year_end, count] : by_year) {
    if (count >= most.dates_in_year) most = {file, year_end, count, total};
    if (4 * count >= total) latest_with_a_quarter = {file, year_end, count, total};
  }
  return latest_with_a_quarter.year_end != 0 ? latest_with_a_quarter : most;
}

std::string describe_collection_year(int year_end) {
  return financial_year_label(year_end - 1) + " (" + format_long_date(financial_year_start(year_end - 1)) + " to " +
         format_long_date(financial_year_end(year_end - 1)) + ")";
}

std::vector<std::string> check_collection_years(const std::vector<EpisodesFileYear>& years, DataQualityReport& report) {
  std::vector<std::string> warnings;
  if (years.empty()) return warnings;
  auto dates_text = [](const EpisodesFileYear& y) {
    return std::to_string(y.dates_in_year) + " of its " + std::to_string(y.dates) + " dates";
  };
  std::map<int, const EpisodesFileYear*> first_claim;
  for (const EpisodesFileYear& year : years) {
    auto [it, inserted] = first_claim.emplace(year.year_end, &year);
    if (inserted) continue;
    std::string detail = "taken for the collection year " + describe_collection_year(year.year_end) + " (" + dates_text(year) +
                         " fall in it), which " + it->second->file + " is taken for too (" + dates_text(*it->second) +
                         "): two returns for one year, so another year may have none; check which year each file is for";
    report.add(year.file, 0, "", DataQualityIssue::Action::note, "collection_year_shared", detail);
    warnings.push_back(year.file + ": " + detail);
  }
  const int first = first_claim.begin()->first, last = first_claim.rbegin()->first;
  for (int year_end = first + 1; year_end < last; ++year_end) {
    if (first_claim.count(year_end)) continue;
    const EpisodesFileYear& after = *first_claim.upper_bound(year_end)->second;
    std::string detail = "no episodes file is for the collection year " + describe_collection_year(year_end) +
                         ", between the first file's year and the last's: the episodes that began and ended in it are missing";
    report.add(after.file, 0, "", DataQualityIssue::Action::note, "collection_year_missing", detail);
    warnings.push_back(after.file + ": " + detail);
  }
  return warnings;
}

}  // namespace caseflow
