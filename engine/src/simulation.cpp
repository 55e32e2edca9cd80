#include "caseflow/simulation.hpp"

#include <cmath>
#include <limits>
#include <queue>
#include <sstream>

#include "caseflow/input_error.hpp"

#include "caseflow/random_stream.hpp"
#include "caseflow/time_distribution.hpp"

namespace caseflow {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kDaysPerYear = 365.25;
// No child in care moves anywhere near this often: a weekly move for 18 years is under 1,000. A child
// who does is caught in a loop of states with waiting times near zero (say lognormal with meanlog -50),
// which would otherwise spin for hours, or for ever once the clock stops advancing.
constexpr uint32_t kMaxMovesPerChild = 10'000;

struct Event {
  enum class Kind : uint32_t { child, arrival };
  double time;
  uint64_t sequence;  // ties in time are broken by scheduling order, so runs are deterministic
  Kind kind;
  uint32_t subject;  // a child slot or an arrival stream
};

struct LaterFirst {
  bool operator()(const Event& a, const Event& b) const {
    return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
  }
};

struct Child {
  int state = -1;
  double entered_at = 0;   // clock time of entry into the current state (negative for the initial population)
  double age_out_at = kInfinity;
  int32_t birth_day = 0;   // days from the start date
  int pending = -1;        // transition due next; -1 means the age-out
  uint32_t id = 0;         // order of first appearance, for traces
  uint32_t moves = 0;      // transitions so far, against kMaxMovesPerChild
  RandomStream random;
};

}  // namespace

