# Newsroom: the two commands a new machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Set up everything and serve the site with the sample articles on SQLite, with a task
## worker beside the server (in its own process group, stopped when the server stops).
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_sample_content
	$(BIN)/python manage.py ensure_admin
	@set -m; $(BIN)/python manage.py run_worker & worker=$$!; \
	trap 'kill -TERM -$$worker 2>/dev/null || kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole test suite (set DATABASE_URL to run it on PostgreSQL).
test: install-dev
	$(BIN)/python -m pytest -n auto

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache
