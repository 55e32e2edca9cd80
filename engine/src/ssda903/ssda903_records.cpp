#include "caseflow/ssda903/ssda903_records.hpp"

#include <cstdio>
#include <utility>

namespace caseflow {

using namespace std::chrono;

const std::string& Ssda903Data::file_name(const SourceLine& source) const {
  static const std::string unknown = "<unknown>";
  return source.file >= 0 && static_cast<size_t>(source.file) < files.size() ? files[source.file] : unknown;
}

std::string Ssda903Data::where(const SourceLine& source) const {
  return file_name(source) + ":" + std::to_string(source.line);
}

bool Ssda903Data::is_uasc_on(const std::string& child, Date date) const {
  auto found = uasc.find(child);
  if (found == uasc.end()) return false;
  return !found->second.ceased || date < *found->second.ceased;
}

std::optional<Date> parse_ssda903_date(std::string_view text, DateOrder order) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  // A time of day after the date ("01/04/2019 00:00:00", "2019-04-01T00:00") is ignored.
  if (size_t cut = text.find_first_of(" T"); cut != std::string_view::npos && cut >= 8) {
    std::string_view time = text.substr(cut + 1);
    if (time.empty() || time.find_first_not_of("0123456789:.") != std::string_view::npos) return std::nullopt;
    text = text.substr(0, cut);
  }
  auto number = [](std::string_view digits, size_t min_length, size_t max_length) -> std::optional<int> {
    if (digits.size() < min_length || digits.size() > max_length) return std::nullopt;
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  std::optional<int> d, m, y;
  if (size_t slash = text.find('/'); slash != std::string_view::npos) {
    size_t second = text.find('/', slash + 1);
    if (second == std::string_view::npos) return std::nullopt;
    d = number(text.substr(0, slash), 1, 2);
    m = number(text.substr(slash + 1, second - slash - 1), 1, 2);
    y = number(text.substr(second + 1), 4, 4);
    if (order == DateOrder::month_first) std::swap(d, m);
  } else {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    y = number(text.substr(0, 4), 4, 4);
    m = number(text.substr(5, 2), 2, 2);
    d = number(text.substr(8, 2), 2, 2);
  }
  if (!d || !m || !y || *y < 1900 || *y > 2199) return std::nullopt;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string format_ssda903_date(Date date) {
  year_month_day ymd{date};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return buffer;
}

Date collection_year_end(Date date) {
  year_month_day ymd{date};
  int y = static_cast<int>(ymd.year());
  if (ymd.month() > March) ++y;
  return sys_days{year{y} / March / 31};
}

}  // namespace caseflow
