"""Sources a reader can open: the report's assumptions, and everything the product ships, cite public documents
(a council's committee papers, a publisher's title and year) and the repository's own files, never a file a
reader does not have: an internal design note, a line of a working document, or a path on some machine."""

import html.parser
import pathlib
import re
import subprocess

import pytest

from conftest import REPO, SHIPPED_SCENARIOS

# Words that name something outside the repository. Built from pieces so that this file does not hold them.
FORBIDDEN = ["seed" + " line", "DOMAIN" + ".md", "DESIGN" + ".md", ".." + "/shared"]
# A path on some machine: an absolute Unix path under a folder of people's or work files, a Windows drive, a
# file URL, a home. (/usr/bin/python3 is every Debian's, and the README may name it.)
LOCAL_PATH = re.compile(r"(?<![\w.])/(?:work|home|tmp|Users|var|mnt|root|srv)/|\b[A-Za-z]:\\|file://|~/")
# A file a text names: a word with a path or an extension of the files the repository holds.
FILE_NAME = re.compile(r"[\w./-]+\.(?:md|json|ipynb|py|cpp|hpp)\b")


def problems_in(text):
    """What in `text` a reader could not open: the forbidden words, local paths, and files not in the repository."""
    found = [word for word in FORBIDDEN if word.lower() in text.lower()]
    found += [f"local path: {m.group(0)!r} in ...{text[max(0, m.start() - 40):m.end() + 20]}..."
              for m in LOCAL_PATH.finditer(text)]
    for m in FILE_NAME.finditer(text):
        name = m.group(0).rstrip(".")
        if name.startswith(("http", "www.")) or "caseflow." in name:
            continue
        candidates = [REPO / name] + [folder / name for folder in (REPO / "docs", REPO / "scenarios", REPO / "data")]
        if not any(path.exists() for path in candidates):
            found.append(f"a file not in the repository: {name!r}")
    return found


class _SectionText(html.parser.HTMLParser):
    """The text of the <section> with a given id."""

    def __init__(self, section_id):
        super().__init__()
        self.section_id, self.depth, self.parts = section_id, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag == "section"
        elif tag == "section" and dict(attrs).get("id") == self.section_id:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "section":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def section_text(page, section_id):
    parser = _SectionText(section_id)
    parser.feed(page)
    return " ".join(parser.parts)


def test_the_checker_finds_what_a_reader_cannot_open():
    assert problems_in("CLA report, para 39; docs/herefordshire-2020.md; scenarios/herefordshire-2020.json") == []
    assert len(problems_in("as " + "seed" + " line 569 says")) == 1
    assert len(problems_in("see " + "DOMAIN" + ".md")) >= 1
    assert any("local path" in p for p in problems_in("read from /" + "home/someone/figures.csv"))
    assert any("not in the repository" in p for p in problems_in("explained in docs/no-such-note.md"))


@pytest.mark.parametrize("scenario", SHIPPED_SCENARIOS, ids=lambda p: str(p.relative_to(REPO / "scenarios")))
def test_report_assumptions_cite_only_what_a_reader_can_open(cli, tmp_path, scenario):
    report = tmp_path / "report.html"
    # Run from the repository with a relative path, as a reader would; two replications are enough for the text.
    outcome = subprocess.run([str(cli), "run", str(scenario.relative_to(REPO)), "--replications", "2", "--seed", "1",
                              "--out", str(tmp_path / "out"), "--report", str(report)],
                             cwd=REPO, capture_output=True, text=True)
    assert outcome.returncode == 0, outcome.stderr
    page = report.read_text(encoding="utf-8")
    assumptions = section_text(page, "assumptions")
    assert "Source" in assumptions or "source" in assumptions, "the assumptions section should be there, with sources"
    assert problems_in(assumptions) == []
    # Anywhere else in the report: no forbidden word, no path of this machine.
    assert [w for w in FORBIDDEN if w.lower() in page.lower()] == []
    assert str(REPO) not in page and str(tmp_path) not in page.replace(str(report), "")


PRODUCT = ["README.md", "Makefile", "docs", "scenarios", "data", "notebooks", "engine", "bindings", "tests", ".ci"]


def test_the_product_cites_no_file_a_reader_does_not_have():
    problems = []
    for top in PRODUCT:
        root = REPO / top
        # node_modules: what `npm ci` installs for the browser test, not the repository's.
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "node_modules" not in p.parts)
        for path in files:
            if path.suffix not in {".md", ".json", ".ipynb", ".cpp", ".hpp", ".py", ".pyi", ".txt", ""}:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [f"{path.relative_to(REPO)}: {word}" for word in FORBIDDEN if word.lower() in text.lower()]
            problems += [f"{path.relative_to(REPO)}: local path {m.group(0)!r}" for m in LOCAL_PATH.finditer(text)
                         if path.suffix in {".md", ".json", ".ipynb"}]
    assert problems == []
