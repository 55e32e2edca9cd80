// The SSDA903 importer on a hand-written messy return (tests/data/ssda903): every documented rule fires
// on the row it should, with its file and line; unusable files are InputErrors naming file and line;
// random damage to the files never crashes the importer.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "caseflow/base/input_error.hpp"
#include "caseflow/calibration/calibration.hpp"
#include "caseflow/ssda903/care_history.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "test_support.hpp"

using namespace caseflow;
using caseflow::testing::day;
using Action = DataQualityIssue::Action;

namespace {

std::string fixture(const std::string& name) { return std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/ssda903/" + name; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Ssda903Files messy_files() {
  return {{fixture("episodes_2019.csv"), fixture("episodes_2020.csv")},
          {fixture("header_2019.csv"), fixture("header_2020.csv")},
          {fixture("uasc_2019.csv")}};
}

// The issues a rule raised, as "file:line:action".
std::vector<std::string> raised(const DataQualityReport& report, const std::string& rule) {
  std::vector<std::string> found;
  for (const auto& issue : report.issues())
    if (issue.rule == rule)
      found.push_back(std::filesystem::path(issue.file).filename().string() + ":" + std::to_string(issue.line) + ":" +
                      action_name(issue.action));
  return found;
}

using Lines = std::vector<std::string>;

class MessyReturn : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = import_ssda903(messy_files(), report_);
    histories_ = build_care_histories(data_, mapping_, report_);
  }
  const ChildHistory* child(const std::string& id) const {
    for (const auto& history : histories_.children)
      if (history.child == id) return &history;
    return nullptr;
  }
  int state(const std::string& id) const { return mapping_.state_index(id); }

  Ssda903Mapping mapping_ = default_mapping();
  DataQualityReport report_;
  Ssda903Data data_;
  CareHistories histories_;
};

}  // namespace

TEST_F(MessyReturn, FileLevelRulesFire) {
  EXPECT_EQ(raised(report_, "byte_order_mark"), Lines{"episodes_2019.csv:1:note"});
  // CIN, PLACE_PROVIDER, ... and EXTRA are not used; every file says so once, on its header line.
  EXPECT_EQ(raised(report_, "unused_columns").size(), 5u);
  EXPECT_EQ(raised(report_, "unused_columns")[0], "episodes_2019.csv:1:note");
}

TEST_F(MessyReturn, RowRulesFireOnTheirLines) {
  EXPECT_EQ(raised(report_, "duplicate_row"),
            (Lines{"episodes_2019.csv:5:dropped", "episodes_2020.csv:3:dropped", "header_2019.csv:22:dropped",
                   "uasc_2019.csv:3:dropped"}));
  EXPECT_EQ(raised(report_, "superseded_episode"), Lines{"episodes_2019.csv:3:dropped"});
  EXPECT_EQ(raised(report_, "bad_start_date"), Lines{"episodes_2019.csv:11:dropped"});
  EXPECT_EQ(raised(report_, "bad_end_date"), Lines{"episodes_2019.csv:12:changed"});
  EXPECT_EQ(raised(report_, "end_before_start"), Lines{"episodes_2019.csv:13:dropped"});
  EXPECT_EQ(raised(report_, "missing_child"), Lines{"episodes_2019.csv:14:dropped"});
  EXPECT_EQ(raised(report_, "missing_fields"), Lines{"episodes_2019.csv:15:changed"});
  EXPECT_EQ(raised(report_, "code_normalised"),
            (Lines{"episodes_2019.csv:15:changed", "episodes_2019.csv:15:changed", "episodes_2019.csv:15:changed"}));
  EXPECT_EQ(raised(report_, "extra_fields"), Lines{"episodes_2019.csv:21:note"});
  EXPECT_EQ(raised(report_, "missing_start_date"), Lines{"episodes_2019.csv:31:dropped"});
  EXPECT_EQ(raised(report_, "unterminated_quote"), Lines{"episodes_2019.csv:33:dropped"});
  EXPECT_EQ(raised(report_, "missing_birth_date"), Lines{"header_2019.csv:23:dropped"});
  EXPECT_EQ(raised(report_, "bad_birth_date"), Lines{"header_2019.csv:24:dropped"});
  EXPECT_EQ(raised(report_, "conflicting_birth_date"), Lines{"header_2019.csv:4:dropped"});
  EXPECT_EQ(raised(report_, "bad_uasc_date"), (Lines{"uasc_2019.csv:2:changed", "uasc_2019.csv:3:changed"}));
}

