// calibrate() on a return small enough to work out by hand: entries, days at risk, events, the
// population on the as-of date, and the errors for options that do not fit the data.

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "caseflow/base/input_error.hpp"
#include "caseflow/calibration/calibration.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "test_support.hpp"

using namespace caseflow;
using caseflow::testing::day;

namespace {

// A: ICO from 1 Apr 2018, foster from 1 Oct 2018 (open). B: ICO 1 Jun - 1 Dec 2018, then home (E4A).
// C: foster since 2017, before the window (open). D: section 20 from 1 May 2018, 18 on 10 Feb 2019.
const Ssda903Texts kTexts{
    {{"episodes.csv",
      "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n"
      "A,01/04/2018,S,C1,U4,01/10/2018,X1\n"
      "A,01/10/2018,P,C2,U4,,\n"
      "B,01/06/2018,S,C1,U6,01/12/2018,E4A\n"
      "C,01/01/2017,S,C2,U5,,\n"
      "D,01/05/2018,S,V2,U6,,\n"}},
    {{"header.csv", "CHILD,DOB\nA,01/01/2010\nB,15/06/2012\nC,01/03/2005\nD,10/02/2001\n"}},
    {}};

CalibrationResult calibrate_texts(const Ssda903Mapping& mapping, CalibrationOptions options) {
  DataQualityReport report;
  CareHistories histories = build_care_histories(import_ssda903(kTexts, report), mapping, report);
  return calibrate(histories, mapping, options);
}

CalibrationOptions as_of(Date date) {
  CalibrationOptions options;
  options.as_of = date;
  return options;
}

}  // namespace

TEST(Calibration, ByHand) {
  Ssda903Mapping mapping = default_mapping();
  CalibrationResult result = calibrate_texts(mapping, as_of(day(2019, 3, 31)));
  EXPECT_EQ(result.window_start, day(2018, 4, 1));  // the file's collection year is 2018-19
  const Scenario& scenario = result.scenario;

  // Entries in [1 Apr 2018, 31 Mar 2019): A and B into ICO (aged 8 and 5), D into section 20 (aged 17).
  ASSERT_EQ(result.arrivals.size(), 2u);
  EXPECT_EQ(scenario.states[result.arrivals[0].state].id, "ico");
  EXPECT_EQ(result.arrivals[0].entries, 2);
  EXPECT_EQ(result.arrivals[0].window_days, 364);
  EXPECT_DOUBLE_EQ(scenario.arrivals[0].per_year, 2.0 / 364 * 365.25);
  EXPECT_DOUBLE_EQ(result.arrivals[0].per_year_se, std::sqrt(2.0) / 364 * 365.25);
  ASSERT_EQ(scenario.arrivals[0].ages.bands.size(), 1u);
  EXPECT_EQ(scenario.arrivals[0].ages.bands[0].min_years, 5);
  EXPECT_EQ(scenario.arrivals[0].ages.bands[0].end_years, 10);
  EXPECT_EQ(scenario.states[result.arrivals[1].state].id, "section20");
  EXPECT_EQ(scenario.arrivals[1].ages.bands[0].min_years, 16);
  EXPECT_EQ(scenario.arrivals[1].uncertainty.events, 1);
  EXPECT_EQ(scenario.arrivals[1].uncertainty.exposure_days, 364);

  // ICO: 183 days for A and 183 for B; one move to foster, one home. Nothing leaves foster or
  // section 20 (D's 18th birthday is the age-out, not a transition).
  ASSERT_EQ(result.transitions.size(), 2u);
  for (size_t t = 0; t < 2; ++t) {
    EXPECT_EQ(scenario.states[result.transitions[t].from_state].id, "ico");
    EXPECT_EQ(result.transitions[t].exponential.events, 1);
    EXPECT_EQ(result.transitions[t].exponential.exposure_days, 366);
    EXPECT_EQ(scenario.transitions[t].time.mean_days, 366);
    EXPECT_FALSE(scenario.transitions[t].has_age_limits);  // both children were 5-9: one band at risk
  }
  EXPECT_EQ(scenario.destination_id(scenario.transitions[0].to), "foster");
  EXPECT_EQ(scenario.destination_id(scenario.transitions[1].to), "reunification");
  EXPECT_NE(scenario.transitions[1].note.find("estimated from 1 moves ico -> reunification in 366 days at risk in ico (all ages), "
                                              "2018-04-01 to 2019-03-31"), std::string::npos) << scenario.transitions[1].note;
  EXPECT_NE(scenario.transitions[1].time.note.find("mean_days 366 (SE 366)"), std::string::npos) << scenario.transitions[1].time.note;

  // On 31 March 2019: A (9, 181 days in foster) and C (14, 819 days in foster).
  EXPECT_EQ(result.children_in_care, 2);
  ASSERT_EQ(scenario.initial_population.size(), 2u);
  EXPECT_EQ(scenario.initial_population[0].ages.bands[0].min_years, 9);
  EXPECT_EQ(scenario.initial_population[0].days_in_state.days, 181);
  EXPECT_EQ(scenario.initial_population[1].ages.bands[0].min_years, 14);
  EXPECT_EQ(scenario.initial_population[1].days_in_state.days, 819);
  EXPECT_EQ(scenario.exits[scenario.age_out.exit].id, "aged_18");

  // The scenario is complete and valid as written.
  EXPECT_NO_THROW(scenario_from_json(scenario_to_json(scenario)));
}

