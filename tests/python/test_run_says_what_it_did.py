"""What `caseflow run` prints: what was run first, then where the report and the workbook are, then the folder and
every file it wrote there (no more, no fewer); how fast it ran only with --verbose."""

import subprocess

from conftest import HEREFORDSHIRE


def test_run_leads_with_what_was_run_and_lists_every_file_it_wrote(cli, tmp_path):
    out, report, book = tmp_path / "out", tmp_path / "report.html", tmp_path / "run.xlsx"
    outcome = subprocess.run([str(cli), "run", str(HEREFORDSHIRE), "--replications", "6", "--seed", "4", "--out", str(out),
                              "--per-replication", "--report", str(report), "--xlsx", str(book)],
                             capture_output=True, text=True)
    assert outcome.returncode == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    assert lines[0] == ("Herefordshire, 2 November 2020 (baseline): 6 replications, 60 months from 2 November 2020, "
                        "seed 4, uncertainty all")
    assert lines[1] == f"wrote {report} (the report)"
    assert lines[2] == f"wrote {book} (the Excel workbook)"
    folder, files = lines[3].split(": ", 1)
    assert folder == f"wrote {out}/"
    assert sorted(files.split(", ")) == sorted(path.name for path in out.iterdir())
    assert "events" not in outcome.stdout and len(lines) == 4

    verbose = subprocess.run([str(cli), "run", str(HEREFORDSHIRE), "--replications", "2", "--out", str(tmp_path / "v"),
                              "--verbose"], capture_output=True, text=True)
    assert verbose.returncode == 0, verbose.stderr
    assert " events in " in verbose.stdout.splitlines()[-1]
