"""A synthetic council's parameters: what is drawn, from which ranges, and the calendar series they make.

The ranges and the reasons for them are in council.py's docstring; this module draws them and turns them into
functions of calendar time (decimal years, e.g. 2013.75 for 1 October 2013): the entry rate's level, the exit
groups' multipliers and whether the UASC inflow is on.
"""

import dataclasses
import math

import numpy as np

AGE_BANDS = ("0", "1-4", "5-9", "10-15", "16-17")
# National shares of entries by age band (non-UASC), the centre of every council's draw.
NATIONAL_AGE_SHARES = (0.19, 0.15, 0.17, 0.32, 0.17)

# Groups of transitions whose rates move together over time (a council's push for SGOs moves every SGO hazard).
EXIT_GROUPS = ("home", "sgo", "adopt", "po", "cao", "indep", "other", "proceedings", "final_order")
# The groups a council's push or slowdown can hit, and how each is named in the description.
PUSH_GROUPS = {"home": "reunification", "sgo": "SGOs", "po": "placement orders", "indep": "moves to independence"}


@dataclasses.dataclass
class CouncilParameters:
    """Everything that makes one synthetic council differ from another (times are decimal years)."""

    first_year: int
    last_year: int
    entries_per_year: float                 # first entries a year (non-UASC) on 1 April of first_year
    trend_slopes: tuple                     # log-rate slope a year in each regime (one more than changes)
    regime_changes: tuple                   # when the slope switches (decimal years, increasing)
    shocks: tuple                           # (start, years, factor): a step in the entry rate
    seasonal_amplitude: float               # relative amplitude of the yearly cycle of entries
    seasonal_peak_month: int                # 1-12
    noise_sd: float                         # sd of the log monthly rate's AR(1) noise
    noise_rho: float                        # its month-to-month autocorrelation
    uasc_per_year: float                    # UASC entries a year while the inflow is on (0: none)
    uasc_on: tuple                          # (from, to) intervals when the UASC inflow is on
    age_shares: tuple                       # entries by age band, AGE_BANDS order
    ico_odds: float                         # odds multiplier of starting under an interim care order vs s20
    protect_share: float                    # entries under police protection or an EPO (L1/L2)
    remand_share: float                     # entries of 10-17 year olds on remand (J2)
    group_multipliers: dict                 # group -> the council's constant multiplier of its hazards
    group_slopes: dict                      # group -> log drift a year over the collection years
    exit_pushes: tuple                      # (group, start, years, factor): a push or slowdown of one group
    reentry_probability: float              # of coming back into care after going home (or a CAO)
    kinship_multiplier: float               # weight of kinship foster placements (U1-U3)
    residential_multiplier: float           # weight of children's homes and other residential placements
    supported_multiplier: float             # weight of supported accommodation at 16-17
    agency_foster_share: float              # foster placements with independent agencies (PR4)
    move_rate_multiplier: float             # placement instability
    short_breaks_per_year: float            # children starting a series of short breaks (V3/V4) a year
    national_events: bool = True            # the national changes in placement orders and SGOs (below)

    def replace(self, **overrides):
        """A copy with some fields set by hand; an unknown name is an error (a typo must not pass silently)."""
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise TypeError(f"unknown council parameter(s): {', '.join(unknown)}; known: {', '.join(sorted(names))}")
        return dataclasses.replace(self, **overrides)


