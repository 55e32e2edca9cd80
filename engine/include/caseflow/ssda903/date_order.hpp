#pragma once
// Which order a file's slashed dates are in (issue 16). A return saved by a spreadsheet in a US locale has
// mm/dd/yyyy dates: read as dd/mm/yyyy, the days up to 12 are silently swapped with the months and the rest
// dropped. The values decide, file by file: a first field above 12 can only be a day (day first), a second
// field above 12 only a day (month first). A file whose dates never say (every day up to 12) takes the order
// the return's other files agree on; when they do not settle it either, and a date in the file would read as
// two different days, the file is an error naming its first such line, unless the order is stated.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseflow/ssda903/ssda903_records.hpp"

namespace caseflow {

// A date value in a file: where it is, for messages.
struct DateValue {
  int line = 0;
  std::string column, text;
};

// What one file's slashed dates say about their order: the first value of each kind.
struct DateOrderClues {
  std::optional<DateValue> day_first;    // first field above 12
  std::optional<DateValue> month_first;  // second field above 12
  std::optional<DateValue> ambiguous;    // two different real days, one in each order ("04/05/2018")

  void add(const std::string& text, int line, const std::string& column);
  // The order the file's own dates show, if they show one and only one.
  std::optional<DateOrder> shown() const;
};

// The order to read each file in, given each file's name and clues in the same order. `stated`, when given,
// is used for every file. Throws InputError(file, "line N", ...) for a file that would be read by guesswork.
std::vector<DateOrder> decide_date_orders(const std::vector<std::string>& files, const std::vector<DateOrderClues>& clues,
                                          std::optional<DateOrder> stated);

}  // namespace caseflow
