#include "caseflow/serve/what_if_service.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include "caseflow/base/input_error.hpp"
#include "caseflow/output/excel_workbook.hpp"
#include "caseflow/report/report_comparison.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/serve/levers.hpp"
#include "caseflow/serve/ssda903_upload.hpp"
#include "caseflow/serve/what_if.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/comparison.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow {

namespace fs = std::filesystem;
using nlohmann::json;

// Why a run was cancelled.
enum class CancelReason { none, superseded, out_of_time, stopping };

struct WhatIfService::Ticket {
  std::atomic<bool> cancel{false};
  std::atomic<CancelReason> reason{CancelReason::none};
  void cancel_for(CancelReason why) {
    CancelReason expected = CancelReason::none;
    reason.compare_exchange_strong(expected, why);
    cancel.store(true);
  }
};

struct WhatIfService::Request {
  Scenario base;
  json base_document;
  Scenario strategy;
  json strategy_document;
  std::string strategy_name;
  int replications = 1000;
  uint64_t seed = 1;
  std::string session;
};

// A download's runs: the base's and the comparison of the strategy with it.
struct WhatIfService::Compared {
  const Request& request;
  const RunResults& base;
  const RunSummary& base_summary;
  const std::vector<NamedComparison>& comparisons;
};

namespace {

ServeReply json_reply(int status, const json& body) { return {status, "application/json", body.dump(), ""}; }

ServeReply error_reply(int status, const std::string& message, const std::string& source = "", const std::string& place = "") {
  json body{{"error", message}};
  if (!source.empty()) body["source"] = source;
  if (!place.empty()) body["place"] = place;
  return json_reply(status, body);
}

ServeReply input_error_reply(const InputError& error) {
  json body{{"error", error.what()}, {"message", error.message()}};
  if (!error.source().empty()) body["source"] = error.source();
  if (!error.place().empty()) body["place"] = error.place();
  return json_reply(400, body);
}

json parse_body(const std::string& body, const std::string& source) {
  try {
    return json::parse(body);
  } catch (const json::parse_error& error) {
    throw InputError(source, "byte " + std::to_string(error.byte), "is not valid JSON: " + std::string(error.what()));
  }
}

std::string id_in(const fs::path& file, const fs::path& folder) { return file.lexically_relative(folder).generic_string(); }

// A file's "base", resolved from its folder; empty when it has none.
fs::path base_file_of(const json& document, const fs::path& file) {
  if (!document.is_object() || !document.contains("base") || !document["base"].is_string()) return {};
  return (file.parent_path() / document["base"].get<std::string>()).lexically_normal();
}

json scenario_reply_body(const std::string& id, const Scenario& scenario) {
  return {{"id", id}, {"name", scenario.name}, {"levers", levers_to_json(scenario_levers(scenario))}, {"document", scenario_to_json(scenario)}};
}

}  // namespace

WhatIfService::WhatIfService(ServeSettings settings) : settings_(std::move(settings)) {
  std::error_code error;
  const fs::path folder = settings_.scenarios_folder.lexically_normal();
  if (fs::is_directory(folder, error))
    for (const auto& entry : fs::recursive_directory_iterator(folder, error))
      if (entry.is_regular_file() && entry.path().extension() == ".json")
        shipped_[id_in(entry.path().lexically_normal(), folder)] = entry.path().lexically_normal();
  if (!settings_.initial_scenario.empty()) {
    const fs::path initial = settings_.initial_scenario.lexically_normal();
    for (const auto& [id, file] : shipped_)
      if (fs::equivalent(file, initial, error)) initial_id_ = id;
    if (initial_id_.empty()) {
      initial_id_ = "given/" + initial.filename().string();
      shipped_[initial_id_] = initial;
    }
  }
}

ServeReply WhatIfService::list_scenarios() const {
  json list = json::array();
  const fs::path folder = settings_.scenarios_folder.lexically_normal();
  for (const auto& [id, file] : shipped_) {
    std::ifstream in(file);
    json document = json::parse(in, nullptr, false);
    if (document.is_discarded() || !document.is_object()) continue;  // not a scenario: the page cannot offer it
    json item{{"id", id}, {"name", document.value("name", id)}};
    const fs::path base = base_file_of(document, file);
    if (!base.empty()) {
      item["base"] = id_in(base, folder);
      for (const auto& [other_id, other_file] : shipped_)
        if (other_file == base) item["base"] = other_id;
    }
    list.push_back(std::move(item));
  }
  json body{{"scenarios", list}, {"max_replications", settings_.max_replications},
            {"default_replications", settings_.default_replications}};
  if (!initial_id_.empty()) body["initial"] = initial_id_;
  return json_reply(200, body);
}

ServeReply WhatIfService::shipped_scenario(const std::string& id) const {
  auto found = shipped_.find(id);
  if (found == shipped_.end()) return error_reply(404, "no shipped scenario " + id, "id");
  try {
    return json_reply(200, scenario_reply_body(id, load_scenario(found->second)));
  } catch (const InputError& error) {
    return input_error_reply(error);
  }
}

ServeReply WhatIfService::uploaded_scenario(const std::string& body) const {
  try {
    return json_reply(200, scenario_reply_body("", scenario_from_json(parse_body(body, "upload"), "upload")));
  } catch (const InputError& error) {
    return input_error_reply(error);
  }
}

ServeReply WhatIfService::calibrated_scenario(const std::string& body) const {
  try {
    if (body.size() > settings_.max_request_bytes)
      throw InputError("request", "", "is larger than " + std::to_string(settings_.max_request_bytes) + " bytes");
    const json document = parse_body(body, "request");
    if (!document.is_object() || !document.contains("files") || !document["files"].is_array())
      throw InputError("request", "/files", "must be a list of the SSDA903 files, each {\"name\": ..., \"text\": ...}");
    std::vector<CsvText> files;
    for (size_t i = 0; i < document["files"].size(); ++i) {
      const json& file = document["files"][i];
      if (!file.is_object() || !file.contains("name") || !file["name"].is_string() || !file.contains("text") || !file["text"].is_string())
        throw InputError("request", "/files/" + std::to_string(i), "must be {\"name\": ..., \"text\": ...}, both texts");
      files.push_back({file["name"].get<std::string>(), file["text"].get<std::string>()});
    }
    std::optional<Date> as_of;
    if (document.contains("as_of") && !document["as_of"].is_null()) {
      if (document["as_of"].is_string()) as_of = parse_iso_date(document["as_of"].get<std::string>());
      if (!as_of) throw InputError("request", "/as_of", "must be a date YYYY-MM-DD, got " + document["as_of"].dump());
    }
    return json_reply(200, scenario_reply_body("", calibrate_uploaded_returns(files, as_of)));
  } catch (const InputError& error) {
    return input_error_reply(error);
  }
}

Scenario WhatIfService::scenario_named(const json& reference, const std::string& role) const {
  if (reference.is_string()) {
    auto found = shipped_.find(reference.get<std::string>());
    if (found == shipped_.end()) throw InputError("request", "/" + role, "no shipped scenario " + reference.dump());
    return load_scenario(found->second);
  }
  if (reference.is_object()) return scenario_from_json(reference, role);
  throw InputError("request", "/" + role, "must be a shipped scenario's id or a scenario document");
}

