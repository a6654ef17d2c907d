# Two commands set everything up on a fresh machine:
#   make run    virtual environment, dependencies, migrations, demo data, serve on 127.0.0.1:5000
#   make test   virtual environment, dependencies, the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export FLASK_APP := portal

.PHONY: run test soak bench bench-load lint translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	rm -f $(VENV)/.installed-*
	touch $@

translations: $(INSTALLED)
	$(BIN)/flask translate compile

run: $(INSTALLED) translations
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# The suite in parallel, a process for each processor (TEST_WORKERS=0: all in this one).
TEST_WORKERS ?= auto
test: $(INSTALLED) translations
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

# The soak for ten minutes (SOAK_SECONDS=...), and the fault tests: gunicorn on PostgreSQL
# (PORTAL_TEST_DATABASE_URL, as for the suite) under a day's mixed traffic. make test runs the
# same for thirty seconds.
SOAK_SECONDS ?= 600
soak: $(INSTALLED) translations
	PORTAL_SOAK_SECONDS=$(SOAK_SECONDS) CI=true $(BIN)/python -m pytest tests/core/test_soak.py -q -s

# The public pages under load (gunicorn), then the in-process and report benchmarks.
bench: bench-load
	$(BIN)/python bench/run.py

bench-load: $(INSTALLED) translations
	$(BIN)/python bench/load.py

# ruff (with its security rules) on everything; bandit on the portal's code, where each finding
# left is marked "# nosec <test>" beside a comment saying why it is safe; every installed
# distribution against the advisories kept in advisories/ (pip-audit's data, offline).
lint: $(INSTALLED)
	$(BIN)/ruff check portal tests bench advisories
	$(BIN)/bandit --quiet --recursive portal
	$(BIN)/python advisories/check.py
