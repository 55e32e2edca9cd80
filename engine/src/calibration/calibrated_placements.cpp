#include "caseflow/calibration/calibrated_placements.hpp"

#include <algorithm>
#include <cstdio>

#include "caseflow/base/uk_format.hpp"

namespace caseflow {

namespace {

constexpr const char* kPrices =
    " At 2024/25 prices (as scenarios/england-2024.json), inflated from 1 April 2024; a forecast of earlier years is "
    "costed at these prices.";

const NationalUnitCost kInHouse{
    810, {650, 1010, "Judgement: from the 2017 price itself (£650) to about 55% above it."}, 0.02,
    {0.0, 0.04, "Judgement: 0% to 4% a year."},
    "Curtis, L. and Burns, A., Unit Costs of Health and Social Care 2017, Personal Social Services Research Unit (PSSRU), "
    "University of Kent, 2017: about £650 a week for local-authority foster care including allowances and overheads, at "
    "2016/17 prices; brought to 2024/25 prices by a judgement, about £810 (general prices rose about a quarter from 2017 "
    "to early 2024: Office for National Statistics, consumer prices index). Inflation 2% a year: assumption, close to "
    "the Bank of England's target."};

const NationalUnitCost kNationalCosts[kPlacementCategories] = {
    kInHouse,
    {980, {820, 1170, "Judgement: from the CMA's price itself (£820) to about 40% above it."}, 0.02,
     {0.0, 0.04, "Judgement: 0% to 4% a year."},
     "Competition and Markets Authority, Children's social care market study: final report, 2022: about £820 a week for "
     "an independent fostering agency placement, at prices of about 2020/21; brought to 2024/25 prices by a judgement, "
     "about £980 (general prices rose about a fifth: Office for National Statistics, consumer prices index)."},
    {420, {260, 680, "Judgement: no national figure: £260 to £680 a week."}, 0.02, {0.0, 0.04, "Judgement: 0% to 4% a year."},
     "Assumption, no national figure: a fostering allowance and support without agency fees, about half the in-house "
     "cost (Curtis and Burns, Unit Costs of Health and Social Care 2017, PSSRU, brought to 2024/25 prices)."},
    {4800, {3800, 6000, "Judgement: from the CMA's price itself (£3,800, no rise since) to about 12% a year since 2020/21."},
     0.05, {0.02, 0.09, "Judgement: 2% to 9% a year."},
     "Competition and Markets Authority, Children's social care market study: final report, 2022: about £3,800 a week "
     "for a private children's home, at prices of about 2020/21; brought to 2024/25 prices by a judgement, about £4,800 "
     "(general prices rose about a fifth: Office for National Statistics, consumer prices index; the Local Government "
     "Association's survey of high-cost placements, 2023, found placements of £10,000 a week or more rising from about "
     "120 in 2018/19 to over 1,500 in 2022/23). Inflation 5% a year: assumption, above general prices."},
    {1200, {720, 2000, "Judgement: no national figure: £720 to £2,000 a week."}, 0.03,
     {0.01, 0.05, "Judgement: 1% to 5% a year."},
     "Assumption, no national figure: about £1,200 a week, between the foster and residential costs above."},
    {145, {60, 350, "Judgement: no national figure: £60 to £350 a week."}, 0.02, {0.0, 0.04, "Judgement: 0% to 4% a year."},
     "Assumption, no national figure: no carer is paid; about £145 a week of family support and supervision."},
    {360, {180, 720, "Judgement: no national figure: £180 to £720 a week."}, 0.02, {0.0, 0.04, "Judgement: 0% to 4% a year."},
     "Assumption, no national figure: no fostering allowance; about £360 a week of adoption agency costs while the "
     "child is looked after."},
    {kInHouse.weekly_cost, kInHouse.weekly_cost_range, kInHouse.inflation_per_year, kInHouse.inflation_range,
     "Assumption, no national figure for temporary, health, custody and other placements: costed as in-house foster "
     "care (Curtis and Burns, Unit Costs of Health and Social Care 2017, PSSRU, brought to 2024/25 prices)."},
};

std::string percent(double share) { return format_percent(share, share < 0.1 && share > 0 ? 1 : 0); }

// "in_house_foster 60%, ifa_foster 40%" of a row of days, largest first.
std::string shares_text(const std::array<double, kPlacementCategories>& days, double total) {
  std::vector<int> order;
  for (int c = 0; c < kPlacementCategories; ++c)
    if (days[c] > 0) order.push_back(c);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return days[a] > days[b]; });
  std::string text;
  for (int c : order)
    text += (text.empty() ? "" : ", ") + std::string(placement_category_id(static_cast<PlacementCategory>(c))) + " " +
            percent(days[c] / total);
  return text;
}

