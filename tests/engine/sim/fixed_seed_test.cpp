// Optimisations must not change a single result. These fingerprints hold every number a run produces: each
// replication's stocks, flows, child-days, costs and placements, and every file `caseflow run` writes from
// them. A change that moves any result by one bit, or one event, fails here; a deliberate change of the model
// must say so and take new fingerprints, in a commit of its own. They were first taken before any speed work
// (issue 7), and retaken once for honest uncertainty (issue 15): the layers of uncertainty, drift, the shipped
// scenarios' stated ranges, gamma functions in double precision, and a foster placement given back when its
// child turns 18. Children by age band (issue 17) came later, as an addition: they have a fingerprint of their
// own, so that adding them left the first two untouched. The files' fingerprints of the runs with costs were
// retaken once more for a change of format alone (issue 17): costs_summary.csv gained its first column,
// period_type; every other file and every number is as it was (the replications' fingerprints did not move).
// Retaken for speed (issue 19), whose changes are checked for their law rather than their bits: court stages'
// gamma service times by Marsaglia and Tsang instead of inversion (a new path for every child who goes to
// court), and child-days and costs integrated from the counts rather than stay by stay (the same numbers to
// 4e-15 relative; recording_test checks them against the stays).
// (glibc uses FMA versions of exp and log where the processor has FMA: a processor without it could differ
// in a last bit, and so fail here without any change to the code.)

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "caseflow/output/run_outputs.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;
namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits: enough to tell any two different runs apart, and stable across machines.
struct Fingerprint {
  uint64_t hash = 14695981039346656037ull;
  void add_bytes(const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  }
  template <class Matrix>
  void add_matrix(const Matrix& matrix) {
    const Eigen::Index rows = matrix.rows(), cols = matrix.cols();
    add_bytes(&rows, sizeof rows);
    add_bytes(&cols, sizeof cols);
    add_bytes(matrix.data(), sizeof(typename Matrix::Scalar) * static_cast<size_t>(matrix.size()));
  }
  std::string hex() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
  }
};

std::string source(const std::string& relative) { return std::string(CASEFLOW_SOURCE_DIR) + "/" + relative; }

struct Fingerprints {
  std::string replications;  // the per-replication matrices and the event count
  std::string files;         // every file write_run_outputs writes, by name, in name order
  // Children in care by age band, recorded since (issue 17): their matrix and age_bands_summary.csv, apart,
  // so that the two fingerprints above still hold exactly what they held before the age bands were added.
  std::string age_bands;
};

bool is_age_bands(const std::string& name) { return name == "age_bands" || name == "age_bands_summary.csv"; }

Fingerprints fingerprint_run(const std::string& scenario_file, int replications, uint64_t seed, Uncertainty uncertainty) {
  Scenario scenario = load_scenario(source(scenario_file));
  Simulation simulation(std::move(scenario));
  RunOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = 2;
  options.uncertainty = uncertainty;
  RunResults results = run_replications(simulation, options);

  Fingerprint matrices, age_bands;
  for_each_result_matrix([&](auto m) { (is_age_bands(m.name) ? age_bands : matrices).add_matrix(results.*m.matrix); });
  matrices.add_bytes(&results.events, sizeof results.events);

  const fs::path directory = fs::temp_directory_path() / ("caseflow-fixed-seed-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(seed) + "-" + fs::path(scenario_file).stem().string());
  fs::remove_all(directory);
  write_run_outputs(results, summarize_run(results, simulation.scenario()), directory.string(), true);
  std::vector<fs::path> written;
  for (const auto& entry : fs::directory_iterator(directory)) written.push_back(entry.path());
  std::sort(written.begin(), written.end());
  Fingerprint files;
  for (const auto& path : written) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string name = path.filename().string(), content = text.str();
    Fingerprint& into = is_age_bands(name) ? age_bands : files;
    into.add_bytes(name.data(), name.size());
    into.add_bytes(content.data(), content.size());
  }
  fs::remove_all(directory);
  return {matrices.hex(), files.hex(), age_bands.hex()};
}

}  // namespace

struct FixedSeedCase {
  const char* scenario;
  int replications;
  uint64_t seed;
  Uncertainty uncertainty;
  const char* replications_fingerprint;
  const char* files_fingerprint;
  const char* age_bands_fingerprint;
};

// The baseline and worked example, the back-test (inheritance), every strategy at once (interventions) and
// national scale, with chance alone; and the baseline, the strategies and England with every layer of
// uncertainty they state (ranges, mixes, drift).
TEST(FixedSeed, RunsAreBitIdenticalToTheFingerprints) {
  const FixedSeedCase cases[] = {
    {"scenarios/example-small.json", 200, 7, Uncertainty::chance, "d6d4c378a6a954e5", "13ac095271edd1c7", "932b6472f7cfb1aa"},
    {"scenarios/herefordshire-2020.json", 100, 1, Uncertainty::chance, "0d270c5cf80ce5ad", "88a3f0bf0f7bcebc", "c7f4176a4aacea42"},
    {"scenarios/herefordshire-2020-02.json", 50, 3, Uncertainty::chance, "deb21b869eb95405", "e5bf2fc274b5d947", "07bc5d7e4bb5f97f"},
    {"scenarios/strategies/all-combined.json", 50, 11, Uncertainty::chance, "6d6916241cfc45c4", "3ff483a9e639f4a1", "4d09b6d996d8b8b7"},
    {"scenarios/england-2024.json", 3, 2, Uncertainty::chance, "278ba5b57ef5ecbb", "b9ed5fd8516a16da", "c6ddd3a08a5d9d00"},
    {"scenarios/herefordshire-2020.json", 30, 5, Uncertainty::all, "d9a1d7821d0b90b1", "080473bc4409c463", "75e9d900e133cab2"},
    {"scenarios/strategies/all-combined.json", 20, 11, Uncertainty::all, "996af039df4180de", "930e02bcdaed25ea", "8a550e6e7667910b"},
    {"scenarios/england-2024.json", 2, 2, Uncertainty::all, "54f5a3a850f1e3a0", "21de6c4bb24c5a31", "d6e97cb8231d96d8"},
  };
  for (const FixedSeedCase& c : cases) {
    Fingerprints got = fingerprint_run(c.scenario, c.replications, c.seed, c.uncertainty);
    EXPECT_EQ(got.replications, c.replications_fingerprint) << c.scenario << " (" << uncertainty_name(c.uncertainty) << ")";
    EXPECT_EQ(got.files, c.files_fingerprint) << c.scenario << " (" << uncertainty_name(c.uncertainty) << ")";
    EXPECT_EQ(got.age_bands, c.age_bands_fingerprint) << c.scenario << " (" << uncertainty_name(c.uncertainty) << ")";
  }
}