TEST_F(MessyReturn, SequenceRulesFireOnTheirLines) {
  EXPECT_EQ(raised(report_, "overlap_truncated"), Lines{"episodes_2019.csv:6:changed"});
  EXPECT_EQ(raised(report_, "open_episode_followed"), Lines{"episodes_2019.csv:8:changed"});
  EXPECT_EQ(raised(report_, "open_with_reason_ceased"), (Lines{"episodes_2019.csv:10:changed", "episodes_2019.csv:12:changed"}));
  EXPECT_EQ(raised(report_, "x1_gap_closed"), Lines{"episodes_2019.csv:16:changed"});
  EXPECT_EQ(raised(report_, "not_in_care"), Lines{"episodes_2019.csv:18:dropped"});
  EXPECT_EQ(raised(report_, "no_header"), Lines{"episodes_2019.csv:19:dropped"});
  EXPECT_EQ(raised(report_, "unmapped_reason_ceased"), Lines{"episodes_2019.csv:20:note"});
  EXPECT_EQ(raised(report_, "start_before_birth"), Lines{"episodes_2019.csv:22:dropped"});
  EXPECT_EQ(raised(report_, "after_age_out"), Lines{"episodes_2019.csv:23:changed"});
  EXPECT_EQ(raised(report_, "start_after_age_out"), Lines{"episodes_2019.csv:24:dropped"});
  EXPECT_EQ(raised(report_, "missing_reason_ceased"), Lines{"episodes_2019.csv:25:changed"});
  EXPECT_EQ(raised(report_, "unknown_reason_ceased"), Lines{"episodes_2019.csv:27:note"});
  EXPECT_EQ(raised(report_, "x1_without_next"), Lines{"episodes_2019.csv:28:note"});
}

TEST_F(MessyReturn, EveryIssueNamesAFileAndALineAndNothingElseIsReported) {
  std::vector<std::string> known = {
      "byte_order_mark", "unused_columns", "duplicate_row", "superseded_episode", "bad_start_date", "bad_end_date",
      "end_before_start", "missing_child", "missing_fields", "code_normalised", "extra_fields", "missing_start_date",
      "unterminated_quote", "missing_birth_date", "bad_birth_date", "conflicting_birth_date", "bad_uasc_date",
      "overlap_truncated", "open_episode_followed", "open_with_reason_ceased", "x1_gap_closed", "not_in_care",
      "no_header", "unmapped_reason_ceased", "start_before_birth", "after_age_out", "start_after_age_out",
      "missing_reason_ceased", "unknown_reason_ceased", "x1_without_next"};
  for (const auto& issue : report_.issues()) {
    EXPECT_NE(std::find(known.begin(), known.end(), issue.rule), known.end()) << issue.rule << " " << issue.detail;
    EXPECT_FALSE(issue.file.empty());
    EXPECT_GE(issue.line, 1);
  }
  std::ostringstream csv;
  report_.write_csv(csv);
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\n')), "file,line,child,action,rule,detail");
}

