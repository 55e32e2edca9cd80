// The what-if page: loads the scenarios and their levers, runs a what-if on every change (debounced; a newer
// change cancels the older run, here by aborting its request and on the server by the session), and draws
// the answer. Charts are SVG drawn here, each with a title, a description and a table of its numbers.
"use strict";

const session = Math.random().toString(36).slice(2) + Date.now().toString(36);
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 });
const $ = (id) => document.getElementById(id);

const state = { scenarios: [], uploads: {}, levers: [], values: {}, timer: null, controller: null, last: null };

async function call(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  if (path === "/api/whatif") {
    if (state.controller) state.controller.abort();
    state.controller = new AbortController();
    options.signal = state.controller.signal;
  }
  const response = await fetch(path, options);
  const type = response.headers.get("Content-Type") || "";
  const data = type.startsWith("application/json") ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, data };
}

function showError(data) {
  if (!data) { $("error").textContent = ""; return; }
  // The engine's message names the document (base, strategy, upload, request) and the JSON path in it.
  $("error").textContent = data.error;
}

function setBusy(busy, text) {
  $("progress").hidden = !busy;
  $("status").textContent = text;
  $("results").classList.toggle("busy", busy);
}

// --- scenarios and levers ---------------------------------------------------------------------------------

function reference(select) {
  const value = select.value;
  if (value === "") return null;
  if (value.startsWith("upload:")) return state.uploads[value];
  return value;
}

function fillSelect(select, items, none) {
  select.replaceChildren();
  if (none) select.append(new Option(none, ""));
  for (const item of items) select.append(new Option(item.name + " (" + item.id + ")", item.id));
}

function fillStrategies() {
  const base = $("base").value;
  const strategies = state.scenarios.filter((s) => s.base === base);
  fillSelect($("strategy"), strategies, "None: move the base's own levers");
  for (const [key, document] of Object.entries(state.uploads))
    $("strategy").append(new Option("Loaded: " + (document.name || key), key));
}

async function loadLevers() {
  const strategy = reference($("strategy"));
  const start = strategy === null ? reference($("base")) : strategy;
  const reply = typeof start === "string"
    ? await call("GET", "/api/scenario?id=" + encodeURIComponent(start))
    : await call("POST", "/api/scenario", start);
  if (!reply.ok) { showError(reply.data); setBusy(false, "The scenario could not be read."); return; }
  state.levers = reply.data.levers;
  state.values = {};
  drawLevers();
  schedule(0);
}

function leverId(path) { return "lever" + path.replace(/[^A-Za-z0-9]/g, "-"); }

function drawLevers() {
  const form = $("levers");
  form.replaceChildren();
  const groups = new Map();
  for (const lever of state.levers) {
    if (!groups.has(lever.group)) {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = lever.group;
      fieldset.append(legend);
      form.append(fieldset);
      groups.set(lever.group, fieldset);
    }
    groups.get(lever.group).append(leverControl(lever));
  }
  if (state.levers.length === 0) form.textContent = "This scenario has no levers.";
}

function leverControl(lever) {
  const div = document.createElement("div");
  div.className = "lever";
  const id = leverId(lever.path);
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = lever.label;
  div.append(label);
  const changed = (value) => { state.values[lever.path] = value; schedule(); };
  if (lever.kind === "date") {
    const input = Object.assign(document.createElement("input"), { type: "date", id, value: lever.value, min: lever.min, max: lever.max });
    input.addEventListener("change", () => { if (input.value) changed(input.value); });
    div.append(input);
    return div;
  }
  const slider = Object.assign(document.createElement("input"), { type: "range", id, min: lever.min, max: lever.max, step: lever.step, value: lever.value });
  const box = Object.assign(document.createElement("input"), { type: "number", min: lever.min, step: lever.step, value: lever.value });
  box.setAttribute("aria-label", lever.label + " (exact value)");
  slider.addEventListener("input", () => { box.value = slider.value; changed(Number(slider.value)); });
  box.addEventListener("change", () => { if (box.value !== "") { slider.value = box.value; changed(Number(box.value)); } });
  div.append(slider, " ", box);
  if (lever.range) {
    const stated = document.createElement("span");
    stated.className = "stated";
    stated.textContent = "The scenario's 90% range: " + lever.range[0] + " to " + lever.range[1];
    div.append(stated);
  }
  return div;
}

