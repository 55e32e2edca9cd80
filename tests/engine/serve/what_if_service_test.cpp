// The what-if service behind `caseflow serve`, called without HTTP: every endpoint's replies, and that a
// what-if's figures are those of compare_runs on the same scenarios and seed.
#include <gtest/gtest.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/serve/what_if_service.hpp"
#include "caseflow/serve/www_assets.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/comparison.hpp"

namespace caseflow {
namespace {

using nlohmann::json;

const std::string kScenarios = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios";

WhatIfService service(double max_run_seconds = 60) {
  ServeSettings settings;
  settings.scenarios_folder = kScenarios;
  settings.max_run_seconds = max_run_seconds;
  return WhatIfService(settings);
}

TEST(WhatIfService, ListsTheShippedScenariosWithTheBaseOfEachStrategy) {
  const ServeReply reply = service().list_scenarios();
  ASSERT_EQ(reply.status, 200);
  const json list = json::parse(reply.body)["scenarios"];
  json strategy, base;
  for (const json& item : list) {
    if (item["id"] == "strategies/edge-of-care.json") strategy = item;
    if (item["id"] == "herefordshire-2020.json") base = item;
  }
  ASSERT_TRUE(strategy.is_object());
  EXPECT_EQ(strategy["base"], "herefordshire-2020.json");
  ASSERT_TRUE(base.is_object());
  EXPECT_FALSE(base.contains("base"));
}

TEST(WhatIfService, GivesAScenarioWithItsLeversOrSays404) {
  WhatIfService s = service();
  const ServeReply reply = s.shipped_scenario("strategies/all-combined.json");
  ASSERT_EQ(reply.status, 200);
  const json body = json::parse(reply.body);
  EXPECT_GT(body["levers"].size(), 20u);
  EXPECT_FALSE(body["document"].contains("base"));  // inherited values written out
  EXPECT_EQ(s.shipped_scenario("../CMakeLists.txt").status, 404);
  EXPECT_EQ(s.shipped_scenario("").status, 404);
}

TEST(WhatIfService, AnUploadIsCheckedByTheScenarioReader) {
  WhatIfService s = service();
  json document = scenario_to_json(load_scenario(kScenarios + "/example-small.json"));
  EXPECT_EQ(s.uploaded_scenario(document.dump()).status, 200);
  document["arrivals"][0]["per_year"] = -3;
  const ServeReply bad = s.uploaded_scenario(document.dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["place"], "/arrivals/0/per_year");
  const ServeReply garbage = s.uploaded_scenario("{\"format\": ");
  EXPECT_EQ(garbage.status, 400);
  EXPECT_EQ(json::parse(garbage.body)["source"], "upload");
}

TEST(WhatIfService, AWhatIfEqualsCompareRunsOnTheSameScenariosAndSeed) {
  WhatIfService s = service();
  const json request{{"base", "herefordshire-2020.json"},
                     {"strategy", "strategies/all-combined.json"},
                     {"levers", {{"/interventions/0/share", 0.25}, {"/costs/budgets/0/amount", 18000000}}},
                     {"replications", 24},
                     {"seed", 7}};
  const ServeReply reply = s.what_if(request.dump());
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = json::parse(reply.body);

  // The same runs by hand: the base file, and the strategy file the page would download.
  const ServeReply file = s.strategy_file(request.dump());
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.download_name, "strategy.json");
  const Scenario base = load_scenario(kScenarios + "/herefordshire-2020.json");
  const Scenario strategy = scenario_from_text(file.body, "strategy.json");
  EXPECT_EQ(strategy.interventions[0].share, 0.25);
  RunOptions options;
  options.replications = 24;
  options.seed = 7;
  const RunResults base_results = run_replications(Simulation(base), options);
  const RunResults strategy_results = run_replications(Simulation(strategy), options);
  const StrategyComparison expected = compare_runs(base_results, strategy_results, base.comparators);