WhatIfService::Request WhatIfService::read_request(const std::string& body) const {
  if (body.size() > settings_.max_request_bytes)
    throw InputError("request", "", "is larger than " + std::to_string(settings_.max_request_bytes) + " bytes");
  const json document = parse_body(body, "request");
  if (!document.is_object()) throw InputError("request", "", "must be an object");
  for (const auto& [key, value] : document.items())
    if (key != "base" && key != "strategy" && key != "levers" && key != "replications" && key != "seed" && key != "session")
      throw InputError("request", "/" + key, "is not a field of a what-if (base, strategy, levers, replications, seed, session)");
  if (!document.contains("base")) throw InputError("request", "/base", "is missing: name the base scenario");
  Request request;
  request.base = scenario_named(document["base"], "base");
  request.base_document = scenario_to_json(request.base);
  const bool own_strategy = document.contains("strategy") && !document["strategy"].is_null();
  const Scenario start = own_strategy ? scenario_named(document["strategy"], "strategy") : request.base;
  request.strategy_document = apply_levers(start, scenario_to_json(start), document.value("levers", json::object()));
  request.strategy = scenario_from_json(request.strategy_document, "strategy");
  check_strategy_matches_base(request.base, "base", request.strategy, "strategy");
  // As the comparison report names a strategy: without its base's prefix ("Herefordshire 2020: SGO push").
  const std::string& name = request.strategy.name;
  const size_t colon = name.find(": ");
  request.strategy_name = !own_strategy                                                  ? "these changes"
                          : colon == std::string::npos || colon + 2 >= name.size() ? name
                                                                                    : name.substr(colon + 2);

  request.replications = settings_.default_replications;
  if (document.contains("replications")) {
    const json& value = document["replications"];
    if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > settings_.max_replications)
      throw InputError("request", "/replications",
                       "must be a whole number from 1 to " + std::to_string(settings_.max_replications) + ", got " + value.dump());
    request.replications = value.get<int>();
  }
  if (document.contains("seed")) {
    const json& value = document["seed"];
    if (!value.is_number_unsigned()) throw InputError("request", "/seed", "must be a whole number from 0, got " + value.dump());
    request.seed = value.get<uint64_t>();
  }
  if (document.contains("session")) {
    if (!document["session"].is_string() || document["session"].get<std::string>().size() > 100)
      throw InputError("request", "/session", "must be a short text");
    request.session = document["session"].get<std::string>();
  }
  return request;
}

std::shared_ptr<WhatIfService::Ticket> WhatIfService::open_ticket(const std::string& session) {
  auto ticket = std::make_shared<Ticket>();
  std::lock_guard lock(mutex_);
  if (stopping_) ticket->cancel_for(CancelReason::stopping);
  if (!session.empty()) {
    auto& current = sessions_[session];
    if (current) current->cancel_for(CancelReason::superseded);
    current = ticket;
  }
  running_.push_back(ticket);
  return ticket;
}

void WhatIfService::close_ticket(const std::string& session, const std::shared_ptr<Ticket>& ticket) {
  std::lock_guard lock(mutex_);
  std::erase(running_, ticket);
  if (auto found = sessions_.find(session); found != sessions_.end() && found->second == ticket) sessions_.erase(found);
}

ServeReply WhatIfService::status() {
  std::lock_guard lock(mutex_);
  return json_reply(200, {{"running", running_.size()}});
}

void WhatIfService::stop() {
  stopping_ = true;
  std::lock_guard lock(mutex_);
  for (auto& ticket : running_) ticket->cancel_for(CancelReason::stopping);
}

std::shared_ptr<const RunResults> WhatIfService::run(const Scenario& scenario, const Request& request, Ticket& ticket, bool cache) {
  const std::string key = cache ? request.base_document.dump() + "\n" + std::to_string(request.replications) + "\n" +
                                      std::to_string(request.seed)
                                : "";
  if (cache) {
    std::lock_guard lock(mutex_);
    if (cached_base_ && cached_key_ == key) return cached_base_;
  }
  RunOptions options;
  options.replications = request.replications;
  options.seed = request.seed;
  options.threads = settings_.threads;
  options.uncertainty = Uncertainty::all;
  options.cancel = &ticket.cancel;
  // The run time limit, checked as replications finish (the runner stops between replications).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(settings_.max_run_seconds);
  options.on_progress = [&ticket, deadline](int, int) {
    if (std::chrono::steady_clock::now() > deadline) ticket.cancel_for(CancelReason::out_of_time);
  };
  auto results = std::make_shared<const RunResults>(run_replications(Simulation(scenario), options));
  if (cache) {
    std::lock_guard lock(mutex_);
    cached_key_ = key;
    cached_base_ = results;
  }
  return results;
}

