#include "caseflow/ssda903/ssda903_import.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>

#include "caseflow/base/csv_reader.hpp"
#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/ssda903/date_order.hpp"

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

// One of the return's three tables: what a message calls it, and its columns.
struct TableKind {
  const char* name;
  std::vector<std::string> required;
  std::vector<std::string> optional;
};
const TableKind kEpisodes{"an episodes file", {"CHILD", "DECOM", "LS", "PLACE", "DEC", "REC"}, {"RNE", "PLACE_PROVIDER"}};
const TableKind kHeaders{"a header file", {"CHILD", "DOB"}, {"SEX"}};
const TableKind kUasc{"a UASC file", {"CHILD", "DUC"}, {}};

// Text from a file, fit for a one-line message: control characters (a line break inside a quoted column
// name, say) written as \n or \xNN, and at most `limit` characters.
std::string shown(std::string_view text, size_t limit = 40) {
  std::string result;
  for (size_t i = 0; i < text.size(); ++i) {
    if (result.size() >= limit) return result + "...";
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') result += "\\n";
    else if (c == '\r') result += "\\r";
    else if (c < 0x20 || c == 0x7f) {
      const char* hex = "0123456789ABCDEF";
      result += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    } else result += static_cast<char>(c);
  }
  return result;
}

// The column names of a header line for a message: the first 20, each shortened.
std::string shown_columns(const std::vector<std::string>& header) {
  const size_t limit = 20;
  std::string text;
  for (size_t i = 0; i < header.size() && i < limit; ++i) text += (i ? ", " : "") + shown(header[i]);
  if (header.size() > limit) text += ", ... (" + std::to_string(header.size()) + " columns)";
  return text;
}

// Files that are not CSV text but are often given in its place, by their first bytes.
std::optional<std::string> known_binary_format(std::string_view text) {
  struct Signature {
    std::string_view start;
    const char* what;
  };
  static const Signature signatures[] = {
      {"PK\x03\x04", "a zip archive, such as an Excel workbook (.xlsx): open it and save it as CSV"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),
       "an Excel 97-2003 workbook (.xls) or another old Office file: open it and save it as CSV"},
      {"\xFF\xFE", "UTF-16 text (Excel's \"Unicode text\"): save it as CSV UTF-8"},
      {"\xFE\xFF", "UTF-16 text: save it as CSV UTF-8"},
      {"\x1F\x8B", "gzip-compressed: decompress it first"},
  };
  for (const Signature& signature : signatures)
    if (text.substr(0, signature.start.size()) == signature.start) return std::string(signature.what);
  return std::nullopt;
}

// Whether a header line's fields look like a row of data rather than column names.
bool looks_like_data(const std::vector<std::string>& header) {
  return std::any_of(header.begin(), header.end(), [](const std::string& field) { return parse_ssda903_date(field).has_value(); });
}

// A row of a table, its values in the order of the columns asked for ("" where absent).
struct Row {
  int line = 0;
  std::vector<std::string> values;
};

