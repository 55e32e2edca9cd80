// The what-if page in a real browser: Debian's Chromium, headless, driven by puppeteer-core (which downloads no
// browser). It starts `caseflow serve`, loads the page, moves a lever from the keyboard, waits for the chart to
// change, checks the figures shown against `caseflow compare` on the downloaded strategy, runs that strategy
// through `caseflow run`, fetches the Excel workbook, calibrates a base from SSDA903 returns chosen on the page (and
// names a file that is not one), and fails on any console error. Prints the time from the key press to the drawn chart (a
// benchmark of the page: the 0.3 s debounce included).
// Usage: node serve_page.mjs --caseflow PATH --repo DIR --work DIR. Exit 77 (skipped) without Chromium.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const argument = (name) => process.argv[process.argv.indexOf(name) + 1];
const caseflow = argument("--caseflow"), repo = argument("--repo"), work = argument("--work");
const chromium = "/usr/bin/chromium";
if (!existsSync(chromium)) { console.log("no Chromium at " + chromium + ": skipped"); process.exit(77); }
mkdirSync(work, { recursive: true });
// 200 keeps the test quick; CASEFLOW_SERVE_REPLICATIONS=1000 measures the lever-to-chart time the page is built for.
const REPLICATIONS = Number(process.env.CASEFLOW_SERVE_REPLICATIONS || 200);

function fail(message) { throw new Error(message); }

const server = spawn(caseflow, ["serve", "scenarios/strategies/all-combined.json", "--port", "0", "--replications", String(REPLICATIONS)],
  { cwd: repo, stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once("line", (line) => {
    const match = line.match(/http:\/\/127\.0\.0\.1:\d+\//);
    match ? resolve(match[0]) : reject(new Error("unexpected first line: " + line));
  });
  server.once("exit", (code) => reject(new Error("caseflow serve exited with " + code)));
});

const errors = [];
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1400 });
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("response", (response) => { if (response.status() >= 400) errors.push(response.status() + " " + response.url()); });
  await page.goto(url, { waitUntil: "networkidle0" });

  // The first answer: the starting strategy as shipped.
  const done = () => page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Done"), { timeout: 120000 });
  await done();
  const first = await page.$eval("#headline", (e) => e.textContent);
  if (!first.includes("fewer children")) fail("unexpected first headline: " + first);
  if (!(await page.$("#in-care-chart svg title"))) fail("the chart has no title");

  // Move the first lever (the edge-of-care share) five steps up from the keyboard.
  const lever = "#lever-interventions-0-share";
  const before = await page.$eval(lever, (e) => Number(e.value));
  await page.focus(lever);
  const pressed = Date.now();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction((old) => document.getElementById("headline").textContent !== old, { timeout: 120000 }, first);
  await done();
  const leverToChart = (Date.now() - pressed) / 1000;
  const after = await page.$eval(lever, (e) => Number(e.value));
  if (Math.abs(after - before - 0.05) > 1e-9) fail(`the lever moved from ${before} to ${after}, not 5 steps of 0.01`);
  const shown = await page.$$eval("#difference-table tbody tr", (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  await page.screenshot({ path: join(work, "serve-page.png"), fullPage: true });

  // The strategy as the page downloads it, run through `caseflow run` and `caseflow compare`.
  const strategy = await page.evaluate(async () => {
    const response = await fetch("/api/strategy", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request()) });
    return response.text();
  });
  const strategyFile = join(work, "strategy.json");
  writeFileSync(strategyFile, strategy);
  if (JSON.parse(strategy).interventions[0].share !== after) fail("the downloaded strategy does not hold the lever's value");
  execFileSync(caseflow, ["run", strategyFile, "--replications", "2", "-o", join(work, "run")], { stdio: "ignore" });
  execFileSync(caseflow, ["compare", join(repo, "scenarios/herefordshire-2020.json"), strategyFile, "--replications", String(REPLICATIONS),
    "--seed", "1", "-o", join(work, "compare")], { stdio: "ignore" });
  const csv = readFileSync(join(work, "compare", "comparison_in_care.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  if (csv.length !== shown.length) fail(`the page shows ${shown.length} dates, compare wrote ${csv.length}`);
  csv.forEach((row, k) => {
    const [, date, , , mean, p05, p50, p95] = row;
    const whole = (x) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(Number(x));
    const expected = [date, Number(mean).toFixed(1), whole(p05), whole(p50), whole(p95)];
    if (JSON.stringify(expected) !== JSON.stringify(shown[k])) fail(`on ${date} the page shows ${shown[k]}, compare ${expected}`);
  });

  // The Excel workbook of the same what-if: a zip (an .xlsx) from the page's own request.
  const workbook = await page.evaluate(async () => {
    const response = await fetch("/api/workbook", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request()) });
    return [response.status, response.headers.get("Content-Type"), Array.from(new Uint8Array(await response.arrayBuffer()).slice(0, 2))];
  });
  if (workbook[0] !== 200 || !workbook[1].includes("spreadsheetml") || String.fromCharCode(...workbook[2]) !== "PK")
    fail("the workbook download is not an .xlsx file: " + JSON.stringify(workbook));

  // A file that is no SSDA903 return is named on the page (its 400 and Chromium's line about it are expected).
  const returns = join(work, "ssda903");
  execFileSync(caseflow, ["export-903", join(repo, "tests/data/calibration/truth.json"), "--seed", "3", "--out", returns], { stdio: "ignore" });
  writeFileSync(join(work, "notes.csv"), "A,B\n1,2\n");
  const input = await page.$("#returns");
  await input.uploadFile(join(returns, "episodes_2020.csv"), join(work, "notes.csv"));
  await page.waitForFunction(() => document.getElementById("error").textContent.includes("notes.csv: line 1"), { timeout: 60000 });
  for (let k = errors.length - 1; k >= 0; k--)
    if (errors[k].includes("/api/ssda903") || errors[k].includes("status of 400")) errors.splice(k, 1);
  // Returns calibrate into a base, chosen, whose what-if the page answers.
  const files = ["2017", "2018", "2019", "2020"].flatMap((year) => ["episodes", "header", "uasc"].map((kind) => join(returns, `${kind}_${year}.csv`)));
  await input.uploadFile(...files);
  await page.waitForFunction(() => document.querySelector("#base option:checked").textContent.startsWith("Calibrated: "), { timeout: 120000 });
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Done") &&
    document.getElementById("headline").textContent !== "", { timeout: 120000 });
  if ((await page.$eval("#error", (e) => e.textContent)) !== "") fail("an error after calibrating: " + (await page.$eval("#error", (e) => e.textContent)));
  if (!(await page.$("[id^=lever-arrivals-]"))) fail("no arrivals lever for the calibrated base");
  // No strategy chosen yet: the calibrated base against itself, the same simulation, so no difference at all.
  const calibrated = await page.$$eval("#difference-table tbody tr", (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  if (!calibrated.length || JSON.stringify(calibrated) === JSON.stringify(shown)) fail("the calibrated base's what-if is not shown");
  if (!calibrated.every((row) => Number(row[1]) === 0)) fail("the calibrated base differs from itself: " + JSON.stringify(calibrated));
  if (errors.length) fail("console errors: " + errors.join("; "));
  console.log(`ok: lever to chart ${leverToChart.toFixed(2)} s at ${REPLICATIONS} replications; screenshot ${join(work, "serve-page.png")}`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