ServeReply WhatIfService::what_if(const std::string& body) {
  const auto started = std::chrono::steady_clock::now();
  std::shared_ptr<Ticket> ticket;
  std::string session;
  try {
    Request request = read_request(body);
    session = request.session;
    ticket = open_ticket(session);
    auto base = run(request.base, request, *ticket, true);
    auto strategy = run(request.strategy, request, *ticket, false);
    json out = what_if_json(request.base, *base, request.strategy, *strategy, request.strategy_name);
    out["replications"] = request.replications;
    out["seed"] = request.seed;
    out["base_name"] = request.base.name;
    out["strategy_name"] = request.strategy.name;
    out["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    close_ticket(session, ticket);
    return json_reply(200, out);
  } catch (const InputError& error) {
    if (ticket) close_ticket(session, ticket);
    return input_error_reply(error);
  } catch (const RunCancelled&) {
    close_ticket(session, ticket);
    switch (ticket->reason.load()) {
      case CancelReason::superseded: return error_reply(409, "cancelled: a newer request of the same session replaced it");
      case CancelReason::out_of_time:
        return error_reply(503, "the run took longer than " + std::to_string(static_cast<int>(settings_.max_run_seconds)) +
                                    " seconds: ask for fewer replications");
      default: return error_reply(503, "the server is stopping");
    }
  }
}

ServeReply WhatIfService::strategy_file(const std::string& body) const {
  try {
    Request request = read_request(body);
    return {200, "application/json", request.strategy_document.dump(2) + "\n", "strategy.json"};
  } catch (const InputError& error) {
    return input_error_reply(error);
  }
}

ServeReply WhatIfService::download(const std::string& body, const std::function<ServeReply(const Compared&)>& write) {
  std::shared_ptr<Ticket> ticket;
  try {
    Request request = read_request(body);
    ticket = open_ticket("");  // a download is never replaced by a what-if
    auto base = run(request.base, request, *ticket, true);
    auto strategy = run(request.strategy, request, *ticket, false);
    close_ticket("", ticket);
    const RunSummary base_summary = summarize_run(*base, request.base);
    std::vector<NamedComparison> comparisons{
        {"strategy", request.strategy.name, compare_runs(*base, *strategy, request.base.comparators)}};
    return write({request, *base, base_summary, comparisons});
  } catch (const InputError& error) {
    if (ticket) close_ticket("", ticket);
    return input_error_reply(error);
  } catch (const RunCancelled&) {
    close_ticket("", ticket);
    return error_reply(503, ticket->reason.load() == CancelReason::out_of_time ? "the run took too long" : "the server is stopping");
  }
}

ServeReply WhatIfService::report(const std::string& body) {
  return download(body, [](const Compared& compared) -> ServeReply {
    // The bands hold what either scenario states: a strategy may state a range for its own effect.
    HeldUncertainty held = held_uncertainty(compared.request.base, Uncertainty::all);
    const HeldUncertainty own = held_uncertainty(compared.request.strategy, Uncertainty::all);
    held.parameters = held.parameters || own.parameters;
    held.drift = held.drift || own.drift;
    return {200, "text/html; charset=utf-8",
            render_comparison_report(compared.request.base, compared.base, compared.base_summary, compared.comparisons,
                                     {{}, Uncertainty::all, held}),
            "report.html"};
  });
}

ServeReply WhatIfService::workbook(const std::string& body) {
  return download(body, [](const Compared& compared) -> ServeReply {
    const Request& request = compared.request;
    return {200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            comparison_workbook(request.base, compared.base.layout, compared.base_summary, {&request.strategy}, compared.comparisons,
                                {request.replications, request.seed, Uncertainty::all}),
            "comparison.xlsx"};
  });
}

}  // namespace caseflow
