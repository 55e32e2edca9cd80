#!/usr/bin/python3
"""Synthetic English councils' care histories, written as SSDA903 returns, to back-test caseflow on data it did not
generate.

This is a model of its own, written apart from caseflow's engine (it shares no code or parameters with it), so a
forecast that does well here has not merely recovered its own assumptions. Its judgements are stated below; they
aim at councils that look plausible against England's published figures, not at any council in particular.

    council = generate_council(7)                       # collection years 2008/09 to 2023/24
    council.write_returns("returns/")                   # episodes_2008.csv ... episodes_2023.csv, header_, uasc_
    council.in_care_on("2020-03-31"); council.counts_by_31_march()
    council.entries_by_year(); council.exits_by_year_and_reason()

    /usr/bin/python3 tests/synthetic/council.py --seed 7 --out DIR   # returns, truth.csv and a description

The model
---------
Entries arrive month by month as a Poisson count whose mean is the council's size times its trend, shocks, season
and a persistent noise; unaccompanied asylum-seeking children (UASC) arrive as a second stream that switches on and
off. A period in care is a walk through legal stages: police protection or an emergency protection order (L1/L2,
days), remand (J2), section 20 (V2), interim care order (C1), care order (C2), placement order (E1), a care order
again if a placement order is revoked, and UASC (V2). In each stage competing hazards, one per destination (another
stage or a way of leaving), depend on the months spent in the stage (bands 0-1, 1-3, 3-6, 6-12, 12-24, 24-48, 48+),
the child's age band (0, 1-4, 5-9, 10-15, 16-17) and calendar time; the times are drawn exactly for hazards constant
within each month (council_careers.py). Everyone still in care leaves on their 18th birthday. Children who go home
may come back (a new period, RNE S). Each stage's spell is then cut into episodes by placement moves, with
placement types, providers and codes drawn by stage and age (council_returns.py). The simulation starts 18 years
before the first collection year at the first year's rates, so the children in care on the first day have the
durations and ages of a council in a steady state; it runs two years past the last, so an episode open on the last
day is open because its end lies in the future, as in a real return.

What a council draws (council_parameters.py), and why
-------------------------------------------------------
- Size: first entries a year log-uniform on 30-400 (small unitary councils to large counties); with the durations
  below, 75-1,100 children in care at the start, and more where entries rise.
- Trend: the log entry rate is piecewise linear, slope uniform on -6% to +8% a year, switching 0, 1 or 2 times
  (probabilities 0.15, 0.5, 0.35) at times at least three years apart: councils' starts have risen and fallen by a
  third within five years as thresholds and leadership changed.
- Shocks: 0, 1 or 2 (0.25, 0.5, 0.25) steps of -25% to +40% (uniform) lasting 1-3 years, starting anywhere in the
  collection years, with two-month ramps: a judgment, an inspection, a new director.
- Season: amplitude 0-12% with a random peak month. Month-to-month noise: a log AR(1) of sd 5-20%, autocorrelation
  0.2-0.7, so counts vary more than Poisson and in runs, as teams' workloads do.
- UASC: 45% of councils receive them, at 5-30% of their first-entry rate while the inflow is on; on and off spells
  of 1-4 and 1-5 years (arrivals, the National Transfer Scheme). Ages 14-17, mostly 16; 95% boys.
- Age at entry: Dirichlet(40 x national shares 19% under 1, 15% 1-4, 17% 5-9, 32% 10-15, 17% 16-17); 45% of babies
  enter in their first week.
- Legal route at entry: interim care order rather than section 20 with probability 70/50/40/22/6% by age band,
  odds times 0.6-1.7 (some councils go to court first); police protection or EPO 3-10%; remand 0-4% of 10-15s and
  twice that of 16-17s.
- Exits: each group of hazards (return home, SGO, adoption, placement orders, CAO, independent living, other,
  proceedings, final orders) has a council multiplier exp(N(0, 0.2)); return home, SGO, placement orders and
  adoption also drift by -3% to +3% a year; 0, 1 or 2 pushes (0.35, 0.45, 0.2) on reunification, SGOs, placement
  orders or moves to independence multiply their group by 1.3-2 (or slow it to 0.5-0.8, one time in three) for
  1.5-4 years. National changes every council shares: placement orders rise to 2013 then fall by about 45% by 2015
  (the Re B-S judgment), adoptions follow the push of 2012-2014, and SGOs rise by about 70% from 2008 to 2016.
- Duration dependence (hazards a year, before multipliers): from section 20 a return home at 1.2 in the first
  month falling to 0.05 after four years; proceedings end mostly 6-24 months after the interim order; adoption from
  a placement order at 1.0-1.2 between 6 and 24 months, barely after age 5; at 16-17 independent living; every
  stay ends at 18. Re-entry after going home 6-18%, after 14 days to a few years.
- Placements: kinship weight x0.5-1.8, residential x0.6-1.6, supported accommodation x0.6-1.5, agency foster
  share 20-60%, moves x0.7-1.4; 0-6 children a year with short breaks only (V3/V4, not in care).

Plausibility (judgements, checked by test_council.py over 50 councils)
---------------------------------------------------------------------
Stated ranges, pooled over 50 councils' leavers in the collection years: 28-40% return home, 10-16% leave on an
SGO, 7-14% are adopted, 14-22% leave on their 18th birthday, and CAOs, independent living before 18 and other
reasons make 20-30%; the median time in care of leavers is 11-18 months; children in care on the first day are
2-3.2 times the first entries a year. Measured for seeds 0-49: 34%, 14%, 10%, 19%, 23%; 13 months; 2.6. England's
recent figures are roughly 30-35% home, 12-13% SGO, 9-10% adopted and 15-20% at 18, about 83,000 children in care
for 33,000 starts (DfE, Children looked after in England, rounded; the categories do not map one to one). The
median stay was not pushed to a year and a half: that needs fewer returns home in the first months than a third
of leavers going home suggests, and we judged the shares the firmer figure. On 31 March 2023 the children in care of
seeds 0-11 are 55% on care orders, 21% section 20 (UASC included), 17% interim orders and 8% placement orders
(England: more care orders, about 14% section 20), about three quarters fostered, 13% in residential care and 5%
placed with parents; 5% under 1, 18% 1-4, 20% 5-9, 40% 10-15, 17% 16-17 (England has more 16-17 year olds, UASC
above all).

Speed: a council of about 2,000 children in care takes about 0.2 s to simulate and 0.4 s more to write its returns.
"""

