#pragma once
// Estimating a scenario from care histories (care_history.hpp): arrivals per year by entry state and
// age band, transition hazards per state (exponential by occurrence/exposure, or Weibull by maximum
// likelihood) split by age band where a likelihood-ratio test says the data support it, the
// population in care on the as-of date, and the age-out. Arrivals are observed in a data window
// [window_start, as_of), waiting times by default in all the data before as_of: stays are left-truncated
// where the data begin and right-censored at as_of.
// The result is a complete scenario whose every estimated object has a note saying where it came from,
// with standard errors, and an "uncertainty" that `caseflow run --parameter-uncertainty` draws from.
// Method and rules: docs/calibration.md.

#include <optional>
#include <string>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/calibration/drift_estimation.hpp"
#include "caseflow/calibration/hazard_estimation.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"

namespace caseflow {

struct CalibrationOptions {
  enum class Hazard { exponential, weibull };
  enum class AgeSplit { automatic, never };

  Date as_of{};                      // the scenario's start date: the population in care then is observed
  std::optional<Date> window_start;  // default: 1 April of the earliest collection year in the data
  // Without window_start: only the last this many years before as_of (and not before the data start), so that
  // the rates are those of recent years; 0 for all the data; kAdaptiveWindow (the default) for the window that
  // balances the chance in a short one against the drift a long one trails, from the council's own entries:
  // w = sqrt(3 / (n s^2)) years for n entries a year and a drift of s, between 1 and 5 years. With Weibull
  // hazards it did best in back-tests on synthetic councils (docs/calibration.md).
  static constexpr int kAdaptiveWindow = -1;
  int window_years = kAdaptiveWindow;
  // The waiting times (every transition's hazard) from all the data, [window_start or the data start, as_of),
  // rather than the arrivals' window: a council's 20-40 transitions, each with its own shape and scale, need
  // more data than one arrival rate, and their drift is the exits' walk. Back-tested on synthetic councils it
  // lowered the error of the forecast of children in care on councils it was not chosen on (docs/calibration.md,
  // "Waiting times from all the data"); false estimates them over the arrivals' window, as before.
  bool transitions_from_all_data = true;
  int horizon_months = 36;
  Hazard hazard = Hazard::weibull;
  AgeSplit age_split = AgeSplit::automatic;
  // Split a transition by age band when the LR test's p-value is below this. Strict, because a calibration
  // makes one test per transition (often 20-40): at 0.01 a false split is rare across all of them.
  double age_split_significance = 0.01;
  int min_weibull_events = 10;           // fewer events: exponential (a Weibull shape needs data)
  // Drift (drift.hpp) of the arrivals and of the exit rates, estimated from the year-to-year changes of all the
  // data before as_of (drift_estimation.hpp); `drift_trend` also carries on the recent trend of the entries.
  bool drift = true;
  bool drift_trend = false;
  // Whole-year band edges for arrivals and hazards; they must rise from 0 to the mapping's age-out age.
  // Empty: 0, 1, 5, 10, 16 (those below the age-out age) and the age-out age, so with 18 the bands are
  // [0,1), [1,5), [5,10), [10,16), [16,18): the age bands of the Department for Education's statistics,
  // 'Children looked after in England including adoptions' (under 1, 1 to 4, 5 to 9, 10 to 15, 16 and over).
  std::vector<int> age_band_edges;
  std::string name;    // default "Calibrated from SSDA903, as of <as_of>"
  std::string source;  // what the data were (file names), for the scenario's note
};

struct TransitionEstimate {
  int from_state = 0;
  Destination to;
  bool by_age = false;  // one of several age bands
  int min_age = 0, end_age = 0;
  ExponentialFit exponential;       // always computed
  std::optional<WeibullFit> weibull;  // when the Weibull was fitted and used
  double age_split_p_value = 1;     // of the LR test for different rates by age band (1 when not tested)
};

struct ArrivalEstimate {
  int state = 0;
  double entries = 0;
  double window_days = 0;
  double per_year = 0;
  double per_year_se = 0;
  std::vector<int> entries_by_band;  // by CalibrationOptions::age_band_edges
};

struct DriftEstimates {
  DriftEstimate arrivals;  // from the entries to care, year by year
  DriftEstimate exits;     // from the exits, against those expected from each year's children in care
};

struct CalibrationResult {
  Scenario scenario;
  Date window_start{};              // of the arrivals (and the placement mix)
  Date transitions_window_start{};  // of the waiting times: the data start, or window_start
  Date as_of{};
  std::vector<TransitionEstimate> transitions;  // parallel to scenario.transitions
  std::vector<ArrivalEstimate> arrivals;        // parallel to scenario.arrivals
  int children_in_care = 0;                     // on the as-of date
  DriftEstimates drift;
};

// Throws InputError (source "calibration") when the options do not fit the data: an as-of date outside
// the data window, band edges that do not end at the age-out age.
CalibrationResult calibrate(const CareHistories& histories, const Ssda903Mapping& mapping, const CalibrationOptions& options);

// Whole years of age on `date` for someone born on `birth` (birthdays as in calendar.hpp).
int age_in_years(Date birth, Date date);

}  // namespace caseflow
