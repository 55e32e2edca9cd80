#include "caseflow/ssda903_import.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "caseflow/input_error.hpp"
#include "csv_reader.hpp"

namespace caseflow {

namespace {

using Action = DataQualityIssue::Action;

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string upper(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

std::string join(const std::vector<std::string>& words) {
  std::string text;
  for (size_t i = 0; i < words.size(); ++i) text += (i ? ", " : "") + words[i];
  return text;
}

// A row of a table, its values in the order of the columns asked for ("" where absent).
struct Row {
  int line = 0;
  std::vector<std::string> values;
};

// Reads one CSV file: checks it is text with a usable header, then returns its rows with the wanted
// columns. Row-shape problems are reported; file-level problems throw.
std::vector<Row> read_table(const CsvText& file, const std::vector<std::string>& required,
                            const std::vector<std::string>& optional, DataQualityReport& report) {
  if (size_t nul = file.text.find('\0'); nul != std::string::npos) {
    long line = 1 + std::count(file.text.begin(), file.text.begin() + static_cast<long>(nul), '\n');
    throw InputError(file.name, "line " + std::to_string(line), "not a CSV text file (it contains a NUL byte)");
  }
  detail::CsvReader reader(file.text);
  detail::CsvRecord record;
  if (!reader.next(record))
    throw InputError(file.name, "line 1", "empty file: expected a header line with the columns " + join(required));
  if (reader.had_byte_order_mark())
    report.add(file.name, 1, "", Action::note, "byte_order_mark", "UTF-8 byte-order mark ignored");
  const int header_line = record.line;
  std::vector<std::string> header;
  for (const auto& field : record.fields) header.push_back(upper(trim(field)));

  std::vector<std::string> wanted = required;
  wanted.insert(wanted.end(), optional.begin(), optional.end());
  std::vector<int> column(wanted.size(), -1);
  for (size_t w = 0; w < wanted.size(); ++w)
    for (size_t h = 0; h < header.size(); ++h)
      if (header[h] == wanted[w]) {
        if (column[w] < 0) column[w] = static_cast<int>(h);
        else
          report.add(file.name, header_line, "", Action::note, "duplicate_column",
                     "column " + wanted[w] + " appears twice; the first is used");
      }
  for (size_t w = 0; w < required.size(); ++w)
    if (column[w] < 0) {
      std::string message = "missing required column " + required[w] + "; the header has: " + join(header);
      if (header.size() == 1 && header[0].find_first_of(";\t|") != std::string::npos)
        message += " (the file seems to use another separator than the comma)";
      throw InputError(file.name, "line " + std::to_string(header_line), message);
    }
  std::vector<std::string> unused;
  for (const auto& name : header)
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) unused.push_back(name.empty() ? "(blank)" : name);
  if (!unused.empty())
    report.add(file.name, header_line, "", Action::note, "unused_columns", "columns not used: " + join(unused));

  std::vector<Row> rows;
  while (reader.next(record)) {
    if (record.unterminated_quote) {
      report.add(file.name, record.line, "", Action::dropped, "unterminated_quote",
                 "a quoted field is never closed; the rest of the file is unreadable");
      continue;
    }
    Row row{record.line, std::vector<std::string>(wanted.size())};
    for (size_t w = 0; w < wanted.size(); ++w)
      if (column[w] >= 0 && static_cast<size_t>(column[w]) < record.fields.size())
        row.values[w] = trim(record.fields[column[w]]);
    const std::string& child = row.values[0];  // CHILD is always the first column asked for
    if (record.fields.size() < header.size())
      report.add(file.name, record.line, child, Action::changed, "missing_fields",
                 "row has " + std::to_string(record.fields.size()) + " fields, the header " +
                     std::to_string(header.size()) + "; the missing fields are taken as empty");
    else if (record.fields.size() > header.size())
      report.add(file.name, record.line, child, Action::note, "extra_fields",
                 "row has " + std::to_string(record.fields.size()) + " fields, the header " +
                     std::to_string(header.size()) + "; the extra fields are ignored");
    rows.push_back(std::move(row));
  }
  return rows;
}

// Codes are upper case without spaces ("c1 " -> "C1"); a change other than surrounding spaces is reported.
std::string normalise_code(const std::string& value, const char* column, const CsvText& file, const Row& row,
                           const std::string& child, DataQualityReport& report) {
  std::string code;
  for (char c : value)
    if (c != ' ' && c != '\t') code += c;
  code = upper(code);
  if (code != value)
    report.add(file.name, row.line, child, Action::changed, "code_normalised",
               std::string(column) + " \"" + value + "\" read as \"" + code + "\"");
  return code;
}

std::vector<CsvText> read_files(const std::vector<std::string>& names) {
  std::vector<CsvText> texts;
  for (const auto& name : names) {
    std::ifstream in(name, std::ios::binary);
    if (!in) throw InputError(name, "", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw InputError(name, "", "cannot read the file");
    texts.push_back({name, text.str()});
  }
  return texts;
}

void import_episodes(const std::vector<CsvText>& files, Ssda903Data& data, DataQualityReport& report) {
  enum { CHILD, DECOM, LS, PLACE, DEC, REC, RNE };
  std::vector<Episode> read;
  std::vector<std::optional<Date>> latest_in_file(files.size());
  for (size_t f = 0; f < files.size(); ++f) {
    const CsvText& file = files[f];
    int file_index = static_cast<int>(data.files.size());
    data.files.push_back(file.name);
    for (const Row& row : read_table(file, {"CHILD", "DECOM", "LS", "PLACE", "DEC", "REC"}, {"RNE"}, report)) {
      const std::string& child = row.values[CHILD];
      auto drop = [&](const char* rule, const std::string& detail) {
        report.add(file.name, row.line, child, Action::dropped, rule, detail);
      };
      if (child.empty()) {
        drop("missing_child", "no CHILD id");
        continue;
      }
      Episode episode;
      episode.child = child;
      episode.source = {file_index, row.line};
      if (row.values[DECOM].empty()) {
        drop("missing_start_date", "no DECOM");
        continue;
      }
      auto start = parse_ssda903_date(row.values[DECOM]);
      if (!start) {
        drop("bad_start_date", "DECOM \"" + row.values[DECOM] + "\" is not a date");
        continue;
      }
      episode.start = *start;
      if (!row.values[DEC].empty()) {
        episode.end = parse_ssda903_date(row.values[DEC]);
        if (!episode.end)
          report.add(file.name, row.line, child, Action::changed, "bad_end_date",
                     "DEC \"" + row.values[DEC] + "\" is not a date; the episode is treated as open");
      }
      if (episode.end && *episode.end < episode.start) {
        drop("end_before_start", "DEC " + row.values[DEC] + " is before DECOM " + row.values[DECOM]);
        continue;
      }
      episode.legal_status = normalise_code(row.values[LS], "LS", file, row, child, report);
      episode.placement = normalise_code(row.values[PLACE], "PLACE", file, row, child, report);
      episode.reason_ceased = normalise_code(row.values[REC], "REC", file, row, child, report);
      episode.reason_new = normalise_code(row.values[RNE], "RNE", file, row, child, report);
      Date latest = episode.end ? std::max(*episode.end, episode.start) : episode.start;
      if (!latest_in_file[f] || latest > *latest_in_file[f]) latest_in_file[f] = latest;
      read.push_back(std::move(episode));
    }
  }
  const int first_file = static_cast<int>(data.files.size() - files.size());
  for (size_t f = 0; f < files.size(); ++f) {
    if (!latest_in_file[f]) continue;
    Date year_end = collection_year_end(*latest_in_file[f]);
    Date year_start = add_months(year_end, -12) + std::chrono::days{1};
    Date after = year_end + std::chrono::days{1};
    if (!data.first_collection_year_start || year_start < *data.first_collection_year_start)
      data.first_collection_year_start = year_start;
    if (!data.coverage_end || after > *data.coverage_end) data.coverage_end = after;
  }

  // The same episode (child, start, legal status, placement) in several rows: typically open in one
  // year's return and closed in the next. Keep the most informative copy: a closed one over an open
  // one, then the one from the file reaching furthest in time (the later return).
  auto rank = [&](const Episode& e) {
    int f = e.source.file - first_file;
    return std::make_tuple(e.end.has_value(), latest_in_file[f].value_or(Date{}), f, e.source.line);
  };
  std::map<std::tuple<std::string, Date, std::string, std::string>, size_t> kept;
  std::vector<bool> keep(read.size(), true);
  auto same_content = [](const Episode& a, const Episode& b) {
    return a.end == b.end && a.reason_ceased == b.reason_ceased && a.reason_new == b.reason_new;
  };
  for (size_t i = 0; i < read.size(); ++i) {
    auto key = std::make_tuple(read[i].child, read[i].start, read[i].legal_status, read[i].placement);
    auto [it, inserted] = kept.emplace(key, i);
    if (inserted) continue;
    size_t winner = it->second, loser = i;
    if (!same_content(read[winner], read[loser]) && rank(read[loser]) > rank(read[winner])) std::swap(winner, loser);
    it->second = winner;
    keep[loser] = false;
    const Episode& lost = read[loser];
    const Episode& won = read[winner];
    if (same_content(won, lost))
      report.add(data.file_name(lost.source), lost.source.line, lost.child, Action::dropped, "duplicate_row",
                 "same episode as " + data.where(won.source));
    else
      report.add(data.file_name(lost.source), lost.source.line, lost.child, Action::dropped, "superseded_episode",
                 "same child, DECOM, LS and PLACE as " + data.where(won.source) + ", which is kept (" +
                     (won.end ? "DEC " + format_ssda903_date(*won.end) : std::string("open")) + ")");
  }
  for (size_t i = 0; i < read.size(); ++i)
    if (keep[i]) data.episodes.push_back(std::move(read[i]));
}

void import_headers(const std::vector<CsvText>& files, Ssda903Data& data, DataQualityReport& report) {
  enum { CHILD, DOB, SEX };
  for (const CsvText& file : files) {
    int file_index = static_cast<int>(data.files.size());
    data.files.push_back(file.name);
    for (const Row& row : read_table(file, {"CHILD", "DOB"}, {"SEX"}, report)) {
      const std::string& child = row.values[CHILD];
      auto drop = [&](const char* rule, const std::string& detail) {
        report.add(file.name, row.line, child, Action::dropped, rule, detail);
      };
      if (child.empty()) {
        drop("missing_child", "no CHILD id");
        continue;
      }
      if (row.values[DOB].empty()) {
        drop("missing_birth_date", "no DOB");
        continue;
      }
      auto birth = parse_ssda903_date(row.values[DOB]);
      if (!birth) {
        drop("bad_birth_date", "DOB \"" + row.values[DOB] + "\" is not a date");
        continue;
      }
      ChildHeader header{child, row.values[SEX], *birth, {file_index, row.line}};
      auto [it, inserted] = data.children.emplace(child, header);
      if (inserted) continue;
      ChildHeader& existing = it->second;
      if (existing.birth == header.birth) {
        drop("duplicate_row", "same child and DOB as " + data.where(existing.source));
      } else {
        // Header files are taken as given, the last the newest: its DOB is the corrected one.
        report.add(data.file_name(existing.source), existing.source.line, child, Action::dropped,
                   "conflicting_birth_date",
                   "DOB " + format_ssda903_date(existing.birth) + " replaced by " + format_ssda903_date(header.birth) +
                       " from " + data.where(header.source) + " (a later header file)");
        existing = header;
      }
    }
  }
}

void import_uasc(const std::vector<CsvText>& files, Ssda903Data& data, DataQualityReport& report) {
  enum { CHILD, DUC };
  for (const CsvText& file : files) {
    int file_index = static_cast<int>(data.files.size());
    data.files.push_back(file.name);
    for (const Row& row : read_table(file, {"CHILD", "DUC"}, {}, report)) {
      const std::string& child = row.values[CHILD];
      if (child.empty()) {
        report.add(file.name, row.line, child, Action::dropped, "missing_child", "no CHILD id");
        continue;
      }
      UascRecord record{child, std::nullopt, {file_index, row.line}};
      if (!row.values[DUC].empty()) {
        record.ceased = parse_ssda903_date(row.values[DUC]);
        if (!record.ceased)
          report.add(file.name, row.line, child, Action::changed, "bad_uasc_date",
                     "DUC \"" + row.values[DUC] + "\" is not a date; the child is taken as still UASC");
      }
      auto [it, inserted] = data.uasc.emplace(child, record);
      if (inserted) continue;
      UascRecord& existing = it->second;
      if (existing.ceased == record.ceased) {
        report.add(file.name, row.line, child, Action::dropped, "duplicate_row",
                   "same child and DUC as " + data.where(existing.source));
      } else if (!record.ceased) {
        report.add(file.name, row.line, child, Action::dropped, "superseded_uasc",
                   "no DUC here; " + data.where(existing.source) + " has one and is kept");
      } else {
        report.add(data.file_name(existing.source), existing.source.line, child, Action::dropped, "superseded_uasc",
                   "replaced by " + data.where(record.source) + " (DUC " + format_ssda903_date(*record.ceased) + ")");
        existing = record;
      }
    }
  }
}

}  // namespace

Ssda903Data import_ssda903(const Ssda903Texts& texts, DataQualityReport& report) {
  Ssda903Data data;
  import_episodes(texts.episodes, data, report);
  import_headers(texts.headers, data, report);
  import_uasc(texts.uasc, data, report);
  return data;
}

Ssda903Data import_ssda903(const Ssda903Files& files, DataQualityReport& report) {
  return import_ssda903(Ssda903Texts{read_files(files.episodes), read_files(files.headers), read_files(files.uasc)}, report);
}

}  // namespace caseflow
