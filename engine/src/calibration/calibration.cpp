#include "caseflow/calibration/calibration.hpp"

#include "caseflow/base/units.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include <boost/math/distributions/chi_squared.hpp>

#include "caseflow/base/input_error.hpp"
#include "caseflow/calibration/calibrated_placements.hpp"
#include "caseflow/calibration/yearly_rates.hpp"

namespace caseflow {

namespace {

constexpr const char* kOptions = "calibration";

// Whole numbers (events, days) in full, others to 4 significant figures.
std::string number(double value) {
  char buffer[32];
  if (value == std::floor(value) && std::abs(value) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string band_label(int min_years, int end_years) {
  return end_years == min_years + 1 ? std::to_string(min_years)
                                    : std::to_string(min_years) + "-" + std::to_string(end_years - 1);
}

// Time at risk in one state, within the window and one age band, in days since entering the state.
struct Segment {
  double entry = 0;
  double exit = 0;
  int band = 0;
  int destination = -1;  // the event at `exit`: a state index, or states + exit index; -1 for none
};

class Calibrator {
 public:
  Calibrator(const CareHistories& histories, const Ssda903Mapping& mapping, const CalibrationOptions& options)
      : histories_(histories), mapping_(mapping), options_(options), edges_(options.age_band_edges) {
    if (edges_.empty()) {
      for (int edge : {0, 1, 5, 10, 16})
        if (edge < mapping.age_out_years) edges_.push_back(edge);
      edges_.push_back(mapping.age_out_years);
    }
  }

  CalibrationResult run() {
    check_options();
    const size_t states = mapping_.states.size();
    arrivals_.assign(states, std::vector<int>(bands(), 0));
    segments_.assign(states, {});
    for (const auto& child : histories_.children)
      for (const auto& spell : child.spells) observe(child, spell);

    CalibrationResult result;
    result.window_start = window_start_;
    result.transitions_window_start = transitions_window_start_;
    result.as_of = as_of_;
    Scenario& scenario = result.scenario;
    scenario.name = options_.name.empty() ? "Calibrated from SSDA903, as of " + format_iso_date(as_of_) : options_.name;
    scenario.start_date = as_of_;
    scenario.horizon_months = options_.horizon_months;
    for (const auto& state : mapping_.states) scenario.states.push_back({state.id, state.label, state.note});
    for (const auto& exit : mapping_.exits) scenario.exits.push_back({exit.id, exit.label, exit.note});
    scenario.has_age_out = true;
    scenario.age_out.age_years = mapping_.age_out_years;
    scenario.age_out.exit = mapping_.age_out_exit;
    scenario.age_out.note = "every child leaves care on the " + std::to_string(mapping_.age_out_years) +
                            "th birthday (SSDA903 mapping); stays reaching it are censored there";
    estimate_transitions(result);
    estimate_arrivals(result);
    observe_initial_population(result);
    add_placement_costs(scenario, observe_placement_days(histories_, mapping_.states.size(), window_start_, as_of_),
                        format_iso_date(window_start_) + " to " + format_iso_date(as_of_));
    if (options_.drift) estimate_drift_of_rates(result);
    scenario.note = "Calibrated by caseflow from SSDA903 data" +
                    (options_.source.empty() ? std::string() : " (" + options_.source + ")") + ". Data window " +
                    format_iso_date(window_start_) + " to " + format_iso_date(as_of_) + " (" +
                    number(window_days()) + " days" + (window_reason_.empty() ? "" : ", " + window_reason_) +
                    ") for the arrivals" +
                    (transitions_window_start_ == window_start_
                         ? std::string(" and the waiting times")
                         : "; waiting times from all the data, " + format_iso_date(transitions_window_start_) + " to " +
                               format_iso_date(as_of_)) +
                    ": stays are left-truncated at its start and right-censored at its end. " +
                    std::to_string(histories_.children.size()) + " children with usable episodes; " +
                    std::to_string(result.children_in_care) + " in care on " + format_iso_date(as_of_) + ". Hazards: " +
                    (options_.hazard == CalibrationOptions::Hazard::weibull ? "Weibull where at least " +
                                                                                  std::to_string(options_.min_weibull_events) +
                                                                                  " events, else exponential"
                                                                            : std::string("exponential")) +
                    "; split by age band where a likelihood-ratio test gives p < " + number(options_.age_split_significance) +
                    ". Method: docs/calibration.md.";
    return result;
  }

 private:
  size_t bands() const { return edges_.size() - 1; }
  double window_days() const { return static_cast<double>(days_between(window_start_, as_of_)); }

  int band_of_age(int age) const {
    for (size_t b = 0; b < bands(); ++b)
      if (age >= edges_[b] && age < edges_[b + 1]) return static_cast<int>(b);
    return -1;
  }

  void check_options() {
    if (edges_.size() < 2 || edges_.front() != 0 || edges_.back() != mapping_.age_out_years ||
        !std::is_sorted(edges_.begin(), edges_.end()) ||
        std::adjacent_find(edges_.begin(), edges_.end()) != edges_.end())
      throw InputError(kOptions, "age_band_edges",
                       "must rise from 0 to the age-out age " + std::to_string(mapping_.age_out_years));
    if (!histories_.coverage_end || !histories_.first_collection_year_start)
      throw InputError(kOptions, "", "no usable episodes to calibrate from");
    as_of_ = options_.as_of;
    window_start_ = options_.window_start.value_or(*histories_.first_collection_year_start);
    if (!options_.window_start && options_.window_years > 0)
      window_start_ = std::max(window_start_, add_months(as_of_, -12 * options_.window_years) + std::chrono::days{1});
    if (!options_.window_start && options_.window_years == CalibrationOptions::kAdaptiveWindow) {
      // Adaptive: the window that balances the Poisson noise of a short one against the drift a long one
      // trails: var = 1 / (n w) + s^2 w / 3 is least at w = sqrt(3 / (n s^2)), n entries a year, s the drift.
      const YearlyRates rates = yearly_rates(histories_, mapping_, window_start_, as_of_);
      DriftEstimate drift = estimate_drift(rates.entries, std::vector<double>(rates.entries.size(), 1.0));
      double recent = 0;
      size_t years = std::min<size_t>(3, rates.entries.size());
      for (size_t j = rates.entries.size() - years; j < rates.entries.size(); ++j) recent += rates.entries[j] / static_cast<double>(years);
      double s = drift.estimated ? std::sqrt(drift.low * drift.high) : 0.1;
      double w = recent > 0 ? std::sqrt(3.0 / (recent * s * s)) : 5.0;
      int months = static_cast<int>(std::lround(12 * std::clamp(w, 1.0, 5.0)));
      window_start_ = std::max(window_start_, add_months(as_of_, -months) + std::chrono::days{1});
      window_reason_ = "chosen for this council: " + number(months / 12.0) + " years balance the chance in " +
                       number(recent) + " entries a year against a drift of " + number(s) + " a year";
    }
    transitions_window_start_ = options_.transitions_from_all_data
                                    ? options_.window_start.value_or(*histories_.first_collection_year_start)
                                    : window_start_;
    Date last_day = *histories_.coverage_end - std::chrono::days{1};
    if (as_of_ > last_day)
      throw InputError(kOptions, "as_of",
                       format_iso_date(as_of_) + " is after the data end (the last collection year ends on " +
                           format_iso_date(last_day) + ")");
    if (as_of_ <= window_start_)
      throw InputError(kOptions, "as_of",
                       format_iso_date(as_of_) + " must be after the start of the data window, " + format_iso_date(window_start_));
    if (options_.horizon_months < 0) throw InputError(kOptions, "horizon_months", "must be >= 0");
  }

  void observe(const ChildHistory& child, const Spell& spell) {
    if (spell.entered_care && spell.start >= window_start_ && spell.start < as_of_) {
      int band = band_of_age(age_in_years(child.birth, spell.start));
      if (band >= 0) ++arrivals_[spell.state][band];
    }
    Date lo = std::max(spell.start, transitions_window_start_);
    Date hi = spell.end ? std::min(*spell.end, as_of_) : as_of_;
    if (hi < lo) return;
    bool event = spell.end && *spell.end > transitions_window_start_ && *spell.end <= as_of_ &&
                 (spell.outcome == Spell::Outcome::transition || spell.outcome == Spell::Outcome::exit);
    int destination = !event ? -1
                      : spell.outcome == Spell::Outcome::transition ? spell.next
                                                                    : static_cast<int>(mapping_.states.size()) + spell.next;
    auto& out = segments_[spell.state];
    int last = -1;
    for (size_t b = 0; b < bands(); ++b) {
      Date a = std::max(lo, anniversary(child.birth, edges_[b]));
      Date z = std::min(hi, anniversary(child.birth, edges_[b + 1]));
      if (z <= a) continue;
      out.push_back({static_cast<double>(days_between(spell.start, a)), static_cast<double>(days_between(spell.start, z)),
                     static_cast<int>(b), -1});
      last = static_cast<int>(out.size()) - 1;
    }
    if (!event) return;
    double at = static_cast<double>(days_between(spell.start, hi));
    if (last >= 0 && out[last].exit == at) {
      out[last].destination = destination;  // an event on a birthday belongs to the band that ends there
    } else {
      int band = band_of_age(age_in_years(child.birth, hi));
      if (band >= 0) out.push_back({at, at, band, destination});
    }
  }

  Destination destination_of(int key) const {
    int states = static_cast<int>(mapping_.states.size());
    return key < states ? Destination{Destination::Kind::state, key} : Destination{Destination::Kind::exit, key - states};
  }

  std::string destination_id(int key) const {
    int states = static_cast<int>(mapping_.states.size());
    return key < states ? mapping_.states[key].id : mapping_.exits[key - states].id;
  }

  // The likelihood-ratio test of one rate for all bands against one rate per band (exponential
  // hazards), over the bands with time at risk: G = 2 sum d_b log(d_b / (E_b D / E)) ~ chi2(K - 1).
  static double age_split_p_value(const std::vector<double>& events, const std::vector<double>& exposure) {
    double total_events = 0, total_exposure = 0;
    int bands_at_risk = 0;
    for (size_t b = 0; b < events.size(); ++b)
      if (exposure[b] > 0) {
        total_events += events[b];
        total_exposure += exposure[b];
        ++bands_at_risk;
      }
    if (bands_at_risk < 2 || total_events <= 0) return 1.0;
    double rate = total_events / total_exposure;
    double g = 0;
    for (size_t b = 0; b < events.size(); ++b)
      if (exposure[b] > 0 && events[b] > 0) g += 2 * events[b] * std::log(events[b] / (exposure[b] * rate));
    boost::math::chi_squared chi2(bands_at_risk - 1);
    return g <= 0 ? 1.0 : boost::math::cdf(boost::math::complement(chi2, g));
  }

  void estimate_transitions(CalibrationResult& result) {
    const std::string window = format_iso_date(transitions_window_start_) + " to " + format_iso_date(as_of_);
    for (size_t s = 0; s < mapping_.states.size(); ++s) {
      const auto& segments = segments_[s];
      std::set<int> destinations;
      for (const auto& segment : segments)
        if (segment.destination >= 0) destinations.insert(segment.destination);
      for (int destination : destinations) {
        std::vector<double> events(bands(), 0), exposure(bands(), 0);
        for (const auto& segment : segments) {
          exposure[segment.band] += segment.exit - segment.entry;
          if (segment.destination == destination) events[segment.band] += 1;
        }
        double p_value = options_.age_split == CalibrationOptions::AgeSplit::automatic ? age_split_p_value(events, exposure) : 1.0;
        bool split = p_value < options_.age_split_significance;
        std::vector<std::vector<int>> groups;
        if (split) {
          for (size_t b = 0; b < bands(); ++b)
            if (events[b] > 0) groups.push_back({static_cast<int>(b)});
        } else {
          std::vector<int> all(bands());
          for (size_t b = 0; b < bands(); ++b) all[b] = static_cast<int>(b);
          groups.push_back(all);
        }
        std::string split_text;
        if (options_.age_split == CalibrationOptions::AgeSplit::never) split_text = "not split by age (by choice)";
        else if (p_value >= 1.0 && !split) split_text = "not split by age (one age band at risk)";
        else if (split) {
          split_text = "split by age band: likelihood-ratio test p = " + number(p_value);
          std::string none;
          for (size_t b = 0; b < bands(); ++b)
            if (events[b] == 0 && exposure[b] > 0) none += (none.empty() ? "" : ", ") + band_label(edges_[b], edges_[b + 1]);
          if (!none.empty()) split_text += "; no events at ages " + none + ", so no transition there";
        } else {
          split_text = "one rate for all ages: likelihood-ratio test of rates by age band p = " + number(p_value);
        }
        for (const auto& group : groups) add_transition(result, static_cast<int>(s), destination, group, split, p_value, split_text, window);
      }
    }
  }

  void add_transition(CalibrationResult& result, int state, int destination, const std::vector<int>& group, bool split,
                      double p_value, const std::string& split_text, const std::string& window) {
    std::vector<RiskInterval> intervals;
    for (const auto& segment : segments_[state])
      if (std::find(group.begin(), group.end(), segment.band) != group.end())
        intervals.push_back({segment.entry, segment.exit, segment.destination == destination});
    TransitionEstimate estimate;
    estimate.from_state = state;
    estimate.to = destination_of(destination);
    estimate.by_age = split;
    estimate.min_age = edges_[group.front()];
    estimate.end_age = edges_[group.back() + 1];
    estimate.age_split_p_value = p_value;
    estimate.exponential = fit_exponential(intervals);
    const ExponentialFit& exponential = estimate.exponential;

    Transition transition;
    transition.from_state = state;
    transition.to = estimate.to;
    if (split) {
      transition.has_age_limits = true;
      transition.min_age_years = estimate.min_age;
      transition.max_age_years = estimate.end_age;
    }
    std::string ages = split ? "aged " + band_label(estimate.min_age, estimate.end_age) : "all ages";
    std::string from = mapping_.states[state].id;
    std::string note = "estimated from " + number(exponential.events) + " moves " + from + " -> " + destination_id(destination) +
                       " in " + number(exponential.exposure_days) + " days at risk in " + from + " (" + ages + "), " +
                       window + "; " + split_text + ". ";
    std::string why_not_weibull;
    if (options_.hazard == CalibrationOptions::Hazard::weibull) {
      if (exponential.events >= options_.min_weibull_events) {
        WeibullFit weibull = fit_weibull(intervals);
        if (weibull.converged) estimate.weibull = weibull;
        else why_not_weibull = "Weibull fit failed (" + weibull.problem + "), so exponential. ";
      } else {
        why_not_weibull = "exponential: fewer than " + std::to_string(options_.min_weibull_events) + " events for a Weibull. ";
      }
    }
    if (estimate.weibull) {
      const WeibullFit& w = *estimate.weibull;
      transition.time.kind = TimeDistribution::Kind::weibull;
      transition.time.shape = w.shape;
      transition.time.scale_days = w.scale_days;
      transition.time.uncertainty = {true, 0, 0, w.log_shape_se, w.log_scale_se, w.correlation};
      transition.time.note = "maximum likelihood: shape " + number(w.shape) + " (SE " + number(w.shape * w.log_shape_se) +
                             "), scale_days " + number(w.scale_days) + " (SE " + number(w.scale_days * w.log_scale_se) +
                             "); SEs from the observed information, by the delta method from the log scale";
      note += "Weibull maximum likelihood (" + std::to_string(w.iterations) + " Newton iterations).";
    } else {
      transition.time.kind = TimeDistribution::Kind::exponential;
      transition.time.mean_days = exponential.mean_days;
      transition.time.uncertainty = {true, exponential.events, exponential.exposure_days, 0, 0, 0};
      transition.time.note = "occurrence/exposure: rate " + number(exponential.rate_per_day) + " per day (SE " +
                             number(exponential.rate_se) + "), mean_days " + number(exponential.mean_days) + " (SE " +
                             number(exponential.mean_se) + ")";
      note += why_not_weibull + "Exponential, occurrence/exposure.";
    }
    transition.note = note;
    result.scenario.transitions.push_back(std::move(transition));
    result.transitions.push_back(estimate);
  }

  void estimate_arrivals(CalibrationResult& result) {
    const double days = window_days();
    for (size_t s = 0; s < mapping_.states.size(); ++s) {
      int total = 0;
      for (int count : arrivals_[s]) total += count;
      if (total == 0) continue;
      ArrivalEstimate estimate;
      estimate.state = static_cast<int>(s);
      estimate.entries = total;
      estimate.window_days = days;
      estimate.per_year = total / days * kDaysPerYear;
      estimate.per_year_se = std::sqrt(static_cast<double>(total)) / days * kDaysPerYear;
      estimate.entries_by_band = arrivals_[s];
      ArrivalStream stream;
      stream.state = static_cast<int>(s);
      stream.per_year = estimate.per_year;
      stream.uncertainty = {true, static_cast<double>(total), days, 0, 0, 0};
      std::string counts;
      for (size_t b = 0; b < bands(); ++b) {
        if (arrivals_[s][b] == 0) continue;
        stream.ages.bands.push_back({edges_[b], edges_[b + 1], static_cast<double>(arrivals_[s][b]) / total});
        counts += (counts.empty() ? "" : ", ") + band_label(edges_[b], edges_[b + 1]) + ": " + std::to_string(arrivals_[s][b]);
      }
      stream.ages.note = "shares of the entries by age at entry (" + counts + ")";
      stream.note = "estimated from " + std::to_string(total) + " entries to care into " + mapping_.states[s].id + ", " +
                    format_iso_date(window_start_) + " to " + format_iso_date(as_of_) + " (" + number(days) +
                    " days): " + number(estimate.per_year) + " per year (SE " + number(estimate.per_year_se) +
                    ", Poisson)";
      result.scenario.arrivals.push_back(std::move(stream));
      result.arrivals.push_back(estimate);
    }
  }

  // A scenario's volatility is at most 1 a year (a rate whose logarithm moves by 1 in a year: beyond any council).
  // A few events in a year with a return missing can give more; the scenario takes the most it allows.
  static DriftEstimate within_scenario_limit(DriftEstimate estimate) {
    constexpr double kMostVolatility = 1.0;
    estimate.volatility_per_year = std::min(estimate.volatility_per_year, kMostVolatility);
    estimate.low = std::min(estimate.low, kMostVolatility);
    estimate.high = std::min(estimate.high, kMostVolatility);
    return estimate;
  }

  // How much the entries and the exit rates moved from year to year over all the data before as_of, carried
  // into the forecast as drift (one walk for the arrivals, one for every transition out of care).
  void estimate_drift_of_rates(CalibrationResult& result) {
    Scenario& scenario = result.scenario;
    const YearlyRates rates = yearly_rates(histories_, mapping_, *histories_.first_collection_year_start, as_of_);
    const std::vector<double> whole_years(rates.entries.size(), 1.0);
    result.drift.arrivals = within_scenario_limit(estimate_drift(rates.entries, whole_years));
    result.drift.exits = within_scenario_limit(estimate_drift(rates.exits, rates.expected_exits));
    const std::string years = rates.starts.empty() ? std::string()
                                                   : "the " + std::to_string(rates.starts.size()) + " years from " +
                                                         format_iso_date(rates.starts.front()) + " to " + format_iso_date(as_of_);
    const DriftEstimate& arrivals = result.drift.arrivals;
    if (arrivals.estimated && !scenario.arrivals.empty()) {
      scenario.drift.has_arrivals = true;
      scenario.drift.arrivals.volatility_per_year = arrivals.volatility_per_year;
      scenario.ranges["/drift/arrivals/volatility_per_year"] = {arrivals.low, arrivals.high, "chi-squared 90% range"};
      if (options_.drift_trend) {
        scenario.drift.arrivals.trend_per_year = arrivals.trend_per_year;
        scenario.ranges["/drift/arrivals/trend_per_year"] = {arrivals.trend_low, arrivals.trend_high, "normal 90% range"};
      }
      scenario.drift.arrivals_note = "estimated from entries to care in " + years +
                                     ": the year-to-year changes of their logarithm beyond Poisson chance; " + arrivals.describe() +
                                     (options_.drift_trend ? "; trend the mean change of the last three years" : "");
    }
    const DriftEstimate& exits = result.drift.exits;
    DriftGroup group;
    for (size_t e = 0; e < scenario.exits.size(); ++e)
      if (static_cast<int>(e) != scenario.age_out.exit) group.to.push_back({Destination::Kind::exit, static_cast<int>(e)});
    bool moves = std::any_of(scenario.transitions.begin(), scenario.transitions.end(), [&](const Transition& t) {
      return t.to.kind == Destination::Kind::exit && t.to.index != scenario.age_out.exit;
    });
    if (exits.estimated && moves && !group.to.empty()) {
      group.process.volatility_per_year = exits.volatility_per_year;
      group.note = "estimated from exits from care in " + years +
                   " against those expected from each year's children in care at the period's rates, state by state: the "
                   "year-to-year changes of the logarithm of their ratio beyond Poisson chance; " + exits.describe();
      scenario.ranges["/drift/transitions/" + std::to_string(scenario.drift.transitions.size()) + "/volatility_per_year"] = {
          exits.low, exits.high, "chi-squared 90% range"};
      scenario.drift.transitions.push_back(std::move(group));
    }
    scenario.drift.note = "rates estimated over the data window do not stand still: drift from the council's own history";
  }

  void observe_initial_population(CalibrationResult& result) {
    std::map<std::tuple<int, int, long>, int> cohorts;  // (state, age, days in state) -> children
    for (const auto& child : histories_.children)
      for (const auto& spell : child.spells)
        if (spell.start <= as_of_ && (!spell.end || as_of_ < *spell.end)) {
          ++cohorts[{spell.state, age_in_years(child.birth, as_of_), days_between(spell.start, as_of_)}];
          ++result.children_in_care;
        }
    for (const auto& [key, count] : cohorts) {
      auto [state, age, days] = key;
      InitialCohort cohort;
      cohort.state = state;
      cohort.count = count;
      cohort.ages.bands.push_back({age, age + 1, 1.0});
      if (days > 0) {
        cohort.has_days_in_state = true;
        cohort.days_in_state.kind = TimeDistribution::Kind::fixed;
        cohort.days_in_state.days = static_cast<double>(days);
      }
      cohort.note = "observed in care on " + format_iso_date(as_of_) + ": " + std::to_string(count) +
                    (count == 1 ? " child" : " children") + " aged " + std::to_string(age) + ", " + std::to_string(days) +
                    " days in " + mapping_.states[state].id;
      result.scenario.initial_population.push_back(std::move(cohort));
    }
  }

  const CareHistories& histories_;
  const Ssda903Mapping& mapping_;
  const CalibrationOptions& options_;
  std::vector<int> edges_;
  Date window_start_{}, as_of_{};
  Date transitions_window_start_{};  // where the waiting times' data begin (CalibrationOptions::transitions_from_all_data)
  std::string window_reason_;  // why the window is as long as it is, when calibrate chose it
  std::vector<std::vector<int>> arrivals_;      // by state and band
  std::vector<std::vector<Segment>> segments_;  // by state
};

}  // namespace

int age_in_years(Date birth, Date date) {
  using namespace std::chrono;
  int years = static_cast<int>(year_month_day{date}.year()) - static_cast<int>(year_month_day{birth}.year());
  if (anniversary(birth, years) > date) --years;
  return years;
}

CalibrationResult calibrate(const CareHistories& histories, const Ssda903Mapping& mapping, const CalibrationOptions& options) {
  return Calibrator(histories, mapping, options).run();
}

}  // namespace caseflow