// --- running ----------------------------------------------------------------------------------------------

function request() {
  const body = { base: reference($("base")), strategy: reference($("strategy")), levers: state.values, session };
  const replications = parseInt($("replications").value, 10);
  const seed = parseInt($("seed").value, 10);
  if (!Number.isNaN(replications)) body.replications = replications;
  if (!Number.isNaN(seed)) body.seed = seed;
  return body;
}

function schedule(delay = 300) {
  clearTimeout(state.timer);
  state.timer = setTimeout(runWhatIf, delay);
}

async function runWhatIf() {
  setBusy(true, "Running the simulations…");
  let reply;
  try {
    reply = await call("POST", "/api/whatif", request());
  } catch (error) {
    if (error.name === "AbortError") return;  // a newer change took over
    setBusy(false, "The server did not answer.");
    return;
  }
  if (reply.status === 409) return;  // replaced by a newer request, which will answer
  if (!reply.ok) { showError(reply.data); setBusy(false, "No result: see the message above."); return; }
  showError(null);
  state.last = reply.data;
  drawResults(reply.data);
  setBusy(false, "Done: " + whole.format(reply.data.replications) + " simulations of each in " +
    reply.data.seconds.toFixed(2) + " s.");
}

// --- drawing ----------------------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
function svgElement(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function niceStep(span) {
  const raw = span / 5, power = Math.pow(10, Math.floor(Math.log10(raw || 1))), f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

// series: {kind: "band", low, high, fill, stroke?, dash?} or {kind: "line", y, stroke, dash?, width, dots?};
// each with its own x (times in ms) and a legend.
function chart(container, id, title, description, series, yLabel) {
  const width = 720, height = 300, left = 60, right = 20, top = 20, bottom = 60;
  let xmin = Infinity, xmax = -Infinity, ymin = 0, ymax = -Infinity;
  for (const s of series) for (let i = 0; i < s.x.length; i++) {
    xmin = Math.min(xmin, s.x[i]); xmax = Math.max(xmax, s.x[i]);
    for (const v of s.kind === "band" ? [s.low[i], s.high[i]] : [s.y[i]]) { ymin = Math.min(ymin, v); ymax = Math.max(ymax, v); }
  }
  const step = niceStep(ymax - ymin);
  ymin = Math.floor(ymin / step) * step; ymax = Math.ceil(ymax / step) * step || step;
  const X = (t) => left + (t - xmin) / (xmax - xmin || 1) * (width - left - right);
  const Y = (v) => top + (ymax - v) / (ymax - ymin) * (height - top - bottom);
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": id + "-title " + id + "-desc" });
  svg.append(svgElement("title", { id: id + "-title" }, title), svgElement("desc", { id: id + "-desc" }, description));
  for (let v = ymin; v <= ymax + step / 2; v += step) {
    svg.append(svgElement("line", { x1: left, x2: width - right, y1: Y(v), y2: Y(v), stroke: v === 0 ? "#000" : "#ddd" }));
    svg.append(svgElement("text", { x: left - 6, y: Y(v) + 4, "text-anchor": "end" }, whole.format(v)));
  }
  // A tick on each 31 March, labelled on at most about eight of them.
  const firstYear = new Date(xmin).getFullYear(), lastYear = new Date(xmax).getFullYear();
  const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  for (let year = firstYear; year <= lastYear; year++) {
    const t = Date.UTC(year, 2, 31);
    if (t < xmin || t > xmax) continue;
    if ((lastYear - year) % every !== 0) {
      svg.append(svgElement("line", { x1: X(t), x2: X(t), y1: height - bottom, y2: height - bottom + 3, stroke: "#000" }));
      continue;
    }
    svg.append(svgElement("line", { x1: X(t), x2: X(t), y1: height - bottom, y2: height - bottom + 5, stroke: "#000" }));
    svg.append(svgElement("text", { x: X(t), y: height - bottom + 18, "text-anchor": "middle" }, "31 Mar " + year));
  }
  svg.append(svgElement("text", { x: left, y: 12 }, yLabel));
  let legendX = left;
  for (const s of series) {
    if (s.kind === "band") {
      const points = s.x.map((t, i) => `${X(t)},${Y(s.high[i])}`).concat(s.x.map((t, i) => `${X(t)},${Y(s.low[i])}`).reverse());
      svg.append(svgElement("polygon", { points: points.join(" "), fill: s.fill, stroke: s.stroke || "none", "stroke-dasharray": s.dash || "" }));
    } else {
      const points = s.x.map((t, i) => `${X(t)},${Y(s.y[i])}`).join(" ");
      if (s.dots) for (let i = 0; i < s.x.length; i++) svg.append(svgElement("circle", { cx: X(s.x[i]), cy: Y(s.y[i]), r: 2.5, fill: s.stroke }));
      else svg.append(svgElement("polyline", { points, fill: "none", stroke: s.stroke, "stroke-width": s.width || 2, "stroke-dasharray": s.dash || "" }));
    }
    const y = height - 18;
    if (s.kind === "band") svg.append(svgElement("rect", { x: legendX, y: y - 9, width: 18, height: 10, fill: s.fill, stroke: s.stroke || "none", "stroke-dasharray": s.dash || "" }));
    else if (s.dots) svg.append(svgElement("circle", { cx: legendX + 9, cy: y - 4, r: 3, fill: s.stroke }));
    else svg.append(svgElement("line", { x1: legendX, x2: legendX + 18, y1: y - 4, y2: y - 4, stroke: s.stroke, "stroke-width": s.width || 2, "stroke-dasharray": s.dash || "" }));
    const label = svgElement("text", { x: legendX + 22, y }, s.legend);
    svg.append(label);
    legendX += 30 + s.legend.length * 7;
  }
  container.replaceChildren(svg);
}

function table(container, headings, rows) {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const h of headings) { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.append(th); }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const c = i === 0 ? document.createElement("th") : document.createElement("td");
      if (i === 0) c.scope = "row";
      c.textContent = cell;
      tr.append(c);
    });
  }
  container.replaceChildren(t);
}