TEST_F(MessyReturn, TheCleanedHistoriesSayWhatTheRulesPromise) {
  // The data window: 1 April of the collection year of the 2019 file, to the day after the 2020 year.
  EXPECT_EQ(data_.first_collection_year_start, day(2018, 4, 1));
  EXPECT_EQ(data_.coverage_end, day(2020, 4, 1));

  const ChildHistory* a1 = child("A1");  // ico, then foster closed by the 2020 return with an SGO
  ASSERT_NE(a1, nullptr);
  ASSERT_EQ(a1->spells.size(), 2u);
  EXPECT_EQ(a1->spells[0].state, state("ico"));
  EXPECT_TRUE(a1->spells[0].entered_care);
  EXPECT_EQ(a1->spells[0].outcome, Spell::Outcome::transition);
  EXPECT_EQ(a1->spells[0].next, state("foster"));
  EXPECT_FALSE(a1->spells[1].entered_care);
  EXPECT_EQ(a1->spells[1].end, day(2020, 2, 1));
  EXPECT_EQ(a1->spells[1].outcome, Spell::Outcome::exit);
  EXPECT_EQ(a1->spells[1].next, mapping_.exit_index("sgo"));

  const ChildHistory* c3 = child("C3");  // the overlap is cut at the next start; DOB from the later header
  ASSERT_NE(c3, nullptr);
  EXPECT_EQ(c3->birth, day(2015, 1, 2));
  EXPECT_EQ(c3->spells[0].end, day(2018, 9, 1));
  EXPECT_EQ(c3->spells[1].state, state("residential"));

  const ChildHistory* d4 = child("D4");  // open ICO episode closed by the placement order episode
  ASSERT_NE(d4, nullptr);
  EXPECT_EQ(d4->spells[0].end, day(2018, 8, 1));
  EXPECT_EQ(d4->spells[0].next, state("placement_order"));

  const ChildHistory* e5 = child("E5");  // UASC without DUC; REC on the open episode ignored
  ASSERT_NE(e5, nullptr);
  EXPECT_EQ(e5->spells[0].state, state("uasc"));
  EXPECT_EQ(e5->spells[0].outcome, Spell::Outcome::open);

  const ChildHistory* h8 = child("H8");  // quoted date, lower-case codes, missing fields
  ASSERT_NE(h8, nullptr);
  EXPECT_EQ(h8->spells[0].state, state("placed_with_parents"));
  EXPECT_EQ(h8->spells[0].start, day(2018, 4, 1));

  const ChildHistory* i9 = child("I9");  // X1 with a gap: the gap is closed
  ASSERT_NE(i9, nullptr);
  EXPECT_EQ(i9->spells[0].end, day(2018, 6, 5));
  EXPECT_EQ(i9->spells[0].outcome, Spell::Outcome::transition);

  const ChildHistory* p15 = child("P15");  // care ends on the 18th birthday, as an age-out
  ASSERT_NE(p15, nullptr);
  ASSERT_EQ(p15->spells.size(), 1u);
  EXPECT_EQ(p15->spells[0].end, day(2018, 8, 1));
  EXPECT_EQ(p15->spells[0].outcome, Spell::Outcome::age_out);

  const ChildHistory* l12 = child("L12");  // an unknown REC: censored, not an exit
  ASSERT_NE(l12, nullptr);
  EXPECT_EQ(l12->spells[0].outcome, Spell::Outcome::censored);

  for (const char* gone : {"J10", "K11", "N14", "G7"}) EXPECT_EQ(child(gone), nullptr) << gone;
  // Stocks on a day: A1 (foster), B2 (section20), C3 (ico), D4 (ico), E5 (uasc), ... on 1 July 2018.
  std::vector<int> stock = observed_stock(histories_, day(2018, 7, 1), mapping_.states.size());
  EXPECT_EQ(stock[state("uasc")], 1);
  EXPECT_EQ(stock[state("residential")], 0);
}

