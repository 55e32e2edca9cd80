"""Pictures of a run, with matplotlib.

Each function draws on ``ax`` (a new figure when ``ax`` is None) and returns the Axes, so plots can be
combined and restyled. They draw only what ``RunResult.summary()`` holds: no statistics are computed here.

More plots belong here as the engine grows: a strategy comparison once scenarios can be compared, and
placement costs by financial year once the engine integrates costs. They should take results the same way
(a RunResult, or several) and return the Axes.
"""

import matplotlib.pyplot as plt


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
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
    styles = ["--", "-.", ":", (0, (5, 1, 1, 1, 1, 1))]
    for i, (name, count) in enumerate(comparators.items()):
        ax.axhline(count, color="0.3", linewidth=1.2, linestyle=styles[i % len(styles)], label=f"{name}: {count:g}")
    ax.set_ylabel("children")
    ax.set_title(f"{_label(result, state)}: {result.scenario.name} ({result.replications} replications)")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax


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
    return ax
