"""Care careers: who enters care when, at what age, and the legal stages each child goes through until they leave.

Each period in care is a walk through legal stages (police protection or remand, section 20, interim care order,
care order, placement order, ...). In each stage the child meets competing hazards, one per destination, that
depend on the time spent in the stage (duration bands), the child's age band and calendar time (the group
multipliers of council_parameters); they are constant within a month of duration, evaluated at the month's middle.
Children are independent of one another, so all the children entering a stage are sampled together: the cumulative
hazard month by month, the first month where it passes an exponential draw, the day inside that month (exact for a
constant hazard), then the destination in proportion to the hazards of that month. A child still in care on their
18th birthday leaves that day. Days are whole: a child is in care at 00:00 of day D when start <= D < end.
"""

import numpy as np

from council_parameters import AGE_BANDS, EXIT_GROUPS, entry_log_level, group_log_multiplier, seasonal_factor, \
    uasc_switch

YEAR = 365.25
MONTH = YEAR / 12
NEVER = np.iinfo(np.int64).max // 4          # "no end yet" (open at the end of the simulation)
DURATION_EDGES_MONTHS = np.array([1, 3, 6, 12, 24, 48])   # bands 0-1, 1-3, 3-6, 6-12, 12-24, 24-48, 48+ months
AGE_EDGES_DAYS = np.array([1, 5, 10, 16]) * YEAR           # bands of AGE_BANDS

EXITS = ("returned_home", "sgo", "adopted", "cao", "independent_living", "aged_18", "other")
EXIT_INDEX = {name: i for i, name in enumerate(EXITS)}
OPEN = -1                                                 # period or spell still open

# Reason-ceased codes by exit (probabilities). SGO codes depend on the last placement and are chosen with it.
HOME = {"E4A": 0.72, "E4B": 0.10, "E13": 0.18}
ADOPTED = {"E11": 0.7, "E12": 0.3}
CAO = {"E41": 1.0}
INDEPENDENT = {"E5": 0.75, "E6": 0.25}
OTHER = {"E8": 0.55, "E3": 0.25, "E16": 0.08, "E9": 0.05, "E7": 0.04, "E2": 0.03}
REMAND_ENDED = {"E14": 0.75, "E9": 0.25}
UASC_EARLY = {"E3": 0.55, "E15": 0.3, "E8": 0.15}       # National Transfer Scheme, age assessment, missing
AT_18 = {"E17": 0.30, "E5": 0.33, "E6": 0.10, "E8": 0.12, "E4A": 0.05, "E13": 0.05, "E7": 0.05}
UASC_AT_18 = {"E5": 0.45, "E6": 0.15, "E17": 0.20, "E8": 0.10, "E15": 0.10}
SGO = {"SGO": 1.0}
REC_CODES = ("E4A", "E4B", "E13", "E11", "E12", "E41", "E5", "E6", "E8", "E3", "E16", "E9", "E7", "E2", "E14",
             "E15", "E17", "SGO")
REC_INDEX = {code: i for i, code in enumerate(REC_CODES)}
EXIT_RECS = {"returned_home": HOME, "sgo": SGO, "adopted": ADOPTED, "cao": CAO, "independent_living": INDEPENDENT,
             "other": OTHER}

ALL_AGES = (1, 1, 1, 1, 1)
ONLY_16_17 = (0, 0, 0, 0, 1)


def _d(target, per_year, ages=ALL_AGES, group="none", recs=None):
    """A destination: hazard a year by duration band, multiplier by age band, calendar group, REC codes."""
    return dict(target=target, hazard=np.array(per_year, float), ages=np.array(ages, float), group=group,
                recs=recs if recs is not None else EXIT_RECS.get(target))


