// What a scenario states about its own uncertainty: 90% ranges beside numbers, placement-mix concentration,
// drift and history parse, round-trip and fail at their JSON paths; each range's law puts 5% of its draws
// below the low end and 5% above the high end; draws are keyed to what is drawn, so adding one range moves
// no other number's draws.

#include <algorithm>
#include <cmath>

#include <boost/math/special_functions/beta.hpp>
#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/scenario/parameter_ranges.hpp"
#include "caseflow/scenario/parameter_uncertainty.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json ranged_scenario() {
  json d = scenario_skeleton(24);
  d["states"] = {{{"id", "a"}}, {{"id", "b"}}};
  d["exits"] = {{{"id", "home"}}, {{"id", "sgo"}}};
  d["transitions"] = {{{"from", "a"}, {"to", "b"}, {"time", {{"dist", "exponential"}, {"mean_days", 100}, {"mean_days_range", {70, 150}}}}},
                      {{"from", "b"}, {"to", "home"}, {"time", {{"dist", "weibull"}, {"shape", 1.5}, {"scale_days", 200}}}},
                      {{"from", "a"}, {"to", "sgo"}, {"time", exponential(400)}}};
  d["arrivals"] = {{{"state", "a"}, {"per_year", 60}, {"per_year_range", {{"low", 45}, {"high", 80}, {"note", "a judgement"}}},
                    {"age_years", {{"5-9", 1.0}}}}};
  d["initial_population"] = {{{"state", "a"}, {"count", 20}, {"age_years", {{"5-9", 1.0}}}}};
  d["placement_types"] = {{{"id", "foster"}, {"weekly_cost", 700}, {"weekly_cost_range", {600, 900}}},
                          {{"id", "home"}, {"weekly_cost", 4000}, {"inflation_per_year", 0.03}, {"inflation_per_year_range", {0.0, 0.08}}}};
  d["placement_mix"] = {{"a", {{"foster", 0.8}, {"home", 0.2}}}, {"b", {{"foster", 1.0}}}};
  d["placement_mix_uncertainty"] = {{"concentration", 40}, {"note", "as if counted on 40 children"}};
  d["interventions"] = {{{"type", "divert_arrivals"}, {"share", 0.3}, {"share_range", {0.1, 0.5}}, {"start", "2021-06-01"}}};
  d["drift"] = {{"arrivals", {{"level", 1.1}, {"level_range", {1.0, 1.2}}, {"volatility_per_year", 0.1}, {"trend_per_year", 0.02}}},
                {"transitions", {{{"to", {"home", "sgo"}}, {"volatility_per_year", 0.08}, {"volatility_per_year_range", {0.04, 0.16}}}}},
                {"note", "judgement"}};
  d["history"] = {{{"date", "2019-03-31"}, {"in_care", 18}, {"note", "published"}}, {{"date", "2020-03-31"}, {"in_care", 21}}};
  return d;
}