import argparse
import datetime
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from council_careers import EXITS, simulate_careers                             # noqa: E402
from council_parameters import describe, draw_parameters                        # noqa: E402
from council_returns import ETHNIC, UASC_ETHNIC, add_short_breaks, build_episodes, write_returns  # noqa: E402

WARM_UP_YEARS = 18          # the longest stay: a newborn who stays to 18
BEYOND_YEARS = 2            # simulated past the last day, so open episodes end in the future


def _day(date):
    """A day number (days since 1970-01-01) from an ISO string, a date or a datetime64."""
    if isinstance(date, (datetime.date, str)):
        date = np.datetime64(str(date)[:10])
    return int(np.datetime64(date, "D").astype(np.int64))


class Council:
    """One synthetic council: its parameters, the truth about its children, and its SSDA903 returns."""

    def __init__(self, seed, params):
        self.seed = seed
        self.params = params
        self.first_year, self.last_year = params.first_year, params.last_year
        self.first_day = _day(f"{self.first_year}-04-01")
        self.end_day = _day(f"{self.last_year}-04-01")                   # the day after the last 31 March
        streams = np.random.SeedSequence(seed).spawn(3)
        self._returns_stream = streams[2]
        warm = _day(f"{self.first_year - WARM_UP_YEARS}-04-01")
        beyond = _day(f"{self.last_year + BEYOND_YEARS}-04-01")
        self.careers = simulate_careers(params, np.random.default_rng(streams[1]), warm, beyond)
        self._episodes = None

    # ---- the truth ---------------------------------------------------------------------------------------------

    @property
    def periods(self):
        """Periods in care: child, start, end (NEVER if still in care at the simulation's end), exit (index into
        EXITS, -1 open), uasc. Only those starting before the day after the last 31 March."""
        p = self.careers.period
        m = p["start"] < self.end_day
        return {k: v[m] for k, v in p.items()}

    def in_care_on(self, date):
        """Children in care at 00:00 on `date` (DECOM <= date < DEC; short breaks are not care)."""
        day = _day(date)
        if not self.first_day - 365 * WARM_UP_YEARS <= day < self.end_day:
            raise ValueError(f"{date} is outside the simulated years (up to {self.last_year}-03-31)")
        p = self.careers.period
        return int(((p["start"] <= day) & (p["end"] > day)).sum())

    def march_dates(self):
        """Every 31 March from the one before the first collection year to the last one's end."""
        return [datetime.date(y, 3, 31) for y in range(self.first_year, self.last_year + 1)]

    def counts_by_31_march(self):
        return {d: self.in_care_on(d) for d in self.march_dates()}

    def _collection_year(self, days):
        d = np.asarray(days).astype("datetime64[D]")
        year = d.astype("datetime64[Y]").astype(np.int64) + 1970
        month = d.astype("datetime64[M]").astype(np.int64) % 12 + 1
        return np.where(month >= 4, year, year - 1)

    def entries_by_year(self):
        """Periods starting in each collection year Y/Y+1 (keyed by Y), first entries and re-entries alike."""
        p = self.careers.period
        m = (p["start"] >= self.first_day) & (p["start"] < self.end_day)
        years = self._collection_year(p["start"][m])
        return {y: int((years == y).sum()) for y in range(self.first_year, self.last_year)}

    def exits_by_year_and_reason(self):
        """{Y: {reason: count}} for periods ending in collection year Y/Y+1, reasons as in EXITS (an exit on the
        18th birthday is aged_18 whatever the REC, as caseflow counts it)."""
        p = self.careers.period
        m = (p["end"] >= self.first_day) & (p["end"] < self.end_day)
        years = self._collection_year(p["end"][m])
        reasons = p["exit"][m]
        return {y: {r: int(((years == y) & (reasons == i)).sum()) for i, r in enumerate(EXITS)}
                for y in range(self.first_year, self.last_year)}

    def leaver_durations(self):
        """Days in care of every period ending in the collection years."""
        p = self.careers.period
        m = (p["end"] >= self.first_day) & (p["end"] < self.end_day)
        return p["end"][m] - p["start"][m]

    def describe(self):
        return f"Council seed {self.seed}: " + describe(self.params, self.in_care_on(f"{self.first_year}-03-31"))

    # ---- the returns -------------------------------------------------------------------------------------------

    @property
    def episodes(self):
        """The episodes the returns hold (built on first use): parallel arrays child, decom, dec (NEVER while
        open), rne, ls, cin, place, provider, rec, reason_place_change, urn, short_break."""
        if self._episodes is None:
            rng = np.random.default_rng(self._returns_stream)
            ep = build_episodes(self.careers, self.params, rng, self.first_day, self.end_day)
            n = len(self.careers.dob)
            sb_dob, sb_sex = add_short_breaks(ep, self.params, rng, self.first_day, self.end_day, n)
            self.dob = np.concatenate([self.careers.dob, sb_dob])
            self.sex = np.concatenate([self.careers.sex, sb_sex])
            self.uasc = np.concatenate([self.careers.uasc, np.zeros(len(sb_dob), bool)])
            ethnic = _draw(rng, ETHNIC, len(self.dob))
            ethnic[self.uasc] = _draw(rng, UASC_ETHNIC, int(self.uasc.sum()))
            self.ethnic = ethnic
            self.ids = [f"S{self.seed % 10000:04d}{i:06d}" for i in range(len(self.dob))]
            self._episodes = ep
        return self._episodes

    def write_returns(self, folder, duplicate_share=0.0):
        """Writes episodes_Y.csv, header_Y.csv and uasc_Y.csv for every collection year Y/Y+1; returns the paths.
        duplicate_share > 0 repeats that share of episode rows (seeded), the one kind of mess on offer."""
        ep = self.episodes
        rng = np.random.default_rng([self.seed, 903])
        return write_returns(folder, self.ids, ep, self.dob, self.sex, self.ethnic, self.uasc, self.first_year,
                             self.last_year, duplicate_share, rng)

    def write_truth(self, path):
        with open(path, "w") as f:
            f.write("date,in_care\n")
            for d, n in self.counts_by_31_march().items():
                f.write(f"{d.isoformat()},{n}\n")


