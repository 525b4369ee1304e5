# Developer commands for wagtail_events. GNU make; run `make help` for the list.
#
# Every variable below can be set on the command line or in the environment, e.g.
#   make test VENV=.venv-py312 PYTHON=python3.12 PIP_CONSTRAINTS='"Django>=6.1,<6.2"'

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
# Extra requirement specifiers given to every install, so a test matrix can pin versions.
PIP_CONSTRAINTS ?=
PYTEST_ARGS ?=
# How many events `make bench` generates, and how many for its scale check (0 to skip it).
BENCH_EVENTS ?= 1000
BENCH_SCALE ?= 10000
# How long `make loadtest` runs, and how many requests it has in flight at a time.
LOADTEST_SECONDS ?= 60
LOADTEST_CONCURRENCY ?= 4

VENV_PYTHON := $(VENV)/bin/python
MANAGE := $(VENV_PYTHON) example_project/manage.py
LOCALE_DIR := wagtail_events/locale

.DEFAULT_GOAL := help
.PHONY: help demo test test-swapped screenshots bench loadtest lint imports format messages compilemessages docs migrations-check migrations-check-swapped clean FORCE

help:
	@echo "make demo              run the example site at http://127.0.0.1:$(PORT)/ with demo content"
	@echo "make test              run the test suite (honours DATABASE_URL and CI; npm installs axe-core)"
	@echo "make test-swapped      the tests a site with its own base page needs (WAGTAIL_PAGE_MODEL; Wagtail 8)"
	@echo "make screenshots       retake the editor guides' screenshots (needs Chromium)"
	@echo "make bench             time the events API against Wagtail's API v2 on BENCH_EVENTS generated events"
	@echo "                       (default $(BENCH_EVENTS); a throwaway SQLite file, or a new database next to DATABASE_URL's),"
	@echo "                       then pages, list and feeds at 100 and BENCH_SCALE events (default $(BENCH_SCALE); 0 skips)"
	@echo "make loadtest          gunicorn with 2 workers under load for LOADTEST_SECONDS (default $(LOADTEST_SECONDS))"
	@echo "                       while an editor publishes and translates; needs DATABASE_URL=postgres://..."
	@echo "make lint              ruff check, ruff format --check and the import contracts"
	@echo "make imports           check that imports keep to the package's floors (lint-imports)"
	@echo "make format            ruff format and ruff check --fix"
	@echo "make messages          update the translation catalogues ($(MESSAGE_LANGUAGES)) from the English source"
	@echo "make compilemessages   compile the translation catalogues to .mo files"
	@echo "make docs              build the HTML documentation into docs/_build/html"
	@echo "make migrations-check  fail if the models have changes without a migration"
	@echo "make migrations-check-swapped  the same for the swapped-base-page test app (Wagtail 8)"
	@echo "make clean             remove build output and caches (keeps $(VENV) and the demo database)"

# --- virtual environment -------------------------------------------------------------------

$(VENV_PYTHON):
	$(PYTHON) -m venv $(VENV)

# Holds the PIP_CONSTRAINTS of the last install. It is rewritten only when they change, so the
# install stamps below are rebuilt when the pins change and left alone otherwise.
$(VENV)/.pip-constraints: FORCE | $(VENV_PYTHON)
	@printf '%s\n' '$(PIP_CONSTRAINTS)' | cmp -s - $@ || printf '%s\n' '$(PIP_CONSTRAINTS)' > $@

# One stamp per extra: reinstall when pyproject.toml is newer or the pins changed. uv, put into
# the venv by pip, resolves and installs from PyPI in seconds where pip takes most of a minute.
$(VENV)/.installed-%: pyproject.toml $(VENV)/.pip-constraints | $(VENV_PYTHON)
	@echo "Installing wagtail_events[$*] into $(VENV)"
	$(VENV_PYTHON) -m pip install --quiet uv
	$(VENV)/bin/uv pip install --quiet --python $(VENV_PYTHON) -e ".[$*]" $(PIP_CONSTRAINTS)
	@touch $@

FORCE:

# axe-core, which the accessibility tests inject into the pages, comes from npm at the version
# package-lock.json pins. Without npm the install is left out and those tests skip (under CI=true
# they fail instead). The stamp is written only once npm ci succeeds, so a broken install reruns.
AXE_STAMP := node_modules/.installed-axe-core

$(AXE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		echo "Installing axe-core from npm into node_modules/"; \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: axe-core is not installed, so the accessibility tests will skip"; \
	fi

# --- running ---------------------------------------------------------------------------------

demo: $(VENV)/.installed-example
	$(MANAGE) migrate --no-input
	PORT=$(PORT) $(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test $(AXE_STAMP)
	$(VENV_PYTHON) -m pytest $(PYTEST_ARGS)

# A site that swaps Wagtail's base page (WAGTAIL_PAGE_MODEL, Wagtail 8 and later) and builds its
# own event pages: tests/conftest.py picks the modules that run against them.
test-swapped: $(VENV)/.installed-test
	$(VENV_PYTHON) -m pytest --ds=tests.settings_swapped $(PYTEST_ARGS)

# Retakes the editor guides' pictures (docs/_static/screenshots) through Chromium.
screenshots: $(VENV)/.installed-test
	DOCS_SCREENSHOTS_DIR=docs/_static/screenshots $(VENV_PYTHON) -m pytest -n 0 -p no:cacheprovider \
		tests/browser/test_docs_screenshots.py

# Fails when a performance target is missed; see docs/explanation/performance.md.
bench: $(VENV)/.installed-example
	$(VENV_PYTHON) -m benchmarks.bench --events $(BENCH_EVENTS) --scale $(BENCH_SCALE)

# Fails on any error status, stale response or lost edit; see docs/explanation/load-testing.md.
loadtest: $(VENV)/.installed-example
	@case "$(DATABASE_URL)" in postgres://*|postgresql://*) ;; \
		*) echo "make loadtest needs DATABASE_URL=postgres://user:password@host:5432/db"; exit 2;; esac
	$(VENV_PYTHON) -m benchmarks.loadtest --seconds $(LOADTEST_SECONDS) \
		--concurrency $(LOADTEST_CONCURRENCY)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

# The contracts are in pyproject.toml; see docs/explanation/architecture.md.
imports: $(VENV)/.installed-test
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The package and the example project each keep their own catalogue. Running inside each
# directory puts the catalogue in its locale/ and scans nothing outside it (no virtual
# environments). Settings are left out: the commands need none.
CATALOGUE_DIRS := wagtail_events example_project

# The languages the catalogues are kept in: each gets every string of the code.
MESSAGE_LANGUAGES ?= nb nn

messages: $(VENV)/.installed-example
	mkdir -p $(LOCALE_DIR)
	for dir in $(CATALOGUE_DIRS); do \
		(cd $$dir && env -u DJANGO_SETTINGS_MODULE $(abspath $(VENV_PYTHON)) -m django \
			makemessages $(addprefix -l ,$(MESSAGE_LANGUAGES)) --extension=html,py,txt \
			--ignore='.venv*') || exit 1; \
	done

compilemessages: $(VENV)/.installed-example
	for dir in $(CATALOGUE_DIRS); do \
		(cd $$dir && env -u DJANGO_SETTINGS_MODULE $(abspath $(VENV_PYTHON)) -m django \
			compilemessages) || exit 1; \
	done

docs: $(VENV)/.installed-docs
	$(VENV_PYTHON) -m sphinx -W --keep-going -b html docs docs/_build/html

migrations-check: $(VENV)/.installed-example
	DJANGO_SETTINGS_MODULE=tests.settings $(MANAGE) makemigrations --check --dry-run

migrations-check-swapped: $(VENV)/.installed-example
	DJANGO_SETTINGS_MODULE=tests.settings_swapped $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf docs/_build build dist .pytest_cache .ruff_cache
	find . -path './.venv*' -prune -o -path ./.git -prune -o \
		\( -name '__pycache__' -o -name '*.egg-info' \) -type d -prune -exec rm -rf {} +