TEST(Calibration, AgeBandsFollowTheMappingsAgeOut) {
  nlohmann::json document = nlohmann::json::parse(default_mapping_text());
  document["age_out"]["age_years"] = 21;
  Ssda903Mapping mapping = mapping_from_json(document);
  CalibrationResult result = calibrate_texts(mapping, as_of(day(2019, 3, 31)));
  // D stays in care past 18 and is in the population, aged 18; entered at 17, in the band 16-20.
  EXPECT_EQ(result.children_in_care, 3);
  EXPECT_EQ(result.scenario.arrivals[1].ages.bands[0].end_years, 21);
  EXPECT_EQ(result.scenario.age_out.age_years, 21);
  EXPECT_NO_THROW(scenario_from_json(scenario_to_json(result.scenario)));
}

TEST(Calibration, OptionsThatDoNotFitTheDataAreInputErrors) {
  Ssda903Mapping mapping = default_mapping();
  auto error = [&](CalibrationOptions options) -> std::string {
    try {
      calibrate_texts(mapping, options);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error(as_of(day(2019, 4, 1))),
            "calibration: as_of: 2019-04-01 is after the data end (the last collection year ends on 2019-03-31)");
  EXPECT_EQ(error(as_of(day(2018, 4, 1))), "calibration: as_of: 2018-04-01 must be after the start of the data window, 2018-04-01");
  CalibrationOptions options = as_of(day(2019, 1, 1));
  options.age_band_edges = {0, 5, 16};
  EXPECT_EQ(error(options), "calibration: age_band_edges: must rise from 0 to the age-out age 18");
  options.age_band_edges = {};
  options.window_start = day(2018, 7, 1);
  EXPECT_EQ(error(options), "");
}

// The waiting times come from all the data, the arrivals from their window: with a year before the window in
// which E entered an ICO and went home, E's stay counts towards the ICO's waiting times but not its entries.
TEST(Calibration, WaitingTimesFromAllTheDataArrivalsFromTheirWindow) {
  const Ssda903Texts texts{
      {{"episodes_2017.csv", "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nE,01/06/2017,S,C1,U6,01/12/2017,E4A\n"},
       {"episodes_2018.csv", kTexts.episodes[0].text}},
      {{"header.csv", kTexts.headers[0].text + "E,01/01/2011\n"}},
      {}};
  Ssda903Mapping mapping = default_mapping();
  DataQualityReport report;
  CareHistories histories = build_care_histories(import_ssda903(texts, report), mapping, report);
  CalibrationOptions options = as_of(day(2019, 3, 31));
  options.window_years = 1;
  auto ico_home = [](const CalibrationResult& result) {
    for (size_t t = 0; t < result.transitions.size(); ++t)
      if (result.scenario.states[result.transitions[t].from_state].id == "ico" &&
          result.scenario.destination_id(result.scenario.transitions[t].to) == "reunification")
        return result.transitions[t].exponential;
    ADD_FAILURE() << "no ico -> reunification";
    return ExponentialFit{};
  };

  CalibrationResult result = calibrate(histories, mapping, options);
  EXPECT_EQ(result.window_start, day(2018, 4, 1));
  EXPECT_EQ(result.transitions_window_start, day(2017, 4, 1));
  EXPECT_EQ(result.arrivals[0].entries, 2);  // A and B, not E
  EXPECT_EQ(ico_home(result).events, 2);     // B and E
  EXPECT_EQ(ico_home(result).exposure_days, 183 * 3);
  EXPECT_NE(result.scenario.note.find("waiting times from all the data, 2017-04-01 to 2019-03-31"), std::string::npos)
      << result.scenario.note;

  options.transitions_from_all_data = false;  // as before: the waiting times from the arrivals' window too
  result = calibrate(histories, mapping, options);
  EXPECT_EQ(result.transitions_window_start, day(2018, 4, 1));
  EXPECT_EQ(result.arrivals[0].entries, 2);
  EXPECT_EQ(ico_home(result).events, 1);
  EXPECT_EQ(ico_home(result).exposure_days, 183 * 2);
}
