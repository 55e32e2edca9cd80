// Fuzz target: any bytes as a scenario file. Whatever parses must also serialise back to an equal
// scenario, build a Simulation and run one short replication whose stocks and flows balance exactly.
// Anything else than an InputError (a crash, a sanitizer report, another exception, a broken
// invariant) is a finding.
//
// The harness clamps what it runs (horizon, children, arrival rates) so that one input costs
// milliseconds: the fuzzer looks for wrong behaviour, not for slow scenarios, which the run limits
// (run_limits.hpp) refuse in real runs.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "caseflow/base/input_error.hpp"
#include "caseflow/base/json_text.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/simulation.hpp"

namespace {

using namespace caseflow;

constexpr int kMaxHorizonMonths = 36;
constexpr int kMaxInitialChildren = 200;
constexpr double kMaxArrivalsPerYear = 100;  // over all streams

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "scenario_fuzz: %s\n", what);
  std::abort();
}

void clamp_for_fuzzing(Scenario& scenario) {
  scenario.horizon_months = std::min(scenario.horizon_months, kMaxHorizonMonths);
  int children = 0;
  for (auto& cohort : scenario.initial_population) {
    cohort.count = std::clamp(kMaxInitialChildren - children, 0, cohort.count);
    children += cohort.count;
  }
  double per_year = 0;
  for (const auto& stream : scenario.arrivals) per_year += stream.per_year;
  if (per_year > kMaxArrivalsPerYear)
    for (auto& stream : scenario.arrivals) stream.per_year *= kMaxArrivalsPerYear / per_year;
}

// stock(k+1) = stock(k) + flows in - flows out, per state and for in_care, and in_care = sum of states.
void check_conservation(const OutputLayout& layout, const ReplicationRecord& record) {
  if (record.stocks.size() != layout.stock_cells() || record.flows.size() != layout.flow_cells())
    finding("record sizes differ from the layout");
  std::map<std::string, size_t> column_of;
  for (size_t c = 0; c < layout.stock_columns.size(); ++c) column_of[layout.stock_columns[c]] = c;
  const size_t in_care = layout.in_care_column();
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    long sum = 0;
    for (size_t c = 0; c < in_care; ++c) {
      if (record.stocks[layout.stock_cell(k, c)] < 0) finding("negative stock");
      sum += record.stocks[layout.stock_cell(k, c)];
    }
    if (sum != record.stocks[layout.stock_cell(k, in_care)]) finding("in_care is not the sum of the states");
  }
  for (size_t m = 0; m < layout.months(); ++m) {
    std::vector<long> change(layout.stock_columns.size(), 0);
    for (size_t key = 0; key < layout.flows.size(); ++key) {
      long count = record.flows[layout.flow_cell(m, key)];
      if (count < 0) finding("negative flow");
      const FlowKey& flow = layout.flows[key];
      if (flow.from == "arrival") change[in_care] += count;
      else change[column_of.at(flow.from)] -= count;
      if (column_of.count(flow.to)) change[column_of.at(flow.to)] += count;
      else change[in_care] -= count;
    }
    for (size_t c = 0; c < layout.stock_columns.size(); ++c)
      if (record.stocks[layout.stock_cell(m + 1, c)] != record.stocks[layout.stock_cell(m, c)] + change[c])
        finding("stocks and flows do not balance");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Scenario scenario;
  const std::filesystem::path shipped = std::filesystem::path(CASEFLOW_SHIPPED_SCENARIOS).lexically_normal();
  const std::filesystem::path directory = shipped / "strategies";
  try {
    // "base" names a file. Inheritance is fuzzed over the shipped scenarios only: the input is read as if
    // it were in scenarios/strategies/ (as the strategies are), and a base outside scenarios/ is not
    // followed, so the fuzzer never reads arbitrary files.
    // Parsed as scenario_from_text parses (with its limits on nesting, NUL bytes and repeated keys).
    nlohmann::json document = detail::parse_json_text(text, "fuzz.json");
    if (document.is_object() && document.contains("base") && document["base"].is_string()) {
      std::string resolved = (directory / document["base"].get<std::string>()).lexically_normal().string();
      if (resolved.rfind(shipped.string(), 0) != 0) return 0;
    }
    scenario = scenario_from_json(document, "fuzz.json", directory);
  } catch (const InputError& error) {
    // Every refusal names the document, or the shipped base that holds the value at fault, and a place in it.
    const bool in_a_base = error.source().rfind(shipped.string(), 0) == 0;
    if ((error.source() != "fuzz.json" && !in_a_base) || error.place().empty() || error.message().empty())
      finding("an InputError without a source, place or message");
    return 0;
  }

  // What parses writes back to the same scenario.
  nlohmann::json written = scenario_to_json(scenario);
  try {
    if (scenario_to_json(scenario_from_json(written, "written.json")) != written)
      finding("scenario_to_json does not round-trip");
  } catch (const InputError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    finding("scenario_to_json wrote a scenario that does not parse");
  }

  clamp_for_fuzzing(scenario);
  Simulation simulation(std::move(scenario));
  ReplicationRecord record;
  try {
    simulation.run_replication(1, 0, record);
  } catch (const InputError& error) {
    // A scenario the engine refuses at run time (a runaway loop of near-zero waiting times) must say
    // where in the scenario the problem is.
    if (error.place().empty()) finding("a run-time InputError without a place");
    return 0;
  }
  check_conservation(simulation.layout(), record);
  return 0;
}
