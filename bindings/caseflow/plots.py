"""Pictures of runs, comparisons and sensitivity analyses, with matplotlib.

Each function draws on ``ax`` (a new figure when ``ax`` is None) and returns the Axes, so plots can be
combined and restyled. They draw only what the tables hold (``RunResult.summary()``, ``costs_summary()``,
``budget()``, ``Comparison.in_care()``, a sensitivity table): no statistics are computed here.
"""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    return ax


def date_axis(ax):
    """Dates on the x axis that read at a glance: a tick every few months or years, each year named once
    ("2021", then "Apr", "Jul"...), never the crowded, overlapping full dates matplotlib draws by default."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return ax


def _label(result, state):
    if state == "in_care":
        return "All children in care"
    return result.scenario.state_labels.get(state, state)


def fan_chart(result, state="in_care", comparators=None, ax=None, color="tab:blue"):
    """The forecast of one stock as a fan: 90% band (p05-p95), 50% band (p25-p75) and the median.

    Args:
        result: a ``caseflow.RunResult``.
        state: a state id, or "in_care" for all children (the default).
        comparators: {name: number of children}, drawn as horizontal reference lines. By default (None)
            the scenario's own ``comparators``: for scenarios/herefordshire-2020.json, the numbers Herefordshire
            would look after at the West Midlands (296), England (235) and statistical neighbours' (196) rates
            per 10,000 children (scrutiny committee papers, 1 December 2020). Pass ``{}`` for none.
        ax: the matplotlib Axes to draw on; a new figure when None.
    """
    if comparators is None:
        comparators = {comparator["label"]: comparator["count"] for comparator in result.scenario.comparators}
    rows = result.summary()
    rows = rows[rows["state"] == state]
    if rows.empty:
        raise ValueError(f"no stock {state!r}; the stocks are {', '.join(result.stock_columns)}")
    ax = _axes(ax)
    ax.fill_between(rows["date"], rows["p05"], rows["p95"], color=color, alpha=0.18, linewidth=0,
                    label="90% of replications")
    ax.fill_between(rows["date"], rows["p25"], rows["p75"], color=color, alpha=0.38, linewidth=0,
                    label="50% of replications")
    ax.plot(rows["date"], rows["p50"], color=color, linewidth=2, label="median")
    history = result.scenario.to_dict().get("history", []) if state == "in_care" else []
    if history:
        # What was counted before the start, so a reader sees where the forecast comes from.
        ax.plot(pd.to_datetime([point["date"] for point in history]), [point["in_care"] for point in history],
                color="0.15", marker="o", markersize=4, linewidth=1, label="observed")
    styles = ["--", "-.", ":", (0, (5, 1, 1, 1, 1, 1))]
    for i, (name, count) in enumerate(comparators.items()):
        ax.axhline(count, color="0.3", linewidth=1.2, linestyle=styles[i % len(styles)], label=f"{name}: {count:g}")
    ax.set_ylabel("children")
    ax.set_title(f"{_label(result, state)}: {result.scenario.name} ({result.replications} replications)")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return date_axis(ax)


def stacked_stocks(result, ax=None, statistic="mean"):
    """Children in each state over time, stacked (the top of the stack is all children in care).

    ``statistic`` is "mean" (the default: means add up, so the top is the mean number in care) or a
    quantile column such as "p50" (medians do not add up: the top is then not the median in care).
    """
    frame = result.summary()
    frame = frame[frame["state"] != "in_care"]
    table = frame.pivot(index="date", columns="state", values=statistic)[result.scenario.state_ids]
    labels = result.scenario.state_labels
    ax = _axes(ax)
    # Enough distinct colours for a dozen states (the default cycle repeats after ten).
    palette = plt.get_cmap("tab10" if len(table.columns) <= 10 else "tab20").colors
    ax.stackplot(table.index, table.to_numpy().T, labels=[labels[state] for state in table.columns],
                 colors=palette[:len(table.columns)], alpha=0.9)
    ax.set_ylabel(f"children ({statistic} over replications)")
    ax.set_title(f"Children in care by state: {result.scenario.name}")
    ax.set_ylim(bottom=0)
    ax.margins(x=0)
    handles, names = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], names[::-1], loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")  # as stacked
    return date_axis(ax)


def strategy_comparison(comparison, strategies=None, ax=None, band=True):
    """Each strategy's effect on the number of children in care: the mean of strategy - base over time,
    with the 90% band (p05-p95) of the paired difference, replication by replication.

    Args:
        comparison: a ``caseflow.Comparison`` (from ``caseflow.compare``).
        strategies: names of the strategies to draw, in order; all by default.
        band: draw the 90% bands (with many strategies, one band each can crowd the picture).
    """
    rows = comparison.in_care()
    names = list(comparison.strategies) if strategies is None else list(strategies)
    unknown = [name for name in names if name not in comparison.strategies]
    if unknown:
        raise ValueError(f"no strategy {unknown[0]!r}; the strategies are {', '.join(comparison.strategies)}")
    ax = _axes(ax)
    palette = plt.get_cmap("tab10" if len(names) <= 10 else "tab20").colors
    for i, name in enumerate(names):
        own = rows[rows["strategy"] == name]
        color = palette[i % len(palette)]
        if band:
            ax.fill_between(own["date"], own["difference_p05"], own["difference_p95"], color=color, alpha=0.15,
                            linewidth=0)
        ax.plot(own["date"], own["difference_mean"], color=color, linewidth=2, label=name)
    ax.axhline(0, color="0.3", linewidth=1)
    ax.set_ylabel("children in care: strategy - base")
    ax.set_title(f"Against {comparison.base.scenario.name}: mean difference"
                 + (" and 90% band of the paired difference" if band else "")
                 + f" ({comparison.replications} replications)", fontsize="medium")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left", fontsize="small")
    return date_axis(ax)


def costs_by_year(result, ax=None, scale=1e6, unit="£ million", budget=True):
    """Cost by financial year, stacked by placement type (then allowances and running costs): the mean of each
    category, an error bar for the 90% band of the total, and each budget line of the scenario.

    Financial years the forecast covers only in part (the first and last, usually) are marked "(part)".

    Args:
        result: a ``caseflow.RunResult`` of a scenario with costs.
        scale, unit: pounds are divided by ``scale`` and labelled ``unit``.
        budget: draw the scenario's budgets (costs.budgets), when it has any.
    """
    rows = result.costs_summary()
    years = result.financial_years
    rows = rows[rows["period"].isin(years)]
    table = rows.pivot(index="period", columns="category", values="mean").loc[years]
    categories = [category for category in result.cost_categories if (table[category] != 0).any()]
    labels = _cost_labels(result.scenario)
    total = rows[rows["category"] == "total"].set_index("period").loc[years]
    ax = _axes(ax)
    x = np.arange(len(years))
    palette = plt.get_cmap("tab20").colors
    bottom = np.zeros(len(years))
    for i, category in enumerate(categories):
        heights = table[category].to_numpy() / scale
        ax.bar(x, heights, bottom=bottom, width=0.7, color=palette[i % len(palette)], label=labels.get(category, category))
        bottom = bottom + heights
    mean_total = total["mean"].to_numpy() / scale
    ax.errorbar(x, mean_total, yerr=[mean_total - total["p05"].to_numpy() / scale,
                                     total["p95"].to_numpy() / scale - mean_total],
                fmt="none", ecolor="black", capsize=4, label="total: 90% of replications")
    if budget and result.has_budgets:
        for i, line in enumerate(result.budget().itertuples()):
            position = years.index(line.financial_year)
            ax.hlines(line.budget / scale, position - 0.45, position + 0.45, colors="crimson", linewidth=2.5,
                      label="budget" if i == 0 else None)
    months = np.bincount(result.cost_period_financial_years, minlength=len(years))
    ax.set_xticks(x, [year + ("\n(part)" if count < 12 else "") for year, count in zip(years, months)])
    ax.set_ylabel(unit)
    ax.set_title(f"Cost by financial year: {result.scenario.name} ({result.replications} replications)",
                 fontsize="medium")
    ax.grid(axis="y", alpha=0.3)
    handles, names = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], names[::-1], loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    return ax


def _cost_labels(scenario):
    """{cost category: label}: placement types and allowances as the scenario names them."""
    document = scenario.to_dict()
    labels = {"running_costs": "Running costs of interventions"}
    for item in document.get("placement_types", []) + document.get("costs", {}).get("allowances", []):
        labels[item["id"]] = item.get("label") or item["id"]
    return labels


def tornado(table, measure="in_care", date=None, top=15, ax=None, band=True):
    """A tornado chart of a sensitivity analysis (``caseflow.sensitivity``): for each parameter, the effect of
    setting it lower and higher, largest range at the top.

    Args:
        table: the DataFrame ``caseflow.sensitivity`` returns.
        measure: "in_care" (children in care on the date) or "cost" (the cost of the financial year holding it,
            drawn in £ thousand).
        date: one of the table's dates; the last by default.
        top: how many parameters to draw (those with the largest ranges).
        band: draw the 90% band of each paired difference as an error bar.
    """
    rows = table[table["measure"] == measure]
    if rows.empty:
        raise ValueError(f"no rows for measure {measure!r}; the table has {', '.join(table['measure'].unique())}")
    date = rows["date"].max() if date is None else date
    rows = rows[rows["date"] == date]
    if rows.empty:
        raise ValueError(f"no rows for {date}; the table's dates are {', '.join(f'{d:%Y-%m-%d}' for d in table['date'].unique())}")
    scale = 1e3 if measure == "cost" else 1
    low = rows[rows["direction"] == "low"].set_index("parameter")
    high = rows[rows["direction"] == "high"].set_index("parameter").loc[low.index]
    spread = (high["effect_mean"] - low["effect_mean"]).abs()
    order = spread.sort_values(ascending=False, kind="stable").index[:top][::-1]  # barh draws bottom up
    low, high = low.loc[order], high.loc[order]
    ax = _axes(ax)
    y = np.arange(len(order))
    for side, color, name in ((low, "tab:blue", "parameter lower"), (high, "tab:orange", "parameter higher")):
        effect = side["effect_mean"].to_numpy() / scale
        ax.barh(y, effect, height=0.7, color=color, alpha=0.85, label=name)
        if band:
            ax.errorbar(effect, y, xerr=[effect - side["effect_p05"].to_numpy() / scale,
                                         side["effect_p95"].to_numpy() / scale - effect],
                        fmt="none", ecolor="0.25", elinewidth=0.8, capsize=2)
    ax.set_yticks(y, [f"{label} ({low_value:.4g} / {base:.4g} / {high_value:.4g})" for label, low_value, base, high_value
                      in zip(low["label"], low["value"], low["base_value"], high["value"])], fontsize="small")
    ax.axvline(0, color="0.3", linewidth=1)
    base_mean = rows["base_mean"].iloc[0] / scale
    when = f"{pd.Timestamp(date):%d %b %Y}"
    if measure == "cost":
        year = rows["financial_year"].iloc[0]
        ax.set_xlabel(f"change in the cost of {year}, £ thousand (base: {base_mean:,.0f})")
    else:
        ax.set_xlabel(f"change in children in care on {when} (base: {base_mean:.1f})")
    ax.set_title("Sensitivity: each parameter lower and higher, the others unchanged (labels: low / base / high)",
                 fontsize="medium")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize="small")
    return ax
