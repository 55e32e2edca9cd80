# Thin wrapper: install what is missing, configure, build, then run or test.
# `make run` and `make test` are the README's two commands.

BUILD    ?= build
JOBS     ?= $(shell nproc)
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need (Boost.Math headers come with libboost-random-dev);
# clang and libclang-rt-14-dev give libFuzzer for the fuzz smoke run.
DEBS     := cmake ninja-build g++ libeigen3-dev libboost-random-dev nlohmann-json3-dev libgtest-dev \
            clang libclang-rt-14-dev
# The bug-hunting builds of `make test` (issue 9), each in its own folder.
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD     ?= build-fuzz
FUZZ_SECONDS   ?= 60
# The Herefordshire baseline once it exists; the worked example until then.
SCENARIO ?= $(firstword $(wildcard scenarios/herefordshire-2020.json) scenarios/example-small.json)
RESULTS  ?= results/$(basename $(notdir $(SCENARIO)))

.PHONY: deps configure build run test test-sanitize fuzz-smoke clean

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
	$(BUILD)/engine/caseflow run $(SCENARIO) --out $(RESULTS)

# The tests, then the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, then every fuzz
# target for FUZZ_SECONDS after replaying its corpus.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-sanitize
	$(MAKE) --no-print-directory fuzz-smoke

test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCASEFLOW_SANITIZE=ON
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS)

fuzz-smoke: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCASEFLOW_FUZZ=ON -DCASEFLOW_BUILD_TESTS=OFF -DCASEFLOW_FUZZ_SECONDS=$(FUZZ_SECONDS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_smoke

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD) results
