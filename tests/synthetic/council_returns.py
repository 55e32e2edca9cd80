"""From care careers to SSDA903 episodes (placements, moves, codes) and the yearly return files.

A legal-stage spell becomes one or more episodes: a new episode at every placement move (moves are more frequent
early in a stay and for teenagers), a short temporary placement now and then (T0-T4, then back to the same
placement), and a last move that belongs to the way the child leaves (placed for adoption months before the
adoption order, placed with parents before a care order is discharged, supported accommodation before moving
to independent living). A change of legal stage keeps the placement most of the time (RNE L) or comes with a move
(RNE B). Everything is drawn from the council's own random stream, after the careers, so a council's careers do
not depend on whether its returns are written.
"""

import csv
import os

import numpy as np

from council_careers import AGE_EDGES_DAYS, EXIT_INDEX, NEVER, REC_CODES, STAGE_INDEX, eighteenth_birthday

PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6", "R3", "P1", "K2", "K1", "R1", "S1", "H5", "K3", "P2", "Z1",
              "R2", "R5", "A3", "A4", "A5", "A6", "T0", "T1", "T3", "T4")
P = {code: i for i, code in enumerate(PLACEMENTS)}
KINSHIP = {"U1", "U2", "U3"}
RESIDENTIAL = {"K2", "K1", "R1", "S1"}
# Weights by age band (0, 1-4, 5-9, 10-15, 16-17) of the placement a child moves to.
SHORT_TERM = {
    "U6": (0.50, 0.55, 0.55, 0.45, 0.25), "U3": (0.18, 0.22, 0.22, 0.14, 0.07), "U5": (0.05, 0.03, 0, 0, 0),
    "U2": (0.03, 0.02, 0, 0, 0), "R3": (0.10, 0, 0, 0, 0), "P1": (0.06, 0.08, 0.08, 0.05, 0.03),
    "K2": (0, 0.005, 0.03, 0.18, 0.15), "K1": (0, 0, 0, 0.01, 0.01), "R1": (0, 0, 0.005, 0.01, 0.01),
    "S1": (0, 0, 0.01, 0.02, 0.01), "H5": (0, 0, 0, 0, 0.35), "P2": (0, 0, 0, 0, 0.04),
    "Z1": (0, 0.005, 0.005, 0.01, 0.02), "R2": (0.01, 0.005, 0.005, 0.01, 0.01),
}
LONG_TERM = {   # under a care order for more than a year
    "U4": (0.45, 0.50, 0.50, 0.40, 0.25), "U1": (0.20, 0.22, 0.22, 0.15, 0.08), "U6": (0.15, 0.15, 0.15, 0.15, 0.10),
    "P1": (0.05, 0.05, 0.05, 0.05, 0.03), "K2": (0, 0.005, 0.04, 0.20, 0.15), "S1": (0, 0, 0.01, 0.03, 0.01),
    "H5": (0, 0, 0, 0, 0.30), "P2": (0, 0, 0, 0, 0.04), "Z1": (0, 0, 0.005, 0.01, 0.02),
}
PLACEMENT_ORDER = {"U6": (0.6,) * 5, "U5": (0.2,) * 5, "U3": (0.1,) * 5, "U2": (0.05,) * 5, "U4": (0.05,) * 5}
REMAND = {"R5": (0.25,) * 5, "K1": (0.2,) * 5, "U6": (0.35,) * 5, "K2": (0.2,) * 5}
UASC = {"U6": (0.8, 0.8, 0.8, 0.8, 0.3), "K2": (0.1,) * 5, "U4": (0.1, 0.1, 0.1, 0.1, 0.0), "H5": (0, 0, 0, 0, 0.6)}
# Placement tables by stage: 0 short term, 1 long term, 2 placement order, 3 remand, 4 UASC, 5 short term but
# without placement with parents (which needs a care order)
STAGE_TABLE = {"protect": 5, "remand": 3, "uasc": 4, "s20": 5, "ico": 0, "co": 0, "po": 2, "co_after_po": 0}
LEGAL_STATUS = {"remand": "J2", "uasc": "V2", "s20": "V2", "ico": "C1", "co": "C2", "po": "E1", "co_after_po": "C2"}
# A move from the first to the second placement is often the same carers changing status (RNE T or U).
SAME_CARERS = {("U6", "U4"), ("U5", "U4"), ("U3", "U1"), ("U2", "U1"), ("U6", "A5"), ("U5", "A5"), ("U4", "A5"),
               ("U3", "A3"), ("U2", "A3")}