function drawResults(r) {
  $("headline").textContent = r.headline;
  const x = r.dates.map((d) => Date.parse(d));
  const last = x.length - 1;
  const series = [
    { kind: "band", x, low: r.base.p05, high: r.base.p95, fill: "#c9d3df", legend: "Base: 90% band" },
    { kind: "band", x, low: r.strategy.p05, high: r.strategy.p95, fill: "rgba(90,90,90,0.18)", stroke: "#333", dash: "4 3", legend: "Strategy: 90% band" },
    { kind: "line", x, y: r.base.mean, stroke: "#1f3b5a", width: 2.5, legend: "Base average" },
    { kind: "line", x, y: r.strategy.mean, stroke: "#000", dash: "7 4", width: 2.5, legend: "Strategy average" },
  ];
  if (r.history.length) series.push({ kind: "line", x: r.history.map((h) => Date.parse(h.date)), y: r.history.map((h) => h.in_care), stroke: "#000", dots: true, legend: "Observed" });
  chart($("in-care-chart"), "in-care", "Children in care, base and strategy",
    `On ${r.dates[last]} the base has ${whole.format(r.base.mean[last])} children in care on average ` +
    `(90% of simulations ${whole.format(r.base.p05[last])} to ${whole.format(r.base.p95[last])}), the strategy ` +
    `${whole.format(r.strategy.mean[last])} (${whole.format(r.strategy.p05[last])} to ${whole.format(r.strategy.p95[last])}).`,
    series, "Children in care");
  table($("in-care-table"), ["Date", "Base average", "Base 5%", "Base 95%", "Strategy average", "Strategy 5%", "Strategy 95%"],
    r.dates.map((d, i) => [d, r.base.mean[i].toFixed(1), whole.format(r.base.p05[i]), whole.format(r.base.p95[i]),
      r.strategy.mean[i].toFixed(1), whole.format(r.strategy.p05[i]), whole.format(r.strategy.p95[i])]));
  const d = r.difference;
  chart($("difference-chart"), "difference", "Strategy minus base, children in care",
    `On ${r.dates[last]} the strategy has ${d.mean[last].toFixed(1)} children in care more than the base on average ` +
    `(negative: fewer); 90% of paired simulations ${whole.format(d.p05[last])} to ${whole.format(d.p95[last])}.`,
    [{ kind: "band", x, low: d.p05, high: d.p95, fill: "#d9d9d9", legend: "90% of simulations" },
     { kind: "line", x, y: d.mean, stroke: "#000", width: 2.5, legend: "Average difference" }], "Difference");
  table($("difference-table"), ["Date", "Average", "5%", "Median", "95%"],
    r.dates.map((date, i) => [date, d.mean[i].toFixed(1), whole.format(d.p05[i]), whole.format(d.p50[i]), whole.format(d.p95[i])]));
  table($("costs-table"), ["Financial year", "Base", "Strategy", "Net saving", "5%", "95%"],
    r.costs.map((c) => [c.financial_year, pounds.format(c.base_cost), pounds.format(c.strategy_cost),
      pounds.format(c.net_saving.mean), pounds.format(c.net_saving.p05), pounds.format(c.net_saving.p95)]));
  const budgets = r.budgets.strategy.map((b, i) => {
    const base = r.budgets.base[i];
    return [b.financial_year, pounds.format(b.budget), base ? percent.format(base.probability_over) : "", percent.format(b.probability_over)];
  });
  if (budgets.length) table($("budgets-table"), ["Financial year", "Budget", "Base: chance over", "Strategy: chance over"], budgets);
  else $("budgets-table").textContent = "The scenario states no budgets.";
}

