#pragma once
// A simulated child as the event loop holds it, and the calendar arithmetic of its age: birthdays fall on
// calendar dates (a child born on 29 February turns 18 on 1 March), never on multiples of 365.25 days.

#include <chrono>
#include <cstdint>
#include <limits>

#include "caseflow/base/calendar.hpp"
#include "caseflow/base/random_stream.hpp"
#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

struct Child {
  enum class Pending : uint8_t { none, transition, age_out, stage_ready };
  int state = -1;
  double entered_at = 0;   // clock time of entry into the current state (negative for the initial population)
  double age_out_at = std::numeric_limits<double>::infinity();
  int32_t birth_day = 0;   // days from the start date
  std::chrono::year_month_day birth_date;  // the same as a calendar date, for birthdays
  uint32_t id = 0;         // order of first appearance: unique in a replication, unlike the slot
  Pending pending = Pending::none;
  int pending_transition = -1;
  uint64_t pending_sequence = 0;  // the only event of this child that is still valid
  int pipeline_transition = -1;   // the via-pipeline transition the child is going through, or -1
  int stage = -1;
  bool queued = false;            // waiting for a stage's capacity
  int waiting_for = -1;           // the foster state wanted while in the overflow state, or -1
  int placement = -1;             // the placement type of the current stay, or -1 without placement types
  uint32_t moves = 0;             // transitions so far, against the limit on moves per child
  uint32_t care_index = kNotInCare;  // its place in the event loop's list of the children in care
  static constexpr uint32_t kNotInCare = UINT32_MAX;
  RandomStream random;
  RandomStream placement_random;  // a stream of its own, so that adding costs changes nobody's path
};

// A place in a first-come-first-served queue (a legal stage's, the foster placements'); stale when the
// child has moved on or its slot was reused by another child.
struct QueueEntry {
  uint32_t slot;
  uint32_t child_id;
};

// The latest birth date of someone `years` old (or older) on `date`: the same day `years` earlier, or the
// last day of that month when there is no such day (29 February in a common year).
Date years_before(Date date, int years);

// Clock time (days since `start`) at which the child reaches `years`: whole years on the calendar
// birthday, fractions by interpolating to the next birthday; infinity for an infinite age.
double time_of_age(const Child& child, Date start, double years);

// A birth day (days from `start`) making the child's age on day `day` fall uniformly (by day) in the age
// band that `u` picks from `ages`: one uniform decides both the band and the day.
int32_t draw_birth_day(const AgeDistribution& ages, Date start, int32_t day, double u);

}  // namespace caseflow