def draw_parameters(rng, first_year, last_year):
    """Draws one council's parameters; the order of the draws is fixed, so a seed always gives the same council."""
    start, end = float(first_year) + 0.25, float(last_year) + 0.25   # 1 April of each

    entries = math.exp(rng.uniform(math.log(30), math.log(400)))
    n_changes = int(rng.choice([0, 1, 2], p=[0.15, 0.5, 0.35]))
    changes = _spaced_times(rng, n_changes, start + 2.0, end - 2.0, min_gap=3.0)
    slopes = tuple(float(s) for s in rng.uniform(-0.06, 0.08, size=len(changes) + 1))

    n_shocks = int(rng.choice([0, 1, 2], p=[0.25, 0.5, 0.25]))
    shocks = []
    for _ in range(n_shocks):
        factor = 1.0 + rng.uniform(-0.25, 0.40)
        shocks.append((float(rng.uniform(start, end - 1.0)), float(rng.uniform(1.0, 3.0)), float(factor)))
    shocks.sort()

    amplitude = float(rng.uniform(0.0, 0.12))
    peak = int(rng.integers(1, 13))
    noise_sd = float(rng.uniform(0.05, 0.20))
    noise_rho = float(rng.uniform(0.2, 0.7))

    has_uasc = rng.random() < 0.45
    uasc_rate = float(entries * rng.uniform(0.05, 0.30)) if has_uasc else 0.0
    uasc_on = []
    t = start - 1.0
    on = rng.random() < 0.3
    while t < end + 2.0:
        length = rng.uniform(1.0, 4.0) if on else rng.uniform(1.0, 5.0)
        if on:
            uasc_on.append((float(t), float(min(t + length, end + 2.0))))
        t += length
        on = not on
    if not has_uasc:
        uasc_on = []

    ages = rng.dirichlet(40.0 * np.array(NATIONAL_AGE_SHARES))
    ico_odds = math.exp(rng.uniform(math.log(0.6), math.log(1.7)))
    protect = float(rng.uniform(0.03, 0.10))
    remand = float(rng.uniform(0.0, 0.04))

    multipliers = {g: float(math.exp(rng.normal(0.0, 0.2))) for g in EXIT_GROUPS}
    slopes_by_group = {g: float(rng.uniform(-0.03, 0.03)) if g in ("home", "sgo", "po", "adopt") else 0.0
                       for g in EXIT_GROUPS}
    n_pushes = int(rng.choice([0, 1, 2], p=[0.35, 0.45, 0.2]))
    pushes = []
    for _ in range(n_pushes):
        group = str(rng.choice(list(PUSH_GROUPS)))
        factor = rng.uniform(1.3, 2.0) if rng.random() < 0.7 else rng.uniform(0.5, 0.8)
        pushes.append((group, float(rng.uniform(start, end - 1.5)), float(rng.uniform(1.5, 4.0)), float(factor)))
    pushes.sort(key=lambda p: p[1])

    return CouncilParameters(
        first_year=first_year, last_year=last_year, entries_per_year=float(entries),
        trend_slopes=slopes, regime_changes=tuple(changes), shocks=tuple(shocks),
        seasonal_amplitude=amplitude, seasonal_peak_month=peak, noise_sd=noise_sd, noise_rho=noise_rho,
        uasc_per_year=uasc_rate, uasc_on=tuple(uasc_on), age_shares=tuple(float(a) for a in ages),
        ico_odds=float(ico_odds), protect_share=protect, remand_share=remand,
        group_multipliers=multipliers, group_slopes=slopes_by_group, exit_pushes=tuple(pushes),
        reentry_probability=float(rng.uniform(0.06, 0.18)),
        kinship_multiplier=float(rng.uniform(0.5, 1.8)), residential_multiplier=float(rng.uniform(0.6, 1.6)),
        supported_multiplier=float(rng.uniform(0.6, 1.5)), agency_foster_share=float(rng.uniform(0.2, 0.6)),
        move_rate_multiplier=float(rng.uniform(0.7, 1.4)), short_breaks_per_year=float(rng.uniform(0.0, 6.0)))


def _spaced_times(rng, n, lo, hi, min_gap):
    """n sorted times in [lo, hi], at least min_gap apart (fewer if they do not fit)."""
    for _ in range(100):
        times = np.sort(rng.uniform(lo, hi, size=n))
        if n < 2 or np.all(np.diff(times) >= min_gap):
            return [float(t) for t in times]
    return [float(rng.uniform(lo, hi))] if n else []


# ---- calendar series -------------------------------------------------------------------------------------------

def _ramp_step(t, start, years, ramp=2.0 / 12.0):
    """1 inside [start, start + years], 0 outside, with linear ramps of two months (a change takes weeks to bite)."""
    up = np.clip((t - start) / ramp + 0.5, 0.0, 1.0)
    down = np.clip((start + years - t) / ramp + 0.5, 0.0, 1.0)
    return np.minimum(up, down)


def entry_log_level(p, t):
    """Log of the first-entry rate at times t relative to its level on 1 April of first_year: trend by regime
    (flat before the collection years, so the warm-up is stationary) plus the shocks."""
    t = np.asarray(t, dtype=float)
    start = p.first_year + 0.25
    edges = [start, *p.regime_changes]
    level = np.zeros_like(t)
    for i, slope in enumerate(p.trend_slopes):
        lo = edges[i]
        hi = edges[i + 1] if i + 1 < len(edges) else np.inf
        level += slope * np.clip(np.minimum(t, hi) - lo, 0.0, None)
    for start_s, years, factor in p.shocks:
        level += math.log(factor) * _ramp_step(t, start_s, years)
    return level


