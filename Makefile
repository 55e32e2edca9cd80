# Thin wrapper: install what is missing, configure, build, then run or test.
# `make run` and `make test` are the README's two commands.

BUILD    ?= build
JOBS     ?= $(shell nproc)
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need (Boost.Math headers come with libboost-random-dev;
# Chromium, Python and a font for the test that renders the HTML report in a browser).
DEBS     := cmake ninja-build g++ libeigen3-dev libboost-random-dev nlohmann-json3-dev libgtest-dev \
            python3 chromium fonts-dejavu-core
# The Herefordshire baseline once it exists; the worked example until then.
SCENARIO ?= $(firstword $(wildcard scenarios/herefordshire-2020.json) scenarios/example-small.json)
RESULTS  ?= results/$(basename $(notdir $(SCENARIO)))

.PHONY: deps configure build run test clean

deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

configure: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/engine/caseflow run $(SCENARIO) --out $(RESULTS) --report $(RESULTS)/report.html

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) results