  ASSERT_EQ(body["difference"]["mean"].size(), expected.in_care_difference.size());
  for (size_t k = 0; k < expected.in_care_difference.size(); ++k) {
    EXPECT_EQ(body["difference"]["mean"][k].get<double>(), expected.in_care_difference[k].mean) << k;
    EXPECT_EQ(body["difference"]["p05"][k].get<double>(), expected.in_care_difference[k].p05) << k;
    EXPECT_EQ(body["difference"]["p95"][k].get<double>(), expected.in_care_difference[k].p95) << k;
    EXPECT_EQ(body["base"]["mean"][k].get<double>(), expected.base_in_care[k]) << k;
    EXPECT_EQ(body["strategy"]["mean"][k].get<double>(), expected.strategy_in_care[k]) << k;
  }
  ASSERT_EQ(body["costs"].size(), expected.savings.size());
  for (size_t y = 0; y < expected.savings.size(); ++y)
    EXPECT_EQ(body["costs"][y]["net_saving"]["mean"].get<double>(), expected.savings[y].net_saving.mean);
  // The budget lever moved the strategy's budget, not the base's.
  EXPECT_EQ(body["budgets"]["strategy"][0]["budget"], 18000000);
  EXPECT_EQ(body["budgets"]["base"][0]["budget"], 17136000);
  EXPECT_EQ(body["history"].size(), base.history.size());
  EXPECT_NE(body["headline"].get<std::string>().find("children"), std::string::npos);
  EXPECT_EQ(body["replications"], 24);
}

TEST(WhatIfService, BadRequestsAreRefusedWithTheirPlace) {
  WhatIfService s = service();
  auto place_of = [&](const std::string& body) {
    const ServeReply reply = s.what_if(body);
    EXPECT_EQ(reply.status, 400) << body;
    return json::parse(reply.body).value("place", std::string());
  };
  EXPECT_EQ(place_of(R"({"strategy": "strategies/sgo-push.json"})"), "/base");
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "replications": 1001})"), "/replications");
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "replications": 0})"), "/replications");
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "seed": -1})"), "/seed");
  EXPECT_EQ(place_of(R"({"base": "no-such.json"})"), "/base");
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "colour": "red"})"), "/colour");
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "levers": {"/arrivals/0/per_year": -5}})"), "/arrivals/0/per_year");
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "levers": {"/name": 1}})"), "/name");
  // A strategy with other states than the base's.
  EXPECT_EQ(place_of(R"({"base": "herefordshire-2020.json", "strategy": "example-small.json"})").rfind("/states", 0), 0u);
  EXPECT_EQ(s.what_if("[1, 2").status, 400);
}

TEST(WhatIfService, ARunThatOutlivesItsTimeIsStopped) {
  WhatIfService s = service(1e-9);
  const ServeReply reply = s.what_if(R"({"base": "herefordshire-2020.json", "replications": 50, "seed": 3})");
  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find("longer than"), std::string::npos);
}

TEST(WhatIfService, AStoppedServiceRunsNothing) {
  WhatIfService s = service();
  EXPECT_EQ(json::parse(s.status().body)["running"], 0);
  s.stop();
  EXPECT_EQ(s.what_if(R"({"base": "herefordshire-2020.json", "replications": 5})").status, 503);
}

TEST(WhatIfService, TheReportIsTheComparisonReport) {
  WhatIfService s = service();
  const ServeReply reply = s.report(R"({"base": "herefordshire-2020.json", "strategy": "strategies/sgo-push.json", "replications": 8})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.download_name, "report.html");
  EXPECT_EQ(reply.body.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(reply.body.find("Difference from the base over time"), std::string::npos);
}

TEST(WwwAssets, ThePageAndItsFilesAreCompiledIn) {
  ASSERT_NE(find_www_asset("/"), nullptr);
  EXPECT_NE(find_www_asset("/")->body.find("<script src=\"/app.js\">"), std::string_view::npos);
  ASSERT_NE(find_www_asset("/app.js"), nullptr);
  EXPECT_EQ(find_www_asset("/style.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(find_www_asset("/secret"), nullptr);
}

}  // namespace
}  // namespace caseflow
