#include "replication_run.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "caseflow/base/input_error.hpp"
#include "caseflow/base/random_stream.hpp"
#include "caseflow/base/units.hpp"
#include "caseflow/scenario/time_distribution.hpp"
#include "caseflow/sim/event_queue.hpp"
#include "child.hpp"
#include "foster_pool.hpp"
#include "legal_stages.hpp"
#include "recorder.hpp"
#include "scaled_time.hpp"

namespace caseflow {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// No child in care moves anywhere near this often: a weekly move for 18 years is under 1,000. A child
// who does is caught in a loop of states with waiting times near zero (say lognormal with meanlog -50),
// which would otherwise spin for hours, or for ever once the clock stops advancing.
constexpr uint32_t kMaxMovesPerChild = 10'000;

struct Event {
  enum class Kind : uint8_t { child, arrival, month_start, placement_change, move_children };
  double time;
  uint64_t sequence;  // ties in time are broken by scheduling order, so runs are deterministic
  uint32_t subject;   // a child slot, an arrival stream, a month, a placement change or an intervention
  Kind kind;
  bool earlier(const Event& other) const { return time != other.time ? time < other.time : sequence < other.sequence; }
};

Destination state_destination(int state) { return Destination{Destination::Kind::state, state}; }

// The state of one replication in progress: the children, the event queue, the legal stages and foster
// placements, and what is recorded.
class ReplicationRun {
 public:
  ReplicationRun(const Simulation& simulation, uint64_t seed, uint64_t replication, ReplicationRecord& record,
                 ChildTrace* trace)
      : sc_(simulation.scenario()),
        layout_(simulation.layout()),
        tables_(simulation.tables()),
        seed_(seed),
        replication_(replication),
        trace_(trace),
        end_(layout_.snapshot_times.back()),
        recorder_(layout_, tables_, simulation.cost_integral(), sc_.states.size(), record),
        legal_stages_(sc_.pipelines, tables_.stage_capacity),
        foster_pool_(sc_.has_foster_placements ? sc_.foster_placements.free_at_start : 0) {
    arrivals_made_.assign(sc_.arrivals.size(), 0);
    for (size_t s = 0; s < sc_.arrivals.size(); ++s)
      arrival_clocks_.emplace_back(RandomStream::key_for(seed, replication, StreamKind::arrival_clock, s, 0));
  }

  void run() {
    place_initial_population();
    for (size_t s = 0; s < sc_.arrivals.size(); ++s) schedule_arrival(s, 0.0);
    if (!sc_.pipelines.empty())
      for (size_t k = 1; k < layout_.months(); ++k)
        push(just_after(layout_.snapshot_times[k]), Event::Kind::month_start, static_cast<uint32_t>(k));
    for (size_t c = 0; c < tables_.placement_changes.size(); ++c)
      push(tables_.placement_changes[c].time, Event::Kind::placement_change, static_cast<uint32_t>(c));
    for (size_t j = 0; j < sc_.interventions.size(); ++j)
      if (sc_.interventions[j].kind == Intervention::Kind::move_children)
        push(clock_time(sc_, sc_.interventions[j].start), Event::Kind::move_children, static_cast<uint32_t>(j));

    while (!queue_.empty() && queue_.top().time <= end_) {
      Event event = queue_.top();
      queue_.pop();
      if (event.kind == Event::Kind::child && children_[event.subject].pending_sequence != event.sequence) continue;
      recorder_.take_snapshots_before(event.time, birth_days_in_care_);
      now_ = event.time;
      recorder_.count_event();
      switch (event.kind) {
        case Event::Kind::child: fire(event.subject); break;
        case Event::Kind::arrival: arrive(event.subject); break;
        case Event::Kind::month_start: open_month(); break;
        case Event::Kind::placement_change: change_placements(tables_.placement_changes[event.subject].placements); break;
        case Event::Kind::move_children: move_children(sc_.interventions[event.subject], event.subject); break;
      }
    }
    recorder_.take_snapshots_before(kInfinity, birth_days_in_care_);  // and the child-days and costs to the end
    now_ = end_;
  }

 private:
  // --- children -----------------------------------------------------------------------------------

  double time_of_age(const Child& child, double years) const { return caseflow::time_of_age(child, sc_.start_date, years); }

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
    child.birth_day = draw_birth_day(ages, sc_.start_date, day, child.random.uniform());
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
    double budget = -std::log(arrival_clocks_[stream].uniform());
    if (tables_.arrival_factors.empty()) {
      push(after + budget / per_day, Event::Kind::arrival, static_cast<uint32_t>(stream));
      return;
    }
    // With drift the rate is constant within each month: spend the exponential budget month by month.
    const auto& times = layout_.snapshot_times;
    const auto& factors = tables_.arrival_factors;
    size_t month = static_cast<size_t>(std::upper_bound(times.begin(), times.end(), after) - times.begin());
    month = std::min(month == 0 ? 0 : month - 1, factors.size() - 1);
    for (double at = after;; ++month) {
      double rate = per_day * factors[std::min(month, factors.size() - 1)];
      double month_end = month + 1 < factors.size() ? times[month + 1] : kInfinity;
      if (rate > 0 && budget <= rate * (month_end - at)) {
        push(at + budget / rate, Event::Kind::arrival, static_cast<uint32_t>(stream));
        return;
      }
      if (!std::isfinite(month_end)) return;
      budget -= rate * (month_end - at);
      at = month_end;
    }
  }

