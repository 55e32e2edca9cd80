// Placements for a calibrated council: PLACE and PLACE_PROVIDER to placement categories, each state's mix as
// the share of its child-days in the data, national default unit costs with their sources, and a calibrated
// scenario that runs and has cost outputs.

#include <string>

#include <gtest/gtest.h>

#include "caseflow/calibration/calibrated_placements.hpp"
#include "caseflow/calibration/calibration.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

// In the collection year 2018/19 (364 days to the as-of date 31 March 2019):
// A fostered in-house all year; B with an agency foster carer until 1 October 2018 (183 days), then with a
// relative (181 days); C in a children's home; D accommodated under section 20 with an agency carer; E at
// home under a care order.
const Ssda903Texts kTexts{
    {{"episodes.csv",
      "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC\n"
      "A,01/01/2017,S,C2,U4,PR1,,\n"
      "B,01/04/2018,S,C2,U5,PR4,01/10/2018,X1\n"
      "B,01/10/2018,P,C2,U2,PR1,,\n"
      "C,01/06/2016,S,C2,K2,PR4,,\n"
      "D,01/04/2018,S,V2,U6,PR5,,\n"
      "E,01/05/2018,S,C2,P1,PR0,,\n"}},
    {{"header.csv", "CHILD,DOB\nA,01/01/2010\nB,15/06/2012\nC,01/03/2005\nD,10/02/2004\nE,01/01/2015\n"}},
    {}};

CalibrationResult calibrate_texts() {
  Ssda903Mapping mapping = default_mapping();
  DataQualityReport report;
  CareHistories histories = build_care_histories(import_ssda903(kTexts, report), mapping, report);
  CalibrationOptions options;
  options.as_of = day(2019, 3, 31);
  options.window_start = day(2018, 4, 1);
  return calibrate(histories, mapping, options);
}

int type_index(const Scenario& scenario, const std::string& id) {
  for (size_t t = 0; t < scenario.placement_types.size(); ++t)
    if (scenario.placement_types[t].id == id) return static_cast<int>(t);
  return -1;
}

double share(const Scenario& scenario, const std::string& state, const std::string& type) {
  for (size_t s = 0; s < scenario.states.size(); ++s)
    if (scenario.states[s].id == state) {
      const PlacementMix& mix = scenario.placement_mix.at(s);
      for (size_t i = 0; i < mix.types.size(); ++i)
        if (mix.types[i] == type_index(scenario, type)) return mix.shares[i];
      return 0;
    }
  ADD_FAILURE() << "no state " << state;
  return -1;
}

}  // namespace

TEST(PlacementCategories, PlaceAndProviderGiveTheCategory) {
  using C = PlacementCategory;
  EXPECT_EQ(placement_category("U1", "PR4"), C::kinship_foster);  // a relative, whoever supports the placement
  EXPECT_EQ(placement_category("U3", ""), C::kinship_foster);
  EXPECT_EQ(placement_category("U4", "PR1"), C::in_house_foster);
  EXPECT_EQ(placement_category("U6", "PR2"), C::in_house_foster);
  EXPECT_EQ(placement_category("U5", ""), C::in_house_foster);
  EXPECT_EQ(placement_category("U4", "PR4"), C::ifa_foster);
  EXPECT_EQ(placement_category("U6", "PR5"), C::ifa_foster);
  EXPECT_EQ(placement_category("K2", "PR4"), C::residential);
  EXPECT_EQ(placement_category("S1", "PR1"), C::residential);
  EXPECT_EQ(placement_category("H5", "PR4"), C::supported_accommodation);
  EXPECT_EQ(placement_category("P2", ""), C::supported_accommodation);
  EXPECT_EQ(placement_category("P1", "PR0"), C::placed_with_parents);
  EXPECT_EQ(placement_category("A5", "PR1"), C::adoption_placement);
  EXPECT_EQ(placement_category("T1", "PR1"), C::other_placement);
  EXPECT_EQ(placement_category("", ""), C::other_placement);
}