double sum(const std::array<double, kPlacementCategories>& days) {
  double total = 0;
  for (double d : days) total += d;
  return total;
}

}  // namespace

const NationalUnitCost& national_unit_cost(PlacementCategory category) { return kNationalCosts[static_cast<int>(category)]; }

Date national_unit_cost_prices_from() { return std::chrono::sys_days{std::chrono::year{2024} / std::chrono::April / 1}; }

PlacementDays observe_placement_days(const CareHistories& histories, size_t states, Date from, Date to) {
  PlacementDays days(states);
  for (auto& row : days) row.fill(0);
  for (const ChildHistory& child : histories.children)
    for (const Spell& spell : child.spells) {
      Date spell_end = spell.end ? std::min(*spell.end, to) : to;
      for (const PlacementStay& stay : child.placements) {
        Date lo = std::max({spell.start, stay.start, from});
        Date hi = stay.end ? std::min(*stay.end, spell_end) : spell_end;
        if (hi <= lo) continue;
        days[spell.state][static_cast<int>(placement_category(stay.placement, stay.provider))] +=
            static_cast<double>(days_between(lo, hi));
      }
    }
  return days;
}

void add_placement_costs(Scenario& scenario, const PlacementDays& days, const std::string& window) {
  std::array<double, kPlacementCategories> all{};
  for (const auto& row : days)
    for (int c = 0; c < kPlacementCategories; ++c) all[c] += row[c];
  const double total = sum(all);
  if (total <= 0) return;

  // The types observed anywhere, in the categories' order.
  std::array<int, kPlacementCategories> type_of{};
  type_of.fill(-1);
  for (int c = 0; c < kPlacementCategories; ++c) {
    if (all[c] <= 0) continue;
    const auto category = static_cast<PlacementCategory>(c);
    const NationalUnitCost& cost = national_unit_cost(category);
    type_of[c] = static_cast<int>(scenario.placement_types.size());
    const std::string path = "/placement_types/" + std::to_string(type_of[c]);
    scenario.placement_types.push_back({placement_category_id(category), placement_category_label(category), cost.weekly_cost,
                                        cost.inflation_per_year, std::string(cost.note) + kPrices});
    scenario.ranges[path + "/weekly_cost"] = cost.weekly_cost_range;
    scenario.ranges[path + "/inflation_per_year"] = cost.inflation_range;
  }
  for (size_t s = 0; s < scenario.states.size(); ++s) {
    const bool observed = s < days.size() && sum(days[s]) > 0;
    const auto& row = observed ? days[s] : all;
    const double row_total = sum(row);
    PlacementMix mix;
    for (int c = 0; c < kPlacementCategories; ++c)
      if (row[c] > 0) {
        mix.types.push_back(type_of[c]);
        mix.shares.push_back(row[c] / row_total);
      }
    char count[32];
    std::snprintf(count, sizeof count, "%.0f", row_total);
    mix.note = observed ? "observed: the shares of the " + std::string(count) + " child-days in " + scenario.states[s].id +
                              ", " + window + ", by placement (PLACE and PLACE_PROVIDER): " + shares_text(row, row_total)
                        : "no child-days in " + scenario.states[s].id + ", " + window +
                              ": the mix of all children in care then (" + shares_text(row, row_total) + ")";
    scenario.placement_mix.push_back(std::move(mix));
  }
  scenario.costs.inflation_from = national_unit_cost_prices_from();
  scenario.costs.discount_rate_per_year = 0;
  scenario.costs.discount_from = scenario.start_date;
  scenario.costs.note =
      "National default unit costs at 2024/25 prices, each with its source and a 90% range; placement mixes observed "
      "in the council's own data. Only placements: no allowances after care, social work, legal or overhead costs. "
      "Replace the unit costs with the council's own where it has them. Not discounted.";
}

}  // namespace caseflow