PROVIDERS = {
    "K2": {"PR4": 0.75, "PR1": 0.15, "PR5": 0.10}, "K1": {"PR1": 0.5, "PR2": 0.5},
    "R1": {"PR4": 0.6, "PR5": 0.2, "PR3": 0.2}, "S1": {"PR4": 0.5, "PR5": 0.3, "PR2": 0.2},
    "H5": {"PR4": 0.6, "PR5": 0.2, "PR1": 0.2}, "K3": {"PR4": 0.6, "PR5": 0.2, "PR1": 0.2},
    "P2": {"PR1": 0.6, "PR4": 0.4}, "P1": {"PR0": 1.0}, "R3": {"PR4": 0.5, "PR3": 0.5}, "R2": {"PR3": 1.0},
    "R5": {"PR3": 1.0}, "Z1": {"PR4": 0.5, "PR1": 0.5},
    **{a: {"PR1": 0.6, "PR2": 0.15, "PR5": 0.25} for a in ("A3", "A4", "A5", "A6")},
    **{t: {"PR1": 0.5, "PR4": 0.5} for t in ("T0", "T1", "T3", "T4")},
    **{u: {"PR1": 1.0} for u in KINSHIP},
}
CIN = {"N1": 0.63, "N2": 0.03, "N3": 0.03, "N4": 0.08, "N5": 0.14, "N6": 0.03, "N7": 0.005, "N8": 0.035}
REASON_PLACE_CHANGE = {"CARPL": 0.40, "CREQB": 0.13, "CREQO": 0.10, "LAREQ": 0.10, "CHILD": 0.05, "STAND": 0.03,
                       "ALLEG": 0.02, "CLOSE": 0.03, "OTHER": 0.14}
ETHNIC = {"WBRI": 0.72, "WOTH": 0.05, "WIRT": 0.005, "MWBC": 0.04, "MWBA": 0.01, "MWAS": 0.01, "MOTH": 0.03,
          "AIND": 0.01, "APKN": 0.015, "ABAN": 0.005, "AOTH": 0.01, "BCRB": 0.015, "BAFR": 0.03, "BOTH": 0.01,
          "OOTH": 0.02, "REFU": 0.005, "NOBT": 0.005}
UASC_ETHNIC = {"OOTH": 0.35, "AOTH": 0.25, "BAFR": 0.25, "WOTH": 0.1, "BOTH": 0.05}
# Placement moves a year by time in the stage (under 3 months, 3-12 months, 1-3 years, longer), and by age band.
MOVE_RATE = np.array([1.6, 0.7, 0.35, 0.2])
MOVE_RATE_EDGES = np.array([91, 365, 1096])
MOVE_AGE = np.array([0.6, 0.7, 0.8, 1.2, 1.3])
TEMPORARY_SHARE = 0.03
KEEP_PLACEMENT_ON_NEW_LEGAL_STATUS = 0.65
SUPPORTED_ACCOMMODATION_REGISTERED = np.datetime64("2023-10-28").astype(np.int64)   # K3 exists from then
REASON_PLACE_CHANGE_FROM = np.datetime64("2016-04-01").astype(np.int64)


def _table(weights, multipliers):
    """(age band, placement) probabilities from {code: weights by age band}, scaled by the council's multipliers."""
    t = np.zeros((5, len(PLACEMENTS)))
    for code, w in weights.items():
        t[:, P[code]] = np.array(w, float) * multipliers.get(code, 1.0)
    return t / t.sum(axis=1, keepdims=True)


