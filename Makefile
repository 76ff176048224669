# The entry points. `make run` and `make test` work on a fresh Debian 12 machine right
# after `git clone`: each installs what it needs first (scripts/setup, idempotent).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DEMO_DB ?= build/demo.db
DEMO_AS_OF ?= 2026-11-30
CXX_SOURCES = $(shell git ls-files '*.cc' '*.h')

.PHONY: setup web build run test fuzz format format-check lint bench clean screenshots

setup:
	@scripts/setup

# The dashboard: web/dist, which the binary embeds. `npm ci` runs only when node_modules is
# missing or older than package-lock.json; the build only when a source changed, the words
# of the catalogue (src/report/i18n/<lang>/*.json, which the dashboard imports) included.
WEB_SOURCES = $(shell find web/src -type f 2>/dev/null) $(wildcard src/report/i18n/*/*.json) \
              web/index.html web/package.json web/package-lock.json web/tsconfig.json \
              web/vite.config.ts
web: web/dist/index.html

web/dist/index.html: $(WEB_SOURCES) | setup
	@cd web && if [ ! -f node_modules/.package-lock.json ] || \
	   [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
	@cd web && npm run build --silent

# Release build; the binary is build/addio.
build: setup web
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# Loads the demo ledger into a fresh embedded store, prints the portfolio assessment and
# serves the dashboard (the URL is printed; Ctrl-C stops it). PORT=0 takes any free port.
PORT ?= 8080
run: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@build/addio demo --db $(DEMO_DB)
	@build/addio assess --db $(DEMO_DB) --as-of $(DEMO_AS_OF)
	@build/addio serve --db $(DEMO_DB) --port $(PORT)

# The README's screenshots (docs/*.png), taken again from the demo in Chromium.
screenshots: build
	@scripts/screenshots build/addio

# Every test, in the debug build with AddressSanitizer and UndefinedBehaviorSanitizer.
test: setup format-check web
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@ctest --preset debug -j $(JOBS)

# Every parser under libFuzzer with ASan and UBSan (fuzz/, docs/testing.md): clang 16 is
# installed first (fuzz/setup), the `fuzz` preset built, then each target runs FUZZ_SECONDS
# (default 60) seconds; prints the executions and findings per target. FUZZ_TARGETS="ofx ics"
# runs only those.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: setup
	@fuzz/setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target fuzz_targets
	@FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run $(FUZZ_TARGETS)

format:
	@clang-format -i $(CXX_SOURCES)

format-check:
	@clang-format --dry-run --Werror $(CXX_SOURCES) && echo "format: ok"

# clang-tidy 14 with libstdc++ 12: it needs -std=c++2b, and __cpp_concepts raised so that
# <expected> is visible to it (g++ 12 builds with the real values).
TIDY_ARGS = -extra-arg=-std=c++2b -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L
lint: setup
	@cmake --preset debug >/dev/null
	@run-clang-tidy -quiet -p build-debug -j $(JOBS) $(TIDY_ARGS) '^$(CURDIR)/src/'

# addio against SQLite and DuckDB on generated ledgers (docs/performance.md); installs the
# peers first (bench/setup). BENCH_ARGS="--sizes 1000,10000" for a shorter run.
bench: build
	@bench/run $(BENCH_ARGS)

clean:
	rm -rf build build-debug build-fuzz