TEST(Ssda903Import, UnusableFilesAreInputErrorsNamingFileAndLine) {
  DataQualityReport report;
  auto fails = [&](const std::string& text, const std::string& expected) {
    Ssda903Texts texts{{{"bad.csv", text}}, {{"h.csv", "CHILD,DOB\nA,01/01/2010\n"}}, {}};
    try {
      import_ssda903(texts, report);
      ADD_FAILURE() << "no error for: " << text;
    } catch (const InputError& error) {
      EXPECT_EQ(error.source(), "bad.csv");
      EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
    }
  };
  fails("CHILD,DECOM,LS,PLACE,REC\nA,01/01/2019,C1,U1,\n", "line 1: missing required column DEC");
  // Columns in another order, and a row too short to reach CHILD: reported, not a crash.
  Ssda903Texts reordered{{{"r.csv", "DEC,REC,LS,PLACE,DECOM,CHILD\n,,C1,U1,01/01/2019,A\n,,C1\n"}}, {}, {}};
  DataQualityReport reordered_report;
  Ssda903Data reordered_data = import_ssda903(reordered, reordered_report);
  ASSERT_EQ(reordered_data.episodes.size(), 1u);
  EXPECT_EQ(reordered_data.episodes[0].child, "A");
  EXPECT_EQ(raised(reordered_report, "missing_fields"), Lines{"r.csv:3:changed"});
  EXPECT_EQ(raised(reordered_report, "missing_child"), Lines{"r.csv:3:dropped"});
  fails("\n\nCHILD,DECOM,LS,PLACE,REC\n", "line 3: missing required column DEC");
  fails("", "line 1: empty file");
  fails("CHILD;DECOM;LS;PLACE;DEC;REC\n", "another separator");
  fails(std::string("CHILD,DECOM,LS,PLACE,DEC,REC\nA,0\0,C1\n", 38), "line 2: not a CSV text file");
  fails("PK\x03\x04 and so on", "line 1: not a CSV text file: it is a zip archive, such as an Excel workbook");
  fails("CHILD,\"DECOM\nA,01/01/2019\n", "line 1: the header line opens a quote");
  fails("CHILD,DECOM,LS,PLACE,\"DE\x01" "C\",REC\n", "the header has: CHILD, DECOM, LS, PLACE, DE\\x01C, REC");
  fails("CHILD,DECOM,LS,PLACE,DEC,REC\n", "the file has a header line but no episodes");
  // Rows none of which can be used: the first is named, the rest counted; one usable row is enough.
  fails("CHILD,DECOM,LS,PLACE,DEC,REC\nA,2019/01/01,C1,U1,,\nB,,C1,U1,,\n",
        "line 2: DECOM \"2019/01/01\" is not a date, and no row of the file can be used (2 rows dropped: "
        "bad_start_date 1, missing_start_date 1)");
  Ssda903Texts partly{{{"p.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA,2019/01/01,C1,U1,,\nB,01/01/2019,C1,U1,,\n"}}, {}, {}};
  DataQualityReport partly_report;
  EXPECT_EQ(import_ssda903(partly, partly_report).episodes.size(), 1u);
  EXPECT_EQ(raised(partly_report, "bad_start_date"), Lines{"p.csv:2:dropped"});
  // Episodes read, but none left for any child: the first episode dropped is named.
  Ssda903Texts strangers{{{"e.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA,01/01/2019,C1,U1,,\n"}}, {{"h.csv", "CHILD,DOB\nZ,01/01/2010\n"}}, {}};
  DataQualityReport strangers_report;
  Ssda903Data strangers_data = import_ssda903(strangers, strangers_report);
  try {
    build_care_histories(strangers_data, default_mapping(), strangers_report);
    ADD_FAILURE() << "no error for episodes of children in no header file";
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "e.csv: line 2: child not in any header file: no date of birth, and no child's episodes can be "
                               "used (1 episode dropped: no_header 1)");
  }
  try {
    import_ssda903(Ssda903Files{{"/nonexistent/episodes.csv"}, {}, {}}, report);
    ADD_FAILURE();
  } catch (const InputError& error) {
    EXPECT_EQ(error.source(), "/nonexistent/episodes.csv");
  }
}

TEST(Ssda903Import, DatesInBothFormats) {
  EXPECT_EQ(parse_ssda903_date("01/04/2019"), day(2019, 4, 1));
  EXPECT_EQ(parse_ssda903_date("1/4/2019"), day(2019, 4, 1));
  EXPECT_EQ(parse_ssda903_date("2019-04-01"), day(2019, 4, 1));
  EXPECT_EQ(parse_ssda903_date(" 29/02/2020 00:00:00 "), day(2020, 2, 29));
  EXPECT_EQ(parse_ssda903_date("29/02/2019"), std::nullopt);
  EXPECT_EQ(parse_ssda903_date("01/04/19"), std::nullopt);
  EXPECT_EQ(parse_ssda903_date("01/04/1850"), std::nullopt);
  EXPECT_EQ(parse_ssda903_date("2019-4-1"), std::nullopt);
  EXPECT_EQ(parse_ssda903_date(""), std::nullopt);
  EXPECT_EQ(format_ssda903_date(day(2019, 4, 1)), "01/04/2019");
  EXPECT_EQ(collection_year_end(day(2019, 3, 31)), day(2019, 3, 31));
  EXPECT_EQ(collection_year_end(day(2019, 4, 1)), day(2020, 3, 31));
}

