#include "caseflow/base/financial_year.hpp"

#include <cstdio>

namespace caseflow {

using namespace std::chrono;

int financial_year_of(Date date) {
  year_month_day ymd{date};
  int calendar_year = static_cast<int>(ymd.year());
  return ymd.month() >= April ? calendar_year : calendar_year - 1;
}

Date financial_year_start(int year) { return sys_days{std::chrono::year{year} / April / 1}; }

Date financial_year_end(int year) { return sys_days{std::chrono::year{year + 1} / March / 31}; }

std::string financial_year_label(int year) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%d/%02d", year, ((year + 1) % 100 + 100) % 100);
  return buffer;
}

}  // namespace caseflow