def _pick(rng, table, rows):
    """One draw per row of `rows` (indices into table's first axis)."""
    cum = np.cumsum(table[rows], axis=1)
    u = rng.random(len(rows))[:, None] * cum[:, -1:]
    return np.minimum((cum < u).sum(axis=1), table.shape[1] - 1)


def _pick_codes(rng, probabilities, size):
    codes = list(probabilities)
    p = np.array([probabilities[c] for c in codes], float)
    return np.array(codes, dtype=object)[rng.choice(len(codes), size=size, p=p / p.sum())]


class Episodes:
    """Every care episode of the council that is open at some time in the collection years, as parallel arrays
    (one per column), sorted by child and start; `dec` is NEVER for an episode still open on the last day."""


# Boundaries between episodes inside a spell, by kind.
SPELL_START, MOVE, TEMPORARY, RETURN, EXIT_MOVE = range(5)


def build_episodes(careers, params, rng, first_day, end_day):
    period, spell = careers.period, careers.spell
    # the periods that show in the returns, with every spell of theirs (the placement before the window matters)
    shown = (period["end"] >= first_day) & (period["start"] < end_day)
    keep = shown[spell["period"]] & (spell["t0"] < end_day)
    sp = {k: v[keep] for k, v in spell.items()}
    sp["child"] = period["child"][sp["period"]]
    sp["dob"] = careers.dob[sp["child"]]
    sp["end"] = np.minimum(sp["t1"], end_day)                      # truncated: open at the end if t1 >= end_day
    last_in_period = np.r_[sp["period"][1:] != sp["period"][:-1], True]
    sp["first_in_period"] = np.r_[True, sp["period"][:-1] != sp["period"][1:]]
    sp["exit"] = np.where(last_in_period & (sp["t1"] < NEVER), period["exit"][sp["period"]], -1)

    owner, day = _moves(rng, sp, params)
    exit_owner, exit_day, exit_place = _exit_moves(rng, sp)
    # no ordinary move after the move that goes with leaving
    cut = np.full(len(sp["t0"]), NEVER, np.int64)
    cut[exit_owner] = exit_day
    ok = day < cut[owner]
    b = _boundaries(rng, sp, owner[ok], day[ok], exit_owner, exit_day, exit_place)
    place, rne = _placements(rng, sp, params, b)
    return _episodes(rng, careers, params, sp, b, place, rne, first_day, end_day)


def _moves(rng, sp, params):
    """Placement moves: a Poisson process in time since the spell started, thinned from its largest rate."""
    length = sp["end"] - sp["t0"]
    rmax = MOVE_RATE[0] * MOVE_AGE.max() * params.move_rate_multiplier
    owner = np.repeat(np.arange(len(length)), rng.poisson(rmax * length / 365.25))
    u = rng.random(len(owner)) * length[owner]
    age_band = np.searchsorted(AGE_EDGES_DAYS, sp["t0"][owner] - sp["dob"][owner] + u, side="right")
    rate = MOVE_RATE[np.searchsorted(MOVE_RATE_EDGES, u, side="right")] * MOVE_AGE[age_band] * \
        params.move_rate_multiplier
    ok = rng.random(len(owner)) * rmax < rate
    owner, day = owner[ok], sp["t0"][owner[ok]] + np.ceil(u[ok]).astype(np.int64)
    ok = day < sp["end"][owner]
    return owner[ok], day[ok]