TEST(Ssda903Import, AMappingWithoutACatchAllReportsUnmappedEpisodes) {
  nlohmann::json document = nlohmann::json::parse(default_mapping_text());
  document["state_rules"].erase(document["state_rules"].size() - 1);  // the catch-all
  document["states"].erase(document["states"].size() - 1);              // other_care, now unreachable
  Ssda903Mapping mapping = mapping_from_json(document);
  Ssda903Texts texts{{{"e.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA,01/01/2019,C2,U4,01/03/2019,X1\nA,01/03/2019,J1,Z1,01/04/2019,X1\n"
                                "A,01/04/2019,C2,U4,,\n"}},
                     {{"h.csv", "CHILD,DOB\nA,01/01/2010\n"}},
                     {}};
  DataQualityReport report;
  // Every day is the 1st: nothing in these dates tells the order, so it is stated.
  CareHistories histories = build_care_histories(import_ssda903(texts, report, {DateOrder::day_first}), mapping, report);
  EXPECT_EQ(raised(report, "unmapped_codes"), Lines{"e.csv:3:dropped"});
  ASSERT_EQ(histories.children.size(), 1u);
  const auto& spells = histories.children[0].spells;
  ASSERT_EQ(spells.size(), 2u);
  // Censored where the unplaceable episode starts; the stay after it is not a new entry to care.
  EXPECT_EQ(spells[0].outcome, Spell::Outcome::censored);
  EXPECT_EQ(spells[0].end, day(2019, 3, 1));
  EXPECT_FALSE(spells[1].entered_care);
}

// Random damage to the messy files: the importer either reads them (reporting what it did) or throws an
// InputError; nothing else escapes, and calibration on whatever was read does the same.
TEST(Ssda903Import, RandomDamageNeverCrashes) {
  std::vector<std::string> originals = {read_text(fixture("episodes_2019.csv")), read_text(fixture("episodes_2020.csv"))};
  std::string header = read_text(fixture("header_2019.csv"));
  std::mt19937_64 random(20240611);
  const std::string alphabet = std::string(",\"\r\n/0129ABCEX- ", 17) + std::string(1, '\0');
  Ssda903Mapping mapping = default_mapping();
  int read_ok = 0, rejected = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::string text = originals[trial % 2];
    std::string header_text = header;
    std::string& target = trial % 5 == 0 ? header_text : text;
    int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits && !target.empty(); ++e) {
      size_t at = random() % target.size();
      switch (random() % 5) {
        case 0: target.erase(at, 1 + random() % 6); break;
        case 1: target.insert(at, 1, alphabet[random() % alphabet.size()]); break;
        case 2: target[at] = alphabet[random() % alphabet.size()]; break;
        case 3: target.resize(at); break;
        case 4: target.insert(at, target.substr(at, random() % 40)); break;
      }
    }
    Ssda903Texts texts{{{"damaged.csv", text}}, {{"header.csv", header_text}}, {}};
    try {
      DataQualityReport report;
      Ssda903Data data = import_ssda903(texts, report);
      CareHistories histories = build_care_histories(data, mapping, report);
      CalibrationOptions options;
      options.as_of = day(2019, 1, 1);
      calibrate(histories, mapping, options);
      ++read_ok;
    } catch (const InputError&) {
      ++rejected;
    }
  }
  // Both outcomes happen, so the damage reaches both the file level and the row level.
  EXPECT_GT(read_ok, 100);
  EXPECT_GT(rejected, 5);
}
