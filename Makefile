# Thin wrapper: install what is missing, configure, build, then run or test.
# `make run` and `make test` are the README's two commands; `make python` installs the Python package.

BUILD    ?= build
JOBS     ?= $(shell nproc)
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need (Boost.Math headers come with libboost-random-dev; libcli11-dev
# parses the command line of `caseflow`; libxlsxwriter-dev writes its Excel workbooks, which the tests read back
# with python3-openpyxl; Chromium and a font for the test that renders the HTML report in a browser; clang and
# libclang-rt-14-dev for libFuzzer; libbenchmark-dev for `make bench`; libcpp-httplib-dev and pkg-config for
# `caseflow serve`). The browser test of its page also needs Node.js with npm, and skips without them.
DEBS     := cmake ninja-build g++ libeigen3-dev libboost-random-dev nlohmann-json3-dev libcli11-dev libgtest-dev \
            libxlsxwriter-dev pybind11-dev python3-dev python3-numpy python3-pandas python3-matplotlib python3-pytest \
            python3-openpyxl python3-nbformat python3-nbclient python3-ipykernel python3-distributed chromium \
            fonts-dejavu-core clang libclang-rt-14-dev libbenchmark-dev libcpp-httplib-dev pkg-config
# `make jupyter` only: Jupyter itself, Debian's classic notebook server.
JUPYTER_DEBS := jupyter-notebook
# Debian's Python, whose python3-* packages the bindings, tests and notebooks use (not whatever is first on PATH).
PYTHON   := /usr/bin/python3
# The bug-hunting builds of `make test` (issue 9), each in its own folder.
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD     ?= build-fuzz
FUZZ_SECONDS   ?= 30
# `make bench`: a Release build of its own with the microbenchmarks (engine/bench), no tests, no Python.
BENCH_BUILD    ?= build-bench
# The Herefordshire baseline once it exists; the worked example until then.
SCENARIO ?= $(firstword $(wildcard scenarios/herefordshire-2020.json) scenarios/example-small.json)
# One convention for output folders: a folder named after the scenario file, in the directory the command runs
# from, as `caseflow run` makes by default. `make run` names it explicitly so that it reruns into the same folder
# (the report's address stays the same) where `caseflow run` alone would make herefordshire-2020-2, -3...
RESULTS  ?= $(basename $(notdir $(SCENARIO)))

.PHONY: deps configure build run test test-sanitize fuzz-smoke bench python jupyter clean

deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

configure: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=$(PYTHON)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/engine/caseflow run $(SCENARIO) --out $(RESULTS) --report $(RESULTS)/report.html

# The engine's tests, the Python tests, then the engine's tests again against the engine and program built
# with AddressSanitizer + UndefinedBehaviorSanitizer (all but the browser tests: the report's rendering has nothing
# to sanitize, and the what-if page's server is sanitized by serve_http, without the minutes a browser waits on a
# debug build), then every fuzz target for FUZZ_SECONDS after replaying its corpus, JOBS at a time.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	PYTHONPATH=$(abspath $(BUILD))/python CASEFLOW_CLI=$(abspath $(BUILD))/engine/caseflow \
	  $(PYTHON) -m pytest tests/python tests/synthetic -q
	$(MAKE) --no-print-directory test-sanitize
	$(MAKE) --no-print-directory fuzz-smoke

test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCASEFLOW_SANITIZE=ON -DCASEFLOW_BUILD_PYTHON=OFF
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS) \
	  -E 'report_renders_in_chromium|serve_page_in_chromium'

fuzz-smoke: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
	  -DCASEFLOW_FUZZ=ON -DCASEFLOW_BUILD_TESTS=OFF -DCASEFLOW_BUILD_PYTHON=OFF -DCASEFLOW_FUZZ_SECONDS=$(FUZZ_SECONDS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_smoke

# The microbenchmarks (one replication of each shipped baseline, time draws, cost integrals, summaries), then
# `caseflow bench` on the Herefordshire baseline at 10,000 replications: 1 thread against all. Timings depend on
# what else the machine is doing; `caseflow bench` prints the load average.
bench: deps
	cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEFLOW_BUILD_BENCH=ON \
	  -DCASEFLOW_BUILD_TESTS=OFF -DCASEFLOW_BUILD_PYTHON=OFF
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target caseflow_bench caseflow
	$(BENCH_BUILD)/engine/bench/caseflow_bench
	$(BENCH_BUILD)/engine/caseflow bench scenarios/herefordshire-2020.json --replications 10000

# Makes `import caseflow` work in /usr/bin/python3 and its Jupyter kernel for the current user, with no
# package index and no pip (Debian's pip refuses to install outside a virtualenv): a .pth file in the
# user's site-packages pointing at the package this build staged in $(BUILD)/python. Re-run after a pull.
python: build
	@site=$$($(PYTHON) -m site --user-site) || \
	  { echo "user site-packages are disabled for $(PYTHON); use PYTHONPATH=$(abspath $(BUILD))/python instead"; exit 1; }; \
	mkdir -p "$$site" && echo "$(abspath $(BUILD))/python" > "$$site/caseflow.pth" && \
	cd / && $(PYTHON) -c 'import caseflow; print("caseflow", caseflow.__version__, "from", caseflow.__path__[0])' && \
	echo "installed for $(PYTHON) by $$site/caseflow.pth"

# Jupyter on the notebooks, with the caseflow this build staged (no `make python` needed): installs Debian's
# jupyter-notebook when it is missing, then serves notebooks/ and prints the address to open.
jupyter: build
	@dpkg-query -W -f='$${Status}\n' $(JUPYTER_DEBS) 2>/dev/null | grep -q '^install ok installed' || \
	  { echo "installing Debian packages:" $(JUPYTER_DEBS); \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(JUPYTER_DEBS); }
	PYTHONPATH=$(abspath $(BUILD))/python CASEFLOW_CLI=$(abspath $(BUILD))/engine/caseflow \
	  jupyter-notebook --notebook-dir=notebooks $(if $(SUDO),,--allow-root) $(JUPYTER_ARGS)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD) $(BENCH_BUILD)
