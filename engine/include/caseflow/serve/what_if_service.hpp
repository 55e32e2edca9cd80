#pragma once
// What `caseflow serve` answers, without the HTTP: each request's body in, a reply (status, type, body) out,
// so that the program's HTTP layer stays a thin shell and the tests can call every endpoint directly.
//
// Scenarios come from the shipped folder (by id: their path in it, "strategies/edge-of-care.json") or in the
// request itself (an uploaded document, which may not name a "base" file). A what-if names a base, a
// starting strategy (the base itself when none) and lever values (levers.hpp); it runs the base and the
// strategy with the same seed, the base's run kept for the next request with the same base. Safety: bodies
// are parsed only under max_request_bytes (the HTTP layer refuses larger ones first), replications are
// capped, a run stops after max_run_seconds, and a newer what-if from the same session cancels the older.
// Nothing is written anywhere: downloads are returned as bodies.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"

namespace caseflow {

// The most replications a page may ask for: enough for steady 90% bands, few enough to answer within about a
// second on a laptop.
inline constexpr int kServeMaxReplications = 1000;

struct ServeSettings {
  std::filesystem::path scenarios_folder = "scenarios";  // listed recursively; may be missing
  std::filesystem::path initial_scenario;  // the scenario the page opens with; may be empty
  int max_replications = kServeMaxReplications;
  int default_replications = 1000;
  size_t max_request_bytes = 8 * 1024 * 1024;
  double max_run_seconds = 60;
  int threads = 0;  // for each run; 0: all hardware threads
};

struct ServeReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string download_name;  // when set, the browser saves the body under this name
};

class WhatIfService {
 public:
  explicit WhatIfService(ServeSettings settings);

  // GET /api/scenarios: {initial, scenarios: [{id, name, base (its base's id, for a strategy)}]}.
  ServeReply list_scenarios() const;
  // GET /api/scenario?id=ID and POST /api/scenario (a document): {id, name, levers, document (every
  // inherited value written out)}; 404 for an unknown id, 400 naming the JSON path for an invalid document.
  ServeReply shipped_scenario(const std::string& id) const;
  ServeReply uploaded_scenario(const std::string& body) const;
  // POST /api/ssda903 {files: [{name, text}], as_of?}: the scenario calibrated from SSDA903 returns
  // (ssda903_upload.hpp), answered as an uploaded one; 400 naming the file and line of bad data.
  ServeReply calibrated_scenario(const std::string& body) const;
  // POST /api/whatif {base, strategy?, levers?, replications?, seed?, session?}: base and strategy each an
  // id or a document. 200 with what_if_json (and replications, seed, seconds); 400 for bad input, 409 when
  // a newer request of the session cancelled it, 503 when it ran out of time or the server is stopping.
  ServeReply what_if(const std::string& body);
  // POST /api/strategy (the same request): the strategy as a scenario file `caseflow run` accepts.
  ServeReply strategy_file(const std::string& body) const;
  // POST /api/report (the same request): the comparison's HTML report, as `caseflow compare --report` writes it.
  ServeReply report(const std::string& body);
  // POST /api/workbook (the same request): the comparison's Excel workbook, as `caseflow compare --xlsx` writes it.
  ServeReply workbook(const std::string& body);

  // GET /api/status: {"running": the what-ifs and reports being computed now}.
  ServeReply status();

  // Cancels every run and refuses new ones (the server is shutting down).
  void stop();

 private:
  struct Request;
  struct Ticket;
  struct Compared;
  Request read_request(const std::string& body) const;
  Scenario scenario_named(const nlohmann::json& reference, const std::string& role) const;
  std::shared_ptr<Ticket> open_ticket(const std::string& session);
  void close_ticket(const std::string& session, const std::shared_ptr<Ticket>& ticket);
  std::shared_ptr<const RunResults> run(const Scenario& scenario, const Request& request, Ticket& ticket, bool cache);
  // Runs a download's request (base and strategy, never cancelled by a what-if) and writes the file from them.
  ServeReply download(const std::string& body, const std::function<ServeReply(const Compared&)>& write);

  ServeSettings settings_;
  std::map<std::string, std::filesystem::path> shipped_;  // id -> file
  std::string initial_id_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;  // guards what follows
  std::map<std::string, std::shared_ptr<Ticket>> sessions_;
  std::vector<std::shared_ptr<Ticket>> running_;
  std::string cached_key_;
  std::shared_ptr<const RunResults> cached_base_;
};

}  // namespace caseflow