def _exit_moves(rng, sp):
    """The move that goes with the way the child leaves, some months before: placed for adoption, placed with
    parents before a care order is discharged, supported accommodation, kinship carers who will take an SGO."""
    owners, days, places = [], [], []
    for target, stages, share, lo, hi, codes in (
            ("adopted", None, 1.0, 70, 300, {"A5": 0.3, "A6": 0.6, "A3": 0.03, "A4": 0.07}),
            ("returned_home", ("ico", "co", "co_after_po"), 0.5, 60, 365, {"P1": 1.0}),
            ("independent_living", None, 0.6, 30, 240, {"H5": 0.8, "P2": 0.2}),
            ("sgo", None, 0.55, 90, 365, {"U3": 0.7, "U1": 0.3})):
        m = sp["exit"] == EXIT_INDEX[target]
        if stages:
            m &= np.isin(sp["stage"], [STAGE_INDEX[s] for s in stages])
        m &= rng.random(len(m)) < share
        idx = np.nonzero(m)[0]
        t0, t1 = sp["t0"][idx], sp["t1"][idx]
        d = np.maximum(t1 - rng.integers(lo, hi, size=len(idx)), t0 + (t1 - t0) // 2)   # not in the first half
        ok = (d > t0) & (d < sp["end"][idx])
        owners.append(idx[ok])
        days.append(d[ok])
        places.append(np.array([P[c] for c in _pick_codes(rng, codes, int(ok.sum()))], np.int64))
    return tuple(np.concatenate(a).astype(np.int64) for a in (owners, days, places))


def _sorted_boundaries(owner, day, kind, fixed):
    order = np.lexsort((day, owner))
    owner, day, kind, fixed = owner[order], day[order], kind[order], fixed[order]
    same_next = np.r_[owner[1:] == owner[:-1], False]
    return owner, day, kind, fixed, same_next


def _boundaries(rng, sp, owner, day, exit_owner, exit_day, exit_place):
    """Every episode's start: spell starts, moves (a few of them temporary placements of up to a week, followed
    by a return to the placement before) and exit moves. A dict of arrays owner (spell), day, kind, fixed
    (the placement of an exit move), end."""
    n_sp = len(sp["t0"])
    owner, day, kind, fixed, same_next = _sorted_boundaries(
        np.concatenate([np.arange(n_sp), owner, exit_owner]), np.concatenate([sp["t0"], day, exit_day]),
        np.concatenate([np.full(n_sp, SPELL_START), np.full(len(owner), MOVE), np.full(len(exit_owner), EXIT_MOVE)]),
        np.concatenate([np.full(n_sp + len(owner), -1, np.int64), exit_place]))
    dup = np.r_[False, (owner[1:] == owner[:-1]) & (day[1:] == day[:-1])]     # two moves on one day: one
    owner, day, kind, fixed, same_next = owner[~dup], day[~dup], kind[~dup], fixed[~dup], same_next[~dup]
    same_next = np.r_[owner[1:] == owner[:-1], False]
    end = np.where(same_next, np.r_[day[1:], 0], sp["end"][owner])
    length = rng.integers(1, 8, size=len(day))
    temp = (kind == MOVE) & (rng.random(len(day)) < TEMPORARY_SHARE) & (day + length < end)
    kind[temp] = TEMPORARY
    owner, day, kind, fixed, same_next = _sorted_boundaries(
        np.concatenate([owner, owner[temp]]), np.concatenate([day, day[temp] + length[temp]]),
        np.concatenate([kind, np.full(int(temp.sum()), RETURN)]), np.concatenate([fixed, np.full(int(temp.sum()), -1)]))
    end = np.where(same_next, np.r_[day[1:], 0], sp["end"][owner])
    return dict(owner=owner, day=day, kind=kind, fixed=fixed, end=end, last_of_spell=~same_next)


def _placement_tables(params):
    """(table, age band, placement) probabilities, and the table each stage uses."""
    multipliers = {**{c: params.kinship_multiplier for c in KINSHIP},
                   **{c: params.residential_multiplier for c in RESIDENTIAL},
                   "H5": params.supported_multiplier, "P2": params.supported_multiplier}
    tables = np.stack([_table(SHORT_TERM, multipliers), _table(LONG_TERM, multipliers),
                       _table(PLACEMENT_ORDER, multipliers), _table(REMAND, {}), _table(UASC, multipliers),
                       _table({k: v for k, v in SHORT_TERM.items() if k != "P1"}, multipliers)])
    stage_names = {i: s for s, i in STAGE_INDEX.items()}
    return tables, np.array([STAGE_TABLE[stage_names[i]] for i in range(len(STAGE_INDEX))])


def _placements(rng, sp, params, b):
    """Each episode's placement and RNE: a fresh draw by stage and age, then the rules that tie an episode to the
    one before (kept on a change of legal status, back after a temporary placement, the same carers)."""
    tables, stage_table = _placement_tables(params)
    owner, day, kind = b["owner"], b["day"], b["kind"]
    n = len(day)
    stage = sp["stage"][owner]
    age_band = np.searchsorted(AGE_EDGES_DAYS, day - sp["dob"][owner], side="right")
    table = stage_table[stage]
    table[np.isin(stage, [STAGE_INDEX["co"], STAGE_INDEX["co_after_po"]]) & (day - sp["t0"][owner] > 365)] = 1
    place = _pick(rng, tables.reshape(-1, len(PLACEMENTS)), table * 5 + age_band)
    registered = (place == P["H5"]) & (day >= SUPPORTED_ACCOMMODATION_REGISTERED) & (rng.random(n) < 0.7)
    place[registered] = P["K3"]
    temporary = np.array([P[c] for c in _pick_codes(rng, {"T4": 0.7, "T1": 0.1, "T3": 0.1, "T0": 0.1}, n)])
    keep = (rng.random(n) < KEEP_PLACEMENT_ON_NEW_LEGAL_STATUS).tolist()
    same_carers = (rng.random(n) < 0.5).tolist()
    starts_period = ((kind == SPELL_START) & sp["first_in_period"][owner]).tolist()
    place_l, kind_l, fixed_l, temp_l, stage_l = place.tolist(), kind.tolist(), b["fixed"].tolist(), \
        temporary.tolist(), stage.tolist()
    no_keep = {P[a] for a in ("A3", "A4", "A5", "A6", "T0", "T1", "T3", "T4")}
    parents, custody = P["P1"], P["R5"]
    voluntary = {STAGE_INDEX["s20"], STAGE_INDEX["protect"]}
    rne = [""] * n
    for i in range(n):
        if starts_period[i]:
            rne[i] = "S"
            continue
        before, k = place_l[i - 1], kind_l[i]
        if k == SPELL_START:
            can_keep = before not in no_keep and not (before == parents and stage_l[i] in voluntary) and \
                not (before == custody and stage_l[i] != STAGE_INDEX["remand"])
            if keep[i] and can_keep:
                place_l[i] = before
                rne[i] = "L"
            else:
                same = (PLACEMENTS[before], PLACEMENTS[place_l[i]]) in SAME_CARERS and same_carers[i]
                rne[i] = "U" if same else "B"
        elif k == TEMPORARY:
            place_l[i] = temp_l[i]
            rne[i] = "P"
        elif k == RETURN:
            place_l[i] = place_l[i - 2]
            rne[i] = "P"
        else:
            if k == EXIT_MOVE:
                place_l[i] = fixed_l[i]
            same = (PLACEMENTS[before], PLACEMENTS[place_l[i]]) in SAME_CARERS and (same_carers[i] or k == EXIT_MOVE)
            rne[i] = "T" if same else "P"
    return np.array(place_l, np.int64), np.array(rne, dtype=object)


def _episodes(rng, careers, params, sp, b, place, rne, first_day, end_day):
    """The columns: legal status, codes, reasons ceased (X1 inside a period, the exit's code at its end, nothing
    while open), providers; only the episodes a return can show (ending on or after first_day)."""
    period = careers.period
    owner, day, kind = b["owner"], b["day"], b["kind"]
    n = len(day)
    stage = sp["stage"][owner]
    open_ = b["last_of_spell"] & (sp["t1"][owner] >= end_day)
    leaving = b["last_of_spell"] & ~open_ & (sp["next_stage"][owner] < 0)
    rec = np.full(n, "X1", dtype=object)
    rec[leaving] = np.array(REC_CODES, dtype=object)[period["rec"][sp["period"][owner[leaving]]]]
    rec[open_] = ""
    # an SGO's code says whether the guardians were the foster carers, and whether relatives
    sgo = np.nonzero(rec == "SGO")[0]
    kin = np.isin(place[sgo], [P[c] for c in KINSHIP])
    foster = np.isin(place[sgo], [P[c] for c in ("U4", "U5", "U6")])
    u = rng.random(len(sgo))
    rec[sgo] = np.where(kin, np.where(u < 0.85, "E45", "E47"),
                        np.where(foster, np.where(u < 0.5, "E46", np.where(u < 0.85, "E47", "E48")),
                                 np.where(u < 0.7, "E47", "E48")))

    ep = Episodes()
    ep.child = sp["child"][owner]
    ep.decom = day
    ep.dec = np.where(open_, NEVER, b["end"])
    ep.rne = rne
    stage_names = {i: s for s, i in STAGE_INDEX.items()}
    ls = np.array([LEGAL_STATUS.get(stage_names[s], "") for s in range(len(STAGE_INDEX))], dtype=object)[stage]
    protect = stage == STAGE_INDEX["protect"]
    police = rng.random(len(period["start"])) < 0.55                 # else an emergency protection order
    ls[protect] = np.where(police[sp["period"][owner[protect]]], "L1", "L2")
    ep.ls = ls
    cin = _pick_codes(rng, CIN, len(period["start"]))
    cin[period["uasc"]] = "N8"
    ep.cin = cin[sp["period"][owner]]
    ep.place = np.array(PLACEMENTS, dtype=object)[place]
    provider = np.empty(n, dtype=object)
    for code in PLACEMENTS:
        m = place == P[code]
        if m.any():
            shares = PROVIDERS.get(code) or {"PR1": 1 - params.agency_foster_share, "PR4": params.agency_foster_share}
            provider[m] = _pick_codes(rng, shares, int(m.sum()))
    ep.provider = provider
    ep.rec = rec
    reason = np.full(n, "", dtype=object)
    moved = np.isin(rne, ["P", "T", "B", "U"]) & (day >= REASON_PLACE_CHANGE_FROM)
    reason[moved] = _pick_codes(rng, REASON_PLACE_CHANGE, int(moved.sum()))
    reason[moved & np.isin(rne, ["T", "U"])] = "PLACE"
    reason[moved & np.isin(kind, [TEMPORARY, RETURN])] = "OTHER"
    ep.reason_place_change = reason
    homes = np.array([f"SC{n:06d}" for n in rng.integers(0, 1_000_000, size=25)], dtype=object)
    urn = np.full(n, "", dtype=object)
    residential = np.isin(place, [P[c] for c in RESIDENTIAL])
    urn[residential] = homes[rng.integers(0, len(homes), size=int(residential.sum()))]
    ep.urn = urn
    ep.short_break = np.zeros(n, bool)
    shown = ep.dec >= first_day
    for k in list(vars(ep)):
        setattr(ep, k, getattr(ep, k)[shown])
    return ep


def add_short_breaks(ep, params, rng, first_day, end_day, first_child):
    """Children who only have short breaks (V3/V4: not in care), their own ids from first_child on: each has a
    series of 3-12 breaks of 1-4 nights a few weeks apart. Returns the children's DOBs and sexes."""
    years = (end_day - first_day + 365) / 365.25
    n = rng.poisson(params.short_breaks_per_year * years)
    start = first_day - 365 + rng.integers(0, end_day - first_day + 365, size=n)
    age = rng.uniform(5, 16, size=n) * 365.25
    dob = (start - age).astype(np.int64)
    leap = np.char.endswith(np.datetime_as_string(dob.astype("datetime64[D]")).astype(str), "-02-29")
    dob[leap] -= 1
    age18 = eighteenth_birthday(dob)
    breaks = rng.integers(3, 13, size=n)
    rows = {k: [] for k in ("child", "decom", "dec", "ls")}
    for c in range(n):
        day = int(start[c])
        ls = "V4" if breaks[c] > 1 else "V3"
        for _ in range(breaks[c]):
            stop = day + int(rng.integers(1, 5))
            if stop >= min(end_day, age18[c]):
                break
            if stop >= first_day:
                rows["child"].append(first_child + c)
                rows["decom"].append(day)
                rows["dec"].append(stop)
                rows["ls"].append(ls)
            day = stop + int(rng.integers(14, 60))
    m = len(rows["child"])
    extra = dict(child=np.array(rows["child"], np.int64), decom=np.array(rows["decom"], np.int64),
                 dec=np.array(rows["dec"], np.int64), rne=np.full(m, "S", dtype=object),
                 ls=np.array(rows["ls"], dtype=object), cin=np.full(m, "N2", dtype=object),
                 place=_pick_codes(rng, {"U6": 0.5, "K2": 0.3, "U4": 0.2}, m),
                 provider=np.full(m, "PR1", dtype=object), rec=np.full(m, "E13", dtype=object),
                 reason_place_change=np.full(m, "", dtype=object), urn=np.full(m, "", dtype=object),
                 short_break=np.ones(m, bool))
    for k, v in extra.items():
        setattr(ep, k, np.concatenate([getattr(ep, k), v]))
    order = np.lexsort((ep.decom, ep.child))
    for k in list(vars(ep)):
        setattr(ep, k, getattr(ep, k)[order])
    return dob, np.where(rng.random(n) < 0.65, 1, 2)


# ---- writing ---------------------------------------------------------------------------------------------------

EPISODE_COLUMNS = ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                   "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN")
HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
UASC_COLUMNS = ("CHILD", "SEX", "DOB", "DUC")


