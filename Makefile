# The two commands of the README. Each does all set-up on a fresh machine.
#   make run    the app on SQLite, seed loaded, demo accounts printed, with the
#               background worker (db_worker) that generates the PDFs
#   make test   the test suite (set DATABASE_URL for PostgreSQL)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1:8000

.PHONY: run test lint fixture audit bench

$(VENV)/.terpasang: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.terpasang
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py siapkan_demo
	$(PY) manage.py db_worker & PEKERJA=$$!; trap "kill $$PEKERJA" EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

test: $(VENV)/.terpasang
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

fixture: $(VENV)/.terpasang
	$(PY) fixtures/bangun_seed.py

audit: $(VENV)/.terpasang
	PY=$(PY) bash .ci/audit

bench: $(VENV)/.terpasang
	PY=$(PY) bash .ci/bench
