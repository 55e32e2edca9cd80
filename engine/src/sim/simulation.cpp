#include "caseflow/sim/simulation.hpp"

#include "caseflow/base/units.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <sstream>

#include "caseflow/base/input_error.hpp"
#include "caseflow/base/random_stream.hpp"
#include "caseflow/scenario/time_distribution.hpp"
#include "caseflow/sim/event_queue.hpp"

namespace caseflow {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// No child in care moves anywhere near this often: a weekly move for 18 years is under 1,000. A child
// who does is caught in a loop of states with waiting times near zero (say lognormal with meanlog -50),
// which would otherwise spin for hours, or for ever once the clock stops advancing.
constexpr uint32_t kMaxMovesPerChild = 10'000;

// Just after `time`: events that must come after everything scheduled at `time` (a month's capacity
// opens after the snapshot at its first instant, so what it lets through counts in the new month).
double just_after(double time) { return std::nextafter(time, kInfinity); }

struct Event {
  enum class Kind : uint8_t { child, arrival, month_start, placement_change, move_children };
  double time;
  uint64_t sequence;  // ties in time are broken by scheduling order, so runs are deterministic
  uint32_t subject;   // a child slot, an arrival stream, a month, a placement change or an intervention
  Kind kind;
  bool earlier(const Event& other) const { return time != other.time ? time < other.time : sequence < other.sequence; }
};

struct Child {
  enum class Pending : uint8_t { none, transition, age_out, stage_ready };
  int state = -1;
  double entered_at = 0;   // clock time of entry into the current state (negative for the initial population)
  double age_out_at = kInfinity;
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
  uint32_t moves = 0;             // transitions so far, against kMaxMovesPerChild
  RandomStream random;
  RandomStream placement_random;  // a stream of its own, so that adding costs changes nobody's path
};

// A place in a first-come-first-served queue; stale when the child has moved on (or its slot was reused).
struct QueueEntry {
  uint32_t slot;
  uint32_t child_id;
};

}  // namespace