std::string error_for(const json& document) {
  try {
    scenario_from_json(document, "s.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

// The share of `replications` draws of the number at `path` below `low` and above `high`.
std::pair<double, double> tails(const Scenario& scenario, const std::string& path, double low, double high, int replications) {
  ParameterSampler sampler(scenario);
  int below = 0, above = 0;
  for (int r = 0; r < replications; ++r) {
    double value = number_at(sampler.draw(scenario, 3, static_cast<uint64_t>(r)), path);
    below += value < low;
    above += value > high;
  }
  return {static_cast<double>(below) / replications, static_cast<double>(above) / replications};
}

double boost_ibeta_check(const BetaShape& shape, double x) { return boost::math::ibeta(shape.alpha, shape.beta, x); }

}  // namespace

TEST(StatedUncertainty, ParsesAndRoundTrips) {
  Scenario scenario = scenario_from_json(ranged_scenario());
  ASSERT_EQ(scenario.ranges.size(), 7u);
  EXPECT_EQ(scenario.ranges.at("/arrivals/0/per_year").low, 45);
  EXPECT_EQ(scenario.ranges.at("/arrivals/0/per_year").note, "a judgement");
  EXPECT_EQ(scenario.ranges.at("/transitions/0/time/mean_days").high, 150);
  EXPECT_EQ(scenario.ranges.at("/interventions/0/share").low, 0.1);
  EXPECT_EQ(scenario.ranges.at("/drift/transitions/0/volatility_per_year").high, 0.16);
  EXPECT_EQ(scenario.placement_mix_concentration, 40);
  EXPECT_TRUE(scenario.drift.has_arrivals);
  EXPECT_EQ(scenario.drift.arrivals.level, 1.1);
  EXPECT_EQ(scenario.drift.arrivals.trend_per_year, 0.02);
  ASSERT_EQ(scenario.drift.transitions.size(), 1u);
  EXPECT_EQ(scenario.drift.transitions[0].to.size(), 2u);
  EXPECT_TRUE(scenario.drift.transitions[0].from_states.empty());
  ASSERT_EQ(scenario.history.size(), 2u);
  EXPECT_EQ(scenario.history[1].in_care, 21);
  EXPECT_TRUE(has_parameter_uncertainty(scenario));

  json written = scenario_to_json(scenario);
  EXPECT_EQ(written["arrivals"][0]["per_year_range"]["low"], 45);
  EXPECT_EQ(written["transitions"][0]["time"]["mean_days_range"], json({70, 150}));
  EXPECT_EQ(scenario_to_json(scenario_from_json(written)), written);
}

TEST(StatedUncertainty, BadStatementsFailAtTheirPath) {
  auto with = [](const std::string& pointer, json value) {
    json d = ranged_scenario();
    d[json::json_pointer(pointer)] = std::move(value);
    return error_for(d);
  };
  EXPECT_EQ(with("/arrivals/0/per_year_range", json{80, 45}),
            "s.json: /arrivals/0/per_year_range: the low end 80 is above the high end 45");
  EXPECT_EQ(with("/arrivals/0/per_year_range", json{70, 90}),
            "s.json: /arrivals/0/per_year_range: the value 60 is outside its range [70, 90]");
  EXPECT_EQ(with("/placement_types/0/weekly_cost_range", json{0, 900}),
            "s.json: /placement_types/0/weekly_cost_range: the range must be above 0 (the number is drawn from a "
            "log-normal law), got low 0");
  EXPECT_EQ(with("/interventions/0/share_range", json{0.1, 1.2}),
            "s.json: /interventions/0/share_range: a share's range must lie strictly between 0 and 1 (it is drawn from "
            "a Beta law), got [0.1, 1.2]");
  EXPECT_EQ(with("/arrivals/0/per_year_range", json{45}), "s.json: /arrivals/0/per_year_range: must be [low, high], got [45]");
  EXPECT_NE(with("/initial_population/0/count_range", json{10, 30}).find("\"count\" cannot carry a range here"), std::string::npos);
  EXPECT_EQ(with("/arrivals/0/per_yaer_range", json{45, 80}),
            "s.json: /arrivals/0/per_yaer_range: unknown key \"per_yaer_range\"; did you mean \"per_year_range\"?");
  EXPECT_EQ(with("/drift/arrivals/volatility_per_year", -0.1),
            "s.json: /drift/arrivals/volatility_per_year: must be >= 0, got -0.1");
  EXPECT_NE(with("/drift/arrivals/volatility_per_year", 10).find("is it a percentage? 10% a year is 0.1"), std::string::npos);
  json no_move = ranged_scenario();
  no_move["drift"]["transitions"][0]["from"] = "b";
  no_move["drift"]["transitions"][0]["to"] = "sgo";
  EXPECT_EQ(error_for(no_move),
            "s.json: /drift/transitions/0: moves no transition: no transition (other than a fixed time) goes from its "
            "\"from\" states to its \"to\" destinations");
  EXPECT_EQ(with("/history/1/date", "2021-01-01"),
            "s.json: /history/1/date: must be before the start date 2021-01-01: the history is what was known when the "
            "forecast was made");
  EXPECT_EQ(with("/history/1/date", "2018-01-01"), "s.json: /history/1/date: must be after the date before it, 2019-03-31");
  EXPECT_EQ(with("/placement_mix_uncertainty/concentration", 0),
            "s.json: /placement_mix_uncertainty/concentration: must be > 0, got 0");
}

// Each law's 5th and 95th percentiles are the range's ends: over n draws, the share below the low end is
// Binomial(n, 0.05) / n, within 4.5 standard deviations of 0.05.
TEST(StatedUncertainty, RangesAreTheFifthAndNinetyFifthPercentiles) {
  Scenario scenario = scenario_from_json(ranged_scenario());
  const int n = 4000;
  const double tolerance = 4.5 * std::sqrt(0.05 * 0.95 / n);
  struct Case {
    const char* path;
    double low, high;
  };
  for (const Case& c : {Case{"/arrivals/0/per_year", 45, 80}, Case{"/transitions/0/time/mean_days", 70, 150},
                        Case{"/interventions/0/share", 0.1, 0.5}, Case{"/placement_types/1/inflation_per_year", 0.0, 0.08},
                        Case{"/drift/arrivals/level", 1.0, 1.2}}) {
    auto [below, above] = tails(scenario, c.path, c.low, c.high, n);
    EXPECT_NEAR(below, 0.05, tolerance) << c.path;
    EXPECT_NEAR(above, 0.05, tolerance) << c.path;
  }
}

TEST(StatedUncertainty, BetaFitHasTheAskedPercentiles) {
  for (auto [low, high] : {std::pair{0.1, 0.5}, std::pair{0.02, 0.1}, std::pair{0.7, 0.95}, std::pair{0.45, 0.55}}) {
    BetaShape shape = beta_with_percentiles(low, high);
    EXPECT_NEAR(boost_ibeta_check(shape, low), 0.05, 1e-6) << low << " " << high;
    EXPECT_NEAR(boost_ibeta_check(shape, high), 0.95, 1e-6) << low << " " << high;
  }
}

TEST(StatedUncertainty, WholeNumbersAreDrawnWhole) {
  json d = ranged_scenario();
  d["pipelines"] = {{{"id", "court"}, {"stages", {{{"id", "hearing"}, {"capacity_per_month", 4}, {"capacity_per_month_range", {2, 7}},
                                                  {"service_time", exponential(30)}}}}}};
  Scenario scenario = scenario_from_json(d);
  ParameterSampler sampler(scenario);
  std::vector<int> seen;
  for (uint64_t r = 0; r < 200; ++r) seen.push_back(sampler.draw(scenario, 1, r).pipelines[0].stages[0].capacity_per_month);
  EXPECT_GE(*std::min_element(seen.begin(), seen.end()), 0);
  EXPECT_LT(*std::min_element(seen.begin(), seen.end()), 3);
  EXPECT_GT(*std::max_element(seen.begin(), seen.end()), 6);
}

TEST(StatedUncertainty, DrawsAreKeyedToWhatIsDrawn) {
  json d = ranged_scenario();
  Scenario scenario = scenario_from_json(d);
  d["transitions"][2]["time"]["mean_days_range"] = {300, 500};  // one more range, on another number
  Scenario more = scenario_from_json(d);
  ParameterSampler a(scenario), b(more);
  for (uint64_t r = 0; r < 20; ++r) {
    Scenario x = a.draw(scenario, 9, r), y = b.draw(more, 9, r);
    EXPECT_EQ(x.arrivals[0].per_year, y.arrivals[0].per_year);
    EXPECT_EQ(x.transitions[0].time.mean_days, y.transitions[0].time.mean_days);
    EXPECT_EQ(x.placement_mix[0].shares, y.placement_mix[0].shares);
    EXPECT_NE(x.transitions[2].time.mean_days, y.transitions[2].time.mean_days);
  }
}

TEST(StatedUncertainty, PlacementMixesAreDirichlet) {
  Scenario scenario = scenario_from_json(ranged_scenario());
  ParameterSampler sampler(scenario);
  const int n = 4000;
  double sum = 0, sum_squares = 0;
  for (int r = 0; r < n; ++r) {
    Scenario drawn = sampler.draw(scenario, 2, static_cast<uint64_t>(r));
    double share = drawn.placement_mix[0].shares[0];
    EXPECT_NEAR(drawn.placement_mix[0].shares[0] + drawn.placement_mix[0].shares[1], 1.0, 1e-12);
    EXPECT_EQ(drawn.placement_mix[1].shares[0], 1.0);  // a mix of one type stays certain
    sum += share;
    sum_squares += share * share;
  }
  // Dirichlet(40 x (0.8, 0.2)): the first share is Beta(32, 8), mean 0.8, variance 0.8 x 0.2 / 41.
  double mean = sum / n, variance = sum_squares / n - mean * mean;
  const double expected_variance = 0.8 * 0.2 / 41;
  EXPECT_NEAR(mean, 0.8, 4.5 * std::sqrt(expected_variance / n));
  EXPECT_NEAR(variance, expected_variance, 0.15 * expected_variance);
}