// --- downloads --------------------------------------------------------------------------------------------

async function download(path, fallbackName) {
  setBusy(true, "Preparing the download…");
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request()) });
  if (!response.ok) { showError(await response.json()); setBusy(false, "No download: see the message above."); return; }
  const blob = await response.blob();
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: fallbackName });
  document.body.append(link);
  link.click();
  link.remove();
  setBusy(false, "Downloaded " + fallbackName + ".");
}

// --- start ------------------------------------------------------------------------------------------------

async function start() {
  const reply = await call("GET", "/api/scenarios");
  state.scenarios = reply.data.scenarios;
  $("replications").max = reply.data.max_replications;
  $("replications").value = reply.data.default_replications;
  fillSelect($("base"), state.scenarios.filter((s) => !s.base));
  const initial = state.scenarios.find((s) => s.id === reply.data.initial);
  $("base").value = initial ? (initial.base || initial.id) : (state.scenarios.find((s) => !s.base) || {}).id;
  fillStrategies();
  if (initial && initial.base) $("strategy").value = initial.id;
  $("base").addEventListener("change", () => { fillStrategies(); loadLevers(); });
  $("strategy").addEventListener("change", loadLevers);
  $("replications").addEventListener("change", () => schedule());
  $("seed").addEventListener("change", () => schedule());
  $("reset").addEventListener("click", () => { state.values = {}; drawLevers(); schedule(0); });
  $("download-strategy").addEventListener("click", () => download("/api/strategy", "strategy.json"));
  $("download-report").addEventListener("click", () => download("/api/report", "report.html"));
  $("download-workbook").addEventListener("click", () => download("/api/workbook", "comparison.xlsx"));
  $("upload").addEventListener("change", async () => {
    const file = $("upload").files[0];
    if (!file) return;
    const text = await file.text();
    const checked = await call("POST", "/api/scenario", text);
    if (!checked.ok) { showError(checked.data); return; }
    showError(null);
    const key = "upload:" + file.name;
    state.uploads[key] = JSON.parse(text);
    $("strategy").append(new Option("Loaded: " + checked.data.name, key));
    $("base").append(new Option("Loaded: " + checked.data.name, key));
    $("strategy").value = key;
    loadLevers();
  });
  $("returns").addEventListener("change", async () => {
    const chosen = Array.from($("returns").files);
    if (!chosen.length) return;
    setBusy(true, "Calibrating from the SSDA903 returns…");
    const files = await Promise.all(chosen.map(async (file) => ({ name: file.name, text: await file.text() })));
    const body = { files };
    if ($("as-of").value) body.as_of = $("as-of").value;
    const calibrated = await call("POST", "/api/ssda903", body);
    // A bad file is named with its line, by the engine's message.
    if (!calibrated.ok) { showError(calibrated.data); setBusy(false, "Not calibrated: see the message above."); return; }
    showError(null);
    const key = "upload:ssda903:" + chosen.map((file) => file.name).join(",");
    state.uploads[key] = calibrated.data.document;
    $("base").append(new Option("Calibrated: " + calibrated.data.name, key));
    $("base").value = key;
    fillStrategies();
    setBusy(false, "Calibrated " + calibrated.data.name + ".");
    loadLevers();
  });
  await loadLevers();
}

start().catch((error) => setBusy(false, "The page could not start: " + error));
