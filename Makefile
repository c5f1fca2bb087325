# The two commands a newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
# The suite runs in parallel (pytest-xdist); tests that share a server or a cluster
# carry an xdist_group mark so one worker runs them. TEST_WORKERS=0 runs it serially.
TEST_WORKERS ?= 2
# A marker expression for pytest's -m; empty runs every test. .ci/run's PostgreSQL
# pass sets TEST_MARKS="not single_pass": the tests that do not depend on the
# database engine (pyproject.toml) ran in its SQLite pass already.
TEST_MARKS ?=
VENV := .venv
PY := $(VENV)/bin/python
# A Python >= 3.12 (Django 6.1 needs it); scripts/find-python explains when none is found.
PYTHON ?= $(shell scripts/find-python)

.PHONY: help run serve test bench lint messages clean

help:
	@echo "make run   - set up and serve the portal on http://127.0.0.1:$(PORT)"
	@echo "make serve - production: gunicorn, settings from the environment (README)"
	@echo "make test  - install test tools and run lint, migration checks and the suite"
	@echo "make bench - the benchmark of bench/README.md (about 20 minutes)"

$(PY):
	@test -n "$(PYTHON)" || { scripts/find-python >/dev/null; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.base-installed: requirements/base.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/base.txt
	@touch $@

$(VENV)/.test-installed: requirements/test.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/test.txt
	@touch $@ $(VENV)/.base-installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $@

# Development: DEBUG on unless the environment says otherwise.
run: export DEBUG := $(or $(DEBUG),1)
run: export PORT := $(PORT)
run: $(VENV)/.base-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seed
	$(PY) manage.py build_dataset
	$(PY) manage.py ensure_editor
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production, behind a TLS proxy: every setting comes from the environment
# (README, "Production"). Refuses to start in development mode or half configured.
serve:
	@if [[ -n "$$DEBUG" && ! "$${DEBUG,,}" =~ ^(0|false|no|off)$$ ]]; then \
		echo "make serve: DEBUG is '$$DEBUG'; production runs with DEBUG off" \
			"(unset it or set DEBUG=0). For development use make run." >&2; \
		exit 1; \
	fi
	@missing=""; for name in DATABASE_URL SECRET_KEY ALLOWED_HOSTS SITE_URL; do \
		[[ -n "$${!name}" ]] || missing="$$missing $$name"; \
	done; \
	if [[ -n "$$missing" ]]; then \
		echo "make serve: set$$missing in the environment (README, Production)." >&2; \
		exit 1; \
	fi
	@if [[ ! "$$DATABASE_URL" =~ ^postgres(ql)?:// ]]; then \
		echo "make serve: DATABASE_URL must be a postgres:// address." >&2; \
		exit 1; \
	fi
	@$(MAKE) --no-print-directory $(VENV)/.base-installed
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	exec $(VENV)/bin/gunicorn -c gunicorn.conf.py portal.wsgi

# The benchmark (bench/README.md): PostgreSQL, gunicorn, wrk and Lighthouse on this
# machine. BENCH_ARGS passes options to bench/run.py, e.g. BENCH_ARGS="--sizes small".
bench: $(VENV)/.test-installed node_modules/.installed
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get install -y -qq wrk; \
		else \
			echo "make bench needs wrk: sudo apt-get install wrk" >&2; exit 1; \
		fi; }
	$(PY) bench/run.py $(BENCH_ARGS)

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.test-installed node_modules/.installed lint
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup \
		$(if $(TEST_MARKS),-m "$(TEST_MARKS)") $(PYTEST_ARGS)

# After changing interface strings: update the catalogues, translate the new
# entries in locale/*/LC_MESSAGES/django.po, then run this again to compile them.
messages: $(VENV)/.base-installed
	DEBUG=1 $(PY) manage.py makemessages -l az -l zh_Hans --no-location \
		-i .venv -i node_modules -i staticfiles -i static/vendor
	DEBUG=1 $(PY) manage.py compilemessages -l az -l zh_Hans -i .venv -i node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