TEST(CalibratedPlacements, EachStatesMixIsTheShareOfItsChildDays) {
  const Scenario& scenario = calibrate_texts().scenario;
  ASSERT_EQ(scenario.placement_mix.size(), scenario.states.size());
  // Foster care: 364 days in-house (A), 183 with an agency and 181 with a relative (B).
  EXPECT_DOUBLE_EQ(share(scenario, "foster", "in_house_foster"), 364.0 / 728);
  EXPECT_DOUBLE_EQ(share(scenario, "foster", "ifa_foster"), 183.0 / 728);
  EXPECT_DOUBLE_EQ(share(scenario, "foster", "kinship_foster"), 181.0 / 728);
  EXPECT_DOUBLE_EQ(share(scenario, "residential", "residential"), 1.0);
  EXPECT_DOUBLE_EQ(share(scenario, "section20", "ifa_foster"), 1.0);
  EXPECT_DOUBLE_EQ(share(scenario, "placed_with_parents", "placed_with_parents"), 1.0);
  // No child was on an interim care order: the mix of all the child-days (364 x 3 + 183 + 181 + 334 for E).
  const double all = 364.0 * 3 + 183 + 181 + 334;
  EXPECT_DOUBLE_EQ(share(scenario, "ico", "residential"), 364.0 / all);
  EXPECT_DOUBLE_EQ(share(scenario, "ico", "ifa_foster"), (183.0 + 364) / all);
  // Only the categories observed are placement types.
  EXPECT_EQ(scenario.placement_types.size(), 5u);
  EXPECT_EQ(type_index(scenario, "supported_accommodation"), -1);
  const PlacementMix& foster = scenario.placement_mix[default_mapping().state_index("foster")];
  EXPECT_NE(foster.note.find("728 child-days in foster, 2018-04-01 to 2019-03-31"), std::string::npos) << foster.note;
}

TEST(CalibratedPlacements, UnitCostsAreTheNationalDefaultsWithSourcesAndRanges) {
  const Scenario& scenario = calibrate_texts().scenario;
  const PlacementType& ifa = scenario.placement_types.at(type_index(scenario, "ifa_foster"));
  EXPECT_EQ(ifa.weekly_cost, 980);
  EXPECT_NE(ifa.note.find("Competition and Markets Authority, Children's social care market study: final report, 2022"),
            std::string::npos);
  const PlacementType& in_house = scenario.placement_types.at(type_index(scenario, "in_house_foster"));
  EXPECT_EQ(in_house.weekly_cost, 810);
  EXPECT_NE(in_house.note.find("Unit Costs of Health and Social Care 2017, Personal Social Services Research Unit (PSSRU), "
                               "University of Kent"),
            std::string::npos);
  EXPECT_EQ(scenario.placement_types.at(type_index(scenario, "residential")).weekly_cost, 4800);
  const std::string path = "/placement_types/" + std::to_string(type_index(scenario, "residential"));
  ASSERT_EQ(scenario.ranges.count(path + "/weekly_cost"), 1u);
  EXPECT_EQ(scenario.ranges.at(path + "/weekly_cost").low, 3800);
  EXPECT_EQ(scenario.ranges.at(path + "/inflation_per_year").high, 0.09);
  EXPECT_EQ(format_iso_date(scenario.costs.inflation_from), "2024-04-01");
}

TEST(CalibratedPlacements, TheCalibratedScenarioRunsWithCostsAndTheObservedMix) {
  // Written and read back as `caseflow calibrate` does, then run.
  json document = scenario_to_json(calibrate_texts().scenario);
  const int replications = 2000;
  RunResults results = run(document, replications);
  const OutputLayout& layout = results.layout;
  ASSERT_EQ(layout.placement_categories, 5u);
  EXPECT_GT(results.costs.sum(), 0);
  for (size_t t = 0; t < layout.placement_categories; ++t) {
    double type_total = 0;
    for (size_t p = 0; p < layout.cost_periods.size(); ++p)
      type_total += results.costs.col(static_cast<Eigen::Index>(layout.cost_cell(p, t))).sum();
    EXPECT_GT(type_total, 0) << layout.cost_categories[t];
  }
  // On the start date: C in a children's home and E at home in every replication; A and B in foster care, each
  // placed by the foster mix, so in-house on average 2 x 364/728 = 1, kinship 2 x 181/728.
  Scenario scenario = scenario_from_json(document);
  auto at_start = [&](const std::string& type) {
    return mean_of(results.placements, layout.placement_cell(0, static_cast<size_t>(type_index(scenario, type))));
  };
  EXPECT_EQ(at_start("residential"), 1.0);
  EXPECT_EQ(at_start("placed_with_parents"), 1.0);
  EXPECT_NEAR(at_start("in_house_foster"), 1.0, tolerance(0.5, replications));
  EXPECT_NEAR(at_start("kinship_foster"), 2 * 181.0 / 728, tolerance(0.5, replications));
  // D's section 20 placement with an agency, plus the agency share of foster care.
  EXPECT_NEAR(at_start("ifa_foster"), 1 + 2 * 183.0 / 728, tolerance(0.5, replications));
}
