#include "caseflow/ssda903/date_order.hpp"

#include "caseflow/base/input_error.hpp"

namespace caseflow {

namespace {

// "dd/mm/yyyy"-like: the two numbers before the year, or nullopt for anything else (ISO dates, text).
std::optional<std::pair<int, int>> slashed_fields(std::string_view text) {
  size_t first = text.find('/');
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<int> {
    size_t begin = digits.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return std::nullopt;
    digits.remove_prefix(begin);
    if (digits.empty() || digits.size() > 2) return std::nullopt;
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  auto a = number(text.substr(0, first));
  auto b = number(text.substr(first + 1, second - first - 1));
  if (!a || !b) return std::nullopt;
  return std::make_pair(*a, *b);
}

}  // namespace

void DateOrderClues::add(const std::string& text, int line, const std::string& column) {
  std::optional<std::pair<int, int>> fields = slashed_fields(text);
  if (!fields) return;
  auto note = [&](std::optional<DateValue>& clue) {
    if (!clue) clue = DateValue{line, column, text};
  };
  const int first = fields->first, second = fields->second;
  if (first > 12 && second <= 12) note(day_first);
  else if (second > 12 && first <= 12) note(month_first);
  // Both readings real and different days: only the order can say which.
  else if (first != second && parse_ssda903_date(text, DateOrder::day_first) && parse_ssda903_date(text, DateOrder::month_first))
    note(ambiguous);
}

std::optional<DateOrder> DateOrderClues::shown() const {
  if (day_first.has_value() == month_first.has_value()) return std::nullopt;
  return day_first ? DateOrder::day_first : DateOrder::month_first;
}

std::vector<DateOrder> decide_date_orders(const std::vector<std::string>& files, const std::vector<DateOrderClues>& clues,
                                          std::optional<DateOrder> stated) {
  if (stated) return std::vector<DateOrder>(files.size(), *stated);
  // The order the files that show one agree on.
  std::optional<DateOrder> agreed;
  bool disagree = false;
  for (const DateOrderClues& file : clues)
    if (std::optional<DateOrder> shown = file.shown()) {
      if (agreed && *agreed != *shown) disagree = true;
      agreed = shown;
    }
  std::vector<DateOrder> orders;
  for (size_t f = 0; f < files.size(); ++f) {
    const DateOrderClues& file = clues[f];
    if (std::optional<DateOrder> shown = file.shown()) {
      orders.push_back(*shown);
    } else if (file.day_first && file.month_first) {
      // Both orders in one file: read as the return's format; the others are reported as dates that are not.
      orders.push_back(DateOrder::day_first);
    } else if (!file.ambiguous) {
      orders.push_back(DateOrder::day_first);  // no date the order changes
    } else if (agreed && !disagree) {
      orders.push_back(*agreed);
    } else {
      const DateValue& value = *file.ambiguous;
      std::string why = disagree ? "the other files disagree (some show day first, some month first)"
                                 : "no date in the return has a day above 12 to tell";
      throw InputError(files[f], "line " + std::to_string(value.line),
                       value.column + " \"" + value.text + "\" could be read day first or month first, and " + why +
                           ": state the order (caseflow calibrate --date-order dmy, the SSDA903 format, or mdy)");
    }
  }
  return orders;
}

}  // namespace caseflow
