"""Fixtures for the tests of `caseflow serve` over HTTP: the program (CASEFLOW_CLI, or build/engine/caseflow)
started on a free port of 127.0.0.1 in the checkout, and stopped with SIGTERM when the tests end."""

import json
import os
import pathlib
import signal
import subprocess
import urllib.error
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli():
    path = pathlib.Path(os.environ.get("CASEFLOW_CLI", REPO / "build" / "engine" / "caseflow"))
    if not path.is_file():
        pytest.fail(f"the caseflow program is not at {path}: build it, or set CASEFLOW_CLI")
    return path


class Server:
    """`caseflow serve` as a process, and requests to it."""

    def __init__(self, cli, *arguments):
        self.process = subprocess.Popen([str(cli), "serve", "--port", "0", *arguments], cwd=REPO,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("caseflow serve: http://127.0.0.1:"):
            self.process.kill()
            raise AssertionError(f"unexpected first line {line!r}; stderr: {self.process.stderr.read()}")
        self.url = line.split()[2].rstrip("/")

    def request(self, method, path, body=None, content_type="application/json", headers=None, timeout=120):
        data = body if isinstance(body, (bytes, type(None))) else (body if isinstance(body, str) else json.dumps(body)).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=dict(headers or {}))
        if data is not None and content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def json(self, method, path, body=None, **options):
        status, _, content = self.request(method, path, body, **options)
        return status, json.loads(content)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, out, err


@pytest.fixture(scope="module")
def server(cli):
    running = Server(cli)
    yield running
    if running.process.poll() is None:
        running.stop()