# Hazards a year by months in the stage: 0-1, 1-3, 3-6, 6-12, 12-24, 24-48, 48+. Ages: 0, 1-4, 5-9, 10-15, 16-17.
_CARE_ORDER = [
    _d("returned_home", (0.02, 0.04, 0.08, 0.09, 0.07, 0.05, 0.035), (0.5, 0.8, 1.0, 1.2, 1.0), "home"),
    _d("sgo", (0.0, 0.01, 0.03, 0.06, 0.06, 0.04, 0.03), (1.3, 1.3, 1.0, 0.6, 0.2), "sgo"),
    _d("cao", (0.01, 0.01, 0.02, 0.02, 0.02, 0.02, 0.01), group="cao"),
    _d("independent_living", (0.15,) * 7, ONLY_16_17, "indep"),
    _d("other", (0.02,) * 7, group="other"),
]
STAGES = {
    # police protection (L1) or an emergency protection order (L2): days, then home or on to s20 or proceedings
    "protect": [
        _d("returned_home", (6, 2, 1, 0.5, 0.5, 0.5, 0.5), group="home"),
        _d("s20", (6, 3, 1.5, 1, 1, 1, 1), (0.5, 0.8, 1.0, 1.3, 1.3)),
        _d("ico", (5, 3, 1.5, 1, 1, 1, 1), (2.0, 1.5, 1.0, 0.5, 0.2), "proceedings"),
        _d("other", (0.5,) * 7, group="other"),
    ],
    # remanded to local authority accommodation (J2), 10-17 year olds
    "remand": [
        _d("other", (4, 4, 3, 2, 2, 2, 2), group="other", recs=REMAND_ENDED),
        _d("s20", (1, 1, 1, 0.5, 0.5, 0.5, 0.5)),
        _d("returned_home", (0.5,) * 7, group="home"),
    ],
    # accommodated under section 20 (V2): most go home within months; some go to court
    "s20": [
        _d("returned_home", (1.2, 0.9, 0.55, 0.3, 0.18, 0.1, 0.05), (0.6, 0.8, 1.0, 0.8, 0.5), "home"),
        _d("ico", (0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3), (2.0, 1.5, 1.0, 0.8, 0.35), "proceedings"),
        _d("sgo", (0.0, 0.03, 0.06, 0.08, 0.07, 0.05, 0.03), (1.0, 1.0, 1.0, 0.6, 0.2), "sgo"),
        _d("cao", (0.03, 0.03, 0.03, 0.03, 0.03, 0.02, 0.02), group="cao"),
        _d("independent_living", (0.04, 0.08, 0.15, 0.25, 0.3, 0.3, 0.3), ONLY_16_17, "indep"),
        _d("other", (0.2, 0.15, 0.08, 0.06, 0.05, 0.04, 0.03), group="other"),
    ],
    # interim care order (C1): care proceedings of six months to a year and their outcome
    "ico": [
        _d("co", (0.05, 0.2, 0.6, 1.5, 2.0, 2.0, 2.0), (0.8, 1.0, 1.1, 1.2, 1.3), "final_order"),
        _d("po", (0.0, 0.05, 0.5, 1.6, 1.6, 1.2, 1.0), (2.5, 1.4, 0.3, 0.02, 0.0), "po"),
        _d("sgo", (0.0, 0.02, 0.1, 0.25, 0.3, 0.25, 0.25), (1.2, 1.2, 1.0, 0.6, 0.2), "sgo"),
        _d("cao", (0.0, 0.02, 0.07, 0.14, 0.14, 0.14, 0.14), group="cao"),
        _d("returned_home", (0.4, 0.2, 0.12, 0.12, 0.12, 0.12, 0.12), group="home"),
        _d("other", (0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05), group="other"),
    ],
    # full care order (C2): long stays; a late plan for adoption for the youngest
    "co": _CARE_ORDER + [_d("po", (0.0, 0.05, 0.10, 0.10, 0.05, 0.02, 0.0), (1.5, 1.0, 0.2, 0.0, 0.0), "po")],
    # placement order (E1): adoption after 6-24 months, mostly for the youngest; some orders revoked
    "po": [
        _d("adopted", (0.0, 0.0, 0.1, 1.0, 1.2, 0.8, 0.4), (1.2, 1.0, 0.4, 0.05, 0.0), "adopt"),
        _d("co_after_po", (0.0, 0.0, 0.02, 0.05, 0.15, 0.3, 0.3)),
        _d("sgo", (0.0, 0.01, 0.03, 0.05, 0.05, 0.05, 0.05), group="sgo"),
        _d("other", (0.01,) * 7, group="other"),
    ],
    # care order again after a placement order is revoked: no second plan for adoption
    "co_after_po": list(_CARE_ORDER),
    # unaccompanied asylum-seeking children (V2): transfers and age assessments early, then most stay to 18
    "uasc": [
        _d("other", (2.0, 0.5, 0.1, 0.05, 0.05, 0.05, 0.05), recs=UASC_EARLY),
        _d("independent_living", (0.05, 0.1, 0.2, 0.3, 0.3, 0.3, 0.3), ONLY_16_17, "indep"),
        _d("other", (0.03,) * 7, group="other"),
    ],
}
STAGE_ORDER = ("protect", "remand", "uasc", "s20", "ico", "co", "po", "co_after_po")   # every move goes forward
STAGE_INDEX = {name: i for i, name in enumerate(STAGE_ORDER)}
# Chance of starting a period under an interim care order rather than section 20, by age band (before the
# council's odds multiplier).
ICO_AT_ENTRY = np.array([0.70, 0.50, 0.40, 0.22, 0.06])