def _draw(rng, probabilities, size):
    codes = list(probabilities)
    p = np.array([probabilities[c] for c in codes], float)
    return np.array(codes, dtype=object)[rng.choice(len(codes), size=size, p=p / p.sum())]


def generate_council(seed, first_year=2008, last_year=2024, **overrides):
    """A council simulated from 1 April first_year to 31 March last_year (collection years first_year/first_year+1
    to last_year-1/last_year). Its parameters are drawn from `seed`; `overrides` set any of them by name
    (council_parameters.CouncilParameters), without changing the others or the random draws of the simulation."""
    if last_year <= first_year:
        raise ValueError(f"last_year ({last_year}) must be after first_year ({first_year})")
    params_stream = np.random.SeedSequence(seed).spawn(3)[0]
    params = draw_parameters(np.random.default_rng(params_stream), first_year, last_year).replace(**overrides)
    return Council(seed, params)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Writes a synthetic council's SSDA903 returns and the truth.")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True, help="folder for the returns and truth.csv")
    parser.add_argument("--first-year", type=int, default=2008)
    parser.add_argument("--last-year", type=int, default=2024)
    parser.add_argument("--duplicate-share", type=float, default=0.0,
                        help="share of episode rows written twice (default 0)")
    args = parser.parse_args(argv)
    council = generate_council(args.seed, args.first_year, args.last_year)
    council.write_returns(args.out, args.duplicate_share)
    council.write_truth(os.path.join(args.out, "truth.csv"))
    print(council.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