def uk_dates(days):
    """dd/mm/yyyy for day numbers."""
    iso = np.datetime_as_string(np.asarray(days, dtype=np.int64).astype("datetime64[D]"))
    return np.array([f"{s[8:10]}/{s[5:7]}/{s[0:4]}" for s in iso.tolist()], dtype=object)


def write_returns(folder, ids, ep, dob, sex, ethnic, uasc_children, first_year, last_year, duplicate_share=0.0,
                  rng=None):
    """One episodes, header and UASC file per collection year Y/Y+1 (named with Y), each holding every episode
    open at some time in the year: DEC and REC blank for an episode still open on its 31 March. With
    duplicate_share > 0, that share of each file's episode rows is written twice (a common fault of real returns)."""
    os.makedirs(folder, exist_ok=True)
    age18 = eighteenth_birthday(dob)
    dob_text = uk_dates(dob)
    paths = []
    for year in range(first_year, last_year):
        first = np.datetime64(f"{year}-04-01").astype(np.int64)
        last = np.datetime64(f"{year + 1}-03-31").astype(np.int64)
        m = (ep.decom <= last) & (ep.dec >= first)
        idx = np.nonzero(m)[0]
        closed = ep.dec[idx] <= last
        dec = np.where(closed, uk_dates(np.where(closed, ep.dec[idx], 0)), "")
        rec = np.where(closed, ep.rec[idx], "")
        decom = uk_dates(ep.decom[idx])
        rows = [[ids[ep.child[i]], decom[j], ep.rne[i], ep.ls[i], ep.cin[i], ep.place[i], ep.provider[i], dec[j],
                 rec[j], ep.reason_place_change[i], "", "", ep.urn[i]] for j, i in enumerate(idx.tolist())]
        if duplicate_share > 0 and rows:
            again = np.nonzero(rng.random(len(rows)) < duplicate_share)[0]
            for j in again[::-1].tolist():
                rows.insert(j + 1, list(rows[j]))
        children = np.unique(ep.child[idx])
        header = [[ids[c], sex[c], dob_text[c], ethnic[c], "", "", ""] for c in children.tolist()]
        uasc = [[ids[c], sex[c], dob_text[c], uk_dates([age18[c]])[0] if age18[c] <= last else ""]
                for c in children.tolist() if uasc_children[c]]
        for name, columns, body in (("episodes", EPISODE_COLUMNS, rows), ("header", HEADER_COLUMNS, header),
                                    ("uasc", UASC_COLUMNS, uasc)):
            path = os.path.join(folder, f"{name}_{year}.csv")
            with open(path, "w", newline="") as f:
                w = csv.writer(f, lineterminator="\r\n")
                w.writerow(columns)
                w.writerows(body)
            paths.append(path)
    return paths