def decimal_year(day):
    return 1970.0 + np.asarray(day, dtype=float) / 365.2425


def eighteenth_birthday(dob):
    """Day numbers of the 18th birthdays (no one is born on 29 February here, so the date always exists)."""
    dob = np.asarray(dob).astype("datetime64[D]")
    month = dob.astype("datetime64[M]")
    return ((month + np.timedelta64(216, "M")).astype("datetime64[D]") + (dob - month.astype("datetime64[D]"))
            ).astype(np.int64)


def draw_choice(rng, table, size):
    """Draws from {code: probability}, returning indices into REC_CODES."""
    codes = list(table)
    p = np.array([table[c] for c in codes], float)
    picks = rng.choice(len(codes), size=size, p=p / p.sum())
    return np.array([REC_INDEX[c] for c in codes], np.int64)[picks]


class CalendarTables:
    """Hazard tables by (duration band, age band, calendar month) for every stage and destination."""

    def __init__(self, params, origin_day, end_day):
        self.origin = origin_day
        self.n_months = int(np.ceil((end_day - origin_day) / MONTH)) + 2
        mid = decimal_year(origin_day + (np.arange(self.n_months) + 0.5) * MONTH)
        group = {g: np.exp(group_log_multiplier(params, g, mid)) for g in EXIT_GROUPS}
        group["none"] = np.ones(self.n_months)
        self.by_stage = {}
        for stage, dests in STAGES.items():
            tables = np.stack([d["hazard"][:, None, None] * d["ages"][None, :, None] * group[d["group"]][None, None, :]
                               for d in dests])
            self.by_stage[stage] = (tables.reshape(len(dests), -1), tables.sum(axis=0).ravel())


def sample_stage(rng, tables, stage, t0, age0, end_day, chunk=2048):
    """For children entering `stage` on days t0 aged age0 days, who leave care at end_day at the latest (their 18th
    birthday or the end of the simulation): the day they leave the stage and the index of the destination taken,
    or -1 if they reach end_day first."""
    per_dest, total = tables.by_stage[stage]
    n = len(t0)
    t1 = np.empty(n, np.int64)
    dest = np.full(n, -1, np.int64)
    need = np.maximum(1, np.ceil((end_day - t0) / MONTH).astype(np.int64))
    order = np.argsort(need, kind="stable")
    n_age = len(AGE_BANDS)
    for lo in range(0, n, chunk):
        idx = order[lo:lo + chunk]
        months = int(need[idx].max())
        mid = np.arange(months) + 0.5
        band = np.searchsorted(DURATION_EDGES_MONTHS, mid, side="right")
        age_band = np.searchsorted(AGE_EDGES_DAYS, age0[idx, None] + mid * MONTH, side="right")
        cal = np.minimum(((t0[idx, None] - tables.origin) / MONTH + mid).astype(np.int64), tables.n_months - 1)
        flat = (band[None, :] * n_age + age_band) * tables.n_months + cal
        h = total[flat] / 12.0                       # hazard per month
        cum = np.cumsum(h, axis=1)
        e = rng.exponential(size=len(idx))
        k = (cum < e[:, None]).sum(axis=1)
        hit = k < months
        rows = np.nonzero(hit)[0]
        kk = k[rows]
        before = np.where(kk > 0, cum[rows, np.maximum(kk - 1, 0)], 0.0)
        frac = (e[rows] - before) / h[rows, kk]
        day = t0[idx][rows] + np.maximum(1, np.ceil((kk + frac) * MONTH)).astype(np.int64)
        took = np.full(len(idx), -1, np.int64)
        leave = np.full(len(idx), NEVER, np.int64)
        leave[rows] = day
        # destination in proportion to the destinations' hazards in the month of the move
        w = per_dest[:, flat[rows, kk]].T
        u = rng.random(len(rows)) * w.sum(axis=1)
        took[rows] = np.minimum((np.cumsum(w, axis=1) < u[:, None]).sum(axis=1), w.shape[1] - 1)
        late = leave >= end_day[idx]
        took[late] = -1
        leave[late] = end_day[idx][late]
        t1[idx] = leave
        dest[idx] = took
    return t1, dest