def seasonal_factor(p, month_of_year):
    """Multiplier of the entry rate in a calendar month (1-12)."""
    return 1.0 + p.seasonal_amplitude * np.cos(2 * np.pi * (np.asarray(month_of_year) - p.seasonal_peak_month) / 12)


def uasc_switch(p, t):
    """1 where the UASC inflow is on at times t, else 0."""
    t = np.asarray(t, dtype=float)
    on = np.zeros_like(t)
    for lo, hi in p.uasc_on:
        on[(t >= lo) & (t < hi)] = 1.0
    return on


# National changes every council shares (judgements, see council.py): (time, log multiplier) points, linear between.
NATIONAL_LOG_MULTIPLIERS = {
    "po": [(2008.25, 0.0), (2013.0, 0.25), (2013.7, 0.25), (2015.5, -0.35), (2030.0, -0.35)],
    "adopt": [(2008.25, 0.0), (2012.0, 0.15), (2014.5, 0.15), (2016.0, 0.0), (2030.0, 0.0)],
    "sgo": [(2008.25, -0.35), (2014.0, 0.10), (2016.0, 0.20), (2024.0, 0.05), (2030.0, 0.05)],
}


def group_log_multiplier(p, group, t):
    """Log multiplier of a group's hazards at times t: the council's constant, its drift over the collection
    years, its pushes, and the national changes."""
    t = np.asarray(t, dtype=float)
    start, end = p.first_year + 0.25, p.last_year + 0.25
    log_m = np.full_like(t, math.log(p.group_multipliers[group]))
    log_m += p.group_slopes[group] * (np.clip(t, start, end) - start)
    for g, start_p, years, factor in p.exit_pushes:
        if g == group or (g == "po" and group == "adopt"):
            log_m += math.log(factor) * _ramp_step(t, start_p, years)
    if p.national_events and group in NATIONAL_LOG_MULTIPLIERS:
        points = NATIONAL_LOG_MULTIPLIERS[group]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        # before the collection years the national series is held at its value on their first day
        log_m += np.interp(np.maximum(t, start), xs, ys) - np.interp(start, xs, ys)
    return log_m


def describe(p, stock_at_start=None):
    """One paragraph saying what was drawn."""
    def year(t):
        y = int(math.floor(t))
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return f"{months[min(11, int((t - y) * 12))]} {y}"

    parts = [f"About {p.entries_per_year:.0f} first entries a year on 1 April {p.first_year}"
             + (f" ({stock_at_start} children in care that day)" if stock_at_start is not None else "") + "."]
    trend = []
    edges = [p.first_year + 0.25, *p.regime_changes]
    for i, slope in enumerate(p.trend_slopes):
        when = f"from {year(edges[i])}" if i else "at first"
        trend.append(f"{(math.exp(slope) - 1) * 100:+.1f}% a year {when}")
    parts.append("Entry trend " + ", then ".join(trend) + ".")
    if p.shocks:
        parts.append("Shocks: " + "; ".join(f"{(f - 1) * 100:+.0f}% from {year(s)} for {y:.1f} years"
                                             for s, y, f in p.shocks) + ".")
    else:
        parts.append("No shocks.")
    parts.append(f"Seasonal amplitude {p.seasonal_amplitude * 100:.0f}% peaking in month {p.seasonal_peak_month}; "
                 f"monthly noise {p.noise_sd * 100:.0f}% (autocorrelation {p.noise_rho:.2f}).")
    if p.uasc_per_year > 0:
        spans = ", ".join(f"{year(lo)} to {year(hi)}" for lo, hi in p.uasc_on) or "never"
        parts.append(f"UASC {p.uasc_per_year:.0f} a year while on ({spans}).")
    else:
        parts.append("No UASC inflow.")
    parts.append("Ages at entry " + ", ".join(f"{b}: {s * 100:.0f}%" for b, s in zip(AGE_BANDS, p.age_shares))
                 + f"; interim-care-order odds x{p.ico_odds:.2f}.")
    if p.exit_pushes:
        parts.append("Exit changes: " + "; ".join(
            f"{PUSH_GROUPS[g]} x{f:.2f} from {year(s)} for {y:.1f} years" for g, s, y, f in p.exit_pushes) + ".")
    else:
        parts.append("No push on exits.")
    drifts = [f"{g} {(math.exp(s) - 1) * 100:+.1f}%/yr" for g, s in p.group_slopes.items() if s]
    parts.append("Exit drifts: " + ", ".join(drifts) + f"; re-entry after going home {p.reentry_probability * 100:.0f}%.")
    return " ".join(parts)
