// The SSDA903 mapping: the default sends the codes the DfE's SSDA903 guidance names where the issue says, and a bad
// mapping file is an InputError naming the JSON path, like a bad scenario.

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "caseflow/base/input_error.hpp"
#include "caseflow/ssda903/ssda903_mapping.hpp"

using namespace caseflow;
using nlohmann::json;

namespace {

std::string state_of(const Ssda903Mapping& mapping, const std::string& ls, const std::string& place, bool uasc = false) {
  EpisodeClass found = mapping.classify(ls, place, uasc);
  if (found.kind == EpisodeClass::Kind::not_in_care) return "(not in care)";
  if (found.kind == EpisodeClass::Kind::unmapped) return "(unmapped)";
  return mapping.states[found.state].id;
}

std::string exit_of(const Ssda903Mapping& mapping, const std::string& rec) {
  auto exit = mapping.exit_for(rec);
  return exit ? mapping.exits[*exit].id : "(none)";
}

json default_document() { return json::parse(default_mapping_text()); }

// The InputError message for a mapping document, "" if it is accepted.
std::string error_for(const json& document) {
  try {
    mapping_from_json(document, "m.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST(Ssda903Mapping, DefaultSendsTheNamedCodesWhereTheIssueSays) {
  Ssda903Mapping mapping = default_mapping();
  EXPECT_EQ(state_of(mapping, "C1", "U4"), "ico");
  EXPECT_EQ(state_of(mapping, "E1", "U4"), "placement_order");
  for (const char* place : {"A3", "A4", "A5", "A6"}) EXPECT_EQ(state_of(mapping, "C2", place), "placement_order");
  EXPECT_EQ(state_of(mapping, "C1", "A4"), "placement_order");
  EXPECT_EQ(state_of(mapping, "C2", "P1"), "placed_with_parents");
  EXPECT_EQ(state_of(mapping, "C1", "P1"), "placed_with_parents");
  EXPECT_EQ(state_of(mapping, "C2", "K2"), "residential");
  EXPECT_EQ(state_of(mapping, "C2", "R1"), "residential");
  EXPECT_EQ(state_of(mapping, "V2", "K2"), "residential");
  EXPECT_EQ(state_of(mapping, "V2", "U4"), "section20");
  for (const char* place : {"U1", "U2", "U3", "U4", "U5", "U6"}) EXPECT_EQ(state_of(mapping, "C2", place), "foster");
  EXPECT_EQ(state_of(mapping, "C2", "H5"), "supported_accommodation");
  EXPECT_EQ(state_of(mapping, "V2", "U6", true), "uasc");
  EXPECT_EQ(state_of(mapping, "V3", "U6"), "(not in care)");
  EXPECT_EQ(state_of(mapping, "V4", "K2", true), "(not in care)");
  EXPECT_EQ(state_of(mapping, "L1", "T0"), "other_care");
  // Police protection, emergency protection and youth justice follow their placement (docs/calibration.md).
  EXPECT_EQ(state_of(mapping, "L1", "U4"), "foster");
  EXPECT_EQ(state_of(mapping, "L2", "K2"), "residential");
  EXPECT_EQ(state_of(mapping, "J2", "K1"), "residential");
  EXPECT_EQ(state_of(mapping, "J1", "H5"), "supported_accommodation");
  EXPECT_EQ(state_of(mapping, "L3", "T2"), "other_care");
  EXPECT_EQ(state_of(mapping, "Q9", "Q9"), "other_care");

  for (const char* rec : {"E45", "E46", "E47", "E48"}) EXPECT_EQ(exit_of(mapping, rec), "sgo");
  for (const char* rec : {"E4A", "E4B", "E13"}) EXPECT_EQ(exit_of(mapping, rec), "reunification");
  EXPECT_EQ(exit_of(mapping, "E11"), "adoption");
  EXPECT_EQ(exit_of(mapping, "E12"), "adoption");
  EXPECT_EQ(exit_of(mapping, "E17"), "aged_18");
  EXPECT_EQ(exit_of(mapping, "E41"), "child_arrangements_order");
  EXPECT_EQ(exit_of(mapping, "X1"), "(none)");
  EXPECT_EQ(exit_of(mapping, "E99"), "(none)");
  EXPECT_EQ(mapping.exits[mapping.age_out_exit].id, "aged_18");
  EXPECT_EQ(mapping.age_out_years, 18);
}

TEST(Ssda903Mapping, ShippedFileIsTheCompiledDefault) {
  std::ifstream in(std::string(CASEFLOW_SOURCE_DIR) + "/data/ssda903-mapping.json");
  EXPECT_EQ(json::parse(in), default_document());
  EXPECT_NO_THROW(load_mapping(std::string(CASEFLOW_SOURCE_DIR) + "/data/ssda903-mapping.json"));
}

TEST(Ssda903Mapping, ValidationErrorsNameTheJsonPath) {
  json d = default_document();
  EXPECT_EQ(error_for(d), "");

  d = default_document();
  d["state_rules"][4]["state"] = "placed_with_parent";
  EXPECT_EQ(error_for(d), "m.json: /state_rules/4/state: unknown state \"placed_with_parent\"; did you mean \"placed_with_parents\"?");

  d = default_document();
  d["exits"][1]["reason_ceased"].push_back("E11");
  EXPECT_EQ(error_for(d), "m.json: /exits/1/reason_ceased/4: REC E11 is already mapped at /exits/0/reason_ceased/0");

  d = default_document();
  d["exits"][0]["reason_ceased"][0] = "X1";
  EXPECT_NE(error_for(d).find("/exits/0/reason_ceased/0: X1 means"), std::string::npos) << error_for(d);

  d = default_document();
  d["exits"][0]["reason_ceased"][0] = "e11";
  EXPECT_NE(error_for(d).find("/exits/0/reason_ceased/0: must be an SSDA903 code"), std::string::npos) << error_for(d);

  d = default_document();
  d["states"][0]["export"]["placement"] = "P1";  // C1 + P1 is placed with parents, not an ICO
  EXPECT_EQ(error_for(d), "m.json: /states/0/export: LS C1, PLACE P1 map to state \"placed_with_parents\" (by /state_rules/4), "
                          "not to \"ico\"; export codes must map back to their own state");

  d = default_document();
  d["state_rules"].push_back({{"placement", {"Z1"}}, {"state", "foster"}});
  EXPECT_NE(error_for(d).find("/state_rules/11: can never match: rule 10 before it has no conditions"), std::string::npos)
      << error_for(d);

  d = default_document();
  d["state_rules"][0]["not_in_care"] = false;
  EXPECT_NE(error_for(d).find("/state_rules/0/not_in_care: must be true"), std::string::npos) << error_for(d);

  d = default_document();
  d["state_rules"][1]["not_in_care"] = true;
  EXPECT_EQ(error_for(d), "m.json: /state_rules/1: needs exactly one of \"state\" and \"not_in_care\"");

  d = default_document();
  d["state_rules"][2]["placment"] = {"A3"};
  EXPECT_EQ(error_for(d), "m.json: /state_rules/2/placment: unknown key \"placment\"; did you mean \"placement\"?");

  d = default_document();
  d["age_out"]["exit"] = "aged18";
  EXPECT_EQ(error_for(d), "m.json: /age_out/exit: unknown exit \"aged18\"");

  d = default_document();
  d["exits"][2]["id"] = "ico";
  EXPECT_NE(error_for(d).find("/exits/2/id: duplicate id \"ico\" (already at /states/0/id"), std::string::npos) << error_for(d);

  d = default_document();
  d["format"] = "caseflow-scenario/1";
  EXPECT_NE(error_for(d).find("/format: must be \"caseflow-ssda903-mapping/1\""), std::string::npos);

  d = default_document();
  d.erase("state_rules");
  EXPECT_EQ(error_for(d), "m.json: /state_rules: is required");
}

TEST(Ssda903Mapping, BadMappingFilesNameFileAndPlace) {
  try {
    load_mapping("/nonexistent/mapping.json");
    ADD_FAILURE();
  } catch (const InputError& error) {
    EXPECT_EQ(error.source(), "/nonexistent/mapping.json");
  }
  std::string path = ::testing::TempDir() + "/broken-mapping.json";
  std::ofstream(path) << "{\n  \"format\": \"caseflow-ssda903-mapping/1\",\n  \"states\": [,]\n}\n";
  try {
    load_mapping(path);
    ADD_FAILURE();
  } catch (const InputError& error) {
    EXPECT_EQ(error.source(), path);
    EXPECT_EQ(error.place(), "line 3, column 14");
  }
}