def draw_entries(params, rng, start_day, end_day):
    """First entries (non-UASC) and UASC entries, month by month: (days, ages in days, UASC flags)."""
    months = np.arange(np.datetime64(int(start_day), "D").astype("datetime64[M]"),
                       np.datetime64(int(end_day), "D").astype("datetime64[M]") + 1)
    first = months.astype("datetime64[D]").astype(np.int64)
    length = (months + 1).astype("datetime64[D]").astype(np.int64) - first
    mid = decimal_year(first + length / 2)
    month_of_year = months.astype(int) % 12 + 1
    noise = np.empty(len(months))
    innovation = rng.normal(0.0, params.noise_sd * np.sqrt(1 - params.noise_rho ** 2), len(months))
    noise[0] = rng.normal(0.0, params.noise_sd)
    for i in range(1, len(months)):
        noise[i] = params.noise_rho * noise[i - 1] + innovation[i]
    rate = (params.entries_per_year * length / YEAR * np.exp(entry_log_level(params, mid) + noise)
            * seasonal_factor(params, month_of_year))
    count = rng.poisson(rate)
    uasc_count = rng.poisson(params.uasc_per_year * length / YEAR * uasc_switch(params, mid))

    def days(counts):
        m = np.repeat(np.arange(len(months)), counts)
        return first[m] + (rng.random(len(m)) * length[m]).astype(np.int64)

    day = days(count)
    band = rng.choice(len(AGE_BANDS), size=len(day), p=np.array(params.age_shares) / sum(params.age_shares))
    lo = np.array([0.0, 1, 5, 10, 16])[band] * YEAR
    hi = np.array([1.0, 5, 10, 16, 18])[band] * YEAR - np.where(band == 4, 3.0, 0.0)
    age = lo + rng.random(len(day)) * (hi - lo)
    newborn = (band == 0) & (rng.random(len(day)) < 0.45)        # many babies come into care in their first week
    age[newborn] = rng.random(newborn.sum()) * 7.0
    u_day = days(uasc_count)
    u_age = rng.choice([14.0, 15.0, 16.0, 17.0], size=len(u_day), p=[0.08, 0.22, 0.45, 0.25]) * YEAR \
        + rng.random(len(u_day)) * (YEAR - 3.0)
    all_day = np.concatenate([day, u_day])
    all_age = np.floor(np.concatenate([age, u_age])).astype(np.int64)
    uasc = np.concatenate([np.zeros(len(day), bool), np.ones(len(u_day), bool)])
    return all_day, all_age, uasc


def entry_stages(params, rng, age_days, uasc):
    """The legal stage each period starts in."""
    band = np.searchsorted(AGE_EDGES_DAYS, age_days, side="right")
    odds = ICO_AT_ENTRY[band] / (1 - ICO_AT_ENTRY[band]) * params.ico_odds
    p_ico = odds / (1 + odds)
    p_remand = np.where(band >= 3, params.remand_share * np.where(band == 4, 2.0, 1.0), 0.0)
    u = rng.random(len(age_days))
    stage = np.full(len(age_days), STAGE_INDEX["s20"])
    stage[u < params.protect_share + p_remand + (1 - params.protect_share - p_remand) * p_ico] = STAGE_INDEX["ico"]
    stage[u < params.protect_share + p_remand] = STAGE_INDEX["remand"]
    stage[u < params.protect_share] = STAGE_INDEX["protect"]
    stage[uasc] = STAGE_INDEX["uasc"]
    return stage


class Careers:
    """Children, their periods in care and the legal-stage spells of each period, as parallel arrays."""

    def __init__(self):
        self.dob = self.sex = self.uasc = None                     # by child
        self.period = {}                                           # child, start, end, exit, rec, uasc
        self.spell = {}                                            # period, stage, t0, t1, next_stage