// Reads one CSV file: checks it is text with a usable header, then returns its rows with the wanted
// columns. Row-shape problems are reported; file-level problems throw.
std::vector<Row> read_table(const CsvText& file, const TableKind& kind, DataQualityReport& report) {
  const std::vector<std::string>& required = kind.required;
  if (auto format = known_binary_format(file.text)) throw InputError(file.name, "line 1", "not a CSV text file: it is " + *format);
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
  if (record.unterminated_quote)
    throw InputError(file.name, "line " + std::to_string(header_line),
                     "the header line opens a quote (\") that is never closed, so the rest of the file would be one column name");
  std::vector<std::string> header;
  for (const auto& field : record.fields) header.push_back(upper(trim(field)));

  std::vector<std::string> wanted = required;
  wanted.insert(wanted.end(), kind.optional.begin(), kind.optional.end());
  std::vector<int> column(wanted.size(), -1);
  for (size_t w = 0; w < wanted.size(); ++w)
    for (size_t h = 0; h < header.size(); ++h)
      if (header[h] == wanted[w]) {
        if (column[w] < 0) column[w] = static_cast<int>(h);
        else
          report.add(file.name, header_line, "", Action::note, "duplicate_column",
                     "column " + wanted[w] + " appears twice; the first is used");
      }
  auto has_columns = [&](const std::vector<std::string>& names) {
    return std::all_of(names.begin(), names.end(),
                       [&](const std::string& name) { return std::find(header.begin(), header.end(), name) != header.end(); });
  };
  for (size_t w = 0; w < required.size(); ++w)
    if (column[w] < 0) {
      std::string message = "missing required column " + required[w] + "; the header has: " + shown_columns(header);
      if (header.size() == 1 && header[0].find_first_of(";\t|") != std::string::npos)
        message += " (the file seems to use another separator than the comma)";
      else if (looks_like_data(header))
        message += " (the first line looks like a row of data: the file needs a header line naming the columns)";
      else
        for (const TableKind* other : {&kEpisodes, &kHeaders, &kUasc})
          if (other != &kind && has_columns(other->required)) {
            message += std::string(" (these are the columns of ") + other->name + ": was it given in place of " + kind.name + "?)";
            break;
          }
      throw InputError(file.name, "line " + std::to_string(header_line), message);
    }
  std::vector<std::string> unused;
  for (const auto& name : header)
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) unused.push_back(name.empty() ? "(blank)" : name);
  if (!unused.empty())
    report.add(file.name, header_line, "", Action::note, "unused_columns", "columns not used: " + join(unused));

  std::vector<Row> rows;
  while (reader.next(record)) {
    if (rows.size() == kMaxSsda903Rows)
      throw InputError(file.name, "line " + std::to_string(record.line),
                       "more than " + std::to_string(kMaxSsda903Rows) + " rows, the most caseflow reads from one SSDA903 file");
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

// "DECOM "43191" is not a date", with a guess at why when the value has a tell-tale form.
std::string not_a_date(const char* column, const std::string& value) {
  std::string detail = std::string(column) + " \"" + value + "\" is not a date";
  if (value.size() == 5 && value.find_first_not_of("0123456789") == std::string::npos)
    return detail + " (a spreadsheet's day number? format the column as dates, dd/mm/yyyy, before saving)";
  int first = 0, second = 0;
  char slash1 = 0, slash2 = 0;
  if (std::sscanf(value.c_str(), "%2d%c%2d%c", &first, &slash1, &second, &slash2) == 4 && slash1 == '/' && slash2 == '/' &&
      first >= 1 && first <= 12 && second > 12 && second <= 31)
    return detail + " (month first? SSDA903 dates are day/month/year)";
  return detail;
}

// A file with rows none of which can be used would otherwise vanish into the data-quality report: a whole
// year's file in the wrong date format, with two columns swapped or without child ids. Called after the file's
// rows were read, with the number of the report's first issue about them and how many rows were kept.
void require_a_usable_row(const CsvText& file, size_t first_issue, size_t kept, const DataQualityReport& report) {
  if (kept > 0) return;
  auto dropped = report.dropped_since(first_issue, file.name);
  if (!dropped) return;  // a header line and no rows
  throw InputError(file.name, "line " + std::to_string(dropped->first->line),
                   dropped->first->detail + ", and no row of the file can be used (" + std::to_string(dropped->count) +
                       (dropped->count == 1 ? " row" : " rows") + " dropped: " + dropped->by_rule + ")");
}

void import_episodes(const std::vector<CsvText>& files, const std::vector<DateOrder>& orders, Ssda903Data& data,
                     DataQualityReport& report) {
  enum { CHILD, DECOM, LS, PLACE, DEC, REC, RNE, PLACE_PROVIDER };
  std::vector<Episode> read;
  std::vector<std::optional<Date>> latest_in_file(files.size());
  std::vector<std::vector<Date>> dates_in_file(files.size());  // DECOM and DEC of the rows kept
  for (size_t f = 0; f < files.size(); ++f) {
    const CsvText& file = files[f];
    int file_index = static_cast<int>(data.files.size());
    data.files.push_back(file.name);
    const size_t first_issue = report.issues().size();
    const size_t read_before = read.size();
    for (const Row& row : read_table(file, kEpisodes, report)) {
      ++data.rows_read;
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
      auto start = parse_ssda903_date(row.values[DECOM], orders[f]);
      if (!start) {
        drop("bad_start_date", not_a_date("DECOM", row.values[DECOM]));
        continue;
      }
      episode.start = *start;
      if (!row.values[DEC].empty()) {
        episode.end = parse_ssda903_date(row.values[DEC], orders[f]);
        if (!episode.end)
          report.add(file.name, row.line, child, Action::changed, "bad_end_date",
                     not_a_date("DEC", row.values[DEC]) + "; the episode is treated as open");
      }
      if (episode.end && *episode.end < episode.start) {
        drop("end_before_start", "DEC " + row.values[DEC] + " is before DECOM " + row.values[DECOM]);
        continue;
      }
      episode.legal_status = normalise_code(row.values[LS], "LS", file, row, child, report);
      episode.placement = normalise_code(row.values[PLACE], "PLACE", file, row, child, report);
      episode.reason_ceased = normalise_code(row.values[REC], "REC", file, row, child, report);
      episode.reason_new = normalise_code(row.values[RNE], "RNE", file, row, child, report);
      episode.provider = normalise_code(row.values[PLACE_PROVIDER], "PLACE_PROVIDER", file, row, child, report);
      Date latest = episode.end ? std::max(*episode.end, episode.start) : episode.start;
      if (!latest_in_file[f] || latest > *latest_in_file[f]) latest_in_file[f] = latest;
      dates_in_file[f].push_back(episode.start);
      if (episode.end) dates_in_file[f].push_back(*episode.end);
      read.push_back(std::move(episode));
    }
    require_a_usable_row(file, first_issue, read.size() - read_before, report);
  }
  if (read.empty() && !files.empty())
    throw InputError(files.front().name, "", files.size() == 1 ? "the file has a header line but no episodes"
                                                               : "none of the episodes files has an episode");
  const int first_file = static_cast<int>(data.files.size() - files.size());
  for (size_t f = 0; f < files.size(); ++f) {
    if (dates_in_file[f].empty()) continue;
    const EpisodesFileYear claim = infer_collection_year(files[f].name, dates_in_file[f]);
    data.episodes_file_years.push_back(claim);
    Date year_start = financial_year_start(claim.year_end - 1);
    Date after = financial_year_end(claim.year_end - 1) + std::chrono::days{1};
    if (!data.first_collection_year_start || year_start < *data.first_collection_year_start)
      data.first_collection_year_start = year_start;
    if (!data.coverage_end || after > *data.coverage_end) data.coverage_end = after;
  }
  data.warnings = check_collection_years(data.episodes_file_years, report);

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

void import_headers(const std::vector<CsvText>& files, const std::vector<DateOrder>& orders, Ssda903Data& data,
                    DataQualityReport& report) {
  enum { CHILD, DOB, SEX };
  for (size_t f = 0; f < files.size(); ++f) {
    const CsvText& file = files[f];
    int file_index = static_cast<int>(data.files.size());
    data.files.push_back(file.name);
    const size_t first_issue = report.issues().size();
    size_t kept = 0;
    for (const Row& row : read_table(file, kHeaders, report)) {
      ++data.rows_read;
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
      auto birth = parse_ssda903_date(row.values[DOB], orders[f]);
      if (!birth) {
        drop("bad_birth_date", not_a_date("DOB", row.values[DOB]));
        continue;
      }
      ++kept;
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
    require_a_usable_row(file, first_issue, kept, report);
  }
}

void import_uasc(const std::vector<CsvText>& files, const std::vector<DateOrder>& orders, Ssda903Data& data,
                 DataQualityReport& report) {
  enum { CHILD, DUC };
  for (size_t f = 0; f < files.size(); ++f) {
    const CsvText& file = files[f];
    int file_index = static_cast<int>(data.files.size());
    data.files.push_back(file.name);
    const size_t first_issue = report.issues().size();
    size_t kept = 0;
    for (const Row& row : read_table(file, kUasc, report)) {
      ++data.rows_read;
      const std::string& child = row.values[CHILD];
      if (child.empty()) {
        report.add(file.name, row.line, child, Action::dropped, "missing_child", "no CHILD id");
        continue;
      }
      ++kept;
      UascRecord record{child, std::nullopt, {file_index, row.line}};
      if (!row.values[DUC].empty()) {
        record.ceased = parse_ssda903_date(row.values[DUC], orders[f]);
        if (!record.ceased)
          report.add(file.name, row.line, child, Action::changed, "bad_uasc_date",
                     not_a_date("DUC", row.values[DUC]) + "; the child is taken as still UASC");
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
    require_a_usable_row(file, first_issue, kept, report);
  }
}

// The order of day and month each file's dates are read in, kind by kind (date_order.hpp): told from the
// dates themselves unless stated. The files are read once more for it, their issues not reported twice.
std::vector<std::vector<DateOrder>> date_orders(const Ssda903Texts& texts, std::optional<DateOrder> stated) {
  struct Kind {
    const std::vector<CsvText>* files;
    const TableKind* table;
    std::vector<std::pair<size_t, std::string>> date_columns;  // index among the columns read, name
  };
  const std::vector<Kind> kinds{{&texts.episodes, &kEpisodes, {{1, "DECOM"}, {4, "DEC"}}},
                                {&texts.headers, &kHeaders, {{1, "DOB"}}},
                                {&texts.uasc, &kUasc, {{1, "DUC"}}}};
  std::vector<std::string> names;
  std::vector<DateOrderClues> clues;
  for (const Kind& kind : kinds)
    for (const CsvText& file : *kind.files) {
      names.push_back(file.name);
      clues.emplace_back();
      if (stated) continue;
      DataQualityReport unreported;
      for (const Row& row : read_table(file, *kind.table, unreported))
        for (const auto& [column, name] : kind.date_columns) clues.back().add(row.values[column], row.line, name);
    }
  std::vector<DateOrder> all = decide_date_orders(names, clues, stated);
  std::vector<std::vector<DateOrder>> by_kind;
  size_t at = 0;
  for (const Kind& kind : kinds) {
    by_kind.emplace_back(all.begin() + static_cast<long>(at), all.begin() + static_cast<long>(at + kind.files->size()));
    at += kind.files->size();
  }
  return by_kind;
}

}  // namespace

Ssda903Data import_ssda903(const Ssda903Texts& texts, DataQualityReport& report, const Ssda903ImportOptions& options) {
  const std::vector<std::vector<DateOrder>> orders = date_orders(texts, options.date_order);
  Ssda903Data data;
  import_episodes(texts.episodes, orders[0], data, report);
  import_headers(texts.headers, orders[1], data, report);
  import_uasc(texts.uasc, orders[2], data, report);
  return data;
}

}  // namespace caseflow
