# `make run` and `make test` set everything up on a fresh machine; see README.md.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8069
HOST   ?= 127.0.0.1
BENCH  ?=
# The suite runs in one process per core (pytest-xdist), a test file to a process; JOBS=0 runs it in one.
JOBS   ?= auto
export ERP_PORT := $(PORT)

.PHONY: run test test-pg test-browser bench mutate venv catalogs i18n-extract i18n-update clean

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# Compiled catalogs are build output: made from the committed .po files.
catalogs: venv
	$(VENV)/bin/pybabel -q compile -d i18n

run: catalogs
	@test -f instance/erp.sqlite3 || [ -n "$$ERP_DATABASE_URL" ] || $(PY) run.py initdb --demo --history
	$(PY) run.py migrate
	@# the demo station reads a simulated scale on 127.0.0.1:8070; it stops with the server
	$(PY) run.py scale simulate --protocol st_gs --listen 127.0.0.1:8070 & sim=$$!; \
	trap "kill $$sim 2>/dev/null" EXIT INT TERM; \
	$(PY) run.py serve --host $(HOST) --port $(PORT)

test: catalogs
	$(PY) -m pytest -q -m "not browser" -n $(JOBS) --dist loadfile $(PYTEST_ARGS)

# The same suite against PostgreSQL: ERP_TEST_DATABASE_URL=postgresql://... (see .ci/run).
test-pg: catalogs
	$(PY) -m pytest -q -m "not browser" -n $(JOBS) --dist loadfile $(PYTEST_ARGS)

test-browser: catalogs
	$(PY) -m pytest -q -m browser $(PYTEST_ARGS)

bench: catalogs
	$(PY) bench/run.py $(BENCH)

# Plants one-line bugs on the invariants (credit, workflow, audit, numbering, plant checks, money) in a
# scratch copy and runs the tests that must catch each: ends with "mutate: N planted, M survived".
mutate: catalogs
	$(PY) tests/mutate.py $(MUTANTS)

i18n-extract: venv
	$(VENV)/bin/pybabel -q extract -F i18n/babel.cfg -k _l -k _cli -k lazy_gettext -k ngettext:1,2 -o i18n/messages.pot --no-location --sort-output .

# After adding strings: extract, merge into both catalogs, then translate the new zh_Hans_CN entries.
i18n-update: i18n-extract
	$(VENV)/bin/pybabel -q update -i i18n/messages.pot -d i18n --no-fuzzy-matching --ignore-obsolete
	$(PY) -m core.i18n_tools fill-english i18n/en/LC_MESSAGES/messages.po

clean:
	rm -rf $(VENV) build *.egg-info
