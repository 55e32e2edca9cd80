#include "caseflow/scenario/parameter_ranges.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "caseflow/base/number_format.hpp"

namespace caseflow {

namespace {

constexpr RangeRule kPositive{RangeLaw::log_normal, false};
constexpr RangeRule kShare{RangeLaw::beta, false};
constexpr RangeRule kSigned{RangeLaw::normal, false};
constexpr RangeRule kNonNegative{RangeLaw::normal, false, 0.0};
constexpr RangeRule kWhole{RangeLaw::normal, true};
constexpr RangeRule kWholeNonNegative{RangeLaw::normal, true, 0.0};
constexpr RangeRule kInflation{RangeLaw::normal, false, -0.99};  // (1 + i)^t needs i > -1

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

bool is_index(std::string_view part) {
  if (part.empty() || part.size() > 9) return false;
  for (char c : part)
    if (c < '0' || c > '9') return false;
  return true;
}

size_t index_of(std::string_view part) { return static_cast<size_t>(std::strtoul(std::string(part).c_str(), nullptr, 10)); }

const RangeRule* time_rule(std::string_view key) {
  if (key == "mean_days" || key == "shape" || key == "scale_days" || key == "days" || key == "sdlog") return &kPositive;
  if (key == "meanlog") return &kSigned;
  return nullptr;
}

const RangeRule* intervention_rule(std::string_view key) {
  if (key == "share") return &kShare;
  if (key == "factor" || key == "annual_cost") return &kPositive;
  if (key == "per_month" || key == "placements") return &kWhole;
  if (key == "recruited_per_year") return &kNonNegative;
  if (key == "count") return &kWholeNonNegative;
  return nullptr;
}

// Where a number lives: a double or an int of the scenario.
struct NumberPlace {
  double* real = nullptr;
  int* whole = nullptr;
};

double* time_field(TimeDistribution& time, std::string_view key) {
  if (key == "mean_days") return &time.mean_days;
  if (key == "shape") return &time.shape;
  if (key == "scale_days") return &time.scale_days;
  if (key == "days") return &time.days;
  if (key == "meanlog") return &time.meanlog;
  if (key == "sdlog") return &time.sdlog;
  return nullptr;
}

template <class T>
T& element(std::vector<T>& list, std::string_view part) {
  if (!is_index(part) || index_of(part) >= list.size()) throw std::out_of_range("no element " + std::string(part));
  return list[index_of(part)];
}

NumberPlace place_of(Scenario& sc, std::string_view path) {
  const auto p = split_path(path);
  auto fail = [&]() -> NumberPlace { throw std::out_of_range("no number at " + std::string(path)); };
  if (p.size() == 3 && p[0] == "arrivals" && p[2] == "per_year") return {&element(sc.arrivals, p[1]).per_year};
  if (p.size() == 4 && p[0] == "transitions" && p[2] == "time") {
    double* field = time_field(element(sc.transitions, p[1]).time, p[3]);
    return field ? NumberPlace{field} : fail();
  }
  if (p.size() >= 5 && p[0] == "pipelines" && p[2] == "stages") {
    PipelineStage& stage = element(element(sc.pipelines, p[1]).stages, p[3]);
    if (p.size() == 5 && p[4] == "capacity_per_month") return {nullptr, &stage.capacity_per_month};
    if (p.size() == 6 && p[4] == "service_time") {
      double* field = time_field(stage.service_time, p[5]);
      return field ? NumberPlace{field} : fail();
    }
  }
  if (p.size() == 2 && p[0] == "foster_placements") {
    if (p[1] == "free_at_start") return {nullptr, &sc.foster_placements.free_at_start};
    if (p[1] == "recruited_per_year") return {&sc.foster_placements.recruited_per_year};
  }
  if (p.size() == 3 && p[0] == "interventions") {
    Intervention& intervention = element(sc.interventions, p[1]);
    if (p[2] == "share") return {&intervention.share};
    if (p[2] == "factor") return {&intervention.factor};
    if (p[2] == "annual_cost") return {&intervention.annual_cost};
    if (p[2] == "per_month") return {nullptr, &intervention.extra_per_month};
    if (p[2] == "placements") return {nullptr, &intervention.extra_placements};
    if (p[2] == "recruited_per_year") return {&intervention.extra_recruited_per_year};
    if (p[2] == "count") return {nullptr, &intervention.count};
  }
  if (p.size() == 3 && p[0] == "placement_types") {
    PlacementType& type = element(sc.placement_types, p[1]);
    if (p[2] == "weekly_cost") return {&type.weekly_cost};
    if (p[2] == "inflation_per_year") return {&type.inflation_per_year};
  }
  if (p.size() == 4 && p[0] == "costs" && p[1] == "allowances") {
    Allowance& allowance = element(sc.costs.allowances, p[2]);
    if (p[3] == "weekly_cost") return {&allowance.weekly_cost};
    if (p[3] == "years") return {&allowance.years};
    if (p[3] == "inflation_per_year") return {&allowance.inflation_per_year};
  }
  if (p.size() == 3 && p[0] == "drift" && p[1] == "arrivals") {
    if (p[2] == "level") return {&sc.drift.arrivals.level};
    if (p[2] == "volatility_per_year") return {&sc.drift.arrivals.volatility_per_year};
    if (p[2] == "trend_per_year") return {&sc.drift.arrivals.trend_per_year};
  }
  if (p.size() == 4 && p[0] == "drift" && p[1] == "transitions") {
    DriftGroup& group = element(sc.drift.transitions, p[2]);
    if (p[3] == "level") return {&group.process.level};
    if (p[3] == "volatility_per_year") return {&group.process.volatility_per_year};
    if (p[3] == "trend_per_year") return {&group.process.trend_per_year};
  }
  return fail();
}

}  // namespace

const RangeRule* range_rule(std::string_view path) {
  const auto p = split_path(path);
  auto indexed = [&](size_t at) { return p.size() > at && is_index(p[at]); };
  if (p.size() == 3 && p[0] == "arrivals" && indexed(1) && p[2] == "per_year") return &kPositive;
  if (p.size() == 4 && p[0] == "transitions" && indexed(1) && p[2] == "time") return time_rule(p[3]);
  if (p.size() == 5 && p[0] == "pipelines" && indexed(1) && p[2] == "stages" && indexed(3) && p[4] == "capacity_per_month")
    return &kWholeNonNegative;
  if (p.size() == 6 && p[0] == "pipelines" && indexed(1) && p[2] == "stages" && indexed(3) && p[4] == "service_time")
    return time_rule(p[5]);
  if (p.size() == 2 && p[0] == "foster_placements") {
    if (p[1] == "free_at_start") return &kWholeNonNegative;
    if (p[1] == "recruited_per_year") return &kSigned;  // a net change: carers stop as others join
  }
  if (p.size() == 3 && p[0] == "interventions" && indexed(1)) return intervention_rule(p[2]);
  if (p.size() == 3 && p[0] == "placement_types" && indexed(1)) {
    if (p[2] == "weekly_cost") return &kPositive;
    if (p[2] == "inflation_per_year") return &kInflation;
  }
  if (p.size() == 4 && p[0] == "costs" && p[1] == "allowances" && indexed(2)) {
    if (p[3] == "weekly_cost" || p[3] == "years") return &kPositive;
    if (p[3] == "inflation_per_year") return &kInflation;
  }
  const bool drift_arrivals = p.size() == 3 && p[0] == "drift" && p[1] == "arrivals";
  const bool drift_group = p.size() == 4 && p[0] == "drift" && p[1] == "transitions" && indexed(2);
  if (drift_arrivals || drift_group) {
    std::string_view key = p.back();
    if (key == "volatility_per_year" || key == "level") return &kPositive;
    if (key == "trend_per_year") return &kSigned;
  }
  return nullptr;
}

std::string range_problem(const RangeRule& rule, const NumberRange& range, double value) {
  auto number = [](double x) { return format_number(x); };
  if (!std::isfinite(range.low) || !std::isfinite(range.high)) return "the range must be two finite numbers";
  if (range.low > range.high)
    return "the low end " + number(range.low) + " is above the high end " + number(range.high);
  if (value < range.low || value > range.high)
    return "the value " + number(value) + " is outside its range [" + number(range.low) + ", " + number(range.high) + "]";
  switch (rule.law) {
    case RangeLaw::log_normal:
      if (!(range.low > 0)) return "the range must be above 0 (the number is drawn from a log-normal law), got low " + number(range.low);
      break;
    case RangeLaw::beta:
      if (!(range.low > 0) || !(range.high < 1))
        return "a share's range must lie strictly between 0 and 1 (it is drawn from a Beta law), got [" + number(range.low) +
               ", " + number(range.high) + "]";
      break;
    case RangeLaw::normal:
      if (range.low < rule.minimum)
        return "the range must not go below " + number(rule.minimum) + ", got low " + number(range.low);
      break;
  }
  return "";
}

double number_at(const Scenario& scenario, std::string_view path) {
  NumberPlace place = place_of(const_cast<Scenario&>(scenario), path);
  return place.real ? *place.real : static_cast<double>(*place.whole);
}

void set_number_at(Scenario& scenario, std::string_view path, double value) {
  NumberPlace place = place_of(scenario, path);
  if (place.real) *place.real = value;
  else *place.whole = static_cast<int>(std::lround(value));
}

}  // namespace caseflow