Simulation::Simulation(Scenario scenario)
    : scenario_(std::move(scenario)),
      layout_(OutputLayout::for_scenario(scenario_)),
      cost_integral_(scenario_, layout_),
      month_walk_(layout_.snapshot_times),
      outgoing_(scenario_.states.size()) {
  const Scenario& sc = scenario_;
  for (size_t i = 0; i < sc.transitions.size(); ++i) outgoing_[sc.transitions[i].from_state].push_back(static_cast<int>(i));
  const double end = layout_.snapshot_times.back();

  // Rate scaling: a piecewise-constant factor per transition, the product of the windows covering it.
  rate_segments_.resize(sc.transitions.size());
  for (size_t i = 0; i < sc.transitions.size(); ++i) {
    std::vector<const Intervention*> windows;
    for (const auto& intervention : sc.interventions)
      if (intervention.kind == Intervention::Kind::scale_rate && intervention.from_state == sc.transitions[i].from_state &&
          intervention.to == sc.transitions[i].to)
        windows.push_back(&intervention);
    if (windows.empty()) continue;
    std::vector<double> breaks{-kInfinity};
    for (const auto* window : windows) {
      breaks.push_back(clock_time(window->start));
      if (window->has_end) breaks.push_back(clock_time(window->end));
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    for (double from : breaks) {
      double factor = 1;
      for (const auto* window : windows)
        if (clock_time(window->start) <= from && (!window->has_end || from < clock_time(window->end))) factor *= window->factor;
      rate_segments_[i].push_back({from, factor});
    }
  }

  diversions_.resize(sc.arrivals.size());
  for (size_t s = 0; s < sc.arrivals.size(); ++s)
    for (const auto& intervention : sc.interventions)
      if (intervention.kind == Intervention::Kind::divert_arrivals &&
          (intervention.arrival_state < 0 || intervention.arrival_state == sc.arrivals[s].state))
        diversions_[s].push_back({clock_time(intervention.start), intervention.has_end ? clock_time(intervention.end) : kInfinity,
                                  intervention.share});

  // A month's capacity is the stage's own plus every add_capacity in force on the month's first day.
  stage_capacity_.resize(sc.pipelines.size());
  for (size_t p = 0; p < sc.pipelines.size(); ++p)
    for (size_t s = 0; s < sc.pipelines[p].stages.size(); ++s) {
      std::vector<int> capacity(std::max<size_t>(1, layout_.months()), sc.pipelines[p].stages[s].capacity_per_month);
      for (size_t m = 0; m < layout_.months(); ++m)
        for (const auto& intervention : sc.interventions)
          if (intervention.kind == Intervention::Kind::add_capacity && intervention.pipeline == static_cast<int>(p) &&
              intervention.stage == static_cast<int>(s) && intervention.start <= layout_.snapshot_dates[m] &&
              (!intervention.has_end || layout_.snapshot_dates[m] < intervention.end))
            capacity[m] = std::max(0, capacity[m] + intervention.extra_per_month);
      stage_capacity_[p].push_back(std::move(capacity));
    }

  needs_foster_placement_.assign(sc.states.size(), 0);
  if (sc.has_foster_placements) {
    for (int state : sc.foster_placements.states) needs_foster_placement_[state] = 1;
    // Changes at or before the start take effect just after it, so the first snapshot is the initial
    // population as given; a change of zero placements there offers the free ones to waiting children.
    const double first = just_after(0.0);
    placement_changes_.push_back({first, 0});
    auto recruit = [&](double from, double to, double per_year) {
      if (!(per_year > 0)) return;
      double gap = kDaysPerYear / per_year;
      for (double t = std::max(from, 0.0) + gap; t < to && t <= end; t += gap) placement_changes_.push_back({t, 1});
    };
    recruit(0.0, kInfinity, sc.foster_placements.recruited_per_year);
    for (const auto& intervention : sc.interventions) {
      if (intervention.kind != Intervention::Kind::add_capacity || !intervention.foster) continue;
      double from = clock_time(intervention.start);
      double to = intervention.has_end ? clock_time(intervention.end) : kInfinity;
      if (intervention.extra_placements != 0) {
        placement_changes_.push_back({std::max(from, first), intervention.extra_placements});
        if (intervention.has_end && to <= end) placement_changes_.push_back({std::max(to, first), -intervention.extra_placements});
      }
      recruit(from, to, intervention.extra_recruited_per_year);
    }
    std::stable_sort(placement_changes_.begin(), placement_changes_.end(),
                     [](const PlacementChange& a, const PlacementChange& b) { return a.time < b.time; });
  }

  for (const PlacementType& type : sc.placement_types)
    placement_tariffs_.push_back(cost_integral_.tariff(type.weekly_cost, type.inflation_per_year));
  for (const Allowance& allowance : sc.costs.allowances)
    allowance_tariffs_.push_back(cost_integral_.tariff(allowance.weekly_cost, allowance.inflation_per_year));

  // What the interventions cost to run, spread evenly (and inflation-free) over their windows.
  running_costs_.assign(layout_.cost_cells(), 0.0);
  for (const auto& intervention : sc.interventions)
    if (intervention.annual_cost > 0)
      cost_integral_.add(running_costs_, layout_.running_cost_category(), intervention.annual_cost * 7.0 / kDaysPerYear, 0.0,
                         clock_time(intervention.start), intervention.has_end ? clock_time(intervention.end) : end);

  move_pipeline_transition_.assign(sc.interventions.size(), -1);
  for (size_t j = 0; j < sc.interventions.size(); ++j) {
    const Intervention& intervention = sc.interventions[j];
    if (intervention.kind != Intervention::Kind::move_children) continue;
    for (size_t i = 0; i < sc.transitions.size(); ++i)
      if (sc.transitions[i].from_state == intervention.from_state && sc.transitions[i].to == intervention.to &&
          sc.transitions[i].via_pipeline >= 0)
        move_pipeline_transition_[j] = static_cast<int>(i);
  }
}

// The state of one replication in progress.
class ReplicationRun {
 public:
  ReplicationRun(const Simulation& simulation, uint64_t seed, uint64_t replication, ReplicationRecord& record,
                 ChildTrace* trace)
      : sim_(simulation),
        sc_(simulation.scenario_),
        layout_(simulation.layout_),
        seed_(seed),
        replication_(replication),
        record_(record),
        trace_(trace),
        end_(layout_.snapshot_times.back()),
        counts_(sc_.states.size(), 0) {
    record_.stocks.assign(layout_.stock_cells(), 0);
    record_.flows.assign(layout_.flow_cells(), 0);
    record_.care_days.assign(layout_.day_cells(), 0.0);
    record_.costs = sim_.running_costs_;
    record_.period_care_days.assign(layout_.cost_periods.size(), 0.0);
    record_.placements.assign(layout_.placement_cells(), 0);
    placement_counts_.assign(layout_.placement_categories, 0);
    record_.events = 0;
    arrivals_made_.assign(sc_.arrivals.size(), 0);
    for (size_t s = 0; s < sc_.arrivals.size(); ++s)
      arrival_clocks_.emplace_back(RandomStream::key_for(seed, replication, StreamKind::arrival_clock, s, 0));
    for (const auto& pipeline : sc_.pipelines) {
      stage_queues_.emplace_back(pipeline.stages.size());
      stage_used_.emplace_back(pipeline.stages.size(), 0);
      stage_month_.emplace_back(pipeline.stages.size(), 0);
    }
    if (sc_.has_foster_placements) free_placements_ = sc_.foster_placements.free_at_start;
  }

  void run() {
    place_initial_population();
    for (size_t s = 0; s < sc_.arrivals.size(); ++s) schedule_arrival(s, 0.0);
    if (!sc_.pipelines.empty())
      for (size_t k = 1; k < layout_.months(); ++k)
        push(just_after(layout_.snapshot_times[k]), Event::Kind::month_start, static_cast<uint32_t>(k));
    for (size_t c = 0; c < sim_.placement_changes_.size(); ++c)
      push(sim_.placement_changes_[c].time, Event::Kind::placement_change, static_cast<uint32_t>(c));
    for (size_t j = 0; j < sc_.interventions.size(); ++j)
      if (sc_.interventions[j].kind == Intervention::Kind::move_children)
        push(sim_.clock_time(sc_.interventions[j].start), Event::Kind::move_children, static_cast<uint32_t>(j));

    while (!queue_.empty() && queue_.top().time <= end_) {
      Event event = queue_.top();
      queue_.pop();
      if (event.kind == Event::Kind::child && children_[event.subject].pending_sequence != event.sequence) continue;
      take_snapshots_before(event.time);
      now_ = event.time;
      ++record_.events;
      switch (event.kind) {
        case Event::Kind::child: fire(event.subject); break;
        case Event::Kind::arrival: arrive(event.subject); break;
        case Event::Kind::month_start: open_month(); break;
        case Event::Kind::placement_change: change_placements(sim_.placement_changes_[event.subject].placements); break;
        case Event::Kind::move_children: move_children(sc_.interventions[event.subject], event.subject); break;
      }
    }
    take_snapshots_before(kInfinity);
    now_ = end_;
    for (const Child& child : children_)
      if (child.state >= 0) account_stay(child, end_);
  }

 private:
  // --- time and age -------------------------------------------------------------------------------

  // Clock time at which the child reaches `years`: whole years on the calendar birthday, fractions by
  // interpolating to the next birthday.
  double time_of_age(const Child& child, double years) const {
    if (!std::isfinite(years)) return kInfinity;
    int whole = static_cast<int>(std::floor(years));
    double at = static_cast<double>(days_between(sc_.start_date, anniversary(child.birth_date, whole)));
    double fraction = years - whole;
    if (fraction > 0) {
      double next = static_cast<double>(days_between(sc_.start_date, anniversary(child.birth_date, whole + 1)));
      at += fraction * (next - at);
    }
    return at;
  }

  // A birth day making the child's age on `day` fall uniformly (by day) in the band drawn by `u`.
  int32_t draw_birth_day(const AgeDistribution& ages, int32_t day, double u) const {
    double total = 0;
    for (const auto& b : ages.bands) total += b.share;
    double target = u * total;
    const AgeBand* band = &ages.bands.back();
    double cumulative = 0;
    for (const auto& b : ages.bands) {
      cumulative += b.share;
      if (target < cumulative && b.share > 0) {
        band = &b;
        break;
      }
    }
    // Born on `latest`, the child turns min_years on `day`; born on `earliest`, it turns end_years the day after.
    Date today = sc_.start_date + std::chrono::days{day};
    Date latest = years_before(today, band->min_years);
    Date earliest = years_before(today, band->end_years) + std::chrono::days{1};
    long span = days_between(earliest, latest) + 1;
    // The position of u within the band, so one uniform decides both band and day.
    double within = band->share > 0 ? (target - (cumulative - band->share)) / band->share : 0.0;
    long offset = std::clamp<long>(static_cast<long>(within * static_cast<double>(span)), 0, span - 1);
    return static_cast<int32_t>(days_between(sc_.start_date, earliest) + offset);
  }

  static Date years_before(Date date, int years) {
    using namespace std::chrono;
    year_month_day shifted = year_month_day{date} - std::chrono::years{years};
    if (!shifted.ok()) shifted = year_month_day{year_month_day_last{shifted.year(), month_day_last{shifted.month()}}};
    return sys_days{shifted};
  }

  // The month (t_k, t_k+1] that the current instant belongs to.
  size_t current_month() const { return next_snapshot_ == 0 ? 0 : next_snapshot_ - 1; }

  // --- children -----------------------------------------------------------------------------------

  uint32_t new_child(RandomStream random, const AgeDistribution& ages, int32_t day) {
    uint32_t slot;
    if (!free_slots_.empty()) {
      slot = free_slots_.back();
      free_slots_.pop_back();
    } else {
      slot = static_cast<uint32_t>(children_.size());
      children_.emplace_back();
    }
    Child& child = children_[slot];
    child = Child{};
    child.random = random;
    child.placement_random = RandomStream(mix64(random.key() ^ 0x2545f4914f6cdd1dULL));
    child.id = next_child_id_++;
    child.birth_day = draw_birth_day(ages, day, child.random.uniform());
    child.birth_date = std::chrono::year_month_day{sc_.start_date + std::chrono::days{child.birth_day}};
    child.age_out_at = sc_.has_age_out ? time_of_age(child, sc_.age_out.age_years) : kInfinity;
    if (trace_) trace_->birth_days.push_back(child.birth_day);
    return slot;
  }

  void place_initial_population() {
    for (size_t c = 0; c < sc_.initial_population.size(); ++c) {
      const InitialCohort& cohort = sc_.initial_population[c];
      for (int i = 0; i < cohort.count; ++i) {
        uint32_t slot = new_child(RandomStream(RandomStream::key_for(seed_, replication_, StreamKind::initial_child, c, i)),
                                  cohort.ages, 0);
        Child& child = children_[slot];
        // Always take the draw, given or not, so that adding days_in_state leaves later draws in place.
        double u = child.random.uniform();
        double days_in_state = cohort.has_days_in_state ? draw_time(cohort.days_in_state, u) : 0.0;
        if (trace_) {
          trace_->initial_days_in_state.resize(child.id + 1, 0.0);
          trace_->initial_days_in_state[child.id] = days_in_state;
          add_trace(ChildMove::Kind::initial, child, -1, state_destination(cohort.state), -1);
        }
        if (cohort.pipeline_transition >= 0) {
          occupy(slot, cohort.state, -days_in_state);
          child.pipeline_transition = cohort.pipeline_transition;
          child.stage = cohort.pipeline_stage;
          start_stage(slot);
        } else {
          enter(slot, cohort.state, -days_in_state);
          if (cohort.waiting_for_state >= 0) wait_for_placement(slot, cohort.waiting_for_state);
        }
      }
    }
  }

  void schedule_arrival(size_t stream, double after) {
    double per_day = sc_.arrivals[stream].per_year / kDaysPerYear;
    if (!(per_day > 0)) return;
    double gap = -std::log(arrival_clocks_[stream].uniform()) / per_day;
    push(after + gap, Event::Kind::arrival, static_cast<uint32_t>(stream));
  }

  // The share of arrivals of a stream diverted from care at this instant (overlapping diversions combine
  // as independent chances).
  double diverted_share(size_t stream) const {
    double kept = 1;
    for (const auto& diversion : sim_.diversions_[stream])
      if (diversion.from_time <= now_ && now_ < diversion.to_time) kept *= 1 - diversion.share;
    return 1 - kept;
  }

  void arrive(uint32_t stream) {
    const ArrivalStream& definition = sc_.arrivals[stream];
    uint64_t ordinal = arrivals_made_[stream]++;
    schedule_arrival(stream, now_);
    if (double share = diverted_share(stream); share > 0) {
      // Its own stream: whether one child is diverted changes no other child's numbers.
      RandomStream diversion(RandomStream::key_for(seed_, replication_, StreamKind::diversion, stream, ordinal));
      if (diversion.uniform() < share) {
        count_flow(layout_.diverted_flow);
        return;
      }
    }
    uint32_t slot = new_child(RandomStream(RandomStream::key_for(seed_, replication_, StreamKind::arriving_child, stream, ordinal)),
                              definition.ages, static_cast<int32_t>(std::floor(now_)));
    move(slot, state_destination(definition.state), -1, ChildMove::Kind::arrival);
  }

  static Destination state_destination(int state) { return Destination{Destination::Kind::state, state}; }

  // Puts a child in `state` (entered at clock time `entered_at` <= now) without scheduling anything, in a
  // placement drawn from the state's mix.
  void occupy(uint32_t slot, int state, double entered_at) {
    Child& child = children_[slot];
    child.state = state;
    child.entered_at = entered_at;
    ++counts_[state];
    ++in_care_;
    if (!sc_.placement_mix.empty()) {
      const PlacementMix& mix = sc_.placement_mix[state];
      double target = child.placement_random.uniform(), cumulative = 0;
      child.placement = mix.types.back();
      for (size_t i = 0; i < mix.types.size(); ++i) {
        cumulative += mix.shares[i];
        if (target < cumulative && mix.shares[i] > 0) {
          child.placement = mix.types[i];
          break;
        }
      }
      ++placement_counts_[child.placement];
    }
  }

  void enter(uint32_t slot, int state, double entered_at) {
    occupy(slot, state, entered_at);
    schedule_next(slot);
  }

  // Draws the child's competing transitions from its state (given the time already spent there) and
  // schedules the earliest, or the age-out if that comes first.
  void schedule_next(uint32_t slot) {
    Child& child = children_[slot];
    const double entered_at = child.entered_at;
    const double elapsed = now_ - entered_at;
    double earliest = kInfinity;
    int pending = -1;
    for (int index : sim_.outgoing_[child.state]) {
      const Transition& transition = sc_.transitions[index];
      double u = child.random.uniform();  // taken even when unused, to keep later draws aligned
      double lower = elapsed;
      double upper = kInfinity;  // in-state time at which the child becomes too old
      if (transition.has_age_limits) {
        lower = std::max(lower, time_of_age(child, transition.min_age_years) - entered_at);
        upper = time_of_age(child, transition.max_age_years) - entered_at;
        if (lower >= upper) continue;
      }
      const auto& segments = sim_.rate_segments_[index];
      double in_state = segments.empty() ? draw_time_after(transition.time, lower, u)
                                         : draw_scaled_time(transition.time, segments, entered_at, lower, u);
      if (in_state >= upper) continue;
      double at = entered_at + in_state;
      if (at < earliest) {
        earliest = at;
        pending = index;
      }
    }
    // The age-out happens whatever else is pending.
    if (child.age_out_at <= earliest) schedule_child(slot, child.age_out_at, Child::Pending::age_out, -1);
    else if (std::isfinite(earliest)) schedule_child(slot, earliest, Child::Pending::transition, pending);
    else schedule_child(slot, kInfinity, Child::Pending::none, -1);
  }

  // Inversion with a hazard multiplied by a factor that changes at calendar times: spend the exponential
  // budget -log(u) of cumulative hazard segment by segment, from the time already spent in the state.
  static double draw_scaled_time(const TimeDistribution& time, const std::vector<RateSegment>& segments, double entered_at,
                                 double lower, double u) {
    double budget = -std::log(u);
    double in_state = lower;
    size_t s = 0;
    while (s + 1 < segments.size() && segments[s + 1].from_time <= entered_at + in_state) ++s;
    for (;; ++s) {
      double factor = segments[s].factor;
      double segment_end = s + 1 < segments.size() ? segments[s + 1].from_time - entered_at : kInfinity;
      double hazard_here = cumulative_hazard(time, in_state);
      if (factor > 0) {
        double needed = hazard_here + budget / factor;
        if (!std::isfinite(segment_end) || cumulative_hazard(time, segment_end) >= needed)
          return std::max(in_state, time_at_cumulative_hazard(time, needed));
        budget -= factor * (cumulative_hazard(time, segment_end) - hazard_here);
      } else if (!std::isfinite(segment_end)) {
        return kInfinity;
      }
      in_state = segment_end;
    }
  }

  void schedule_child(uint32_t slot, double time, Child::Pending pending, int transition) {
    Child& child = children_[slot];
    child.pending = pending;
    child.pending_transition = transition;
    if (pending == Child::Pending::none) {
      child.pending_sequence = next_sequence_++;  // a sequence no event carries: nothing is pending
      return;
    }
    child.pending_sequence = push(std::max(time, now_), Event::Kind::child, slot);
  }

  void fire(uint32_t slot) {
    Child& child = children_[slot];
    switch (child.pending) {
      case Child::Pending::age_out: {
        int from = child.state;
        count_flow(layout_.flow_key(from, Destination{Destination::Kind::exit, sc_.age_out.exit}));
        add_trace(ChildMove::Kind::age_out, child, from, Destination{Destination::Kind::exit, sc_.age_out.exit}, -1);
        pay_allowances(child, sc_.age_out.exit);
        bool freed = leave_state(slot);
        release(slot);
        if (freed) offer_placements();
        break;
      }
      case Child::Pending::transition: {
        const Transition& transition = sc_.transitions[child.pending_transition];
        if (transition.via_pipeline >= 0) {
          child.pipeline_transition = child.pending_transition;
          child.stage = 0;
          start_stage(slot);
        } else {
          move(slot, transition.to, child.pending_transition, ChildMove::Kind::transition);
        }
        break;
      }
      case Child::Pending::stage_ready: stage_ready(slot); break;
      case Child::Pending::none: break;
    }
  }

  // Moves a child (from its state, or arriving when it has none) to `to`, respecting the foster
  // placements: a child who needs one when none is free goes to the overflow state to wait, or, already
  // there, stays and waits.
  void move(uint32_t slot, Destination to, int transition, ChildMove::Kind kind) {
    Child& child = children_[slot];
    if (kind == ChildMove::Kind::transition && ++child.moves > kMaxMovesPerChild) refuse_runaway_loop(transition);
    const bool arriving = kind == ChildMove::Kind::arrival;
    const int from = arriving ? OutputLayout::kArrival : child.state;
    const bool had_placement = !arriving && sim_.needs_foster_placement_[from];
    if (to.kind == Destination::Kind::state && sim_.needs_foster_placement_[to.index] && !had_placement) {
      if (free_placements_ <= 0) {
        const int overflow = sc_.foster_placements.overflow_state;
        if (from == overflow) {
          // Already there: the child stays, waits, and carries on under the overflow state's transitions.
          child.pipeline_transition = -1;
          child.stage = -1;
          wait_for_placement(slot, to.index);
          schedule_next(slot);
          return;
        }
        count_flow(layout_.flow_key(from, state_destination(overflow)));
        add_trace(arriving ? ChildMove::Kind::arrival : ChildMove::Kind::overflow, child, from, state_destination(overflow),
                  transition);
        if (!arriving) leave_state(slot);
        enter(slot, overflow, now_);
        wait_for_placement(slot, to.index);
        return;
      }
      --free_placements_;
    }
    count_flow(layout_.flow_key(from, to));
    add_trace(kind, child, from, to, transition);
    bool freed = !arriving && leave_state(slot);
    // A child moving between two foster states keeps its placement.
    if (freed && to.kind == Destination::Kind::state && sim_.needs_foster_placement_[to.index]) freed = false;
    if (to.kind == Destination::Kind::exit) {
      pay_allowances(child, to.index);
      release(slot);
    } else {
      enter(slot, to.index, now_);
    }
    if (freed) {
      ++free_placements_;
      offer_placements();
    }
  }

  // Takes the child out of its state; true if that frees a foster placement.
  bool leave_state(uint32_t slot) {
    Child& child = children_[slot];
    account_stay(child, now_);
    --counts_[child.state];
    --in_care_;
    if (child.placement >= 0) --placement_counts_[child.placement];
    child.waiting_for = -1;
    child.pipeline_transition = -1;
    child.stage = -1;
    child.queued = false;
    return sim_.needs_foster_placement_[child.state] != 0;
  }

  [[noreturn]] void refuse_runaway_loop(int transition) const {
    std::ostringstream message;
    message << "a child moved more than " << kMaxMovesPerChild << " times in one replication, the last time by this "
            << "transition on day " << now_ << ": the waiting times of a loop of states are so short that children "
            << "go round it without end; make them longer (the limit of " << kMaxMovesPerChild
            << " moves per child guards against such loops and cannot be raised)";
    throw InputError("", "/transitions/" + std::to_string(transition) + "/time", message.str());
  }

  void release(uint32_t slot) {
    Child& child = children_[slot];
    child.state = -1;
    child.pending = Child::Pending::none;
    child.pending_sequence = next_sequence_++;  // invalidates any event still queued for this slot
    free_slots_.push_back(slot);
  }

  // --- foster placements --------------------------------------------------------------------------

  void wait_for_placement(uint32_t slot, int wanted) {
    Child& child = children_[slot];
    if (child.waiting_for >= 0) return;  // keeps its place in the queue
    child.waiting_for = wanted;
    waiting_for_placement_.push_back({slot, child.id});
  }

  void change_placements(int placements) {
    free_placements_ += placements;
    offer_placements();
  }

  // Free placements go to the children who have waited longest.
  void offer_placements() {
    while (free_placements_ > 0 && !waiting_for_placement_.empty()) {
      QueueEntry entry = waiting_for_placement_.front();
      waiting_for_placement_.pop_front();
      const Child& child = children_[entry.slot];
      if (child.id != entry.child_id || child.state != sc_.foster_placements.overflow_state || child.waiting_for < 0) continue;
      move(entry.slot, state_destination(child.waiting_for), -1, ChildMove::Kind::step_down);
    }
  }

  // --- pipelines ----------------------------------------------------------------------------------

  const PipelineStage& stage_of(const Child& child) const {
    return sc_.pipelines[sc_.transitions[child.pipeline_transition].via_pipeline].stages[child.stage];
  }

  // The child starts the service time of its current stage; it stays in its state meanwhile.
  void start_stage(uint32_t slot) {
    Child& child = children_[slot];
    child.queued = false;
    double ready = now_ + draw_time(stage_of(child).service_time, child.random.uniform());
    if (child.age_out_at <= ready) schedule_child(slot, child.age_out_at, Child::Pending::age_out, -1);
    else schedule_child(slot, ready, Child::Pending::stage_ready, -1);
  }

  int& used_this_month(int pipeline, int stage) {
    size_t month = current_month();
    if (stage_month_[pipeline][stage] != month) {
      stage_month_[pipeline][stage] = month;
      stage_used_[pipeline][stage] = 0;
    }
    return stage_used_[pipeline][stage];
  }

  int capacity_this_month(int pipeline, int stage) const {
    const auto& capacity = sim_.stage_capacity_[pipeline][stage];
    return capacity[std::min(current_month(), capacity.size() - 1)];
  }

  void stage_ready(uint32_t slot) {
    Child& child = children_[slot];
    int pipeline = sc_.transitions[child.pipeline_transition].via_pipeline;
    int& used = used_this_month(pipeline, child.stage);
    if (used < capacity_this_month(pipeline, child.stage)) {
      ++used;
      finish_stage(slot);
      return;
    }
    child.queued = true;
    stage_queues_[pipeline][child.stage].push_back({slot, child.id});
    // Waiting for the court does not stop the child turning 18.
    if (std::isfinite(child.age_out_at)) schedule_child(slot, child.age_out_at, Child::Pending::age_out, -1);
    else schedule_child(slot, kInfinity, Child::Pending::none, -1);
  }

  void finish_stage(uint32_t slot) {
    Child& child = children_[slot];
    child.queued = false;
    int pipeline = sc_.transitions[child.pipeline_transition].via_pipeline;
    if (++child.stage < static_cast<int>(sc_.pipelines[pipeline].stages.size())) {
      start_stage(slot);
      return;
    }
    int transition = child.pipeline_transition;
    move(slot, sc_.transitions[transition].to, transition, ChildMove::Kind::transition);
  }

  // A new month's capacity lets the longest-waiting cases through.
  void open_month() {
    for (size_t p = 0; p < stage_queues_.size(); ++p)
      for (size_t s = 0; s < stage_queues_[p].size(); ++s) {
        auto& waiting = stage_queues_[p][s];
        int& used = used_this_month(static_cast<int>(p), static_cast<int>(s));
        while (!waiting.empty() && used < capacity_this_month(static_cast<int>(p), static_cast<int>(s))) {
          QueueEntry entry = waiting.front();
          waiting.pop_front();
          const Child& child = children_[entry.slot];
          if (child.id != entry.child_id || !child.queued || child.pipeline_transition < 0 || child.stage != static_cast<int>(s) ||
              sc_.transitions[child.pipeline_transition].via_pipeline != static_cast<int>(p))
            continue;
          ++used;
          finish_stage(entry.slot);
        }
      }
  }

  // --- interventions ------------------------------------------------------------------------------

  // Moves `count` children of a state, chosen by a key of their own random stream so that the same
  // children are chosen in every scenario run with the same seed.
  void move_children(const Intervention& intervention, uint32_t index) {
    std::vector<std::pair<uint64_t, uint32_t>> candidates;
    for (uint32_t slot = 0; slot < children_.size(); ++slot) {
      const Child& child = children_[slot];
      if (child.state == intervention.from_state && child.pipeline_transition < 0)
        candidates.emplace_back(mix64(child.random.key() ^ 0x5bd1e9955bd1e995ULL), slot);
    }
    std::sort(candidates.begin(), candidates.end());
    if (candidates.size() > static_cast<size_t>(intervention.count)) candidates.resize(static_cast<size_t>(intervention.count));
    const int via = sim_.move_pipeline_transition_[index];
    for (const auto& [key, slot] : candidates) {
      Child& child = children_[slot];
      if (via >= 0) {
        child.waiting_for = -1;
        child.pipeline_transition = via;
        child.stage = 0;
        start_stage(slot);
      } else {
        move(slot, intervention.to, -1, ChildMove::Kind::moved);
      }
    }
  }

  // --- recording ----------------------------------------------------------------------------------

  uint64_t push(double time, Event::Kind kind, uint32_t subject) {
    uint64_t sequence = next_sequence_++;
    queue_.push(Event{time, sequence, subject, kind});
    return sequence;
  }

  void add_trace(ChildMove::Kind kind, const Child& child, int from, Destination to, int transition) {
    if (trace_) trace_->moves.push_back({kind, child.id, now_, from, to, transition});
  }

  // Records every snapshot due strictly before `time`: a snapshot at t counts every event at t.
  void take_snapshots_before(double time) {
    while (next_snapshot_ < layout_.snapshots() && layout_.snapshot_times[next_snapshot_] < time) {
      int32_t* row = &record_.stocks[layout_.stock_cell(next_snapshot_, 0)];
      for (size_t s = 0; s < counts_.size(); ++s) row[s] = counts_[s];
      row[counts_.size()] = in_care_;
      for (size_t t = 0; t < placement_counts_.size(); ++t)
        record_.placements[layout_.placement_cell(next_snapshot_, t)] = placement_counts_[t];
      ++next_snapshot_;
    }
  }

  // Flows are counted in the month (t_k, t_k+1] they happen in; moves at the very start (a fixed time
  // already past for the initial population) are part of the starting position, not of any month.
  void count_flow(int key) {
    if (next_snapshot_ == 0 || key < 0) return;
    ++record_.flows[layout_.flow_cell(next_snapshot_ - 1, static_cast<size_t>(key))];
  }

  // What the council goes on paying after a child leaves by `exit`, from now on.
  void pay_allowances(const Child& child, int exit) {
    for (size_t a = 0; a < sc_.costs.allowances.size(); ++a) {
      const Allowance& allowance = sc_.costs.allowances[a];
      if (allowance.exit != exit) continue;
      double until = std::min(now_ + allowance.years * kDaysPerYear, time_of_age(child, allowance.until_age_years));
      sim_.cost_integral_.add(record_.costs, layout_.placement_categories + a, sim_.allowance_tariffs_[a], now_, until);
    }
  }

  // Adds the child's stay in its state up to `until` to the child-days of each month it spans and to the
  // cost of its placement, split exactly at month boundaries: once per stay, never by daily events.
  void account_stay(const Child& child, double until) {
    if (child.placement >= 0)
      sim_.cost_integral_.add(record_.costs, static_cast<size_t>(child.placement), sim_.placement_tariffs_[child.placement],
                              std::max(child.entered_at, 0.0), until);
    sim_.cost_integral_.for_each_period(std::max(child.entered_at, 0.0), until,
                                        [&](size_t period, double a, double b) { record_.period_care_days[period] += b - a; });
    add_care_days(child.state, child.entered_at, until);
  }

  // Adds a stay in `state` over [from, to] to the child-days of each snapshot month it spans.
  void add_care_days(int state, double from, double to) {
    const size_t in_care = layout_.in_care_column();
    sim_.month_walk_.for_each_piece(from, to, [&](size_t month, double a, double b) {
      record_.care_days[layout_.day_cell(month, static_cast<size_t>(state))] += b - a;
      record_.care_days[layout_.day_cell(month, in_care)] += b - a;
    });
  }

  const Simulation& sim_;
  const Scenario& sc_;
  const OutputLayout& layout_;
  uint64_t seed_, replication_;
  ReplicationRecord& record_;
  ChildTrace* trace_;
  const double end_;

  double now_ = 0;
  uint64_t next_sequence_ = 1;
  uint32_t next_child_id_ = 0;
  size_t next_snapshot_ = 0;
  EventQueue<Event> queue_;
  std::vector<Child> children_;
  std::vector<uint32_t> free_slots_;
  std::vector<int32_t> counts_;
  int32_t in_care_ = 0;
  std::vector<RandomStream> arrival_clocks_;
  std::vector<uint64_t> arrivals_made_;
  std::vector<std::vector<std::deque<QueueEntry>>> stage_queues_;
  std::vector<std::vector<int>> stage_used_;
  std::vector<std::vector<size_t>> stage_month_;
  int free_placements_ = 0;
  std::vector<int32_t> placement_counts_;
  std::deque<QueueEntry> waiting_for_placement_;
};

void Simulation::run_replication(uint64_t seed, uint64_t replication, ReplicationRecord& record, ChildTrace* trace) const {
  if (trace) *trace = ChildTrace{};
  ReplicationRun(*this, seed, replication, record, trace).run();
}

}  // namespace caseflow
