# The two set-up commands of the README: both create .venv from the requirements when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PUB_DATE ?= 2025-07-01

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps
	$(BIN)/python -m workbench extract --pub-date $(PUB_DATE) --format table samples/*.txt

test: $(VENV)/.dev-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(VENV)/.dev-deps
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python -W ignore benchmarks/accuracy.py
	$(BIN)/python benchmarks/recognizers_text.py
	$(BIN)/python -W ignore benchmarks/check_speed.py
	$(BIN)/python -W ignore benchmarks/export_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
