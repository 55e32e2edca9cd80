#!/usr/bin/python3
"""A report as a browser shows it: headless Chromium renders `caseflow report` output (or, with
--strategy, the report of `caseflow compare SCENARIO STRATEGY... --report`) to a PNG and to a PDF, with no
console errors and no network requests, and the rendered page holds every section.

    render_in_chromium.py --caseflow PATH --scenario FILE [--strategy FILE]... --work DIR [--keep-screenshot FILE]

Exit 0 on success, 1 on a failure, 77 (CTest's "skipped") when no Chromium is installed; `make test`
installs it, so there it always runs.
"""

import argparse
import html.parser
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

# The sections and charts of the Herefordshire run report (it has costs), and of its comparison report
# with one strategy (a difference chart, the net saving, the base's fan chart).
RUN_SECTIONS = ["summary", "children-in-care", "range", "by-state", "by-placement", "by-age", "exits", "costs", "assumptions",
                "about", "data-tables"]
RUN_CHARTS = 5
COMPARISON_SECTIONS = ["summary", "difference", "child-days", "comparators", "savings", "children-in-care", "about", "data-tables"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Chromium's log lines that mean the page itself went wrong (the sandboxed machine's D-Bus and GPU noise
# is not about the page).
# A report has no scripts, so any console message at all ("INFO:CONSOLE:12] \"Uncaught ...") is an error.
PAGE_ERRORS = ["Uncaught", ":CONSOLE", "net::ERR_", "Failed to load resource", "Refused to", "Not allowed to load"]
WIDTH, HEIGHT = 1100, 2600


class BalanceChecker(html.parser.HTMLParser):
    """Every start tag closed in order (python's own parser, independent of the C++ tests' checker)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                if value in self.ids:
                    self.errors.append(f"duplicate id {value}")
                self.ids.add(value)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> at line {self.getpos()[0]} closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()


def png_pixels(path):
    """Width, height and rows of RGB(A) bytes of an 8-bit PNG, with the scanline filters undone."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    if depth != 8 or colour not in (2, 6):
        raise ValueError(f"unexpected PNG format depth {depth} colour {colour}")
    channels = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--caseflow", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--strategy", action="append", default=[])
    parser.add_argument("--work", required=True)
    parser.add_argument("--keep-screenshot")
    args = parser.parse_args()
    failures = []

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    report = work / "report.html"
    if args.strategy:
        subprocess.run([args.caseflow, "compare", args.scenario, *args.strategy, "--replications", "200", "--seed", "1",
                        "--out", str(work / "compare"), "--report", str(report)], check=True, stdout=subprocess.DEVNULL)
        sections, charts = COMPARISON_SECTIONS, len(args.strategy) + 2
    else:
        subprocess.run([args.caseflow, "report", args.scenario, "--replications", "300", "--seed", "1", "-o", str(report)],
                       check=True, stdout=subprocess.DEVNULL)
        sections, charts = RUN_SECTIONS, RUN_CHARTS

    checker = BalanceChecker()
    checker.feed(report.read_text(encoding="utf-8"))
    checker.close()
    failures += checker.errors
    if checker.stack:
        failures.append(f"never closed: {checker.stack}")

    browser = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
    if browser is None:
        print("no Chromium installed (apt-get install chromium): skipped")
        return 77

    def chromium(*extra):
        with tempfile.TemporaryDirectory(dir=work) as profile:
            command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                       "--disable-background-networking", "--disable-component-update", "--disable-sync",
                       "--disable-extensions", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                       *extra, report.resolve().as_uri()]
            return subprocess.run(command, capture_output=True, text=True, timeout=180)

    runs = {
        "screenshot": chromium("--hide-scrollbars", f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={work / 'report.png'}"),
        "dump-dom": chromium("--dump-dom"),
        "print-to-pdf": chromium("--no-pdf-header-footer", f"--print-to-pdf={work / 'report.pdf'}"),
    }
    for name, run in runs.items():
        if run.returncode != 0:
            failures.append(f"chromium {name} exited {run.returncode}: {run.stderr[-2000:]}")
        for line in run.stderr.splitlines():
            if any(marker in line for marker in PAGE_ERRORS):
                failures.append(f"chromium {name}: {line}")

    dom = runs["dump-dom"].stdout
    for section in sections:
        if f'<section id="{section}"' not in dom:
            failures.append(f"rendered page has no section {section}")
    if dom.count("<svg") != charts:
        failures.append(f"rendered page has {dom.count('<svg')} charts, expected {charts}")

    pdf = work / "report.pdf"
    if not pdf.exists() or pdf.read_bytes()[:5] != b"%PDF-":
        failures.append("no PDF printed")

    png = work / "report.png"
    if not png.exists():
        failures.append("no screenshot")
    else:
        width, height, channels, rows = png_pixels(png)
        if (width, height) != (WIDTH, HEIGHT):
            failures.append(f"screenshot is {width}x{height}, expected {WIDTH}x{HEIGHT}")
        # The page was drawn: some dark text pixels, and a chart's blue band somewhere in the first screens.
        def pixels():
            for row in rows:
                for x in range(0, len(row), channels):
                    yield row[x], row[x + 1], row[x + 2]
        dark = band = 0
        for r, g, b in pixels():
            dark += r < 80 and g < 80 and b < 80
            band += b > r + 25 and b > 150
        if dark < 2000:
            failures.append(f"screenshot looks blank: {dark} dark pixels")
        if band < 2000:
            failures.append(f"screenshot shows no fan chart: {band} blue pixels")
        if args.keep_screenshot:
            shutil.copyfile(png, args.keep_screenshot)

    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print(f"rendered {report} in {browser}: screenshot {png}, PDF {pdf}, no console errors")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