Simulation::Simulation(Scenario scenario)
    : scenario_(std::move(scenario)), layout_(OutputLayout::for_scenario(scenario_)), outgoing_(scenario_.states.size()) {
  for (size_t i = 0; i < scenario_.transitions.size(); ++i)
    outgoing_[scenario_.transitions[i].from_state].push_back(static_cast<int>(i));
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
        counts_(sc_.states.size(), 0) {
    record_.stocks.assign(layout_.stock_cells(), 0);
    record_.flows.assign(layout_.flow_cells(), 0);
    record_.events = 0;
    arrivals_made_.assign(sc_.arrivals.size(), 0);
    arrival_clocks_.reserve(sc_.arrivals.size());
    for (size_t s = 0; s < sc_.arrivals.size(); ++s)
      arrival_clocks_.emplace_back(RandomStream::key_for(seed, replication, StreamKind::arrival_clock, s, 0));
  }

  void run() {
    place_initial_population();
    for (size_t s = 0; s < sc_.arrivals.size(); ++s) schedule_arrival(s, 0.0);
    const double end = layout_.snapshot_times.back();
    while (!queue_.empty() && queue_.top().time <= end) {
      Event event = queue_.top();
      queue_.pop();
      take_snapshots_before(event.time);
      now_ = event.time;
      ++record_.events;
      if (event.kind == Event::Kind::arrival) arrive(event.subject);
      else fire(event.subject);
    }
    take_snapshots_before(kInfinity);
  }

 private:
  // --- time and age -------------------------------------------------------------------------------

  // Clock time at which a child born on `birth_day` reaches `years`: whole years on the calendar
  // birthday, fractions by interpolating to the next birthday.
  double time_of_age(int32_t birth_day, double years) const {
    if (!std::isfinite(years)) return kInfinity;
    Date birth = sc_.start_date + std::chrono::days{birth_day};
    int whole = static_cast<int>(std::floor(years));
    double at = static_cast<double>(days_between(sc_.start_date, anniversary(birth, whole)));
    double fraction = years - whole;
    if (fraction > 0) {
      double next = static_cast<double>(days_between(sc_.start_date, anniversary(birth, whole + 1)));
      at += fraction * (next - at);
    }
    return at;
  }

  // A birth day making the child's age on `day` fall uniformly (by day) in the band drawn by `u`.
  int32_t draw_birth_day(const AgeDistribution& ages, int32_t day, double u) const {
    const AgeBand* band = &ages.bands.back();
    double cumulative = 0;
    double total = 0;
    for (const auto& b : ages.bands) total += b.share;
    double target = u * total;
    for (const auto& b : ages.bands) {
      cumulative += b.share;
      if (target < cumulative && b.share > 0) {
        band = &b;
        break;
      }
    }
    // Born on `latest`, the child turns min_years on `day`; born the day after `earliest_excluded`, it
    // turns end_years the day after `day`.
    Date today = sc_.start_date + std::chrono::days{day};
    Date latest = sys_days_minus_years(today, band->min_years);
    Date earliest = sys_days_minus_years(today, band->end_years) + std::chrono::days{1};
    long span = days_between(earliest, latest) + 1;
    // Reuse the position of u within the band so one uniform decides band and day.
    double within = (target - (cumulative - band->share)) / band->share;
    long offset = std::min<long>(span - 1, static_cast<long>(within * static_cast<double>(span)));
    return static_cast<int32_t>(days_between(sc_.start_date, earliest) + offset);
  }

  static Date sys_days_minus_years(Date date, int years) {
    using namespace std::chrono;
    year_month_day shifted = year_month_day{date} - std::chrono::years{years};
    if (!shifted.ok()) shifted = year_month_day{year_month_day_last{shifted.year(), month_day_last{shifted.month()}}};
    return sys_days{shifted};
  }

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
    child.id = next_child_id_++;
    child.birth_day = draw_birth_day(ages, day, child.random.uniform());
    child.age_out_at = sc_.has_age_out ? time_of_age(child.birth_day, sc_.age_out.age_years) : kInfinity;
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
          trace_->moves.push_back({ChildMove::Kind::initial, child.id, 0.0, -1,
                                   {Destination::Kind::state, cohort.state}, -1});
        }
        enter(slot, cohort.state, -days_in_state);
      }
    }
  }

  void schedule_arrival(size_t stream, double after) {
    double per_day = sc_.arrivals[stream].per_year / kDaysPerYear;
    if (!(per_day > 0)) return;
    double gap = -std::log(arrival_clocks_[stream].uniform()) / per_day;
    push({after + gap, 0, Event::Kind::arrival, static_cast<uint32_t>(stream)});
  }

  void arrive(uint32_t stream) {
    const ArrivalStream& definition = sc_.arrivals[stream];
    uint64_t ordinal = arrivals_made_[stream]++;
    uint32_t slot = new_child(RandomStream(RandomStream::key_for(seed_, replication_, StreamKind::arriving_child, stream, ordinal)),
                              definition.ages, static_cast<int32_t>(std::floor(now_)));
    count_flow(layout_.arrival_flow[stream]);
    if (trace_)
      trace_->moves.push_back({ChildMove::Kind::arrival, children_[slot].id, now_, -1,
                               {Destination::Kind::state, definition.state}, -1});
    enter(slot, definition.state, now_);
    schedule_arrival(stream, now_);
  }

  // Puts a child in `state`, entered at clock time `entered_at` (<= now), and schedules its next event.
  void enter(uint32_t slot, int state, double entered_at) {
    Child& child = children_[slot];
    child.state = state;
    child.entered_at = entered_at;
    ++counts_[state];
    ++in_care_;

    double elapsed = now_ - entered_at;
    double earliest = kInfinity;
    int pending = -1;
    for (int index : sim_.outgoing_[state]) {
      const Transition& transition = sc_.transitions[index];
      double u = child.random.uniform();  // taken even when unused, to keep later draws aligned
      double lower = elapsed;
      double upper = kInfinity;  // in-state time at which the child becomes too old
      if (transition.has_age_limits) {
        lower = std::max(lower, time_of_age(child.birth_day, transition.min_age_years) - entered_at);
        upper = time_of_age(child.birth_day, transition.max_age_years) - entered_at;
        if (lower >= upper) continue;
      }
      double in_state = draw_time_after(transition.time, lower, u);
      if (in_state >= upper) continue;
      double at = entered_at + in_state;
      if (at < earliest) {
        earliest = at;
        pending = index;
      }
    }
    // The age-out happens whatever else is pending.
    if (child.age_out_at <= earliest) {
      earliest = child.age_out_at;
      pending = -1;
    }
    child.pending = pending;
    if (std::isfinite(earliest)) push({std::max(earliest, now_), 0, Event::Kind::child, slot});
  }

  void leave_state(Child& child) {
    --counts_[child.state];
    --in_care_;
  }

  void fire(uint32_t slot) {
    Child& child = children_[slot];
    int from = child.state;
    if (child.pending < 0) {
      count_flow(layout_.age_out_flow[from]);
      if (trace_)
        trace_->moves.push_back({ChildMove::Kind::age_out, child.id, now_, from,
                                 {Destination::Kind::exit, sc_.age_out.exit}, -1});
      leave_state(child);
      release(slot);
      return;
    }
    const Transition& transition = sc_.transitions[child.pending];
    if (++child.moves > kMaxMovesPerChild) refuse_runaway_loop(child.pending);
    count_flow(layout_.transition_flow[child.pending]);
    if (trace_)
      trace_->moves.push_back({ChildMove::Kind::transition, child.id, now_, from, transition.to, child.pending});
    leave_state(child);
    if (transition.to.kind == Destination::Kind::exit) release(slot);
    else enter(slot, transition.to.index, now_);
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
    children_[slot].state = -1;
    free_slots_.push_back(slot);
  }

  // --- recording ----------------------------------------------------------------------------------

  void push(Event event) {
    event.sequence = next_sequence_++;
    queue_.push(event);
  }

  // Records every snapshot due strictly before `time`: a snapshot at t counts every event at t.
  void take_snapshots_before(double time) {
    while (next_snapshot_ < layout_.snapshots() && layout_.snapshot_times[next_snapshot_] < time) {
      int32_t* row = &record_.stocks[layout_.stock_cell(next_snapshot_, 0)];
      for (size_t s = 0; s < counts_.size(); ++s) row[s] = counts_[s];
      row[counts_.size()] = in_care_;
      ++next_snapshot_;
    }
  }

  // Flows are counted in the month (t_k, t_k+1] they happen in; moves at the very start (a fixed time
  // already past for the initial population) are part of the starting position, not of any month.
  void count_flow(int key) {
    if (next_snapshot_ == 0) return;
    ++record_.flows[layout_.flow_cell(next_snapshot_ - 1, key)];
  }

  const Simulation& sim_;
  const Scenario& sc_;
  const OutputLayout& layout_;
  uint64_t seed_, replication_;
  ReplicationRecord& record_;
  ChildTrace* trace_;

  double now_ = 0;
  uint64_t next_sequence_ = 0;
  uint32_t next_child_id_ = 0;
  size_t next_snapshot_ = 0;
  std::priority_queue<Event, std::vector<Event>, LaterFirst> queue_;
  std::vector<Child> children_;
  std::vector<uint32_t> free_slots_;
  std::vector<int32_t> counts_;
  int32_t in_care_ = 0;
  std::vector<RandomStream> arrival_clocks_;
  std::vector<uint64_t> arrivals_made_;
};

void Simulation::run_replication(uint64_t seed, uint64_t replication, ReplicationRecord& record, ChildTrace* trace) const {
  if (trace) *trace = ChildTrace{};
  ReplicationRun(*this, seed, replication, record, trace).run();
}

}  // namespace caseflow
