# The two commands of the README: `make demo` and `make test`. Both create or
# update .venv from pyproject.toml first; nothing needs installing by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HYPOTHESIS_PROFILE ?= ci
export HYPOTHESIS_PROFILE

.PHONY: demo test test-deep fuzz venv browser lint typecheck pytest docs bench manifest schema examples clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "gcm-model needs Python 3.11 or newer; run: make PYTHON=python3.11 ..." >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

# The bundled datasets include one flawed on purpose: exit status 1 (errors found) is the
# expected outcome of the demo, 2 or more a real failure.
demo: venv
	@$(BIN)/gcm-model validate --per-rule 3 examples/data/*.json; test $$? -le 1

test: lint typecheck pytest docs

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv
	$(BIN)/mypy

# The suite runs on every core (pytest-xdist; PYTEST_WORKERS=0 runs it in one process):
# branch coverage doubles its time, and on one core it took most of CI's 20 minutes.
# loadfile gives each test module to one worker, its tests in order, as a run in one
# process does: one browser and one build of the docs for the HTML report's tests, one
# folder for the docs' commands, each of which may read what an earlier one wrote.
# --durations lists the slowest tests, so that each run shows where its time goes.
PYTEST_WORKERS ?= auto
pytest: venv browser
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=15 \
	  --cov --cov-branch --cov-report=term-missing:skip-covered

# The HTML report's tests drive Debian's chromium through selenium. Installed here when
# missing, where apt-get exists and we are root; elsewhere those tests are skipped and say why.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends chromium chromium-driver >/dev/null; } || \
	  echo "could not install chromium and chromium-driver: the browser tests will be skipped" >&2; \
	else echo "no chromium or chromedriver, and no apt-get as root to install them:" \
	  "the browser tests will be skipped" >&2; fi

# The property suite with many more examples (minutes, not part of make test).
test-deep: venv
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -p no:cacheprovider tests

# Coverage-guided fuzzing of the loaders and validate with atheris, for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check atheris
	$(BIN)/python fuzz/fuzz_validate.py -max_total_time=$(FUZZ_SECONDS)

# NO_MKDOCS_2_WARNING silences mkdocs-material's banner about MkDocs 2.0, which is
# advice, not a problem in our docs.
docs: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

# The streaming benchmark measures a file of 1,000,000 records too (about 1 GB in the
# temporary folder, some 2 or 3 of make bench's 7 or 8 minutes on two cores); BENCH_STREAMING= leaves it out.
BENCH_STREAMING ?= --million
bench: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/serialisation.py
	$(BIN)/python benchmarks/validation.py
	$(BIN)/python benchmarks/compare.py
	$(BIN)/python benchmarks/streaming.py --dask 1 2 4 $(BENCH_STREAMING)
	$(BIN)/python scripts/update_performance_plot.py

manifest: venv
	$(BIN)/python scripts/update_manifest.py

schema: venv
	$(BIN)/python scripts/update_schema.py

examples: venv
	$(BIN)/python scripts/update_examples.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage .hypothesis site
