# Two entry points a new developer needs: `make run` and `make test` (see README).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
APT_PACKAGES := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0 \
	libgl1-mesa-dri libegl1 libgl1 libfontconfig1 libdbus-1-3 mosquitto openssl prusa-slicer \
	postgresql openscad redis-server nginx-light

.PHONY: run test lint typecheck contracts pytest fuzz bench package clean system-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/potstudio

# Debian packages the tests need (Xvfb and Qt's xcb libraries, mosquitto, prusa-slicer, postgresql,
# openscad). Installed only when missing, and only when we are root (CI and the dev machines).
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else echo "missing Debian packages (run as root or install them):$$missing"; fi; \
	fi

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

contracts: $(TEST_STAMP)
	$(BIN)/lint-imports

pytest: $(TEST_STAMP) system-deps package
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/pytest -q $(PYTEST_ARGS)

test: system-deps lint typecheck contracts pytest

# the hub's contract run (tests/hub/test_schemathesis.py) with many more examples per operation than
# `make test` can afford; FUZZ_EXAMPLES=... to change how many
FUZZ_EXAMPLES ?= 100
fuzz: $(TEST_STAMP) system-deps
	POTSTUDIO_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider --timeout 3700 tests/hub/test_schemathesis.py

bench: $(TEST_STAMP) system-deps
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m bench

package: $(STAMP)
	$(BIN)/pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build packaging/potstudio.spec

# The readers' fuzzers (tests/fuzz), longer than in `make test`: hypothesis with thousands of examples per target,
# then atheris for FUZZ_SECONDS per target (finds go to build/fuzz-crashes/; see tests/fuzz/atheris/run.py).
FUZZ_SECONDS ?= 60
FUZZ_STAMP := $(VENV)/.installed-fuzz
$(FUZZ_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,fuzz]'
	touch $@

fuzz: fuzz-readers
fuzz-readers: $(FUZZ_STAMP) system-deps
	POTSTUDIO_FUZZ_PROFILE=fuzz-long $(BIN)/pytest -q -p no:cacheprovider --timeout 3600 tests/fuzz
	$(BIN)/python -m tests.fuzz.atheris.run --all --seconds $(FUZZ_SECONDS)

# Mutation testing ([tool.mutmut] in pyproject.toml); MUTANTS="core.document.expressions*" for one module.
MUTANTS ?=
# The machine's load is sampled into mutants/load.log for bench_mutation's note.
mutate: $(FUZZ_STAMP) system-deps
	mkdir -p mutants; (while sleep 30; do echo "$$(date +%s) $$(cut -d' ' -f1 /proc/loadavg)" >> mutants/load.log; \
		done) & sampler=$$!; \
		xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/mutmut run $(MUTANTS); status=$$?; kill $$sampler; exit $$status
	$(BIN)/mutmut results

.PHONY: fuzz-readers mutate

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
