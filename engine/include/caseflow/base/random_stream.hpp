#pragma once
// Counter-based random numbers: the k-th draw of an entity is a pure function of
// (seed, replication, entity, k). Nothing depends on which thread runs a replication or on the order
// in which entities are simulated, so results are identical at any thread count, and two scenarios
// run with the same seed give the same child the same numbers (common random numbers).

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace caseflow {

// SplitMix64's output function (Steele, Lea & Flood 2014): a bijective 64-bit mixer whose outputs over a
// counter pass BigCrush.
constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// What an entity's stream belongs to; part of its key so that, say, the 3rd arrival and the 3rd
// child of the initial population never share numbers.
enum class StreamKind : uint64_t {
  initial_child = 1,
  arriving_child = 2,
  arrival_clock = 3,
  diversion = 4,  // whether an arrival is diverted from care by an intervention
  parameter_draw = 16,  // a replication's draw of uncertain parameters (parameter_uncertainty.hpp)
  drift = 17,           // a replication's drift paths (drift.hpp)
};

// A stream index for something named by text (a JSON path, a list of ids): FNV-1a, so the index depends on
// the name alone, not on the order in which things are listed, and a strategy that adds a range or a drift
// group leaves the draws of every other one where they were.
constexpr uint64_t stream_index_of(std::string_view name) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

class RandomStream {
 public:
  RandomStream() = default;
  explicit RandomStream(uint64_t key) : key_(key) {}

  static uint64_t key_for(uint64_t seed, uint64_t replication, StreamKind kind, uint64_t group, uint64_t index) {
    uint64_t key = mix64(seed + 0x9e3779b97f4a7c15ULL);
    key = mix64(key ^ (replication + 0x632be59bd9b4e019ULL));
    key = mix64(key ^ (static_cast<uint64_t>(kind) << 56 ^ group));
    return mix64(key ^ (index + 0x8cb92ba72f3d8dd7ULL));
  }

  // A uniform number strictly inside (0, 1), so that log(u) and inverse survival functions are finite.
  double uniform() {
    uint64_t bits = mix64(key_ + (++counter_) * 0x9e3779b97f4a7c15ULL);
    // (2^53 - 1 + 0.5) rounds to 2^53, so the largest output would be exactly 1: cap it just below.
    return std::min((static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53, 0x1.fffffffffffffp-1);
  }

  uint64_t draws_taken() const { return counter_; }
  uint64_t key() const { return key_; }

 private:
  uint64_t key_ = 0;
  uint64_t counter_ = 0;
};

}  // namespace caseflow
