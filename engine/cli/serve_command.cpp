#include "serve_command.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/serve/what_if_service.hpp"
#include "caseflow/serve/www_assets.hpp"
#include "caseflow/sim/run_limits.hpp"
#include "interruption.hpp"

// Last: through <resolv.h> it defines a macro `_res` that breaks Eigen's headers included after it.
#include <httplib.h>

namespace caseflow::cli {

namespace {

struct ServeArguments {
  std::string scenario_path;
  std::string scenarios_folder = "scenarios";
  int port = 8903;
  int replications = 1000;
  int max_seconds = 60;
};

void send(const ServeReply& reply, httplib::Response& response) {
  response.status = reply.status;
  if (!reply.download_name.empty())
    response.set_header("Content-Disposition", "attachment; filename=\"" + reply.download_name + "\"");
  response.set_content(reply.body, reply.content_type.c_str());
}

// A request from a page of another site (a form posted to 127.0.0.1) or through another host name (DNS
// rebinding) is refused: the host must be this machine's loopback, and a POST must carry JSON, which no
// plain form can send without the browser asking first (and this server never answers that question).
bool from_this_page(const httplib::Request& request, int port) {
  const std::string host = request.get_header_value("Host");
  const std::string suffix = ":" + std::to_string(port);
  if (host != "127.0.0.1" + suffix && host != "localhost" + suffix) return false;
  if (request.method == "POST" && request.get_header_value("Content-Type").rfind("application/json", 0) != 0) return false;
  return true;
}

int serve(const ServeArguments& arguments) {
  ServeSettings settings;
  settings.scenarios_folder = arguments.scenarios_folder;
  settings.initial_scenario = arguments.scenario_path;
  // Without SCENARIO the page opens with the Herefordshire baseline when the folder has it (as `make run` does).
  const std::filesystem::path herefordshire = std::filesystem::path(arguments.scenarios_folder) / "herefordshire-2020.json";
  if (settings.initial_scenario.empty() && std::filesystem::is_regular_file(herefordshire)) settings.initial_scenario = herefordshire;
  settings.max_replications = kServeMaxReplications;
  settings.default_replications = arguments.replications;
  settings.max_run_seconds = arguments.max_seconds;
  // A scenario named on the command line is checked now: a mistake in it is an error here, not on the page.
  if (!arguments.scenario_path.empty()) load_scenario(arguments.scenario_path);
  WhatIfService service(settings);

  httplib::Server server;
  server.set_payload_max_length(settings.max_request_bytes);
  int port = arguments.port;
  server.set_pre_routing_handler([&port](const httplib::Request& request, httplib::Response& response) {
    if (from_this_page(request, port)) return httplib::Server::HandlerResponse::Unhandled;
    response.status = 403;
    response.set_content("{\"error\": \"caseflow serve answers only its own page on this machine\"}", "application/json");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get("/api/scenarios", [&](const httplib::Request&, httplib::Response& response) { send(service.list_scenarios(), response); });
  server.Get("/api/status", [&](const httplib::Request&, httplib::Response& response) { send(service.status(), response); });
  server.Get("/api/scenario", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.shipped_scenario(request.get_param_value("id")), response);
  });
  server.Post("/api/scenario", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.uploaded_scenario(request.body), response);
  });
  server.Post("/api/ssda903", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.calibrated_scenario(request.body), response);
  });
  server.Post("/api/whatif", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.what_if(request.body), response);
  });
  server.Post("/api/strategy", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.strategy_file(request.body), response);
  });
  server.Post("/api/report", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.report(request.body), response);
  });
  server.Post("/api/workbook", [&](const httplib::Request& request, httplib::Response& response) {
    send(service.workbook(request.body), response);
  });
  server.Get(R"(/(|index\.html|app\.js|style\.css))", [](const httplib::Request& request, httplib::Response& response) {
    const WwwAsset* asset = find_www_asset(request.path);
    response.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
  });

  // Loopback only: nobody else on the network can reach it.
  if (port == 0) {
    port = server.bind_to_any_port("127.0.0.1");
    if (port < 0) throw std::runtime_error("could not listen on 127.0.0.1");
  } else if (!server.bind_to_port("127.0.0.1", port)) {
    throw usage_error("--port " + std::to_string(port) + ": cannot listen on 127.0.0.1:" + std::to_string(port) +
                      " (in use? --port 0 takes a free one)");
  }
  std::printf("caseflow serve: http://127.0.0.1:%d/ (Ctrl-C to stop)\n", port);
  std::fflush(stdout);

  // Ctrl-C and SIGTERM raise a flag; this thread sees it, cancels the runs and stops the server.
  Interruption interruption;
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    while (!interruption.interrupted() && !finished) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    service.stop();
    server.stop();
  });
  const bool listened = server.listen_after_bind();
  finished = true;
  watcher.join();
  if (!interruption.interrupted() && !listened) throw std::runtime_error("the server stopped unexpectedly");
  std::printf("caseflow serve: stopped\n");
  return 0;
}

}  // namespace

Command add_serve_command(CLI::App& program) {
  auto arguments = std::make_shared<ServeArguments>();
  CLI::App* command = program.add_subcommand(
      "serve", "the what-if page: move a strategy's levers in the browser, on http://127.0.0.1:PORT/ (this machine only)");
  command->add_option("SCENARIO", arguments->scenario_path, "the scenario the page opens with (JSON; by default the Herefordshire 2020 baseline when "
                                                           "the scenarios folder has it); any shipped one can be chosen there")
      ->type_name("");
  add_whole_number(*command, "--port", arguments->port, 0, 65535, "the port to listen on, on 127.0.0.1; 0 for any free one");
  add_whole_number(*command, "--replications", arguments->replications, kMinReplications, kServeMaxReplications,
                   "replications of each run the page asks for (at most 1000, to answer within about a second)");
  add_text(*command, "--scenarios", arguments->scenarios_folder, "DIR", "the folder of scenarios the page offers (default: scenarios)");
  add_whole_number(*command, "--max-seconds", arguments->max_seconds, 1, 3600, "stop a run that takes longer than this");
  return {command, [arguments] { return serve(*arguments); }};
}

}  // namespace caseflow::cli