  // The share of arrivals of a stream diverted from care at this instant (overlapping diversions combine
  // as independent chances).
  double diverted_share(size_t stream) const {
    double kept = 1;
    for (const auto& diversion : tables_.diversions[stream])
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
        recorder_.count_flow(layout_.diverted_flow);
        return;
      }
    }
    uint32_t slot = new_child(RandomStream(RandomStream::key_for(seed_, replication_, StreamKind::arriving_child, stream, ordinal)),
                              definition.ages, static_cast<int32_t>(std::floor(now_)));
    move(slot, state_destination(definition.state), -1, ChildMove::Kind::arrival);
  }

  // Puts a child in `state` (entered at clock time `entered_at` <= now) without scheduling anything, in a
  // placement drawn from the state's mix.
  void occupy(uint32_t slot, int state, double entered_at) {
    Child& child = children_[slot];
    child.state = state;
    child.entered_at = entered_at;
    if (child.care_index == Child::kNotInCare) {
      child.care_index = static_cast<uint32_t>(slots_in_care_.size());
      slots_in_care_.push_back(slot);
      birth_days_in_care_.push_back(child.birth_day);
    }
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
    }
    recorder_.occupy(state, child.placement, now_);
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
    for (int index : tables_.outgoing[child.state]) {
      const Transition& transition = sc_.transitions[index];
      double u = child.random.uniform();  // taken even when unused, to keep later draws aligned
      double lower = elapsed;
      double upper = kInfinity;  // in-state time at which the child becomes too old
      if (transition.has_age_limits) {
        lower = std::max(lower, time_of_age(child, transition.min_age_years) - entered_at);
        upper = time_of_age(child, transition.max_age_years) - entered_at;
        if (lower >= upper) continue;
      }
      const auto& segments = tables_.rate_segments[index];
      double in_state = segments.empty() ? draw_time_after(transition.time, lower, u)
                                         : draw_scaled_time(transition.time, segments, entered_at, lower, u,
                                                            std::min({end_, earliest, child.age_out_at}));
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
        recorder_.count_flow(layout_.flow_key(from, Destination{Destination::Kind::exit, sc_.age_out.exit}));
        add_trace(ChildMove::Kind::age_out, child, from, Destination{Destination::Kind::exit, sc_.age_out.exit}, -1);
        pay_allowances(child, sc_.age_out.exit);
        bool freed = leave_state(slot);
        release(slot);
        if (freed) {  // the carer of a child who turns 18 can take another child
          foster_pool_.add(1);
          offer_placements();
        }
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
    const bool had_placement = !arriving && tables_.needs_foster_placement[from];
    if (to.kind == Destination::Kind::state && tables_.needs_foster_placement[to.index] && !had_placement &&
        !foster_pool_.take()) {
      const int overflow = sc_.foster_placements.overflow_state;
      if (from == overflow) {
        // Already there: the child stays, waits, and carries on under the overflow state's transitions.
        child.pipeline_transition = -1;
        child.stage = -1;
        wait_for_placement(slot, to.index);
        schedule_next(slot);
        return;
      }
      recorder_.count_flow(layout_.flow_key(from, state_destination(overflow)));
      add_trace(arriving ? ChildMove::Kind::arrival : ChildMove::Kind::overflow, child, from, state_destination(overflow),
                transition);
      if (!arriving) leave_state(slot);
      enter(slot, overflow, now_);
      wait_for_placement(slot, to.index);
      return;
    }
    recorder_.count_flow(layout_.flow_key(from, to));
    add_trace(kind, child, from, to, transition);
    bool freed = !arriving && leave_state(slot);
    // A child moving between two foster states keeps its placement.
    if (freed && to.kind == Destination::Kind::state && tables_.needs_foster_placement[to.index]) freed = false;
    if (to.kind == Destination::Kind::exit) {
      pay_allowances(child, to.index);
      release(slot);
    } else {
      enter(slot, to.index, now_);
    }
    if (freed) {
      foster_pool_.add(1);
      offer_placements();
    }
  }

  // Takes the child out of its state; true if that frees a foster placement.
  bool leave_state(uint32_t slot) {
    Child& child = children_[slot];
    recorder_.vacate(child.state, child.placement, now_);
    child.waiting_for = -1;
    child.pipeline_transition = -1;
    child.stage = -1;
    child.queued = false;
    return tables_.needs_foster_placement[child.state] != 0;
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
    // Out of the list of children in care: the last one takes its place.
    if (child.care_index != Child::kNotInCare) {
      const uint32_t index = child.care_index;
      slots_in_care_[index] = slots_in_care_.back();
      birth_days_in_care_[index] = birth_days_in_care_.back();
      children_[slots_in_care_[index]].care_index = index;
      slots_in_care_.pop_back();
      birth_days_in_care_.pop_back();
      child.care_index = Child::kNotInCare;
    }
    child.pending = Child::Pending::none;
    child.pending_sequence = next_sequence_++;  // invalidates any event still queued for this slot
    free_slots_.push_back(slot);
  }

  // --- foster placements --------------------------------------------------------------------------

  void wait_for_placement(uint32_t slot, int wanted) {
    Child& child = children_[slot];
    if (child.waiting_for >= 0) return;  // keeps its place in the queue
    child.waiting_for = wanted;
    foster_pool_.wait({slot, child.id});
  }

  void change_placements(int placements) {
    foster_pool_.add(placements);
    offer_placements();
  }

  // Free placements go to the children who have waited longest.
  void offer_placements() {
    auto still_waiting = [&](QueueEntry entry) {
      const Child& child = children_[entry.slot];
      return child.id == entry.child_id && child.state == sc_.foster_placements.overflow_state && child.waiting_for >= 0;
    };
    while (auto slot = foster_pool_.next_to_place(still_waiting))
      move(*slot, state_destination(children_[*slot].waiting_for), -1, ChildMove::Kind::step_down);
  }

  // --- legal pipelines ----------------------------------------------------------------------------

  const PipelineStage& stage_of(const Child& child) const {
    return sc_.pipelines[sc_.transitions[child.pipeline_transition].via_pipeline].stages[child.stage];
  }

  // The child starts the service time of its current stage; it stays in its state meanwhile.
  void start_stage(uint32_t slot) {
    Child& child = children_[slot];
    child.queued = false;
    double ready = now_ + draw_service_time(stage_of(child).service_time, child.random.uniform());
    if (child.age_out_at <= ready) schedule_child(slot, child.age_out_at, Child::Pending::age_out, -1);
    else schedule_child(slot, ready, Child::Pending::stage_ready, -1);
  }

  void stage_ready(uint32_t slot) {
    Child& child = children_[slot];
    auto pipeline = static_cast<size_t>(sc_.transitions[child.pipeline_transition].via_pipeline);
    if (legal_stages_.request(pipeline, static_cast<size_t>(child.stage), recorder_.current_month(), {slot, child.id})) {
      finish_stage(slot);
      return;
    }
    child.queued = true;
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
    const size_t month = recorder_.current_month();
    for (size_t p = 0; p < legal_stages_.pipelines(); ++p)
      for (size_t s = 0; s < legal_stages_.stages(p); ++s) {
        auto still_waiting = [&](QueueEntry entry) {
          const Child& child = children_[entry.slot];
          return child.id == entry.child_id && child.queued && child.pipeline_transition >= 0 &&
                 child.stage == static_cast<int>(s) &&
                 sc_.transitions[child.pipeline_transition].via_pipeline == static_cast<int>(p);
        };
        while (auto slot = legal_stages_.let_through(p, s, month, still_waiting)) finish_stage(*slot);
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
    const int via = tables_.move_pipeline_transition[index];
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

  // --- events and traces --------------------------------------------------------------------------

  uint64_t push(double time, Event::Kind kind, uint32_t subject) {
    uint64_t sequence = next_sequence_++;
    queue_.push(Event{time, sequence, subject, kind});
    return sequence;
  }

  void add_trace(ChildMove::Kind kind, const Child& child, int from, Destination to, int transition) {
    if (trace_) trace_->moves.push_back({kind, child.id, now_, from, to, transition});
  }

  // What the council goes on paying after a child leaves by `exit`, from now on.
  void pay_allowances(const Child& child, int exit) {
    for (size_t a = 0; a < sc_.costs.allowances.size(); ++a) {
      const Allowance& allowance = sc_.costs.allowances[a];
      if (allowance.exit != exit) continue;
      double until = std::min(now_ + allowance.years * kDaysPerYear, time_of_age(child, allowance.until_age_years));
      recorder_.pay_allowance(a, now_, until);
    }
  }

  const Scenario& sc_;
  const OutputLayout& layout_;
  const SimulationTables& tables_;
  uint64_t seed_, replication_;
  ChildTrace* trace_;
  const double end_;

  double now_ = 0;
  uint64_t next_sequence_ = 1;
  uint32_t next_child_id_ = 0;
  EventQueue<Event> queue_;
  std::vector<Child> children_;
  std::vector<uint32_t> free_slots_;
  // The children in care, packed, for counting them by age at every snapshot without walking every slot:
  // their birth days, and their slots (to move a child's care_index when it takes the place of one leaving).
  std::vector<int32_t> birth_days_in_care_;
  std::vector<uint32_t> slots_in_care_;
  std::vector<RandomStream> arrival_clocks_;
  std::vector<uint64_t> arrivals_made_;
  Recorder recorder_;
  LegalStages legal_stages_;
  FosterPool foster_pool_;
};

}  // namespace

void run_one_replication(const Simulation& simulation, uint64_t seed, uint64_t replication,
                         ReplicationRecord& record, ChildTrace* trace) {
  ReplicationRun(simulation, seed, replication, record, trace).run();
}

}  // namespace caseflow