def simulate_careers(params, rng, warmup_day, end_day):
    """Every period in care that starts in [warmup_day, end_day), followed to its end or to end_day."""
    day, age, uasc = draw_entries(params, rng, warmup_day, end_day)
    keep = (day >= warmup_day) & (day < end_day)
    day, age, uasc = day[keep], age[keep], uasc[keep]
    dob = day - age
    leap = np.datetime_as_string(dob.astype("datetime64[D]"))
    feb29 = np.char.endswith(leap.astype(str), "-02-29")
    dob[feb29] -= 1                                                # nobody is born on 29 February: see above
    n_children = len(day)
    careers = Careers()
    careers.dob = dob
    careers.uasc = uasc
    careers.sex = np.where(uasc, np.where(rng.random(n_children) < 0.95, 1, 2),
                           np.where(rng.random(n_children) < 0.55, 1, 2))
    age18 = eighteenth_birthday(dob)
    tables = CalendarTables(params, warmup_day, end_day)

    periods = {k: [] for k in ("child", "start", "end", "exit", "rec", "uasc")}
    spells = {k: [] for k in ("period", "stage", "t0", "t1", "next_stage")}
    child = np.arange(n_children)
    start = day
    n_periods = 0
    for _ in range(4):                                             # first entries, then up to three re-entries
        if len(child) == 0:
            break
        pid = n_periods + np.arange(len(child))
        n_periods += len(child)
        end = np.full(len(child), NEVER, np.int64)
        exit_ = np.full(len(child), OPEN, np.int64)
        rec = np.full(len(child), -1, np.int64)
        stage0 = entry_stages(params, rng, start - dob[child], uasc[child])
        pending = {s: ([], []) for s in STAGE_ORDER}
        for s in STAGE_ORDER:
            pending[s][0].append(np.nonzero(stage0 == STAGE_INDEX[s])[0])
            pending[s][1].append(start[stage0 == STAGE_INDEX[s]])
        for s in STAGE_ORDER:
            local = np.concatenate(pending[s][0])
            t0 = np.concatenate(pending[s][1])
            if len(local) == 0:
                continue
            c = child[local]
            limit = np.minimum(age18[c], end_day)
            t1, took = sample_stage(rng, tables, s, t0, t0 - dob[c], limit)
            dests = STAGES[s]
            next_stage = np.full(len(local), -1, np.int64)
            for j, d in enumerate(dests):
                m = took == j
                if not m.any():
                    continue
                if d["target"] in STAGE_INDEX:
                    next_stage[m] = STAGE_INDEX[d["target"]]
                    pending[d["target"]][0].append(local[m])
                    pending[d["target"]][1].append(t1[m])
                else:
                    end[local[m]] = t1[m]
                    exit_[local[m]] = EXIT_INDEX[d["target"]]
                    rec[local[m]] = draw_choice(rng, d["recs"], int(m.sum()))
            aged = (took == -1) & (t1 == age18[c]) & (age18[c] < end_day)
            end[local[aged]] = t1[aged]
            exit_[local[aged]] = EXIT_INDEX["aged_18"]
            rec[local[aged]] = np.where(uasc[c[aged]], draw_choice(rng, UASC_AT_18, int(aged.sum())),
                                        draw_choice(rng, AT_18, int(aged.sum())))
            t1 = np.where((took == -1) & ~aged, NEVER, t1)
            spells["period"].append(pid[local])
            spells["stage"].append(np.full(len(local), STAGE_INDEX[s]))
            spells["t0"].append(t0)
            spells["t1"].append(t1)
            spells["next_stage"].append(next_stage)
        for k, v in (("child", child), ("start", start), ("end", end), ("exit", exit_), ("rec", rec),
                     ("uasc", uasc[child])):
            periods[k].append(v)
        # some children who went home (or to a relative under a CAO) come back into care
        back = np.isin(exit_, [EXIT_INDEX["returned_home"], EXIT_INDEX["cao"]]) & \
            (rng.random(len(child)) < params.reentry_probability)
        delay = 14 + rng.gamma(1.5, 240.0, size=len(child)).astype(np.int64)
        again = end + delay
        back &= (again < age18[child] - 30) & (again < end_day)
        child, start = child[back], again[back]
    careers.period = {k: np.concatenate(v) for k, v in periods.items()}
    spell = {k: np.concatenate(v) for k, v in spells.items()}
    order = np.lexsort((spell["t0"], spell["period"]))
    careers.spell = {k: v[order] for k, v in spell.items()}
    return careers
